package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WakeupProbeTest {
    @Test
    void recordsEveryWakeUpAndStopsOnClose() throws Exception {
        WakeupProbe probe = new WakeupProbe();
        Thread.sleep(100); // let it wake up a few dozen times
        probe.close();
        long samples = probe.samples();
        assertTrue(samples >= 1, "no wake-up recorded in 100 ms");
        assertTrue(probe.maxLateMillis() >= 0, "late " + probe.maxLateMillis());
        assertTrue(probe.lateOver30() <= samples);
        Thread.sleep(20);
        assertEquals(samples, probe.samples(), "a closed probe records nothing more");
        assertTrue(probe.toString().contains(samples + " wake-ups"), probe.toString());
    }
}
