package org.twinlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.twinlab.eval.ProbeResult;
import org.twinlab.runs.RunSummary;
import org.twinlab.train.Eta;
import org.twinlab.train.TrainingEvent;
import org.twinlab.train.TrainingEventListener;

/** A one-line progress bar with ETA and pairs per second on the terminal, redrawn at most 4 times a second. */
final class ProgressPrinter implements TrainingEventListener {
    private static final long REDRAW_NANOS = 250_000_000L;
    private final PrintWriter err;
    private final boolean bar;
    private TrainingEvent.Started started;
    private int total;
    private long lastDraw;
    private java.util.function.BooleanSupplier quietFailure = () -> false;

    ProgressPrinter(PrintWriter err, boolean bar) {
        this.err = err;
        this.bar = bar;
    }

    /** A failure the command reports itself, as its one line at the end: only the bar's line is ended. */
    ProgressPrinter quietFailure(java.util.function.BooleanSupplier quiet) {
        this.quietFailure = quiet;
        return this;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        switch (event) {
            case TrainingEvent.Started s -> {
                started = s;
                total = s.totalSteps();
                err.printf(Locale.ROOT, "%s on %s: %d steps (%d per epoch), %,d parameters, run folder %s%n",
                        s.config().dataset(), s.device(), s.totalSteps(), s.stepsPerEpoch(), s.parameterCount(),
                        s.runFolder());
            }
            case TrainingEvent.Step s -> {
                long now = System.nanoTime();
                if (bar && (now - lastDraw > REDRAW_NANOS || s.step() == total)) {
                    lastDraw = now;
                    draw(s);
                }
            }
            case TrainingEvent.Probe p -> {
                ProbeResult r = p.result();
                if (bar) {
                    err.print("\r\033[K");
                }
                err.printf(Locale.ROOT, "probe %-7s step %d: linear top-1 %.2f%%, top-5 %.2f%%, kNN top-1 %.2f%% (%.1f s)%n",
                        r.encoder(), r.step(), 100 * r.linearTop1(), 100 * r.linearTop5(), 100 * r.knnTop1(), r.seconds());
            }
            case TrainingEvent.Notice n -> {
                if (bar) {
                    err.print("\r\033[K");
                }
                err.println("note: " + n.message());
            }
            case TrainingEvent.State s -> {
                if (s.state().isTerminal() && s.message() != null) {
                    if (quietFailure.getAsBoolean()) {
                        if (bar) {
                            err.println();
                        }
                    } else {
                        err.println();
                        err.println(s.state().word() + ": " + s.message());
                    }
                }
            }
            default -> {
            }
        }
        err.flush();
    }

    private void draw(TrainingEvent.Step s) {
        double frac = total == 0 ? 1 : (double) s.step() / total;
        int width = 30;
        int filled = (int) Math.round(frac * width);
        long eta = Eta.seconds(started, s);
        StringBuilder terms = new StringBuilder();
        for (int i = 0; i < started.terms().size() && i < s.terms().length; i++) {
            terms.append(i == 0 ? " (" : ", ").append(started.terms().get(i).label())
                    .append(String.format(Locale.ROOT, " %.3g", s.terms()[i]));
        }
        if (terms.length() > 0) {
            terms.append(')');
        }
        err.printf(Locale.ROOT, "\r[%s%s] %3.0f%% step %d/%d epoch %.2f  ETA %d:%02d  %.0f pairs/s  loss %.4g%s",
                "=".repeat(filled), " ".repeat(width - filled), 100 * frac, s.step(), total, s.epoch(), eta / 60, eta % 60,
                s.pairsPerSecond(), s.loss(), terms);
        if (s.step() == total) {
            err.println();
        }
    }

    /** "86.59%", or "not measured" for a probe that was not run. */
    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "not measured" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    void printSummary(PrintWriter out, RunSummary s) {
        if (s == null) {
            return;
        }
        out.printf(Locale.ROOT, "%s after %d steps (%.2f epochs, %.1f s, %.0f pairs/s on %s)%n", s.state(), s.steps(),
                s.epochs(), s.trainSeconds(), s.pairsPerSecond(), s.device());
        StringBuilder terms = new StringBuilder();
        s.finalTerms().forEach((k, v) -> terms.append(terms.length() == 0 ? ": " : ", ").append(k)
                .append(String.format(Locale.ROOT, " %.4g", v)));
        out.printf(Locale.ROOT, "%s, final loss %.4g%s%n", s.objective(), s.finalLoss(), terms);
        out.printf(Locale.ROOT, "linear probe top-1 %s (random encoder %s, raw pixels %s), kNN top-1 %s%n",
                percent(s.linearTop1()), percent(s.randomLinearTop1()), percent(s.pixelsLinearTop1()), percent(s.knnTop1()));
        if (!Double.isNaN(s.finalMeanDiagonal())) {
            out.printf(Locale.ROOT, "C: mean diagonal %.3f; embeddings: effective rank %.1f%n", s.finalMeanDiagonal(),
                    s.finalEffectiveRank());
        }
        out.println("run folder: " + s.runFolder());
    }
}
