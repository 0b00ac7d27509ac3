package org.twinlab.ui;

/** Records the gaps between FX pulses: how free the FX thread stays while a run goes. */
public final class PulseMonitor {
    private long last;
    private long maxGapNanos;
    private long pulses;

    void pulse(long now) {
        if (last != 0) {
            maxGapNanos = Math.max(maxGapNanos, now - last);
        }
        last = now;
        pulses++;
    }

    /** Starts a new measurement window. */
    public void reset() {
        last = 0;
        maxGapNanos = 0;
        pulses = 0;
    }

    public double maxGapMillis() {
        return maxGapNanos / 1e6;
    }

    public long pulses() {
        return pulses;
    }
}
