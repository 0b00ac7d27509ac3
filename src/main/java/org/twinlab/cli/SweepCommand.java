package org.twinlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.twinlab.export.SweepFigures;
import org.twinlab.runs.Json;
import org.twinlab.runs.SweepAxis;
import org.twinlab.runs.SweepEvent;
import org.twinlab.runs.SweepRunner;
import org.twinlab.runs.SweepSpec;
import org.twinlab.train.Setting;
import org.twinlab.train.SettingError;
import org.twinlab.train.SettingProblem;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sweep", sortOptions = false,
        description = {"Run a grid or random draws over settings, one run after another, into one folder: sweep.json "
                + "(the definition), runs/NNN-key=value-.../ (a run folder each) and results.csv (a row per finished "
                + "run, rewritten after each). Kill it at any moment and --resume finishes it.",
            "Examples:",
            "  twinlab sweep --log-range lambda=1e-4:1e-1:7 --seeds 2 --epochs 3 --out sweeps/lambda",
            "  twinlab sweep --set projectorWidth=64,256,1024 --set batchSize=128,256 --out sweeps/width",
            "  twinlab sweep --resume sweeps/lambda"})
final class SweepCommand implements Callable<Integer>, SettingFlags.Taker {
    @Spec
    CommandSpec spec;

    @Option(names = "--set", paramLabel = "KEY=V1,V2,...", description = "values of one setting (its config.json key: "
            + "lambda, batchSize, projectorWidth, projectorDepth, learningRate, cropScaleMin, objective, seed, ...)")
    List<String> set = new ArrayList<>();
    @Option(names = "--log-range", paramLabel = "KEY=LO:HI:N", description = "N values from LO to HI on a logarithmic grid "
            + "(whole numbers for whole-number settings)")
    List<String> logRange = new ArrayList<>();
    @Option(names = "--seeds", paramLabel = "N", description = "repeat every combination with N seeds (seed, seed+1, ...)")
    Integer seeds;
    @Option(names = "--random", paramLabel = "N", description = "instead of the grid, N random combinations (log-uniform "
            + "over a --log-range)")
    Integer random;
    @Option(names = "--draw-seed", paramLabel = "N", description = "seed of the random draws (default 0)")
    Long drawSeed;
    @Option(names = "--out", paramLabel = "DIR", description = "the sweep folder (new or empty)")
    Path out;
    @Option(names = "--file", paramLabel = "SWEEP.JSON", description = "take the definition from a sweep file (a sweep "
            + "folder's sweep.json) instead of flags")
    Path file;
    @Option(names = "--resume", paramLabel = "DIR", description = "finish the sweep in DIR: ended runs are kept, a stopped "
            + "run continues from its checkpoint")
    Path resume;
    @Option(names = "--config", paramLabel = "FILE", description = "the settings every run starts from (flags override them)")
    Path config;
    @Mixin
    SweepOptions sweepOptions = new SweepOptions();
    @Option(names = "--json", description = "print one JSON line with the results at the end")
    boolean json;

    @Override
    public Integer call() throws java.io.IOException {
        Map<Setting<?>, String> typed = SettingFlags.typed(spec);
        SweepRunner runner;
        if (resume != null) {
            if (!set.isEmpty() || !logRange.isEmpty() || seeds != null || random != null || drawSeed != null || out != null
                    || file != null || config != null || !typed.isEmpty()) {
                throw new IllegalArgumentException("--resume finishes the sweep as its sweep.json defines it: give no "
                        + "other settings (" + String.join(" ", spec.commandLine().getParseResult().originalArgs()) + ")");
            }
            runner = SweepRunner.resume(resume, "twinlab sweep --resume");
        } else {
            if (out == null) {
                throw new IllegalArgumentException("--out DIR: where the sweep goes (or --resume DIR to finish one)");
            }
            SweepSpec s;
            if (file != null) {
                if (!set.isEmpty() || !logRange.isEmpty() || seeds != null || random != null || config != null
                        || !typed.isEmpty()) {
                    throw new IllegalArgumentException("--file takes the whole definition from " + file
                            + ": give no other settings");
                }
                s = SweepSpec.read(file);
            } else {
                s = spec(typed);
            }
            runner = SweepRunner.create(out, s, "twinlab sweep");
        }
        sweepOptions.apply(runner);
        SweepRunner.Outcome o = SweepPrinter.run(runner, spec.commandLine().getErr());
        if (o.results().rowCount() > 0) {
            List<Path> plots = SweepFigures.writeSweep(o.dir(), runner.spec(), o.results());
            spec.commandLine().getErr().println("plots: " + String.join(", ", plots.stream().map(Path::toString).toList()));
        }
        return report(o, runner.spec());
    }

    private SweepSpec spec(Map<Setting<?>, String> typed) {
        List<SweepAxis> axes = new ArrayList<>();
        for (String s : set) {
            axes.add(SweepAxis.parseSet(s));
        }
        for (String s : logRange) {
            axes.add(SweepAxis.parseLogRange(s));
        }
        for (SweepAxis a : axes) {
            Setting<?> s = a.setting();
            if (typed.containsKey(s)) {
                throw new IllegalArgumentException(s.flag() + " and a sweep of " + a.key() + ": give one or the other");
            }
        }
        TrainConfig base = Settings.apply(config != null ? Json.readConfig(config) : TrainConfig.defaults(), typed);
        if (drawSeed != null && random == null) {
            throw new IllegalArgumentException("--draw-seed goes with --random");
        }
        SweepSpec s;
        try {
            s = new SweepSpec("", base, axes, seeds == null ? 0 : seeds, random == null ? 0 : random,
                    drawSeed == null ? 0 : drawSeed);
        } catch (SettingError e) {
            throw new IllegalArgumentException(e.problems().stream().map(SweepCommand::worded)
                    .collect(java.util.stream.Collectors.joining("; ")), e);
        }
        s.runs(); // every combination a valid run, before anything is written
        return s;
    }

    /** A sweep's own problem in this face's words: its flags. */
    private static String worded(SettingProblem p) {
        return switch (p.key()) {
            case "axes" -> "nothing to sweep: give --set KEY=V1,V2,..., --log-range KEY=LO:HI:N or --seeds N";
            case "seeds", "random" -> "--" + p.key() + ": " + p.reason();
            default -> p.message();
        };
    }

    private int report(SweepRunner.Outcome o, SweepSpec definition) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("dir", o.dir().toString());
            j.put("state", o.state().toString());
            j.put("finished", o.finished());
            j.put("total", o.total());
            j.put("results", TextTable.rows(o.results()));
            out.println(Json.toLine(j));
        } else {
            TextTable.print(out, o.results(), SweepPrinter.resultColumns(definition));
        }
        out.flush();
        return o.state() == SweepEvent.SweepState.FINISHED ? 0 : 1;
    }
}
