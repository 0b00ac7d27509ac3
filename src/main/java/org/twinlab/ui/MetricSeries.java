package org.twinlab.ui;

import java.util.Arrays;

/**
 * A growing column of numbers written by one thread (the training loop) and read by another (the FX
 * thread) without locks: the writer fills a slot, then publishes the new size through a volatile; a
 * reader takes the size first and then the array, which holds at least that many values.
 */
final class MetricSeries {
    private float[] values = new float[1024];
    private volatile int size;

    /** Writer side (one thread only). */
    void add(double v) {
        int n = size;
        if (n == values.length) {
            values = Arrays.copyOf(values, n * 2);
        }
        values[n] = (float) v;
        size = n + 1;
    }

    int size() {
        return size;
    }

    /** Reader side: a stable view of the first {@code size()} values at the time of the call. */
    View view() {
        int n = size;
        return new View(values, n);
    }


    /** Values [0, n) of an array that is never written below n again. */
    record View(float[] values, int n) {
        float get(int i) {
            return values[i];
        }
    }
}
