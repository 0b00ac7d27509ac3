package org.twinlab.export;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.data.ImageShape;
import org.twinlab.model.TwinNetwork;
import org.twinlab.runs.RunFolder;
import org.twinlab.train.TrainConfig;

/**
 * Everything the export reads from a run folder, in one place: the settings, the checkpoint's weights,
 * the metrics and probe CSVs, the last correlation snapshot and the summary. The rest of the export
 * sees only the plain records below, so a change of the run folder's layout or of {@link TrainConfig}
 * is absorbed here.
 */
public final class RunArtifacts {
    /** The settings the export uses, as plain names and numbers. */
    public record Settings(String name, String dataset, String encoder, int projectorWidth, int projectorDepth,
                           boolean projectorBatchNorm, double lambda, int batchSize, String optimizer, double learningRate,
                           double weightDecay, String schedule, double warmupEpochs, double epochs, int steps, long seed,
                           String augmentation) {
    }

    /** One row of metrics.csv; {@code redundancy} is unweighted (the loss adds lambda times it). */
    public record MetricRow(int step, double epoch, double loss, double invariance, double redundancy, double lambda,
                            double learningRate) {
    }

    /** One row of probe.csv: whose features ("trained", "random", "pixels") and their accuracies in [0, 1]. */
    public record ProbeRow(int step, double epoch, String encoder, double linearTop1, double linearTop5, double knnTop1) {
    }

    /** The last correlation snapshot: a side x side matrix, each cell the mean of stride x stride entries of C. */
    public record Correlation(int step, int dim, int side, int stride, float[] values, double meanDiagonal,
                              double meanAbsOffDiagonal) {
    }

    private final RunFolder folder;
    private final TrainConfig config;
    private final int checkpointStep;

    private RunArtifacts(RunFolder folder, TrainConfig config, int checkpointStep) {
        this.folder = folder;
        this.config = config;
        this.checkpointStep = checkpointStep;
    }

    /** A run folder with settings and a checkpoint; anything else is one line naming the folder. */
    public static RunArtifacts open(Path runDir) {
        RunFolder f = RunFolder.open(runDir);
        TrainConfig c = f.config();
        int step = f.checkpointStep().orElseThrow(
                () -> new ExportException(runDir + ": has no checkpoint to export (train at least one epoch, or stop the run)"));
        return new RunArtifacts(f, c, step);
    }

    public Path dir() {
        return folder.dir();
    }

    public int checkpointStep() {
        return checkpointStep;
    }

    public Settings settings() {
        TrainConfig c = config;
        return new Settings(c.name(), c.dataset(), c.encoder(), c.projectorWidth(), c.projectorDepth(),
                c.projectorBatchNorm(), c.lambda(), c.batchSize(), c.optimizer(), c.learningRate(), c.weightDecay(),
                c.schedule(), c.warmupEpochs(), c.epochs(), c.steps(), c.seed(),
                c.augment() == null ? "official" : "custom (see config)");
    }

    /** The whole config.json as the run wrote it. */
    public JsonObject configJson() {
        return readJson(folder.file(RunFolder.CONFIG)).orElseThrow(
                () -> new ExportException(folder.file(RunFolder.CONFIG) + ": unreadable"));
    }

    /** summary.json, if the run wrote one. */
    public Optional<JsonObject> summary() {
        return readJson(folder.file(RunFolder.SUMMARY));
    }

    /** The run's network with the checkpoint's weights, its parameters in a sub-manager of {@code manager}. */
    public TwinNetwork loadNetwork(NDManager manager, ImageShape shape) throws IOException {
        TwinNetwork net = new TwinNetwork(manager, config.model(), shape);
        try (InputStream in = folder.openCheckpoint()) {
            net.load(in);
        } catch (IOException | RuntimeException e) {
            net.close();
            throw new ExportException(folder.file(RunFolder.CHECKPOINT_DIR) + ": cannot load the checkpoint ("
                    + e.getMessage() + ")", e);
        }
        return net;
    }

    public List<MetricRow> metrics() {
        List<MetricRow> out = new ArrayList<>();
        for (Map<String, String> r : csv(folder.file(RunFolder.METRICS))) {
            out.add(new MetricRow((int) num(r, "step"), num(r, "epoch"), num(r, "loss"), num(r, "invariance"),
                    num(r, "redundancy"), num(r, "lambda"), num(r, "learning_rate")));
        }
        return out;
    }

    public List<ProbeRow> probes() {
        List<ProbeRow> out = new ArrayList<>();
        for (Map<String, String> r : csv(folder.file(RunFolder.PROBE))) {
            out.add(new ProbeRow((int) num(r, "step"), num(r, "epoch"), r.getOrDefault("encoder", ""),
                    num(r, "linear_top1"), num(r, "linear_top5"), num(r, "knn_top1")));
        }
        return out;
    }

    public Optional<Correlation> correlation() {
        Path npy = folder.file(RunFolder.CORRELATION);
        Optional<JsonObject> info = readJson(folder.file(RunFolder.CORRELATION_INFO));
        if (!Files.isRegularFile(npy) || info.isEmpty()) {
            return Optional.empty();
        }
        Npy.FloatMatrix m = Npy.readFloatMatrix(npy);
        JsonObject j = info.get();
        return Optional.of(new Correlation(j.get("step").getAsInt(), j.get("dim").getAsInt(), m.rows(),
                j.get("stride").getAsInt(), m.values(), j.get("meanDiagonal").getAsDouble(),
                j.get("meanAbsOffDiagonal").getAsDouble()));
    }

    private static Optional<JsonObject> readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file));
            return e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new ExportException(file + ": not readable JSON (" + e.getMessage() + ")");
        }
    }

    /** Rows of a CSV with a header line, by column name; a missing file is no rows. */
    private static List<Map<String, String>> csv(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExportException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        List<Map<String, String>> out = new ArrayList<>();
        if (lines.isEmpty()) {
            return out;
        }
        String[] head = lines.get(0).split(",");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length < head.length) {
                continue; // a row cut short by a crash
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < head.length; i++) {
                row.put(head[i].strip(), cells[i].strip());
            }
            out.add(row);
        }
        return out;
    }

    private static double num(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null || v.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
