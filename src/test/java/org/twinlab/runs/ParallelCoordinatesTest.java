package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Runs as lines over parallel axes: log axes over decades, categories spaced evenly, brushes as filters. */
class ParallelCoordinatesTest {
    private static final Table T = Table.create("sweep",
            DoubleColumn.create("lambda", 0.0001, 0.001, 0.01, 0.1),
            DoubleColumn.create("batchSize", 64, 128, 128, 256),
            StringColumn.create("optimizer", "adam", "lars", "adam", "sgd"),
            DoubleColumn.create("linearTop1", 0.70, 0.80, Double.NaN, 0.60));
    private static final ParallelCoordinates P = ParallelCoordinates.of(T, List.of("lambda", "batchSize", "optimizer",
            "linearTop1"));

    @Test
    void axesTakeTheirScaleFromTheValues() {
        assertEquals(List.of("lambda", "batch size", "optimizer", "linear top-1"),
                P.axes().stream().map(ParallelCoordinates.Axis::label).toList());
        assertTrue(P.axes().get(0).log(), "three decades: log");
        assertFalse(P.axes().get(1).log(), "64 to 256: linear");
        assertEquals(1.0 / 3, P.position(0, 1), 1e-9, "each decade a third of the lambda axis");
        assertEquals(1.0 / 3, P.position(1, 1), 1e-9, "128 is a third of the way from 64 to 256");
        assertEquals(List.of("adam", "lars", "sgd"), P.axes().get(2).categories());
        assertEquals(0.5, P.position(2, 1), 1e-9, "lars, the middle category");
        assertTrue(Double.isNaN(P.position(3, 2)), "a run without the metric has no place on its axis");
        assertEquals(0.01, P.axes().get(0).valueAt(2.0 / 3), 1e-12);
    }

    @Test
    void aRunPassesWhenItLiesInsideEveryBrush() {
        assertTrue(P.passes(2, Map.of()), "no brush: every run");
        Map<Integer, double[]> high = Map.of(3, new double[] {0.4, 1});
        assertEquals(List.of(true, true, false, false), List.of(P.passes(0, high), P.passes(1, high), P.passes(2, high),
                P.passes(3, high)), "the metric's upper part: 0.70 and 0.80; a run without the metric is out");
        Map<Integer, double[]> both = Map.of(3, new double[] {1, 0.4}, 0, new double[] {0.5, 1});
        assertFalse(P.passes(0, both), "every brush must hold");
        assertFalse(P.passes(1, both));
    }
}
