package org.twinlab.runs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.twinlab.train.Setting;
import org.twinlab.train.SettingProblem;
import org.twinlab.train.SettingType;
import org.twinlab.train.Settings;

/**
 * One swept setting of a {@link SweepSpec}: a list of values, or a range on a logarithmic grid. The key is
 * the setting's key in config.json ({@code lambda}, {@code batchSize}, {@code projectorWidth}...); values are
 * kept as text in the setting's own spelling ("0.001", "barlow-twins") and checked by the settings table, so
 * a bad key or value is one line naming it.
 */
public sealed interface SweepAxis {
    /** Values drawn from a log range keep this many significant digits: readable folder names and tables. */
    int DRAWN_DIGITS = 3;

    String key();

    /** The values of a grid sweep, in order, each once. */
    List<String> grid();

    /** One value for a random draw: one of the values, or log-uniform over the range. */
    String draw(SplittableRandom random);

    default Setting<?> setting() {
        return Settings.require(key());
    }

    /** Explicit values: {@code --set lambda=0.001,0.01}. */
    record Values(String key, List<String> values) implements SweepAxis {
        public Values {
            Setting<?> s = sweepable(key);
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException(key + ": no values given");
            }
            LinkedHashSet<String> canonical = new LinkedHashSet<>();
            for (String v : values) {
                canonical.add(canonical(s, v));
            }
            values = List.copyOf(canonical);
        }

        @Override
        public List<String> grid() {
            return values;
        }

        @Override
        public String draw(SplittableRandom random) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /** {@code count} values from {@code low} to {@code high} evenly spaced in log scale: {@code --log-range lambda=1e-4:1e-1:7}. */
    record LogRange(String key, double low, double high, int count) implements SweepAxis {
        public LogRange {
            Setting<?> s = sweepable(key);
            SettingType.Kind kind = s.type().kind();
            if (kind != SettingType.Kind.NUMBER && kind != SettingType.Kind.INTEGER) {
                throw new IllegalArgumentException(key + ": a log range needs a numeric setting; " + s.label()
                        + " is not one (give its values with --set)");
            }
            if (!(low > 0) || !(high > low) || Double.isInfinite(high)) {
                throw new IllegalArgumentException(key + ": a log range needs 0 < LO < HI, not " + fmt(low) + ":" + fmt(high));
            }
            if (count < 2 || count > 1000) {
                throw new IllegalArgumentException(key + ": a log range needs 2-1000 values, not " + count);
            }
            canonical(s, value(s, low));
            canonical(s, value(s, high));
        }

        @Override
        public List<String> grid() {
            Setting<?> s = setting();
            LinkedHashSet<String> out = new LinkedHashSet<>();
            for (int i = 0; i < count; i++) {
                double x = Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * i / (count - 1));
                out.add(canonical(s, value(s, i == 0 ? low : i == count - 1 ? high : x)));
            }
            return new ArrayList<>(out);
        }

        @Override
        public String draw(SplittableRandom random) {
            double x = Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random.nextDouble());
            return canonical(setting(), value(setting(), x));
        }

        private static String value(Setting<?> s, double x) {
            if (s.type().kind() == SettingType.Kind.INTEGER) {
                return Long.toString(Math.round(x));
            }
            return new BigDecimal(x).round(new MathContext(DRAWN_DIGITS)).stripTrailingZeros().toPlainString();
        }

        private static String fmt(double v) {
            return Settings.LAMBDA.type().format(v);
        }
    }

    /** {@code --set KEY=V1,V2,...} as typed. */
    static Values parseSet(String text) {
        String[] kv = split(text, "--set", "KEY=V1,V2,...");
        List<String> values = new ArrayList<>();
        for (String v : kv[1].split(",", -1)) {
            if (v.isBlank()) {
                throw new IllegalArgumentException("--set " + text + ": an empty value (values are separated by commas)");
            }
            values.add(v.strip());
        }
        try {
            return new Values(kv[0], values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--set " + text + ": " + e.getMessage());
        }
    }

    /** {@code --log-range KEY=LO:HI:N} as typed. */
    static LogRange parseLogRange(String text) {
        String[] kv = split(text, "--log-range", "KEY=LO:HI:N");
        String[] parts = kv[1].split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("--log-range " + text + ": expected KEY=LO:HI:N, e.g. lambda=1e-4:1e-1:7");
        }
        try {
            double lo = SettingType.NUMBER.parse(parts[0]);
            double hi = SettingType.NUMBER.parse(parts[1]);
            int n = SettingType.INTEGER.parse(parts[2]);
            return new LogRange(kv[0], lo, hi, n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--log-range " + text + ": " + e.getMessage());
        }
    }

    private static String[] split(String text, String flag, String form) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException(flag + " " + text + ": expected " + form);
        }
        return new String[] {text.substring(0, eq).strip(), text.substring(eq + 1).strip()};
    }

    /** The setting of a sweep key, refusing the few that cannot be swept. */
    static Setting<?> sweepable(String key) {
        Setting<?> s = Settings.require(key);
        if (s == Settings.NAME) {
            throw new IllegalArgumentException("name is not swept: a sweep names its runs by their values");
        }
        if (s.type().kind() == SettingType.Kind.STRUCTURE) {
            throw new IllegalArgumentException(key + " is set in a settings file, not swept (sweep augmentRecipe or "
                    + "cropScaleMin instead)");
        }
        return s;
    }

    /** The value as the setting spells it, after the setting's own check. */
    static <T> String canonical(Setting<T> s, String text) {
        T v = s.parse(text);
        SettingProblem p = s.problem(v);
        if (p != null) {
            throw new IllegalArgumentException(p.message());
        }
        return s.format(v);
    }
}
