package org.twinlab.runs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.twinlab.train.Setting;
import org.twinlab.train.SettingType;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;

/**
 * The settings in which runs differ, for the line above a comparison's plots: only the keys whose
 * values are not all the same, each with one value per run, in the settings table's order. The run's
 * name is left out (the legend names the runs). The augmentation pipelines are a structure whose parts
 * have their own handles (the recipe, the crop scale): where a handle shows the difference, the
 * structure itself is not listed again as "custom | custom".
 */
public final class SettingsDiff {
    /** A value a run lacks: its config.json is missing or broken. */
    public static final String UNKNOWN = "?";

    /** One setting that differs: its key as in config.json, its label, and each run's value as the form shows it. */
    public record Difference(String key, String label, List<String> values) {
        /** "lambda: 0.0051 | 0.02". */
        @Override
        public String toString() {
            return label + ": " + String.join(" | ", values);
        }
    }

    private SettingsDiff() {
    }

    /** The differences among {@code configs} (a null config, a damaged run's, counts as unknown values). */
    public static List<Difference> of(List<TrainConfig> configs) {
        List<Difference> out = new ArrayList<>();
        boolean handleDiffers = false;
        List<Difference> structures = new ArrayList<>();
        for (Setting<?> s : Settings.all()) {
            if (s == Settings.NAME) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            List<String> values = new ArrayList<>();
            for (TrainConfig c : configs) {
                seen.add(c == null ? UNKNOWN : s.toJson(c).toString());
                values.add(c == null ? UNKNOWN : shown(s, c));
            }
            if (seen.size() < 2) {
                continue;
            }
            Difference d = new Difference(s.key(), s.label(), List.copyOf(values));
            if (s.type().kind() == SettingType.Kind.STRUCTURE) {
                structures.add(d);
            } else {
                handleDiffers |= !s.inFile();
                out.add(d);
            }
        }
        if (!handleDiffers) {
            out.addAll(structures);
        }
        return out;
    }

    /** The value as a person reads it: a virtual handle that does not apply reads "custom" or "recipe" instead of blank or NaN. */
    private static <T> String shown(Setting<T> s, TrainConfig c) {
        T v = s.get(c);
        if (v == null) {
            return "custom";
        }
        if (v instanceof Double d && d.isNaN()) {
            return "recipe";
        }
        String text = s.format(v);
        return text.isEmpty() ? "none" : text;
    }
}
