package org.twinlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Axis ticks a class reads at a glance: 1, 10, 100 or 1, 3, 10 on a log axis, never 32/100/316; no pile-up. */
class PlotCanvasTest {

    private static List<String> logLabels(double lo, double hi, int max) {
        return PlotCanvas.ticks(Math.log10(lo), Math.log10(hi), true, max).stream()
                .map(t -> PlotCanvas.label(Math.pow(10, t))).toList();
    }

    private static List<String> labels(double lo, double hi, int max) {
        return PlotCanvas.ticks(lo, hi, false, max).stream().map(PlotCanvas::label).toList();
    }

    @Test
    void logTicksArePowersOfTenOrOneThreeTen() {
        assertEquals(List.of("1", "10", "100", "1000"), logLabels(0.8, 1250, 6));
        assertEquals(List.of("1", "100", "1e4"), logLabels(0.8, 12500, 3), "every other decade when they do not fit");
        assertEquals(List.of("30", "100", "300"), logLabels(25, 400, 6), "1-3-10 within a decade and a half");
        assertEquals(List.of("4000", "6000"), logLabels(2500, 6500, 2));
        assertEquals(List.of("4000", "5000", "6000"), logLabels(3900, 6400, 4), "round values inside a decade");
        assertEquals(List.of("3e-4", "0.001", "0.003"), logLabels(2e-4, 4e-3, 5));
        assertEquals(List.of("1", "10"), logLabels(1, 67, 2), "a small gauge: two ticks, not a pile");
        assertEquals(List.of("1", "10"), logLabels(1, 67, 3), "not 20, 40, 60 crowded at the top of a log axis");
    }

    @Test
    void linearTicksFitTheRoom() {
        assertEquals(List.of("0", "0.5", "1"), labels(0, 1, 3));
        assertEquals(List.of("0", "5e-4"), labels(0, 6e-4, 2), "a short learning-rate plot: two labels");
        assertEquals(List.of("-2", "-1", "0", "1"), labels(-2.2, 1.3, 6));
    }
}
