package org.twinlab.runs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.twinlab.eval.ProbeResult;
import org.twinlab.train.RunState;
import org.twinlab.train.TrainingEvent;
import org.twinlab.train.TrainingListener;

/**
 * Writes a run's events to its folder: metrics.csv appended and flushed at least every two seconds
 * (a crash loses no more), probe.csv per probe, the latest correlation snapshot and embedding, and
 * summary.json at the end. Also keeps the summary in memory for the command line.
 */
public final class RunRecorder implements TrainingListener {
    private static final long FLUSH_NANOS = 2_000_000_000L;
    private final RunFolder folder;
    private BufferedWriter metrics;
    private long lastFlush = System.nanoTime();
    private TrainingEvent.Step lastStep;
    private ProbeResult lastTrained;
    private ProbeResult random;
    private ProbeResult pixels;
    private String device;
    private RunSummary summary;
    private int firstStep;
    private int batch;

    RunRecorder(RunFolder folder) {
        this.folder = folder;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        try {
            switch (event) {
                case TrainingEvent.Started s -> {
                    device = s.device();
                    firstStep = s.firstStep();
                    batch = s.config().batchSize();
                }
                case TrainingEvent.Step s -> step(s);
                case TrainingEvent.Probe p -> probe(p.result());
                case TrainingEvent.Correlation c -> correlation(c);
                case TrainingEvent.Embedding e -> embedding(e);
                case TrainingEvent.State s -> state(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to run folder " + folder.dir() + ": " + e.getMessage(), e);
        }
    }

    public RunSummary summary() {
        return summary;
    }

    private void step(TrainingEvent.Step s) throws IOException {
        if (metrics == null) {
            Path f = folder.file(RunFolder.METRICS);
            boolean fresh = !Files.exists(f) || Files.size(f) == 0;
            metrics = Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (fresh) {
                metrics.write("step,epoch,loss,invariance,redundancy,lambda,learning_rate,pairs_per_second,elapsed_seconds,resident_mb\n");
            }
        }
        metrics.write(String.format(Locale.ROOT, "%d,%.4f,%.6g,%.6g,%.6g,%.6g,%.6g,%.1f,%.3f,%.1f%n", s.step(),
                s.epoch(), s.loss(), s.invariance(), s.redundancy(), s.lambda(), s.learningRate(), s.pairsPerSecond(),
                s.elapsedSeconds(), s.residentMegabytes()));
        lastStep = s;
        long now = System.nanoTime();
        if (now - lastFlush > FLUSH_NANOS) {
            metrics.flush();
            lastFlush = now;
        }
    }

    private void probe(ProbeResult r) throws IOException {
        switch (r.encoder()) {
            case ProbeResult.RANDOM -> random = r;
            case ProbeResult.PIXELS -> pixels = r;
            default -> lastTrained = r;
        }
        Path f = folder.file(RunFolder.PROBE);
        boolean fresh = !Files.exists(f);
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            if (fresh) {
                w.write("step,epoch,encoder,linear_top1,linear_top5,knn_top1,seconds\n");
            }
            w.write(String.format(Locale.ROOT, "%d,%.4f,%s,%.4f,%.4f,%.4f,%.2f%n", r.step(), r.epoch(), r.encoder(),
                    r.linearTop1(), r.linearTop5(), r.knnTop1(), r.seconds()));
        }
    }

    private void correlation(TrainingEvent.Correlation c) throws IOException {
        AtomicFiles.write(folder.file(RunFolder.CORRELATION), out -> NpyWriter.write(out, c.values(), c.side(), c.side()));
        AtomicFiles.writeString(folder.file(RunFolder.CORRELATION_INFO), String.format(Locale.ROOT,
                "{\"step\": %d, \"dim\": %d, \"stride\": %d, \"meanDiagonal\": %.6f, \"meanAbsOffDiagonal\": %.6f}%n",
                c.step(), c.dim(), c.stride(), c.meanDiagonal(), c.meanAbsOffDiagonal()));
    }

    private void embedding(TrainingEvent.Embedding e) throws IOException {
        StringBuilder sb = new StringBuilder("x,y,label\n");
        for (int i = 0; i < e.x().length; i++) {
            sb.append(String.format(Locale.ROOT, "%.5g,%.5g,%d%n", e.x()[i], e.y()[i], e.labels()[i]));
        }
        AtomicFiles.writeString(folder.file(RunFolder.EMBEDDING), sb.toString());
    }

    private void state(TrainingEvent.State s) throws IOException {
        if (!s.state().isTerminal()) {
            return;
        }
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        TrainingEvent.Step l = lastStep;
        summary = new RunSummary(s.state().name().toLowerCase(Locale.ROOT), s.message(), s.step(),
                l == null ? 0 : l.epoch(), l == null ? Double.NaN : l.loss(), l == null ? Double.NaN : l.invariance(),
                l == null ? Double.NaN : l.redundancy(), lastTrained == null ? Double.NaN : lastTrained.linearTop1(),
                lastTrained == null ? Double.NaN : lastTrained.linearTop5(),
                lastTrained == null ? Double.NaN : lastTrained.knnTop1(),
                random == null ? Double.NaN : random.linearTop1(), pixels == null ? Double.NaN : pixels.linearTop1(),
                l == null || l.elapsedSeconds() == 0 ? 0 : (double) (l.step() - firstStep) * batch / l.elapsedSeconds(),
                l == null ? 0 : l.elapsedSeconds(), device, folder.dir().toString());
        AtomicFiles.writeString(folder.file(RunFolder.SUMMARY), Json.toJson(summary) + "\n");
    }
}
