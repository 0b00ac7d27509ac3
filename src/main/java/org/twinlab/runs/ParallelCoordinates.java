package org.twinlab.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The runs of a sweep as lines across parallel axes, one axis per swept setting and the metric last (as
 * TensorBoard's HParams view draws them): each run's value on each axis as a position from 0 (bottom) to
 * 1 (top). Numbers that are positive and span a decade or more sit on a log scale; text and choices are
 * evenly spaced categories. A brush is a span [lo, hi] of positions on an axis; a run passes when it lies
 * inside every brush.
 */
public final class ParallelCoordinates {
    /** One axis: its column, its label, how values map to positions, its range, and its categories (empty: numeric). */
    public record Axis(String key, String label, boolean log, double min, double max, List<String> categories) {
        public boolean numeric() {
            return categories.isEmpty();
        }

        /** Where a value sits on the axis, 0 (bottom) to 1 (top); NaN for no value, the middle for an axis of one value. */
        public double positionOf(double v) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            if (max == min) {
                return 0.5;
            }
            return log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : (v - min) / (max - min);
        }

        /** The value at a position, for the axis's tick labels and a brush's readout. */
        public double valueAt(double position) {
            if (log) {
                return Math.pow(10, Math.log10(min) + position * (Math.log10(max) - Math.log10(min)));
            }
            return min + position * (max - min);
        }
    }

    private final List<Axis> axes;
    private final double[][] positions;
    private final int rows;

    private ParallelCoordinates(List<Axis> axes, double[][] positions, int rows) {
        this.axes = axes;
        this.positions = positions;
        this.rows = rows;
    }

    /** Axes for {@code keys} (swept settings, then the metric) over every row of {@code t}. */
    public static ParallelCoordinates of(Table t, List<String> keys) {
        List<Axis> axes = new ArrayList<>();
        double[][] pos = new double[keys.size()][t.rowCount()];
        for (int a = 0; a < keys.size(); a++) {
            String key = keys.get(a);
            var setting = org.twinlab.train.Settings.byKey(key);
            String label = setting != null ? setting.label() : SweepResults.METRICS.getOrDefault(key, key);
            if (t.column(key) instanceof DoubleColumn) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < t.rowCount(); i++) {
                    double v = t.doubleColumn(key).getDouble(i);
                    if (!Double.isNaN(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                if (lo > hi) {
                    lo = 0;
                    hi = 1;
                }
                boolean log = lo > 0 && hi / lo >= 10;
                Axis axis = new Axis(key, label, log, lo, hi, List.of());
                axes.add(axis);
                for (int i = 0; i < t.rowCount(); i++) {
                    pos[a][i] = axis.positionOf(t.doubleColumn(key).getDouble(i));
                }
            } else {
                List<String> cats = RunFilter.values(t, key);
                axes.add(new Axis(key, label, false, 0, Math.max(1, cats.size() - 1), cats));
                for (int i = 0; i < t.rowCount(); i++) {
                    int c = cats.indexOf(RunsTable.text(t, key, i));
                    pos[a][i] = c < 0 ? Double.NaN : cats.size() == 1 ? 0.5 : (double) c / (cats.size() - 1);
                }
            }
        }
        return new ParallelCoordinates(List.copyOf(axes), pos, t.rowCount());
    }

    public List<Axis> axes() {
        return axes;
    }

    public int rows() {
        return rows;
    }

    /** Row {@code row}'s position on axis {@code axis}, 0 to 1 (NaN where it has no value). */
    public double position(int axis, int row) {
        return positions[axis][row];
    }

    /** Whether a row lies inside every brush (axis index to [lo, hi] in positions); a row without a value on a brushed axis does not. */
    public boolean passes(int row, Map<Integer, double[]> brushes) {
        for (Map.Entry<Integer, double[]> b : brushes.entrySet()) {
            double p = positions[b.getKey()][row];
            double lo = Math.min(b.getValue()[0], b.getValue()[1]);
            double hi = Math.max(b.getValue()[0], b.getValue()[1]);
            if (Double.isNaN(p) || p < lo - 1e-9 || p > hi + 1e-9) {
                return false;
            }
        }
        return true;
    }
}
