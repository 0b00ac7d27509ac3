package org.twinlab.export.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one tick algorithm of the figures and the live plots, on the live plots' axes (ends fixed at the
 * data, ticks inside): 1, 10, 100 or 1, 3, 10 on a log axis, never 32/100/316; no pile-up.
 */
class TicksTest {
    private static List<String> labels(double lo, double hi, boolean log, int max) {
        return Arrays.asList(Ticks.labels(Frame.Extent.exact(lo, hi, log).range(max).ticks()));
    }

    @Test
    void logTicksArePowersOfTenOrOneThreeTen() {
        assertEquals(List.of("1", "10", "100", "1000"), labels(0.8, 1250, true, 6));
        assertEquals(List.of("1", "100", "10000"), labels(0.8, 12500, true, 3), "every other decade when they do not fit");
        assertEquals(List.of("30", "100", "300"), labels(25, 400, true, 6), "1-3-10 within a decade and a half");
        assertEquals(List.of("3e-4", "0.001", "0.003"), labels(2e-4, 4e-3, true, 5));
        assertEquals(List.of("1", "10"), labels(1, 67, true, 2), "a small gauge: two ticks, not a pile");
        assertEquals(List.of("1", "3", "10", "30"), labels(1, 67, true, 5), "not 20, 40, 60 crowded at the top of a log axis");
        assertEquals(List.of("3000", "4000", "5000", "6000"), labels(2500, 6500, true, 5), "round values inside a decade");
    }

    @Test
    void linearTicksFitTheRoom() {
        assertEquals(List.of("0", "0.5", "1"), labels(0, 1, false, 3));
        assertEquals(List.of("0", "5e-4"), labels(0, 6e-4, false, 2), "a short learning-rate plot: two labels");
        assertEquals(List.of("-2", "-1", "0", "1"), labels(-2.2, 1.3, false, 6));
    }
}
