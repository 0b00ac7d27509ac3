package org.twinlab.ui;

import java.util.Arrays;

/** Records the gaps between FX pulses: how free the FX thread stays while a run goes. */
public final class PulseMonitor {
    private long last;
    private long[] gaps = new long[4096];
    private int count;
    private long maxWorkNanos;

    void pulse(long now) {
        if (last != 0) {
            if (count == gaps.length) {
                gaps = Arrays.copyOf(gaps, count * 2);
            }
            gaps[count++] = now - last;
        }
        last = now;
    }

    /** Time the window's own redraw took in one pulse. */
    void work(long nanos) {
        maxWorkNanos = Math.max(maxWorkNanos, nanos);
    }

    /** Starts a new measurement window. */
    public void reset() {
        last = 0;
        count = 0;
        maxWorkNanos = 0;
    }

    /** The longest the window's redraw took in one pulse: the FX thread's own share of a gap. */
    public double maxWorkMillis() {
        return maxWorkNanos / 1e6;
    }

    public double maxGapMillis() {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, gaps[i]);
        }
        return max / 1e6;
    }

    /** The gap that {@code fraction} of all gaps are at most, e.g. 0.99. */
    public double percentileMillis(double fraction) {
        int n = count; // once: the FX thread keeps counting pulses while another thread reads
        if (n == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(gaps, n);
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(n - 1, (int) Math.ceil(fraction * n) - 1))] / 1e6;
    }

    /** How many gaps were longer than {@code millis}. */
    public int gapsOver(double millis) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (gaps[i] > millis * 1e6) {
                n++;
            }
        }
        return n;
    }

    public long pulses() {
        return count;
    }
}
