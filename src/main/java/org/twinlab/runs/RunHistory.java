package org.twinlab.runs;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.twinlab.data.Npy;
import org.twinlab.eval.ProbeResult;
import org.twinlab.model.Objective;
import org.twinlab.train.RunState;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;
import org.twinlab.train.TrainingEventListener;
import org.twinlab.util.IoErrors;

/**
 * Reads run folders back: the list of runs under a folder (sweeps' runs included), one run's entry, and
 * a whole past run. It tolerates folders of older versions (missing files and columns) and never fails
 * a whole list for one bad folder: a damaged run is listed with the reason.
 */
public final class RunHistory {
    public static final String SWEEP_FILE = "sweep.json";

    private RunHistory() {
    }

    /** Every run under {@code root} (and under its sweeps' runs/ folders), newest first. */
    public static List<RunEntry> list(Path root) {
        List<RunEntry> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        if (Files.isRegularFile(root.resolve(SWEEP_FILE))) {
            collect(root.resolve(SweepRunner.RUNS), root, out); // the folder of one sweep
        } else {
            collect(root, null, out);
        }
        out.sort(Comparator.comparing(RunEntry::created).reversed().thenComparing(e -> e.dir().toString()));
        return out;
    }

    private static void collect(Path folder, Path sweep, List<RunEntry> out) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder, Files::isDirectory)) {
            for (Path child : children) {
                if (Files.isRegularFile(child.resolve(SWEEP_FILE))) {
                    collect(child.resolve(SweepRunner.RUNS), child, out);
                } else if (looksLikeRun(child)) {
                    out.add(read(child, sweep));
                }
            }
        } catch (IOException e) {
            // a folder that cannot be listed holds no runs we can show
        }
    }

    /** A run folder, or what is left of one: any of the files only runs have. */
    static boolean looksLikeRun(Path dir) {
        for (String f : new String[] {RunFolder.CONFIG, RunFolder.METRICS, RunFolder.SUMMARY, CheckpointStore.DIR}) {
            if (Files.exists(dir.resolve(f))) {
                return true;
            }
        }
        return false;
    }

    public static RunEntry read(Path dir) {
        Path parent = dir.toAbsolutePath().getParent();
        Path sweep = parent != null && parent.getFileName() != null && parent.getFileName().toString().equals(SweepRunner.RUNS)
                && Files.isRegularFile(parent.getParent().resolve(SWEEP_FILE)) ? parent.getParent() : null;
        return read(dir, sweep);
    }

    private static RunEntry read(Path dir, Path sweep) {
        List<String> problems = new ArrayList<>();
        TrainConfig config = null;
        if (!Files.isRegularFile(dir.resolve(RunFolder.CONFIG))) {
            problems.add("no " + RunFolder.CONFIG);
        } else {
            try {
                config = Json.readConfig(dir.resolve(RunFolder.CONFIG));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage().replace(dir.toString() + "/", ""));
            }
        }
        RunMeta meta = RunMeta.NONE;
        try {
            meta = RunMeta.read(dir.resolve(RunFolder.META));
        } catch (IllegalArgumentException e) {
            problems.add(RunFolder.META + ": damaged");
        }
        RunSummary summary = null;
        if (Files.isRegularFile(dir.resolve(RunFolder.SUMMARY))) {
            try {
                summary = Json.GSON.fromJson(Files.readString(dir.resolve(RunFolder.SUMMARY)), RunSummary.class);
            } catch (IOException | RuntimeException e) {
                problems.add(RunFolder.SUMMARY + ": damaged");
            }
            if (summary == null && problems.stream().noneMatch(p -> p.startsWith(RunFolder.SUMMARY))) {
                problems.add(RunFolder.SUMMARY + ": damaged (empty)");
            }
        }
        String metricsProblem = CsvFile.tailProblem(dir.resolve(RunFolder.METRICS));
        if (metricsProblem == null && summary != null && summary.steps() > 0
                && !Files.isRegularFile(dir.resolve(RunFolder.METRICS))) {
            metricsProblem = "no " + RunFolder.METRICS;
        }
        boolean checkpoint = false;
        try {
            checkpoint = new CheckpointStore(dir).exists() && recordReadable(dir);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage().replace(dir.toString() + "/", ""));
        }
        boolean running = locked(dir);
        RunState state;
        if (running) {
            state = RunState.RUNNING;
        } else if (summary != null && summary.state() != null) {
            state = summary.state();
        } else {
            state = RunState.CRASHED;
        }
        if (metricsProblem != null && !running && state != RunState.CRASHED) {
            problems.add(metricsProblem);
        }
        if (!checkpoint && !running && problems.isEmpty() && summary != null && summary.steps() > 0) {
            problems.add("no checkpoint");
        }
        String problem = problems.isEmpty() ? null : String.join("; ", problems);
        return new RunEntry(dir, config, meta, summary, problem == null ? state : RunState.DAMAGED, problem, created(dir),
                checkpoint, sweep);
    }

    private static boolean recordReadable(Path dir) {
        try {
            new CheckpointStore(dir).loadRecordOnly();
            return true;
        } catch (IOException e) {
            throw new IllegalArgumentException("checkpoint: " + IoErrors.describe(e));
        }
    }

    private static Instant created(Path dir) {
        try {
            return Files.readAttributes(dir, BasicFileAttributes.class).creationTime().toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** Whether a process (this one included) holds the folder's run lock: the run is going. */
    static boolean locked(Path dir) {
        Path f = dir.resolve(RunLock.FILE);
        if (!Files.isRegularFile(f)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A whole past run, for the window's panels, comparisons and exports. */
    public static RunRecord load(Path dir) {
        RunEntry entry = read(dir);
        List<Objective.Term> terms = entry.config() == null ? List.of() : entry.config().objective().create().terms();
        CsvFile metrics = CsvFile.read(dir.resolve(RunFolder.METRICS));
        CsvFile read = metrics;
        if (terms.stream().anyMatch(t -> !read.has(t.key())) && metrics.size() >= 0 && !metrics.header().isEmpty()) {
            metrics = CsvFile.reshaped(metrics, RunRecorder.metricsHeader(terms)); // a run of the first version
        }
        CsvFile diagnostics = CsvFile.read(dir.resolve(RunFolder.DIAGNOSTICS));
        CsvFile changeRows = CsvFile.read(dir.resolve(RunFolder.CHANGES));
        List<TrainingEvent.LiveChange> changes = new ArrayList<>();
        for (int i = 0; i < changeRows.size(); i++) {
            changes.add(new TrainingEvent.LiveChange((int) changeRows.number(i, "step"), changeRows.text(i, "key"),
                    changeRows.number(i, "value")));
        }
        List<ProbeResult> probes = probes(dir.resolve(RunFolder.PROBE));
        return new RunRecord(entry, terms, metrics, probes, diagnostics, changes, correlation(dir, diagnostics),
                embedding(dir, embeddingStep(probes)));
    }

    /** The probe results a run recorded, in order. */
    static List<ProbeResult> probes(Path file) {
        CsvFile rows = CsvFile.read(file);
        List<ProbeResult> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(new ProbeResult(rows.text(i, "encoder"), (int) rows.number(i, "step"), rows.number(i, "epoch"),
                    rows.number(i, "linear_top1"), rows.number(i, "linear_top5"), rows.number(i, "knn_top1"),
                    rows.number(i, "seconds")));
        }
        return out;
    }

    /** How the run ended by its summary.json, or null where it has none (or a damaged one). */
    static RunState summaryState(Path file) {
        RunSummary s = summary(file);
        return s == null ? null : s.state();
    }

    /** A run's summary.json, or null where it has none (or a damaged one). */
    static RunSummary summary(Path file) {
        try {
            return Files.isRegularFile(file) ? Json.GSON.fromJson(Files.readString(file), RunSummary.class) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static TrainingEvent.Correlation correlation(Path dir, CsvFile diagnostics) {
        Path npy = dir.resolve(RunFolder.CORRELATION);
        if (!Files.isRegularFile(npy)) {
            return null;
        }
        try {
            Npy.FloatMatrix m = Npy.readFloatMatrix(npy);
            if (m.rows() != m.cols()) {
                return null;
            }
            int side = m.rows();
            int step = 0;
            int dim = side;
            int stride = 1;
            double meanDiag = Double.NaN;
            double meanOff = Double.NaN;
            int pairs = 0;
            Path info = dir.resolve(RunFolder.CORRELATION_INFO);
            if (Files.isRegularFile(info)) {
                JsonObject o = Json.GSON.fromJson(Files.readString(info), JsonObject.class);
                step = o.get("step").getAsInt();
                dim = o.get("dim").getAsInt();
                stride = o.get("stride").getAsInt();
                meanDiag = o.get("meanDiagonal").getAsDouble();
                meanOff = o.get("meanAbsOffDiagonal").getAsDouble();
                pairs = o.has("pairs") ? o.get("pairs").getAsInt() : 0; // older runs: the batch's C
            }
            int bins = TrainingEvent.Correlation.HISTOGRAM_BINS;
            int[] diag = new int[bins];
            int[] off = new int[bins];
            for (int i = 0; i < side; i++) {
                for (int j = 0; j < side; j++) {
                    int b = Math.max(0, Math.min(bins - 1, (int) Math.floor((m.values()[i * side + j] + 1f) / 2f * bins)));
                    (i == j ? diag : off)[b]++;
                }
            }
            int last = diagnostics.size() - 1;
            double rank = last >= 0 ? diagnostics.number(last, "effective_rank") : Double.NaN;
            double spread = last >= 0 ? diagnostics.number(last, "spread") : Double.NaN;
            return new TrainingEvent.Correlation(step, dim, side, stride, m.values(), 0, 0, side, m.values(), meanDiag,
                    meanOff, diag, off, rank, spread, pairs);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The embedding is saved at each probe of the trained encoder: the last such probe's step, or -1. */
    private static int embeddingStep(List<ProbeResult> probes) {
        int step = -1;
        for (ProbeResult p : probes) {
            if (ProbeResult.TRAINED.equals(p.encoder())) {
                step = p.step();
            }
        }
        return step;
    }

    private static TrainingEvent.Embedding embedding(Path dir, int step) {
        CsvFile rows = CsvFile.read(dir.resolve(RunFolder.EMBEDDING));
        if (rows.size() == 0) {
            return null;
        }
        float[] x = new float[rows.size()];
        float[] y = new float[rows.size()];
        int[] labels = new int[rows.size()];
        int classes = 0;
        for (int i = 0; i < rows.size(); i++) {
            x[i] = (float) rows.number(i, "x");
            y[i] = (float) rows.number(i, "y");
            labels[i] = (int) rows.number(i, "label");
            classes = Math.max(classes, labels[i] + 1);
        }
        String[] names = new String[classes];
        for (int i = 0; i < rows.size(); i++) {
            String n = rows.text(i, "class");
            names[labels[i]] = n.isEmpty() ? Integer.toString(labels[i]) : n;
        }
        for (int k = 0; k < classes; k++) {
            names[k] = names[k] == null ? Integer.toString(k) : names[k];
        }
        return new TrainingEvent.Embedding(step, x, y, labels, List.of(names));
    }

    /**
     * Publishes a past run as the events it was made of (start, every step, the probes, the last C and
     * embedding, its end), so the window shows it through the same path as a live run.
     */
    public static void replay(RunRecord r, TrainingEventListener to) {
        TrainConfig c = r.entry().config();
        CsvFile m = r.metrics();
        int steps = m.size();
        int lastStep = steps == 0 ? 0 : (int) m.number(steps - 1, "step");
        int perEpoch = 1;
        if (steps > 0 && m.number(steps - 1, "epoch") > 0) {
            perEpoch = (int) Math.max(1, Math.round(lastStep / m.number(steps - 1, "epoch")));
        }
        RunSummary s = r.entry().summary();
        int total = c == null ? lastStep : Math.max(lastStep, c.steps() > 0 ? c.steps()
                : (int) Math.round(c.epochs() * perEpoch));
        if (c != null) {
            to.onEvent(new TrainingEvent.Started(c, s == null || s.device() == null ? "" : s.device(), 0, total, perEpoch,
                    0, r.entry().dir().toString(), r.terms()));
        }
        int change = 0;
        for (int i = 0; i < steps; i++) {
            int step = (int) m.number(i, "step");
            while (change < r.changes().size() && r.changes().get(change).step() < step) {
                to.onEvent(r.changes().get(change++));
            }
            double[] t = new double[r.terms().size()];
            for (int k = 0; k < t.length; k++) {
                t[k] = m.number(i, r.terms().get(k).key());
            }
            to.onEvent(new TrainingEvent.Step(step, m.number(i, "epoch"), m.number(i, "loss"), t, m.number(i, "lambda"),
                    m.number(i, "learning_rate"), m.number(i, "pairs_per_second"), m.number(i, "elapsed_seconds"), 0,
                    m.number(i, "resident_mb")));
        }
        for (ProbeResult p : r.probes()) {
            to.onEvent(new TrainingEvent.Probe(p));
        }
        if (r.correlation() != null) {
            to.onEvent(r.correlation());
        }
        if (r.embedding() != null) {
            to.onEvent(r.embedding());
        }
        RunState end = switch (r.entry().state()) {
            case FINISHED, FAILED -> r.entry().state();
            default -> RunState.STOPPED;
        };
        String why = s != null && s.message() != null ? s.message() : r.entry().problem();
        to.onEvent(new TrainingEvent.State(end, lastStep, why));
    }

    /** "finished at step 2340" and the like, for a status line. */
    public static String describe(RunEntry e) {
        int steps = e.summary() == null ? 0 : e.summary().steps();
        return e.state() + (steps > 0 ? String.format(Locale.ROOT, " at step %d", steps) : "")
                + (e.problem() == null ? "" : ": " + e.problem());
    }

    /**
     * Every snapshot of C the run kept ({@link CorrelationHistory}), readable while it trains; a run of an older
     * version has none ({@link CorrelationHistory.Contents#NONE}) and shows its last C alone.
     */
    public static CorrelationHistory.Contents correlationHistory(Path dir) {
        return CorrelationHistory.read(dir.resolve(CorrelationHistory.FILE));
    }
}
