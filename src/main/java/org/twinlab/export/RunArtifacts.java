package org.twinlab.export;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.twinlab.data.ImageShape;
import org.twinlab.model.TwinNetwork;
import org.twinlab.model.Objective;
import org.twinlab.runs.CheckpointStore;
import org.twinlab.runs.CsvFile;
import org.twinlab.runs.RunFolder;
import org.twinlab.runs.RunHistory;
import org.twinlab.runs.RunRecord;
import org.twinlab.train.TrainingEvent;
import org.twinlab.util.IoErrors;
import org.twinlab.train.TrainConfig;

/**
 * Everything the export reads from a run folder, in one place: the settings, the verified checkpoint's
 * weights, and what {@link RunHistory} reads back (metrics with a column per term of the run's objective,
 * probes, the last correlation snapshot, the summary). The rest of the export sees only the plain records
 * below.
 */
public final class RunArtifacts {
    /** The settings the export uses, as plain names and numbers. */
    public record Settings(String name, String dataset, String encoder, String objective, int projectorWidth,
                           int projectorDepth, boolean projectorBatchNorm, double lambda, int batchSize, String optimizer,
                           double learningRate, double weightDecay, String schedule, double warmupEpochs, double epochs,
                           int steps, long seed, String augmentation) {
    }

    /** One row of metrics.csv: the loss and the objective's terms (see {@link #terms()}), which sum to it. */
    public record MetricRow(int step, double epoch, double loss, double[] terms, double lambda, double learningRate) {
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
    private final CheckpointStore.Record checkpoint;
    private final RunRecord record;

    private RunArtifacts(RunFolder folder, TrainConfig config, CheckpointStore.Record checkpoint, RunRecord record) {
        this.folder = folder;
        this.config = config;
        this.checkpoint = checkpoint;
        this.record = record;
    }

    /** A run folder with settings and a whole checkpoint; anything else is one line naming the folder or file. */
    public static RunArtifacts open(Path runDir) {
        RunFolder f = RunFolder.open(runDir);
        TrainConfig c = f.config();
        CheckpointStore.Record ckpt;
        try {
            ckpt = f.checkpoints().load();
        } catch (IOException e) {
            throw new ExportException(runDir + ": the checkpoint cannot be read (" + IoErrors.describe(e) + ")", e);
        }
        if (ckpt == null) {
            throw new ExportException(runDir + ": has no checkpoint to export (train at least one epoch, or stop the run)");
        }
        return new RunArtifacts(f, c, ckpt, RunHistory.load(runDir));
    }

    public Path dir() {
        return folder.dir();
    }

    public int checkpointStep() {
        return checkpoint.step();
    }

    public Settings settings() {
        TrainConfig c = config;
        return new Settings(name(), c.dataset(), c.encoder().key(), c.objective().key(),
                c.projectorWidth(), c.projectorDepth(), c.model().projectorBatchNorm(), c.lambda(), c.batchSize(),
                c.optimizer().key(), c.learningRate(), c.weightDecay(), c.schedule().key(), c.warmupEpochs(), c.epochs(),
                c.steps(), c.seed(), c.augment() == null ? "official" : "custom (see config)");
    }

    /** The name the run is known by: the one given in the window (meta.json) over the one it was started with. */
    public String name() {
        String given;
        try {
            given = folder.meta().name();
        } catch (RuntimeException e) {
            given = ""; // a damaged meta.json costs the given name, not the export
        }
        return given.isEmpty() ? RunFolder.displayName(config) : given;
    }

    /** When the run folder was made. */
    public java.time.Instant created() {
        return RunHistory.read(folder.dir()).created();
    }

    /** The whole config.json as the run wrote it. */
    public JsonObject configJson() {
        return readJson(folder.file(RunFolder.CONFIG), "settings").orElseThrow(
                () -> new ExportException(folder.file(RunFolder.CONFIG) + ": unreadable"));
    }

    /** summary.json, if the run wrote one. */
    public Optional<JsonObject> summary() {
        return readJson(folder.file(RunFolder.SUMMARY), "run summary");
    }

    /** The run's network with the checkpoint's weights, its parameters in a sub-manager of {@code manager}. */
    public TwinNetwork loadNetwork(NDManager manager, ImageShape shape) throws IOException {
        TwinNetwork net = new TwinNetwork(manager, config.model(), shape);
        try {
            checkpoint.loadNetwork(net);
        } catch (IOException | RuntimeException e) {
            net.close();
            throw new ExportException(checkpoint.parameters() + ": cannot load the checkpoint (" + e.getMessage() + ")", e);
        }
        return net;
    }

    /** The names of the objective's terms, in the order of {@link MetricRow#terms()}. */
    public List<Objective.Term> terms() {
        return record.terms();
    }

    public List<MetricRow> metrics() {
        CsvFile m = record.metrics();
        List<MetricRow> out = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            double[] t = new double[record.terms().size()];
            for (int k = 0; k < t.length; k++) {
                t[k] = m.number(i, record.terms().get(k).key());
            }
            out.add(new MetricRow((int) m.number(i, "step"), m.number(i, "epoch"), m.number(i, "loss"), t,
                    m.number(i, "lambda"), m.number(i, "learning_rate")));
        }
        return out;
    }

    public List<ProbeRow> probes() {
        return record.probes().stream().map(p -> new ProbeRow(p.step(), p.epoch(), p.encoder(), p.linearTop1(),
                p.linearTop5(), p.knnTop1())).toList();
    }

    public Optional<Correlation> correlation() {
        TrainingEvent.Correlation c = record.correlation();
        return c == null ? Optional.empty() : Optional.of(new Correlation(c.step(), c.dim(), c.side(), c.stride(),
                c.values(), c.meanDiagonal(), c.meanAbsOffDiagonal()));
    }

    /** A JSON file of the run, or empty where there is none; a damaged one is one line naming it. */
    private static Optional<JsonObject> readJson(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ExportException(file + ": damaged (not text)");
        } catch (IOException e) {
            throw new ExportException(file + ": cannot be read (" + IoErrors.describe(e) + ")", e);
        }
        try {
            return Optional.of(org.twinlab.runs.Json.object(text, file.toString(), what));
        } catch (IllegalArgumentException e) {
            throw new ExportException(e.getMessage());
        }
    }
}
