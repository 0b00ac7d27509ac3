package org.twinlab.train;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Settings a person gave that cannot be used: each problem names its setting's key, so a face marks that field
 * or names that flag without reading the message. A file that cannot be read is not this: I/O failures are
 * worded as I/O ({@link org.twinlab.util.IoErrors}). The message is every problem's line, joined by "; ".
 */
public final class SettingError extends IllegalArgumentException {
    private final transient List<SettingProblem> problems;

    public SettingError(List<SettingProblem> problems) {
        super(problems.stream().map(SettingProblem::message).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a setting error needs a problem");
        }
        this.problems = List.copyOf(problems);
    }

    public SettingError(SettingProblem problem) {
        this(List.of(problem));
    }

    public List<SettingProblem> problems() {
        return problems;
    }
}
