package org.twinlab.runs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.twinlab.train.Setting;
import org.twinlab.train.SettingProblem;
import org.twinlab.train.SettingError;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;
import org.twinlab.util.IoErrors;
import org.twinlab.util.JsonRecords;

/**
 * What a sweep runs: a base configuration and the settings that vary, expanded deterministically into its
 * list of runs ({@link #runs()}). A grid takes every combination of the axes' values; {@code random > 0}
 * instead draws that many combinations (a value of a list uniformly, a log range log-uniformly) from a
 * generator seeded with {@code drawSeed}. {@code seeds > 0} repeats every combination with seeds
 * {@code base.seed, base.seed + 1, ...} (the outer loop: the first seed of every combination runs first).
 * {@code study} names what the sweep is for where it is one of {@link Study}'s comparisons, else is empty.
 * Stored as the sweep folder's {@code sweep.json}.
 */
public record SweepSpec(String study, TrainConfig base, List<SweepAxis> axes, int seeds, int random, long drawSeed) {
    public static final String FILE = RunHistory.SWEEP_FILE;
    /** More runs than this is a typo, not a plan. */
    public static final int MAX_RUNS = 10_000;

    public SweepSpec {
        study = study == null ? "" : study;
        axes = List.copyOf(axes);
        if (base == null) {
            throw new IllegalArgumentException("a sweep needs a base configuration");
        }
        Set<String> keys = new HashSet<>();
        for (SweepAxis a : axes) {
            if (!keys.add(a.key())) {
                throw new IllegalArgumentException(a.key() + " is swept twice; give all its values once");
            }
        }
        // the sweep's own choices, by the keys of sweep.json ("axes" for the swept settings): each face words them
        if (seeds < 0 || seeds > 1000) {
            throw new SettingError(new SettingProblem("seeds", "repeats", "1-1000 seeds, not " + seeds));
        }
        if (seeds > 0 && keys.contains(Settings.SEED.key())) {
            throw new SettingError(new SettingProblem("seeds", "repeats", "repeat over seeds or sweep the seed, not both"));
        }
        if (random < 0 || random > MAX_RUNS) {
            throw new SettingError(new SettingProblem("random", "random draws", "1-" + MAX_RUNS + ", not " + random));
        }
        if (axes.isEmpty() && seeds == 0) {
            throw new SettingError(new SettingProblem("axes", "nothing to sweep", "sweep a setting or repeat over seeds"));
        }
        if (random > 0 && axes.isEmpty()) {
            throw new SettingError(new SettingProblem("random", "random draws", "they pick values of the swept settings: "
                    + "sweep a setting too"));
        }
        long n = (long) Math.max(1, seeds) * (random > 0 ? random
                : axes.stream().mapToLong(a -> a.grid().size()).reduce(1, (x, y) -> x * y));
        if (n > MAX_RUNS) {
            throw new IllegalArgumentException("the sweep would have " + n + " runs; at most " + MAX_RUNS);
        }
    }

    /** A grid over these axes. */
    public static SweepSpec grid(TrainConfig base, List<SweepAxis> axes) {
        return new SweepSpec("", base, axes, 0, 0, 0);
    }

    public SweepSpec withSeeds(int n) {
        return new SweepSpec(study, base, axes, n, random, drawSeed);
    }

    public SweepSpec withRandom(int draws, long seed) {
        return new SweepSpec(study, base, axes, seeds, draws, seed);
    }

    public SweepSpec withStudy(String name) {
        return new SweepSpec(name, base, axes, seeds, random, drawSeed);
    }

    /** The keys that vary, as results.csv's columns name them: the axes', then seed where seeds repeat. */
    public List<String> sweptKeys() {
        List<String> out = new ArrayList<>(axes.stream().map(SweepAxis::key).toList());
        if (seeds > 0) {
            out.add(Settings.SEED.key());
        }
        return out;
    }

    /** How many runs {@link #runs()} gives. */
    public int size() {
        return combinations().size() * Math.max(1, seeds);
    }

    /**
     * Every run, in the order they run: the same list every time for the same definition. Each run's
     * configuration is the base with the run's values applied through the settings table (so a default
     * that follows another setting, like LARS's learning rate following the batch, follows it), named by
     * its values, and checked: a combination that is not a valid run is one line naming it.
     */
    public List<SweepRun> runs() {
        List<Map<String, String>> combos = combinations();
        List<Long> seedValues = new ArrayList<>();
        for (int k = 0; k < Math.max(1, seeds); k++) {
            seedValues.add(base.seed() + k);
        }
        int total = combos.size() * seedValues.size();
        List<SweepRun> out = new ArrayList<>(total);
        for (long seed : seedValues) {
            for (Map<String, String> combo : combos) {
                Map<String, String> values = new LinkedHashMap<>(combo);
                if (seeds > 0) {
                    values.put(Settings.SEED.key(), Long.toString(seed));
                }
                int index = out.size() + 1;
                out.add(new SweepRun(index, SweepRun.folderName(index, total, values), values, configOf(values)));
            }
        }
        return out;
    }

    private List<Map<String, String>> combinations() {
        List<Map<String, String>> combos = new ArrayList<>();
        if (random > 0) {
            SplittableRandom r = new SplittableRandom(drawSeed);
            for (int i = 0; i < random; i++) {
                Map<String, String> m = new LinkedHashMap<>();
                for (SweepAxis a : axes) {
                    m.put(a.key(), a.draw(r));
                }
                combos.add(m);
            }
            return combos;
        }
        combos.add(new LinkedHashMap<>());
        for (SweepAxis a : axes) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : a.grid()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(a.key(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos;
    }

    private TrainConfig configOf(Map<String, String> values) {
        Map<Setting<?>, String> typed = new LinkedHashMap<>();
        String label = SweepRun.label(values);
        typed.put(Settings.NAME, base.name() == null || base.name().isBlank() ? label : base.name().strip() + " " + label);
        for (Map.Entry<String, String> e : values.entrySet()) {
            typed.put(Settings.require(e.getKey()), e.getValue());
        }
        TrainConfig c;
        try {
            c = Settings.apply(base, typed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the run " + label + ": " + e.getMessage());
        }
        List<SettingProblem> problems = c.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the run " + label + " is not a valid run: "
                    + problems.stream().map(SettingProblem::message).collect(Collectors.joining("; ")));
        }
        return c;
    }

    // sweep.json

    public String toJson() {
        JsonObject o = new JsonObject();
        if (!study.isEmpty()) {
            o.addProperty("study", study);
        }
        JsonArray a = new JsonArray();
        for (SweepAxis axis : axes) {
            JsonObject j = new JsonObject();
            j.addProperty("key", axis.key());
            switch (axis) {
                case SweepAxis.Values v -> {
                    JsonArray vals = new JsonArray();
                    Setting<?> s = v.setting();
                    for (String x : v.values()) {
                        vals.add(jsonValue(s, x));
                    }
                    j.add("values", vals);
                }
                case SweepAxis.LogRange r -> {
                    JsonObject range = new JsonObject();
                    range.addProperty("low", r.low());
                    range.addProperty("high", r.high());
                    range.addProperty("count", r.count());
                    j.add("logRange", range);
                }
            }
            a.add(j);
        }
        o.add("axes", a);
        o.addProperty("seeds", seeds);
        o.addProperty("random", random);
        o.addProperty("drawSeed", drawSeed);
        o.add("base", Settings.toJson(base));
        return Json.GSON.toJson(Checksums.seal(o)) + "\n";
    }

    private static <T> JsonElement jsonValue(Setting<T> s, String text) {
        return s.type().toJson(s.parse(text));
    }

    /** Reads a sweep file; anything wrong is one line naming the file and the place in it. */
    public static SweepSpec read(Path file) {
        return parse(text(file), file.toString());
    }

    /**
     * A sweep folder's own sweep.json, to finish the sweep: also refused when it was changed after the sweep
     * began (its seal no longer matches), so runs not yet made never silently run other settings than planned.
     */
    static SweepSpec readSealed(Path file) {
        String text = text(file);
        SweepSpec s = parse(text, file.toString());
        if (!Checksums.sealIntact(Json.object(text, file.toString(), "sweep"), false)) {
            throw new IllegalArgumentException(file + ": was changed after the sweep began (its checksum no longer "
                    + "matches); put it back, or start a new sweep from it with twinlab sweep --file " + file + " --out DIR");
        }
        return s;
    }

    private static String text(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such sweep file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(file + ": not a sweep file (not text)");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + IoErrors.describe(e) + ")");
        }
        return text;
    }

    /** A sweep definition from its JSON text; {@code origin} names it in messages. */
    public static SweepSpec parse(String text, String origin) {
        JsonObject o = Json.object(text, origin, "sweep");
        Set<String> known = Set.of("study", "axes", "seeds", "random", "drawSeed", "base");
        for (String k : o.keySet()) {
            if (k.equals(Checksums.SEAL)) {
                continue; // a sweep folder's sweep.json is sealed; a copy given with --file may be edited
            }
            if (!known.contains(k)) {
                throw new IllegalArgumentException(origin + ": \"" + k + "\" is not part of a sweep (expected "
                        + String.join(", ", known) + ")");
            }
        }
        try {
            String study = o.has("study") ? JsonRecords.text(o.get("study")) : "";
            if (!o.has("base")) {
                throw new IllegalArgumentException("\"base\" (the settings every run starts from) is missing");
            }
            if (!o.get("base").isJsonObject()) {
                throw new IllegalArgumentException("\"base\" must be an object of settings, not " + JsonRecords.shown(o.get("base")));
            }
            TrainConfig base = Json.parseConfig(Json.GSON.toJson(o.get("base")), "\"base\"");
            List<SweepAxis> axes = new ArrayList<>();
            JsonElement ax = o.get("axes");
            if (ax == null || !ax.isJsonArray()) {
                throw new IllegalArgumentException("\"axes\" must be a list of swept settings, not " + JsonRecords.shown(ax));
            }
            for (int i = 0; i < ax.getAsJsonArray().size(); i++) {
                try {
                    axes.add(axis(ax.getAsJsonArray().get(i)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("axes[" + i + "]: " + e.getMessage());
                }
            }
            int seeds = o.has("seeds") ? (int) wholeNumber(o, "seeds") : 0;
            int random = o.has("random") ? (int) wholeNumber(o, "random") : 0;
            long drawSeed = o.has("drawSeed") ? wholeNumber(o, "drawSeed") : 0;
            SweepSpec spec = new SweepSpec(study, base, axes, seeds, random, drawSeed);
            spec.runs(); // every combination a valid run
            return spec;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage());
        }
    }

    private static long wholeNumber(JsonObject o, String key) {
        try {
            return JsonRecords.wholeNumber(o.get(key), Integer.MIN_VALUE, Integer.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + key + "\" " + e.getMessage());
        }
    }

    private static SweepAxis axis(JsonElement e) {
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("must be an object with \"key\" and \"values\" or \"logRange\", not "
                    + JsonRecords.shown(e));
        }
        JsonObject o = e.getAsJsonObject();
        String key;
        try {
            key = JsonRecords.text(o.get("key"));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("\"key\" (the setting swept) " + ex.getMessage());
        }
        if (o.has("values") && o.get("values").isJsonArray()) {
            List<String> values = new ArrayList<>();
            for (JsonElement v : o.getAsJsonArray("values")) {
                if (v == null || !v.isJsonPrimitive()) {
                    throw new IllegalArgumentException(key + ": a value must be a number, text or true/false, not "
                            + JsonRecords.shown(v));
                }
                JsonPrimitive p = v.getAsJsonPrimitive();
                values.add(p.getAsString());
            }
            return new SweepAxis.Values(key, values);
        }
        if (o.has("logRange") && o.get("logRange").isJsonObject()) {
            JsonObject r = o.getAsJsonObject("logRange");
            double low;
            double high;
            int count;
            try {
                low = JsonRecords.number(r.get("low"));
                high = JsonRecords.number(r.get("high"));
                count = (int) JsonRecords.wholeNumber(r.get("count"), 0, 100_000);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(key + ": logRange needs numbers low, high and a whole count: "
                        + ex.getMessage());
            }
            return new SweepAxis.LogRange(key, low, high, count);
        }
        throw new IllegalArgumentException(key + ": needs \"values\" (a list) or \"logRange\" ({low, high, count})");
    }
}
