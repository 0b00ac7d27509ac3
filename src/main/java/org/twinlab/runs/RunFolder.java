package org.twinlab.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.train.TrainConfig;
import org.twinlab.util.IoErrors;

/**
 * A run's folder: {@code config.json} (the one source of truth for its settings), {@code metrics.csv}
 * (one row per step, a column per term of the objective), {@code probe.csv}, {@code diagnostics.csv} (C's
 * diagonal and the collapse gauges at each snapshot), {@code changes.csv} (lambda or the learning rate
 * changed during the run), every snapshot of C ({@link CorrelationHistory}), the latest one and the embedding, {@code summary.json},
 * {@code meta.json} (the name, tags and note a person gives it) and {@code checkpoint/}.
 */
public final class RunFolder {
    public static final String CONFIG = "config.json";
    public static final String METRICS = "metrics.csv";
    public static final String PROBE = "probe.csv";
    public static final String DIAGNOSTICS = "diagnostics.csv";
    public static final String CHANGES = "changes.csv";
    public static final String SUMMARY = "summary.json";
    public static final String META = "meta.json";
    public static final String CORRELATION = "correlation.npy";
    public static final String CORRELATION_INFO = "correlation.json";
    public static final String EMBEDDING = "embedding.csv";
    /** The CSVs with one row per step (or per probe, snapshot, change), first column the step. */
    static final List<String> STEP_FILES = List.of(METRICS, PROBE, DIAGNOSTICS, CHANGES);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /** The default place for runs: ~/.twinlab/runs (or under -Dtwinlab.home). */
    public static Path defaultRoot() {
        return DatasetCatalog.home().resolve("runs");
    }

    /** A new folder {@code <root>/<date-time>-<name>} holding the config; an impossible root is one plain line. */
    public static RunFolder create(Path root, TrainConfig config) {
        String base = stampedName(displayName(config));
        Path dir = root.resolve(base);
        for (int i = 2; Files.exists(dir); i++) {
            dir = root.resolve(base + "-" + i);
        }
        return make(dir, config, "cannot create a run folder in " + root + ": ");
    }

    /**
     * Makes the folder (and the folders above it that are missing) and writes its config; when the config cannot
     * be written (a full disk), what was made is removed again, so a failed start leaves nothing behind.
     */
    private static RunFolder make(Path dir, TrainConfig config, String cannotCreate) {
        Path firstNew = null;
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            firstNew = p;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(cannotCreate + IoErrors.describe(e));
        }
        RunFolder f = new RunFolder(dir);
        try {
            Json.writeConfig(f.file(CONFIG), config);
        } catch (IOException e) {
            if (firstNew != null) {
                Folders.deleteQuietly(firstNew);
            }
            throw new IllegalArgumentException(IoErrors.cannotWrite(dir, e));
        }
        return f;
    }

    /** "2026-11-24-101500-name": the date and time, then the name in characters every file system takes. */
    static String stampedName(String name) {
        return LocalDateTime.now().format(STAMP) + "-" + safeName(name);
    }

    /**
     * A new run folder at exactly {@code dir} (a sweep's {@code runs/003-lambda=0.01-seed=1}) holding the config.
     * The folder must not exist yet, or be empty: a run is never written over another.
     */
    public static RunFolder createAt(Path dir, TrainConfig config) {
        try {
            if (Files.isDirectory(dir)) {
                try (var children = Files.list(dir)) {
                    if (children.findAny().isPresent()) {
                        throw new IllegalArgumentException(dir + ": already exists and is not empty; a new run needs a "
                                + "folder of its own");
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the run folder " + dir + ": " + IoErrors.describe(e));
        }
        return make(dir, config, "cannot create the run folder " + dir + ": ");
    }

    /**
     * The name a run is known by: the one typed, else what it is (dataset, objective, lambda), so a
     * list of runs reads as a list of experiments rather than of times.
     */
    public static String displayName(TrainConfig c) {
        if (c.name() != null && !c.name().isBlank()) {
            return c.name().strip();
        }
        String dataset = c.dataset() == null ? "run" : Path.of(c.dataset()).getFileName().toString();
        String lambda = c.objective().usesLambda() ? " \u03bb" + org.twinlab.train.Settings.LAMBDA.format(c.lambda()) : "";
        return dataset + " " + c.objective().key() + lambda;
    }

    static String safeName(String name) {
        String s = name.replace("\u03bb", "lambda").replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "run" : s.length() > 60 ? s.substring(0, 60) : s;
    }

    /** An existing run folder; it must hold a config.json. */
    public static RunFolder open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such run folder");
        }
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new IllegalArgumentException(dir + ": not a run folder (no " + CONFIG + ")");
        }
        return new RunFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public TrainConfig config() {
        return Json.readConfig(file(CONFIG));
    }

    public CheckpointStore checkpoints() {
        return new CheckpointStore(dir);
    }

    /** The last checkpoint, verified; one plain line when there is none. */
    public CheckpointStore.Record requireCheckpoint(String forWhat) throws IOException {
        CheckpointStore.Record r = checkpoints().load();
        if (r == null) {
            throw new IllegalArgumentException(dir + ": has no checkpoint to " + forWhat);
        }
        return r;
    }

    /** The name, tags and note given to the run (defaults where none were). */
    public RunMeta meta() {
        return RunMeta.read(file(META));
    }

    public void writeMeta(RunMeta meta) throws IOException {
        AtomicFiles.writeString(file(META), Json.toJson(meta) + "\n");
    }

    /**
     * Replaces config.json (extending a finished run), the checkpoint's record told first: at any moment of a
     * crash the run still resumes, with the old length or the new.
     */
    void rewriteConfig(TrainConfig config) throws IOException {
        String text = Json.configText(config);
        checkpoints().acceptConfig(text);
        AtomicFiles.writeString(file(CONFIG), text);
    }

    /** Drops rows after {@code step}: a resumed run continues from its checkpoint, not from the crash. */
    void truncateAfter(int step) throws IOException {
        CorrelationHistory.truncateAfter(file(CorrelationHistory.FILE), step);
        for (String name : STEP_FILES) {
            Path f = file(name);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            List<String> lines = CsvFile.lines(f);
            List<String> kept = new ArrayList<>();
            boolean changed = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (i == 0) {
                    kept.add(line);
                    continue;
                }
                int comma = line.indexOf(',');
                Integer s = null;
                try {
                    s = comma < 0 ? null : Integer.valueOf(line.substring(0, comma));
                } catch (NumberFormatException e) {
                    s = null; // a torn last line of a crash: dropped
                }
                if (s != null && s <= step) {
                    kept.add(line);
                } else {
                    changed = true;
                }
            }
            if (changed) {
                CsvFile.writeLines(f, kept);
            }
        }
    }
}
