package org.twinlab.runs;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.twinlab.data.Dataset;
import java.util.Map;
import org.twinlab.train.RunControl;
import org.twinlab.train.Setting;
import org.twinlab.train.SettingError;
import org.twinlab.train.SettingProblem;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEventListener;
import org.twinlab.util.IoErrors;

/**
 * Two runs trained at the same time in one process, on the same data and seed, differing in one or more settings
 * (the lecture's ablations, happening: Barlow Twins against invariance only, lambda 0 against 0.0051). Each is an
 * ordinary run in its own folder, written by its own {@link RunSession}; {@code race.json} in both folders links
 * them (the race's id, both folders, the settings that differ). Pause, Step and Stop act on both.
 *
 * <p>Each run computes exactly what it would alone: its own network, optimizer, data order and augmentations from
 * its config and seed; the two only share the machine (each at about half the speed on two cores).
 */
public final class RunRace {
    public static final String FILE = "race.json";
    /** The settings the window's Race… offers to change for the second run (the lecture's ablations). */
    public static final List<Setting<?>> SETTINGS = List.of(Settings.OBJECTIVE, Settings.LAMBDA, Settings.PROJECTOR_BN,
            Settings.PROJECTOR_WIDTH, Settings.BATCH_SIZE, Settings.AUGMENT_RECIPE);
    private final List<RunSession> sessions;
    private final List<String> differing;

    /** How a run folder is linked to its race (null where it was not raced). */
    public record Link(String id, List<Path> runs, List<String> differing) {
    }

    private RunRace(List<RunSession> sessions, List<String> differing) {
        this.sessions = sessions;
        this.differing = differing;
    }

    /**
     * The two runs, each in a new folder under {@code root}, linked. They must share the dataset and the seed and
     * differ in something (else one line); when the second cannot be made, the first's folder is removed again.
     */
    public static RunRace create(Path root, TrainConfig first, TrainConfig second, Dataset data, String purpose) {
        return create(root, first, second, data, purpose, new RunControl(), new RunControl());
    }

    /** {@link #create(Path, TrainConfig, TrainConfig, Dataset, String)} steered by controls made beforehand (the window's). */
    public static RunRace create(Path root, TrainConfig first, TrainConfig second, Dataset data, String purpose,
                                 RunControl firstControl, RunControl secondControl) {
        if (!java.util.Objects.equals(first.dataset(), second.dataset()) || first.seed() != second.seed()) {
            throw new IllegalArgumentException("race: both runs train on the same data with the same seed (here "
                    + first.dataset() + " seed " + first.seed() + " against " + second.dataset() + " seed "
                    + second.seed() + ")");
        }
        List<String> diff = new ArrayList<>();
        for (SettingsDiff.Difference d : SettingsDiff.of(List.of(first, second))) {
            if (!d.key().equals("name")) {
                diff.add(d.key());
            }
        }
        if (diff.isEmpty()) {
            throw new IllegalArgumentException("race: the two runs have the same settings; change one for the second");
        }
        RunSession a = RunSession.create(root, first, data, purpose, firstControl);
        RunSession b;
        try {
            b = RunSession.create(root, second, data, purpose, secondControl);
        } catch (RuntimeException e) {
            a.close();
            Folders.deleteQuietly(a.folder().dir());
            throw e;
        }
        RunRace race = new RunRace(List.of(a, b), List.copyOf(diff));
        try {
            race.writeLinks();
        } catch (IOException e) {
            for (RunSession s : race.sessions) {
                s.close();
                Folders.deleteQuietly(s.folder().dir());
            }
            throw new IllegalArgumentException(IoErrors.cannotWrite(a.folder().dir(), e));
        }
        return race;
    }

    /**
     * The second run of a race: {@code first} with the typed values applied (the form's rules: a value a setting
     * cannot take, or settings that clash, is one line naming the setting), named after its difference.
     */
    public static TrainConfig second(TrainConfig first, Map<Setting<?>, String> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("race: choose a setting the second run differs in");
        }
        TrainConfig c;
        try {
            c = Settings.apply(first, changes);
        } catch (SettingError e) {
            throw new IllegalArgumentException("race: " + e.problems().get(0).message());
        }
        List<SettingProblem> p = c.problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("race: " + p.get(0).message());
        }
        if (differences(first, c).isEmpty()) {
            throw new IllegalArgumentException("race: the two runs have the same settings; change one for the second");
        }
        TrainConfig.Builder b = c.toBuilder();
        String base = first.name() == null || first.name().isBlank() ? "race" : first.name();
        b.name = base + " (" + labels(first, c).get(1) + ")";
        return b.build();
    }

    private static List<SettingsDiff.Difference> differences(TrainConfig first, TrainConfig second) {
        return SettingsDiff.of(List.of(first, second)).stream().filter(d -> !d.key().equals("name")).toList();
    }

    /**
     * Each run's difference in words, e.g. "\u03bb = 0.0051" and "\u03bb = 0", or "barlow-twins" and
     * "invariance-only" (an objective by its name): the titles of its panels and its legend's names.
     */
    public static List<String> labels(TrainConfig first, TrainConfig second) {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (SettingsDiff.Difference d : differences(first, second)) {
            if (d.key().equals(Settings.OBJECTIVE.key())) {
                a.add(d.values().get(0)); // an objective's name says what it is
                b.add(d.values().get(1));
                continue;
            }
            String name = d.key().equals(Settings.LAMBDA.key()) ? "\u03bb" : d.label();
            a.add(name + " = " + d.values().get(0));
            b.add(name + " = " + d.values().get(1));
        }
        return List.of(String.join(", ", a), String.join(", ", b));
    }

    private void writeLinks() throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("race", sessions.get(0).folder().dir().getFileName() + "+" + sessions.get(1).folder().dir()
                .getFileName());
        JsonArray runs = new JsonArray();
        for (RunSession s : sessions) {
            runs.add(s.folder().dir().toAbsolutePath().toString());
        }
        o.add("runs", runs);
        JsonArray d = new JsonArray();
        differing.forEach(d::add);
        o.add("differing", d);
        String text = Json.GSON.toJson(o) + "\n";
        for (RunSession s : sessions) {
            AtomicFiles.writeString(s.folder().file(FILE), text);
        }
    }

    /** The race a run folder belongs to, or null (no race.json, or one that cannot be read). */
    public static Link link(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            JsonObject o = Json.GSON.fromJson(Files.readString(f), JsonObject.class);
            List<Path> runs = new ArrayList<>();
            o.getAsJsonArray("runs").forEach(e -> runs.add(Path.of(e.getAsString())));
            List<String> d = new ArrayList<>();
            o.getAsJsonArray("differing").forEach(e -> d.add(e.getAsString()));
            return new Link(o.get("race").getAsString(), List.copyOf(runs), List.copyOf(d));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The two runs: the form's first, then the one that differs. */
    public List<RunSession> sessions() {
        return sessions;
    }

    /** The settings (config.json keys) in which the two differ. */
    public List<String> differing() {
        return differing;
    }

    public RunRace listener(int run, TrainingEventListener l) {
        sessions.get(run).listener(l);
        return this;
    }

    public RunRace probes(boolean on) {
        sessions.forEach(s -> s.probes(on));
        return this;
    }

    public RunRace baselines(boolean on) {
        sessions.forEach(s -> s.baselines(on));
        return this;
    }

    public void pause() {
        sessions.forEach(s -> s.control().pause());
    }

    public void resume() {
        sessions.forEach(s -> s.control().resume());
    }

    /** While paused: one more step of each. */
    public void step() {
        sessions.forEach(s -> s.control().step());
    }

    public void stop() {
        sessions.forEach(s -> s.control().stop());
    }

    /**
     * Trains both at once, each on a thread of its own, until both end (blocking); returns their summaries in
     * order. A run that fails with an error stops the other (its checkpoint kept) and the error is thrown.
     */
    public List<RunSummary> run() throws InterruptedException {
        RunSummary[] out = new RunSummary[sessions.size()];
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            int k = i;
            Thread t = new Thread(() -> {
                try {
                    out[k] = sessions.get(k).run();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    stop();
                }
            }, "race-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            stop();
            throw e;
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return List.of(out);
    }
}
