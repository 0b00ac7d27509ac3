package org.twinlab.runs;

import java.nio.file.Path;
import java.util.List;
import org.twinlab.train.TrainingEvent;

/**
 * What a running sweep tells its listeners, in order: {@link Planned} once, then per run {@link RunStarted},
 * the run's own {@link Training} events (for live panels) with {@link Progress} at most twice a second, then
 * {@link Progress} with the new ETA and {@link RunFinished} or {@link RunSkipped}; {@link Notice} for things
 * worth knowing; {@link Ended} last.
 * Every event is immutable; listeners are called on the sweep's thread and must not block it.
 */
public sealed interface SweepEvent {

    /**
     * The plan: every run in order, how many are already done (a resumed sweep), and the estimated time of
     * the runs left in seconds (NaN where there is nothing to estimate from yet), with what it rests on
     * ("past runs' speed", "a calibration of 6 steps", ...).
     */
    record Planned(Path dir, List<SweepRun> runs, int alreadyDone, double estimatedSeconds, String estimateBasis)
            implements SweepEvent {
        public Planned {
            runs = List.copyOf(runs);
        }
    }

    /** A run starts (or continues from its checkpoint at {@code firstStep}) in {@code folder}. */
    record RunStarted(SweepRun run, int position, int total, Path folder, int firstStep, int totalSteps, boolean resumed)
            implements SweepEvent {
    }

    /** One of the run's own events, as its live panels want them. */
    record Training(SweepRun run, TrainingEvent event) implements SweepEvent {
    }

    /**
     * A run ended with a result (finished, or failed: a diverged run is a result too) and its row is in
     * results.csv. {@code wallSeconds} is this session's time on it, probes and resume included.
     */
    record RunFinished(SweepRun run, RunSummary summary, double wallSeconds) implements SweepEvent {
    }

    /**
     * A run that does not run now: done in an earlier session, or skipped by request or stopped ({@code
     * resumable}: resuming the sweep finishes it; each face says how). {@code reason} names no command.
     */
    record RunSkipped(SweepRun run, String reason, boolean resumable) implements SweepEvent {
    }

    /**
     * The whole sweep: runs done of the total, the fraction of the estimated work done (the current run's
     * steps included), seconds since the sweep started, and the estimated seconds left (NaN while unknown).
     */
    record Progress(int done, int total, double fraction, double elapsedSeconds, double etaSeconds) implements SweepEvent {
    }

    /** Something worth knowing that does not stop the sweep (a crashed run moved aside and restarted). */
    record Notice(String message) implements SweepEvent {
    }

    /**
     * The sweep ended: every run has a result, or it was cancelled, or {@code skipped} runs were skipped; the
     * last two resume (each face says how). {@code finished} counts the rows of results.csv.
     */
    record Ended(SweepState state, int finished, int total, Path results, int skipped) implements SweepEvent {
    }

    /** How a sweep ended; written as its lower-case word in --json. */
    enum SweepState {
        FINISHED, CANCELLED, INCOMPLETE;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
