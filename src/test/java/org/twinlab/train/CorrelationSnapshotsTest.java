package org.twinlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CorrelationSnapshotsTest {
    /** A D x D matrix with 0.9 on the diagonal and C[i][j] = 0.01 * ((i + 2j) % 7 - 3) off it. */
    private static float[] matrix(int d) {
        float[] c = new float[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c[i * d + j] = i == j ? 0.9f : 0.01f * ((i + 2 * j) % 7 - 3);
            }
        }
        return c;
    }

    @Test
    void upTo1024EveryCellIsKept() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] c = matrix(300);
            TrainingEvent.Correlation s = CorrelationSnapshots.of(m.create(c, new Shape(300, 300)), 7, 0, 0);
            assertEquals(1, s.stride());
            assertEquals(300, s.side());
            assertEquals(c[5 * 300 + 17], s.value(5, 17));
            assertEquals(0.9, s.meanDiagonal(), 1e-6);
            assertEquals(300, Arrays.stream(s.diagonalHistogram()).sum());
            assertEquals(300 * 299, Arrays.stream(s.offDiagonalHistogram()).sum());
        }
    }

    @Test
    void widerMatricesAreBlockAveragedWithTheDiagonalKeptAndAnExactWindow() {
        int d = 2100; // stride 3, 700 blocks a side
        try (NDManager m = NDManager.newBaseManager()) {
            float[] c = matrix(d);
            NDArray arr = m.create(c, new Shape(d, d));
            TrainingEvent.Correlation s = CorrelationSnapshots.of(arr, 9, 1000, 40);
            assertEquals(3, s.stride());
            assertEquals(700, s.side());
            assertEquals(0.9f, s.value(10, 10), 1e-6f, "diagonal blocks show the mean of C's diagonal");
            double block = 0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    block += c[(30 + i) * d + 60 + j];
                }
            }
            assertEquals(block / 9, s.value(10, 20), 1e-6);
            assertEquals(1000, s.regionRow());
            assertEquals(40, s.regionCol());
            assertEquals(c[(1000 + 3) * d + 40 + 5], s.region()[3 * s.regionSize() + 5]);
            assertEquals(0.9, s.meanDiagonal(), 1e-6);
            double off = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    if (i != j) {
                        off += Math.abs(c[i * d + j]);
                    }
                }
            }
            assertEquals(off / ((double) d * d - d), s.meanAbsOffDiagonal(), 1e-4);
            assertTrue(s.offDiagonalHistogram().length == TrainingEvent.Correlation.HISTOGRAM_BINS);
        }
    }
}
