package org.twinlab.ui;

import java.util.List;

/**
 * What the window shows of a race: the two runs' live views (the form's run first) and each one's difference in
 * words ("λ = 0.0051", "λ = 0"), the titles of its panels and the names in the legends.
 */
public record LiveRace(LiveRun first, LiveRun second, List<String> labels) {
    public LiveRace {
        labels = List.copyOf(labels);
    }

    public List<LiveRun> runs() {
        return List.of(first, second);
    }
}
