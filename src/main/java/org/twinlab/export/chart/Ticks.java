package org.twinlab.export.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Readable axis ticks. Linear axes step by 1, 2 or 5 times a power of ten; logarithmic axes put a tick
 * on every power of ten (1, 10, 100) when the data spans two decades or more, on 1 and 3 times the
 * powers (1, 3, 10, 30) when it spans less, and fall back to linear steps inside one short decade.
 */
public final class Ticks {
    /** An axis range and the ticks on it; the range is widened to the outer ticks. */
    public record Range(double min, double max, double[] ticks) {
    }

    private Ticks() {
    }

    /** A step of 1, 2 or 5 x 10^k that cuts {@code span} into at most {@code maxTicks - 1} intervals. */
    static double niceStep(double span, int maxTicks) {
        double raw = span / Math.max(1, maxTicks - 1);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw * (1 - 1e-9)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** Ticks for a linear axis over [min, max]: at most {@code maxTicks}, the range widened to whole steps. */
    public static Range linear(double min, double max, int maxTicks) {
        if (!(max > min)) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = niceStep(max - min, maxTicks);
        double lo = Math.floor(min / step + 1e-9) * step;
        double hi = Math.ceil(max / step - 1e-9) * step;
        List<Double> t = new ArrayList<>();
        for (double v = lo; v <= hi + step * 1e-6; v += step) {
            t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return new Range(lo, hi, t.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Ticks for a logarithmic axis over [min, max], both positive. */
    public static Range log(double min, double max, int maxTicks) {
        if (!(min > 0)) {
            throw new IllegalArgumentException("a logarithmic axis needs positive values, not " + min);
        }
        if (!(max > min)) {
            min /= 2;
            max *= 2;
        }
        double lo = Math.log10(min);
        double hi = Math.log10(max);
        int d0 = (int) Math.floor(lo + 1e-9);
        int d1 = (int) Math.ceil(hi - 1e-9);
        if (hi - lo >= 2 - 1e-9) {
            int every = Math.max(1, (int) Math.ceil((double) (d1 - d0) / Math.max(1, maxTicks - 1)));
            d0 = Math.floorDiv(d0, every) * every;
            d1 = -Math.floorDiv(-d1, every) * every;
            List<Double> t = new ArrayList<>();
            for (int d = d0; d <= d1; d += every) {
                t.add(Math.pow(10, d));
            }
            return new Range(Math.pow(10, d0), Math.pow(10, d1), toArray(t));
        }
        for (double[] mantissas : new double[][] {{1, 3}, {1, 2, 5}}) {
            List<Double> cands = new ArrayList<>();
            for (int d = d0 - 1; d <= d1; d++) {
                for (double m : mantissas) {
                    cands.add(m * Math.pow(10, d));
                }
            }
            double a = cands.get(0);
            double b = cands.get(cands.size() - 1);
            for (double c : cands) {
                if (c <= min * (1 + 1e-9)) {
                    a = c;
                }
            }
            for (int i = cands.size() - 1; i >= 0; i--) {
                if (cands.get(i) >= max * (1 - 1e-9)) {
                    b = cands.get(i);
                }
            }
            List<Double> t = new ArrayList<>();
            for (double c : cands) {
                if (c >= a * (1 - 1e-9) && c <= b * (1 + 1e-9)) {
                    t.add(c);
                }
            }
            if (t.size() >= 3 && t.size() <= Math.max(3, maxTicks)) {
                return new Range(a, b, toArray(t));
            }
        }
        Range r = linear(min, max, maxTicks);
        double rmin = r.min() > 0 ? r.min() : min;
        double[] ticks = java.util.Arrays.stream(r.ticks()).filter(v -> v > 0).toArray();
        return new Range(rmin, r.max(), ticks);
    }

    private static double[] toArray(List<Double> t) {
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A short label: plain decimals with as many places as the tick spacing needs, scientific notation
     * ({@code 1e-4}, {@code 2.5e5}) for very small or large magnitudes.
     */
    public static String format(double v, double spacing) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            int exp = (int) Math.floor(Math.log10(a) + 1e-9);
            double mant = v / Math.pow(10, exp);
            String m = String.format(Locale.ROOT, "%.2f", mant).replaceAll("\\.?0+$", "");
            return m + "e" + exp;
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(Math.abs(spacing)) - 1e-9));
        String s = String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Labels for a set of ticks: as many decimals as the smaller of a tick's value and its distance to a neighbour need. */
    static String[] labels(double[] ticks) {
        String[] out = new String[ticks.length];
        for (int i = 0; i < ticks.length; i++) {
            double spacing = Math.abs(ticks[i]);
            if (i > 0) {
                spacing = Math.min(spacing, Math.abs(ticks[i] - ticks[i - 1]));
            }
            if (i + 1 < ticks.length) {
                spacing = Math.min(spacing, Math.abs(ticks[i + 1] - ticks[i]));
            }
            out[i] = format(ticks[i], spacing == 0 ? 1 : spacing);
        }
        return out;
    }
}
