package org.twinlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.twinlab.runs.RunEntry;
import org.twinlab.runs.RunFolder;
import org.twinlab.runs.RunHistory;
import org.twinlab.runs.RunsTable;
import org.twinlab.train.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tech.tablesaw.api.Table;

@Command(name = "runs", sortOptions = false,
        description = {"The table of runs in a folder (sweeps' runs included), newest first: name, state, the main "
                + "settings and results, and the run's folder (its whole path in --csv and --json); damaged runs with "
                + "their reason. --csv writes every column (every setting).",
            "Example:  twinlab runs --where objective=barlow-twins --sort linearTop1:desc"})
final class RunsCommand implements Callable<Integer> {
    /** The columns the terminal shows; --csv and --json have them all. */
    static final List<String> SHOWN = List.of("name", "folder", "state", "created", "dataset", "objective", "lambda", "batchSize",
            "projectorWidth", "epochs", "steps", "seconds", "finalLoss", "linearTop1", "knnTop1");

    @Spec
    CommandSpec spec;
    @Option(names = "--dir", paramLabel = "DIR", description = "the folder of runs (default ~/.twinlab/runs), or a sweep folder")
    Path dir;
    @Option(names = "--sort", paramLabel = "KEY[:desc]", description = "sort by a column (config.json key or result: "
            + "linearTop1, knnTop1, finalLoss, steps, seconds, created, name...), largest first with :desc")
    String sort;
    @Option(names = "--where", paramLabel = "FILTER", description = "keep the runs that pass, as the window's filter "
            + "reads it: words match any cell, KEY=V, KEY!=V, KEY<V, KEY>=V (numbers as numbers, text ignoring case), "
            + "tags=T; e.g. --where 'lambda>=0.01 tags=keep'; repeat to combine")
    List<String> where = new ArrayList<>();
    @Option(names = "--csv", paramLabel = "FILE", description = "write the table, every column, to a CSV file")
    Path csv;
    @Option(names = "--json", description = "print the table, every column, as one JSON line")
    boolean json;

    @Override
    public Integer call() {
        Path root = dir != null ? dir : RunFolder.defaultRoot();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--dir " + dir + ": no such folder");
        }
        List<RunEntry> runs = RunHistory.list(root);
        Table t = RunsTable.of(runs);
        for (String w : where) {
            try {
                t = RunsTable.where(t, w);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--where " + w + ": " + e.getMessage(), e);
            }
        }
        if (sort != null) {
            String key = sort;
            boolean desc = false;
            if (sort.contains(":")) {
                key = sort.substring(0, sort.indexOf(':'));
                String order = sort.substring(sort.indexOf(':') + 1);
                if (!order.equals("desc") && !order.equals("asc")) {
                    throw new IllegalArgumentException("--sort " + sort + ": the order is desc or asc, not '" + order + "'");
                }
                desc = order.equals("desc");
            }
            t = RunsTable.sort(t, key, desc);
        }
        if (csv != null) {
            RunsTable.writeCsv(t, csv);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(TextTable.json(t));
        } else if (t.rowCount() == 0) {
            out.println(runs.isEmpty() ? "no runs in " + root : "no run matches");
        } else {
            TextTable.print(out, t, SHOWN);
            Table damaged = t.where(t.stringColumn("state").isEqualTo(RunState.DAMAGED.word()));
            for (int i = 0; i < damaged.rowCount(); i++) {
                out.println("damaged: " + damaged.stringColumn("runFolder").get(i) + ": "
                        + damaged.stringColumn("problem").get(i));
            }
            out.printf("%d run%s in %s%s%n", t.rowCount(), t.rowCount() == 1 ? "" : "s", root,
                    csv != null ? "; every column in " + csv : "");
        }
        out.flush();
        return 0;
    }
}
