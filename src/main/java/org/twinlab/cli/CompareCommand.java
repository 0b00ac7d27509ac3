package org.twinlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.twinlab.export.SweepFigures;
import org.twinlab.export.chart.Charts;
import org.twinlab.export.chart.FigureSize;
import org.twinlab.runs.Json;
import org.twinlab.runs.RunFolder;
import org.twinlab.runs.RunHistory;
import org.twinlab.runs.RunRecord;
import org.twinlab.runs.RunsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tech.tablesaw.api.Table;

@Command(name = "compare", sortOptions = false,
        description = {"Overlay the loss and linear-probe curves of two or more runs in one PNG (or SVG), one colour per "
                + "run, the settings that differ named above them; prints those settings and the final results.",
            "Example:  twinlab compare sweeps/lambda/runs/001-* sweeps/lambda/runs/004-* --out lambda.png"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(arity = "2..*", paramLabel = "RUN", description = "run folders")
    List<Path> runs = new ArrayList<>();
    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "the figure (.png or .svg)")
    Path out;
    @Option(names = "--size", paramLabel = "WxH", description = "figure size in pixels (default 2400x1000)")
    String size;
    @Option(names = "--json", description = "print the compared runs as one JSON line")
    boolean json;

    @Override
    public Integer call() throws IOException {
        FigureSize fs = size == null ? new FigureSize(2400, 1000) : FigureSize.parse(size);
        List<RunRecord> records = new ArrayList<>();
        for (Path r : runs) {
            RunFolder.open(r); // not a run folder: one line
            RunRecord rec = RunHistory.load(r);
            if (rec.entry().config() == null) {
                throw new IllegalArgumentException(r + ": cannot be compared: " + rec.entry().problem());
            }
            records.add(rec);
        }
        Charts.write(SweepFigures.compare(records), out, fs);
        List<String> differ = SweepFigures.differing(records);
        Table t = RunsTable.of(records.stream().map(RunRecord::entry).toList());
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("out", out.toString());
            j.put("differing", differ);
            j.put("runs", TextTable.rows(t));
            o.println(Json.toLine(j));
        } else {
            List<String> cols = new ArrayList<>(List.of("name"));
            cols.addAll(differ);
            cols.addAll(List.of("steps", "finalLoss", "linearTop1", "knnTop1", "state"));
            TextTable.print(o, t, cols);
            o.println("wrote " + out + (differ.isEmpty() ? " (the runs have the same settings)"
                    : " (settings that differ: " + String.join(", ", differ) + ")"));
        }
        o.flush();
        return 0;
    }
}
