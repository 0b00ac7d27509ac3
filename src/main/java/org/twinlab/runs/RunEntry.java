package org.twinlab.runs;

import java.nio.file.Path;
import java.time.Instant;
import org.twinlab.train.RunState;
import org.twinlab.train.TrainConfig;

/**
 * One run folder as the runs list shows it, read cheaply (no weights, no metrics rows): its settings,
 * what was said about it, how it ended, and what is wrong with it, if anything.
 *
 * @param config  null when config.json is missing or broken (then {@code problem} says so)
 * @param summary null while it runs, after a crash, or in folders of runs that never ended
 * @param state   finished, stopped, failed, running, crashed (ended without a summary), or damaged (then
 *                {@code problem} says why)
 * @param problem null for a whole run folder, else why it is damaged, in one line
 * @param sweep   the sweep folder it belongs to, or null
 */
public record RunEntry(Path dir, TrainConfig config, RunMeta meta, RunSummary summary, RunState state, String problem,
                       Instant created, boolean hasCheckpoint, Path sweep) {

    /** The name to list it by: the one given in the window, else the run's own. */
    public String name() {
        if (meta != null && !meta.name().isEmpty()) {
            return meta.name();
        }
        return config != null ? RunFolder.displayName(config) : dir.getFileName().toString();
    }

    public boolean damaged() {
        return problem != null;
    }

    /** Whether "Continue" can take it further from its checkpoint as it is. */
    public boolean resumable() {
        return !damaged() && hasCheckpoint && (state == RunState.STOPPED || state == RunState.CRASHED);
    }
}
