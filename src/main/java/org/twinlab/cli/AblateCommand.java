package org.twinlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.export.SweepFigures;
import org.twinlab.runs.Json;
import org.twinlab.runs.Study;
import org.twinlab.runs.SweepEvent;
import org.twinlab.runs.SweepRunner;
import org.twinlab.runs.SweepSpec;
import org.twinlab.train.Setting;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tech.tablesaw.api.Table;

@Command(name = "ablate", sortOptions = false,
        description = {"The lecture's comparisons, one run per row at the same budget, as a sweep (sweep.json, runs/, "
                + "results.csv; --resume finishes it): --what ablation (its seven loss rows), objectives (Barlow Twins, "
                + "InfoNCE, asymmetric cosine, IMAX) or colour (the full augmentation recipe against crop and flip, on "
                + "colour data). Writes DIR/ablation.csv and DIR/ablation.png (bars) and prints the table beside the lecture's ImageNet top-1.",
            "Example:  twinlab ablate --dataset fashion-mnist --epochs 3 --out ablation"})
final class AblateCommand implements Callable<Integer>, SettingFlags.Taker {
    static final String TABLE = SweepFigures.STUDY_TABLE;

    @Spec
    CommandSpec spec;
    @Option(names = "--what", paramLabel = "ablation|objectives|colour", description = "which comparison (default ablation)")
    String what;
    @Option(names = "--out", paramLabel = "DIR", description = "the sweep folder (new or empty)")
    Path out;
    @Option(names = "--resume", paramLabel = "DIR", description = "finish the comparison in DIR")
    Path resume;
    @Option(names = "--seeds", paramLabel = "N", description = "repeat every row with N seeds; the table shows their means")
    Integer seeds;
    @Option(names = "--config", paramLabel = "FILE", description = "the settings every row starts from (flags override them)")
    Path config;
    @Mixin
    SweepOptions sweepOptions = new SweepOptions();
    @Option(names = "--json", description = "print the table as one JSON line at the end")
    boolean json;

    @Override
    public Integer call() throws java.io.IOException {
        Map<Setting<?>, String> typed = SettingFlags.typed(spec);
        PrintWriter err = spec.commandLine().getErr();
        SweepRunner runner;
        Study study;
        if (resume != null) {
            if (what != null || out != null || seeds != null || config != null || !typed.isEmpty()) {
                throw new IllegalArgumentException("--resume finishes the comparison as its sweep.json defines it: give "
                        + "no other settings");
            }
            runner = SweepRunner.resume(resume, "twinlab ablate --resume");
            if (runner.spec().study().isEmpty()) {
                throw new IllegalArgumentException(resume + " is a sweep, not one of ablate's comparisons; finish it "
                        + "with twinlab sweep --resume " + resume);
            }
            study = Study.parse(runner.spec().study());
        } else {
            if (out == null) {
                throw new IllegalArgumentException("--out DIR: where the comparison goes (or --resume DIR to finish one)");
            }
            study = what == null ? Study.ABLATION : Study.parse(what);
            if (typed.containsKey(Settings.require(study.sweptKey()))) {
                throw new IllegalArgumentException(Settings.require(study.sweptKey()).flag() + ": --what " + study.key()
                        + " compares every " + study.sweptKey() + " itself");
            }
            TrainConfig base = Settings.apply(config != null ? Json.readConfig(config) : TrainConfig.defaults(), typed);
            Dataset data = DatasetCatalog.open(base.dataset());
            SweepSpec s = study.spec(base, data, seeds == null ? 0 : seeds);
            String note = study.adaptation(base);
            if (note != null) {
                err.println("note: " + note);
            }
            runner = SweepRunner.create(out, s, "twinlab ablate");
        }
        sweepOptions.apply(runner);
        SweepRunner.Outcome o = SweepPrinter.run(runner, err);
        Table t = SweepFigures.writeStudy(o.dir(), study, o.results(), runner.spec().base());
        err.println("chart: " + o.dir().resolve(SweepFigures.STUDY_CHART));
        String warning = Study.budgetWarning(t, Study.randomLinearPct(o.dir(), o.results()));
        if (warning != null) {
            err.println("warning: " + warning);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("dir", o.dir().toString());
            j.put("what", study.key());
            j.put("state", o.state().toString());
            j.put("rows", TextTable.rows(t));
            stdout.println(Json.toLine(j));
        } else {
            stdout.println(study.description() + " (" + o.dir().resolve(TABLE) + "; top-1 in %, the lecture's on ImageNet):");
            List<String> cols = new ArrayList<>(List.of("row"));
            cols.addAll(Study.COLUMNS);
            TextTable.print(stdout, t, cols);
        }
        stdout.flush();
        return o.state() == SweepEvent.SweepState.FINISHED ? 0 : 1;
    }
}
