package org.twinlab.runs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.twinlab.train.TrainConfig;

/**
 * One run of a sweep: its place in the plan (1-based), its folder's name under the sweep's {@code runs/}
 * (e.g. {@code 003-lambda=0.01-seed=1}), the swept values as the settings spell them (key as in config.json,
 * in the sweep's order) and the whole configuration it trains with.
 */
public record SweepRun(int index, String name, Map<String, String> values, TrainConfig config) {
    public SweepRun {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** "lambda=0.01 seed=1": the values without the place in the plan. */
    public String label() {
        return label(values);
    }

    static String label(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    /** The folder name: the index with enough digits for the plan, then the values, in characters any file system takes. */
    static String folderName(int index, int total, Map<String, String> values) {
        int digits = Math.max(3, Integer.toString(total).length());
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%0" + digits + "d", index));
        for (Map.Entry<String, String> e : values.entrySet()) {
            b.append('-').append(e.getKey()).append('=').append(e.getValue().replaceAll("[^A-Za-z0-9._+-]+", "_"));
        }
        return b.length() > 120 ? b.substring(0, 120) : b.toString();
    }
}
