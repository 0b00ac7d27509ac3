package org.twinlab.runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.model.TwinNetwork;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.Trainer;

/**
 * A run's folder: {@code config.json} (the one source of truth for its settings), {@code metrics.csv},
 * {@code probe.csv}, the latest correlation snapshot, {@code summary.json} and {@code checkpoint/}.
 */
public final class RunFolder {
    public static final String CONFIG = "config.json";
    public static final String METRICS = "metrics.csv";
    public static final String PROBE = "probe.csv";
    public static final String SUMMARY = "summary.json";
    public static final String CORRELATION = "correlation.npy";
    public static final String CORRELATION_INFO = "correlation.json";
    public static final String EMBEDDING = "embedding.csv";
    public static final String CHECKPOINT_DIR = "checkpoint";
    public static final String CHECKPOINT_PARAMS = "model.params";
    public static final String CHECKPOINT_INFO = "checkpoint.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /** The default place for runs: ~/.twinlab/runs (or under -Dtwinlab.home). */
    public static Path defaultRoot() {
        return DatasetCatalog.home().resolve("runs");
    }

    /** A new folder {@code <root>/<date-time>-<name>} holding the config. */
    public static RunFolder create(Path root, TrainConfig config) throws IOException {
        String safe = config.name() == null || config.name().isBlank() ? "run"
                : config.name().replaceAll("[^A-Za-z0-9._-]+", "-");
        String base = LocalDateTime.now().format(STAMP) + "-" + safe;
        Path dir = root.resolve(base);
        for (int i = 2; Files.exists(dir); i++) {
            dir = root.resolve(base + "-" + i);
        }
        Files.createDirectories(dir);
        RunFolder f = new RunFolder(dir);
        Json.writeConfig(f.file(CONFIG), config);
        return f;
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

    /** Written through temporaries and renames, so the parameters and their step are always whole. */
    private void saveCheckpoint(int step, TwinNetwork net) throws IOException {
        Path ckpt = file(CHECKPOINT_DIR);
        Files.createDirectories(ckpt);
        AtomicFiles.write(ckpt.resolve(CHECKPOINT_PARAMS), net::save);
        AtomicFiles.writeString(ckpt.resolve(CHECKPOINT_INFO), "{\"step\": " + step + "}\n");
    }

    /** The step of the last whole checkpoint, if there is one. */
    public OptionalInt checkpointStep() {
        Path info = file(CHECKPOINT_DIR).resolve(CHECKPOINT_INFO);
        if (!Files.isRegularFile(info) || !Files.isRegularFile(file(CHECKPOINT_DIR).resolve(CHECKPOINT_PARAMS))) {
            return OptionalInt.empty();
        }
        try {
            var obj = Json.GSON.fromJson(Files.readString(info), com.google.gson.JsonObject.class);
            return OptionalInt.of(obj.get("step").getAsInt());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(info + ": unreadable checkpoint record (" + e.getMessage() + ")");
        }
    }

    public InputStream openCheckpoint() throws IOException {
        return Files.newInputStream(file(CHECKPOINT_DIR).resolve(CHECKPOINT_PARAMS));
    }

    /** Drops metric rows after {@code step}: a resumed run continues from its checkpoint, not from the crash. */
    public void truncateMetricsAfter(int step) throws IOException {
        for (String name : List.of(METRICS, PROBE)) {
            Path f = file(name);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (i == 0 || line.isBlank()) {
                    kept.add(line);
                    continue;
                }
                int s = Integer.parseInt(line.substring(0, line.indexOf(',')));
                if (s <= step) {
                    kept.add(line);
                }
            }
            AtomicFiles.writeString(f, String.join("\n", kept) + "\n");
        }
    }

    /**
     * Makes this folder the trainer's record: its events written as the run goes (metrics, probes,
     * snapshots, summary) and its checkpoints saved here. Returns the recorder, which keeps the summary.
     */
    public RunRecorder record(Trainer trainer) {
        RunRecorder recorder = new RunRecorder(this);
        trainer.listener(recorder).checkpoints(this::saveCheckpoint, dir.toString());
        return recorder;
    }
}
