package org.twinlab.cli;

import java.nio.file.Path;
import java.util.List;
import org.twinlab.runs.SweepRunner;
import picocli.CommandLine.Option;

/** The options every command that runs a sweep takes ({@code sweep}, {@code ablate}), as a picocli mixin. */
final class SweepOptions {
    @Option(names = "--history", paramLabel = "DIR", description = "folders of past runs whose speed estimates the time "
            + "(default ~/.twinlab/runs; the sweep's own runs always count)")
    List<Path> history;
    @Option(names = "--baselines", description = "probe the random encoder and raw pixels at the start of every run")
    boolean baselines;
    @Option(names = "--no-calibration", description = "do not time a few steps to estimate the time when no past run can")
    boolean noCalibration;

    SweepRunner apply(SweepRunner runner) {
        runner.baselines(baselines).calibrate(!noCalibration);
        if (history != null) {
            runner.history(history);
        }
        return runner;
    }
}
