package org.twinlab.runs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.twinlab.train.RunState;
import java.util.Map;
import org.twinlab.eval.ProbeResult;
import org.twinlab.model.Objective;
import org.twinlab.train.TrainingEvent;
import org.twinlab.train.TrainingEventListener;
import org.twinlab.util.IoErrors;

/**
 * Writes a run's events to its folder: metrics.csv appended (one column per term of the objective) and
 * flushed at least every two seconds and before every checkpoint (a crash loses no more, and never a
 * row before the checkpoint it resumes from), probe.csv per probe, diagnostics.csv per snapshot,
 * changes.csv per live change, every correlation snapshot (correlation-history.bin) and the latest one, the embedding, and summary.json at the
 * end. Also keeps the summary in memory for the command line.
 */
public final class RunRecorder implements TrainingEventListener {
    private static final long FLUSH_NANOS = 2_000_000_000L;
    static final String METRICS_TAIL = "lambda,learning_rate,pairs_per_second,elapsed_seconds,resident_mb";
    private final RunFolder folder;
    private BufferedWriter metrics;
    private BufferedWriter diagnostics;
    private long lastFlush = System.nanoTime();
    private TrainingEvent.Started started;
    private TrainingEvent.Step lastStep;
    private TrainingEvent.Correlation lastCorrelation;
    private ProbeResult lastTrained;
    private ProbeResult random;
    private ProbeResult pixels;
    private RunSummary summary;
    private volatile UncheckedIOException failure;

    RunRecorder(RunFolder folder) {
        this.folder = folder;
    }

    /**
     * The first write that failed (a full disk, a folder that went away), as one line naming the run folder;
     * null while every write succeeds. The run fails with it; once it has happened, the end of the run is
     * recorded where the disk still allows and further failures add nothing.
     */
    UncheckedIOException failure() {
        return failure;
    }

    /** Records a failed write of the run's files (the recorder's own, or a checkpoint's) and returns it to throw. */
    UncheckedIOException failed(IOException e) {
        if (failure == null) {
            failure = new UncheckedIOException(IoErrors.cannotWrite(folder.dir(), e), e);
        }
        return failure;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (failure != null && event instanceof TrainingEvent.State s && s.state().isTerminal()) {
            try {
                state(s); // the summary of the failed run, where the disk allows
            } catch (IOException | RuntimeException e) {
                // the run already failed with the first write that could not be made
            }
            return;
        }
        try {
            switch (event) {
                case TrainingEvent.Started s -> started = s;
                case TrainingEvent.Step s -> step(s);
                case TrainingEvent.Probe p -> probe(p.result());
                case TrainingEvent.Correlation c -> correlation(c);
                case TrainingEvent.Embedding e -> embedding(e);
                case TrainingEvent.LiveChange c -> append(RunFolder.CHANGES, "step,key,value",
                        String.format(Locale.ROOT, "%d,%s,%.6g", c.step(), c.key(), c.value()));
                case TrainingEvent.Notice n -> {
                }
                case TrainingEvent.State s -> state(s);
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Probe results of the sessions before a resume, so the summary still has its baselines. */
    void remember(List<ProbeResult> earlier) {
        for (ProbeResult r : earlier) {
            switch (r.encoder()) {
                case ProbeResult.RANDOM -> random = r;
                case ProbeResult.PIXELS -> pixels = r;
                default -> lastTrained = r;
            }
        }
    }

    public RunSummary summary() {
        return summary;
    }

    /** Puts every row written so far on disk: called before a checkpoint. */
    void flush() throws IOException {
        if (metrics != null) {
            metrics.flush();
        }
        if (diagnostics != null) {
            diagnostics.flush();
        }
        lastFlush = System.nanoTime();
    }

    static String metricsHeader(List<Objective.Term> terms) {
        StringBuilder h = new StringBuilder("step,epoch,loss");
        for (Objective.Term t : terms) {
            h.append(',').append(t.key());
        }
        return h.append(',').append(METRICS_TAIL).toString();
    }

    private void step(TrainingEvent.Step s) throws IOException {
        if (metrics == null) {
            metrics = open(RunFolder.METRICS, metricsHeader(started.terms()));
        }
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%d,%.4f,%.6g", s.step(), s.epoch(), s.loss()));
        for (double t : s.terms()) {
            row.append(String.format(Locale.ROOT, ",%.6g", t));
        }
        row.append(String.format(Locale.ROOT, ",%.6g,%.6g,%.1f,%.3f,%.1f%n", s.lambda(), s.learningRate(),
                s.pairsPerSecond(), s.elapsedSeconds(), s.residentMegabytes()));
        metrics.write(row.toString());
        lastStep = s;
        long now = System.nanoTime();
        if (now - lastFlush > FLUSH_NANOS) {
            flush();
        }
    }

    /**
     * Opens a step file for appending. A file written by an earlier version with other columns (a resumed
     * old run) is first rewritten to this header, column by column, so the file stays one table.
     */
    private BufferedWriter open(String name, String header) throws IOException {
        Path f = folder.file(name);
        if (Files.isRegularFile(f) && Files.size(f) > 0) {
            List<String> lines = CsvFile.lines(f);
            // an older version's columns are mapped to these; a damaged header is left as it is (rows appended)
            if (!lines.get(0).equals(header) && lines.get(0).matches("step(,[a-z_]+)+")) {
                CsvFile.writeLines(f, CsvFile.reshape(lines, header));
            }
            return Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        w.write(header + "\n");
        return w;
    }

    private void append(String name, String header, String row) throws IOException {
        Path f = folder.file(name);
        boolean fresh = !Files.exists(f) || Files.size(f) == 0;
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            if (fresh) {
                w.write(header + "\n");
            }
            w.write(row + "\n");
        }
    }

    private void probe(ProbeResult r) throws IOException {
        switch (r.encoder()) {
            case ProbeResult.RANDOM -> random = r;
            case ProbeResult.PIXELS -> pixels = r;
            default -> lastTrained = r;
        }
        append(RunFolder.PROBE, "step,epoch,encoder,linear_top1,linear_top5,knn_top1,seconds",
                String.format(Locale.ROOT, "%d,%.4f,%s,%.4f,%.4f,%.4f,%.2f", r.step(), r.epoch(), r.encoder(),
                        r.linearTop1(), r.linearTop5(), r.knnTop1(), r.seconds()));
    }

    private void correlation(TrainingEvent.Correlation c) throws IOException {
        lastCorrelation = c;
        CorrelationHistory.append(folder.file(CorrelationHistory.FILE), c);
        AtomicFiles.write(folder.file(RunFolder.CORRELATION), out -> NpyWriter.write(out, c.values(), c.side(), c.side()));
        AtomicFiles.writeString(folder.file(RunFolder.CORRELATION_INFO), String.format(Locale.ROOT,
                "{\"step\": %d, \"dim\": %d, \"stride\": %d, \"meanDiagonal\": %.6f, \"meanAbsOffDiagonal\": %.6f, "
                        + "\"pairs\": %d}%n",
                c.step(), c.dim(), c.stride(), c.meanDiagonal(), c.meanAbsOffDiagonal(), c.pairs()));
        if (diagnostics == null) {
            diagnostics = open(RunFolder.DIAGNOSTICS, "step,mean_diagonal,mean_abs_off_diagonal,effective_rank,spread");
        }
        diagnostics.write(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.4f,%.5f%n", c.step(), c.meanDiagonal(),
                c.meanAbsOffDiagonal(), c.effectiveRank(), c.spread()));
    }

    private void embedding(TrainingEvent.Embedding e) throws IOException {
        StringBuilder sb = new StringBuilder("x,y,label,class\n");
        for (int i = 0; i < e.x().length; i++) {
            int label = e.labels()[i];
            String name = label < e.classNames().size() ? e.classNames().get(label) : "";
            sb.append(String.format(Locale.ROOT, "%.5g,%.5g,%d,", e.x()[i], e.y()[i], label)).append(CsvFile.line(name))
                    .append('\n');
        }
        AtomicFiles.writeString(folder.file(RunFolder.EMBEDDING), sb.toString());
    }

    private void state(TrainingEvent.State s) throws IOException {
        if (!s.state().isTerminal()) {
            return;
        }
        summary = summaryOf(s, s.state()); // kept in memory first: a write that fails below does not lose it
        try {
            flush();
        } finally {
            // each closed on its own: a close that fails (it flushes; a full disk) must not leave the other open
            java.io.Writer m = metrics;
            java.io.Writer d = diagnostics;
            metrics = null;
            diagnostics = null;
            try (d) {
                if (m != null) {
                    m.close();
                }
            }
        }
        // a run that failed because its folder could not be written is not a result: on disk it is stopped, to resume
        RunSummary written = failure != null && s.state() == RunState.FAILED ? summaryOf(s, RunState.STOPPED)
                : summary;
        AtomicFiles.writeString(folder.file(RunFolder.SUMMARY), Json.toJson(written) + "\n");
    }

    private RunSummary summaryOf(TrainingEvent.State s, RunState state) {
        TrainingEvent.Step l = lastStep;
        Map<String, Double> terms = new LinkedHashMap<>();
        if (started != null) {
            for (int i = 0; i < started.terms().size(); i++) {
                terms.put(started.terms().get(i).key(), l == null || i >= l.terms().length ? Double.NaN : l.terms()[i]);
            }
        }
        int first = started == null ? 0 : started.firstStep();
        int batch = started == null ? 0 : started.config().batchSize();
        return new RunSummary(state, s.message(),
                started == null ? null : started.config().objective().key(), s.step(),
                l == null ? 0 : l.epoch(), l == null ? Double.NaN : l.loss(), terms,
                lastTrained == null ? Double.NaN : lastTrained.linearTop1(),
                lastTrained == null ? Double.NaN : lastTrained.linearTop5(),
                lastTrained == null ? Double.NaN : lastTrained.knnTop1(),
                random == null ? Double.NaN : random.linearTop1(), pixels == null ? Double.NaN : pixels.linearTop1(),
                lastCorrelation == null ? Double.NaN : lastCorrelation.meanDiagonal(),
                lastCorrelation == null ? Double.NaN : lastCorrelation.effectiveRank(),
                l == null || l.elapsedSeconds() == 0 ? 0 : (double) (l.step() - first) * batch / l.elapsedSeconds(),
                l == null ? 0 : l.elapsedSeconds(), started == null ? null : started.device(), folder.dir().toString());
    }
}
