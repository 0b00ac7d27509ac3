package org.twinlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.twinlab.runs.RunSummary;
import org.twinlab.runs.SweepEstimate;
import org.twinlab.runs.SweepEvent;
import org.twinlab.runs.SweepListener;
import org.twinlab.runs.SweepRunner;
import org.twinlab.runs.SweepSpec;
import org.twinlab.train.RunState;

/**
 * The terminal face of a sweep ({@code sweep} and {@code ablate}): the plan with its estimated time, a
 * line per run as it starts and ends, and the sweep's ETA; Ctrl+C cancels it after the current run has
 * saved its checkpoint.
 */
final class SweepPrinter implements SweepListener {
    private final PrintWriter err;
    private double eta = Double.NaN;
    private int total;
    private java.nio.file.Path dir;

    private SweepPrinter(PrintWriter err) {
        this.err = err;
    }

    /** Runs the sweep with progress lines on {@code err}; Ctrl+C cancels it cleanly. */
    static SweepRunner.Outcome run(SweepRunner runner, PrintWriter err) {
        runner.listener(new SweepPrinter(err));
        try {
            return CtrlC.during(() -> runner.cancelAndWait(120, TimeUnit.SECONDS), runner::run);
        } catch (SweepRunner.SaveFailed e) {
            throw new java.io.UncheckedIOException(e.failure() + "; make room, then finish the sweep: " + resume(e.dir()),
                    e.getCause());
        } catch (SweepRunner.AlreadyASweep e) {
            throw new IllegalArgumentException(e.getMessage() + "; finish it with: " + resume(e.dir())
                    + " (or choose another --out)", e);
        }
    }

    private static String resume(java.nio.file.Path dir) {
        return "twinlab sweep --resume " + dir;
    }

    /** The columns of a results table worth a terminal: the swept settings, then the results. */
    static List<String> resultColumns(SweepSpec spec) {
        List<String> cols = new ArrayList<>(spec.sweptKeys());
        if (!cols.contains("seed")) {
            cols.add("seed");
        }
        cols.addAll(List.of("steps", "linearTop1", "knnTop1", "finalLoss", "meanDiagonal", "effectiveRank", "seconds",
                "state"));
        return cols;
    }

    private String ended(SweepEvent.Ended e) {
        return switch (e.state()) {
            case FINISHED -> "";
            case CANCELLED -> "; cancelled with " + e.finished() + " of " + e.total() + " runs done; " + resume(dir)
                    + " finishes it";
            case INCOMPLETE -> "; " + e.skipped() + " run" + (e.skipped() == 1 ? "" : "s") + " skipped; " + resume(dir)
                    + " finishes " + (e.skipped() == 1 ? "it" : "them");
        };
    }

    @Override
    public void onEvent(SweepEvent event) {
        switch (event) {
            case SweepEvent.Planned p -> {
                eta = p.estimatedSeconds();
                dir = p.dir();
                total = p.runs().size();
                err.printf(Locale.ROOT, "sweep of %d runs in %s%s; estimated time %s%s%n", p.runs().size(), p.dir(),
                        p.alreadyDone() > 0 ? " (" + p.alreadyDone() + " done earlier)" : "",
                        SweepEstimate.describe(p.estimatedSeconds()), p.estimateBasis().isEmpty() ? ""
                                : " (" + p.estimateBasis() + ")");
            }
            case SweepEvent.RunStarted s -> err.printf(Locale.ROOT, "[%d/%d] %s: %s%n", s.position(), s.total(),
                    s.run().name(), s.resumed() ? "continues from step " + s.firstStep() + " of " + s.totalSteps()
                            : "started, " + s.totalSteps() + " steps");
            case SweepEvent.Progress p -> eta = p.etaSeconds();
            case SweepEvent.RunFinished f -> {
                RunSummary s = f.summary();
                err.printf(Locale.ROOT, "[%d/%d] %s: %s in %s: linear top-1 %s, kNN %s, final loss %.4g; sweep ETA %s%n",
                        f.run().index(), total, f.run().name(), s.state(),
                        SweepEstimate.describe(f.wallSeconds()), ProgressPrinter.percent(s.linearTop1()),
                        ProgressPrinter.percent(s.knnTop1()), s.finalLoss(), SweepEstimate.describe(eta));
                if (s.state() == RunState.FAILED && s.message() != null) {
                    err.println("  " + s.message());
                }
            }
            case SweepEvent.RunSkipped s -> err.printf(Locale.ROOT, "[%d/%d] %s: %s%s%n", s.run().index(), total,
                    s.run().name(), s.reason(), s.resumable() ? "; " + resume(dir) + " finishes it" : "");
            case SweepEvent.Notice n -> err.println("note: " + n.message());
            case SweepEvent.Ended e -> err.printf(Locale.ROOT, "sweep %s: %d of %d runs have results in %s%s%n", e.state(),
                    e.finished(), e.total(), e.results(), ended(e));
            case SweepEvent.Training t -> {
            }
        }
        err.flush();
    }
}
