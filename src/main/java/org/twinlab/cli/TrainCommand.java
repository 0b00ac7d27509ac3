package org.twinlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.twinlab.runs.Json;
import org.twinlab.runs.RunFolder;
import org.twinlab.runs.RunSession;
import org.twinlab.runs.RunSummary;
import org.twinlab.train.Preset;
import org.twinlab.train.RunState;
import org.twinlab.train.Setting;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "train", description = "Train an encoder (Barlow Twins by default); every setting has a flag.",
        sortOptions = false)
final class TrainCommand implements Callable<Integer>, SettingFlags.Taker {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", description = "start from this settings file, e.g. a run's config.json (flags override it)")
    Path config;
    @Option(names = "--preset", paramLabel = "NAME", description = "start from a named, measured configuration "
            + "(flags override it): fashion-mnist-89 (small-cnn-4, batch 128, 10 epochs: 89%% linear top-1)")
    String preset;
    @Option(names = "--resume", description = "continue the run in this folder from its last checkpoint, exactly; "
            + "with --steps or --epochs, extend a finished run")
    Path resume;
    @Option(names = "--run-dir", description = "where run folders go (default ~/.twinlab/runs)")
    Path runDir;
    @Option(names = "--no-baselines", description = "skip the random-encoder and raw-pixel probes")
    boolean noBaselines;
    @Option(names = "--json", description = "print one JSON line with the results at the end")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<Setting<?>, String> typed = SettingFlags.typed(spec);
        RunSession session;
        if (resume != null) {
            for (Setting<?> s : typed.keySet()) {
                if (s != Settings.STEPS && s != Settings.EPOCHS) {
                    throw new IllegalArgumentException(s.flag() + ": --resume continues a run with its own settings; "
                            + "only --steps or --epochs may be given (to extend it)");
                }
            }
            Integer steps = typed.containsKey(Settings.STEPS) ? Settings.STEPS.parse(typed.get(Settings.STEPS)) : null;
            Double epochs = typed.containsKey(Settings.EPOCHS) ? Settings.EPOCHS.parse(typed.get(Settings.EPOCHS)) : null;
            session = RunSession.resume(resume, steps, epochs, "twinlab train --resume");
        } else {
            if (config != null && preset != null) {
                throw new IllegalArgumentException("--config and --preset: give one starting point, not both");
            }
            TrainConfig base = config != null ? Json.readConfig(config)
                    : preset != null ? Preset.parse(preset).config() : TrainConfig.defaults();
            TrainConfig cfg = Settings.apply(base, typed);
            surveyFolder(cfg.dataset());
            session = RunSession.create(runDir != null ? runDir : RunFolder.defaultRoot(), cfg, "twinlab train");
        }
        session.baselines(!noBaselines);
        // a write that failed (a full disk) is the command's one line at the end, not a failed run's summary
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), !json)
                .quietFailure(() -> session.writeFailure() != null);
        session.listener(progress);
        // Ctrl+C: ask the loop to stop and give it time to save its checkpoint and summary
        RunSummary s = CtrlC.during(() -> session.stopAndWait(60, TimeUnit.SECONDS), session::run);
        if (session.writeFailure() != null) {
            String kept = session.keptCheckpoint();
            throw new IllegalArgumentException(session.writeFailure().getMessage() + "; " + kept
                    + (kept.endsWith("whole") ? ": make room, then twinlab train --resume " + session.folder().dir() : ""));
        }
        if (json) {
            out.println(Json.toLine(s));
        } else {
            progress.printSummary(out, s);
        }
        return s.state() == RunState.FAILED ? 1 : 0;
    }

    /** A folder given as the dataset: what it holds, before anything trains on it (a wrong folder is seen at once). */
    private void surveyFolder(String dataset) {
        if (dataset == null || org.twinlab.data.DatasetCatalog.SAMPLE.equals(dataset)) {
            return;
        }
        java.nio.file.Path folder = java.nio.file.Path.of(dataset);
        if (java.nio.file.Files.isDirectory(folder) && org.twinlab.data.ImageFolderReader.recognises(folder)) {
            spec.commandLine().getErr().println("dataset " + folder + ": "
                    + org.twinlab.data.ImageFolderReader.survey(folder).describe());
        }
    }
}
