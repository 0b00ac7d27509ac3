package org.twinlab.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.eval.ProbeResult;
import org.twinlab.model.Objective;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;

/**
 * Two or more past runs side by side, as the window's Compare view and its figures show them: per run
 * its loss curves against step (the total and each term of its objective, by metrics.csv's names), its
 * probe accuracies against epoch, its last C; and the settings in which the runs differ. Run {@code i}
 * is drawn in colour {@code i} everywhere. Names are made unique, so a legend tells the runs apart.
 */
public final class RunComparison {
    /** The total loss, always present; the objective's terms follow under their own keys. */
    public static final String TOTAL = "loss";

    /** One run's data. {@code curves} maps a curve key ({@link #TOTAL} or a term's key) to its values per step. */
    public record Run(String name, Path dir, org.twinlab.train.RunState state, double[] steps, Map<String, double[]> curves,
                      double[] probeEpochs, double[] linearTop1, double[] knnTop1,
                      TrainingEvent.Correlation correlation) {
        /** The values of a curve, or null where this run's objective has no such term. */
        public double[] curve(String key) {
            return curves.get(key);
        }

        /** Linear-probe top-1 at each probe, in percent. */
        public double[] linearPercent() {
            return percent(linearTop1);
        }

        /** kNN top-1 at each probe, in percent. */
        public double[] knnPercent() {
            return percent(knnTop1);
        }

        private static double[] percent(double[] v) {
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = 100 * v[i];
            }
            return out;
        }
    }

    private final List<Run> runs;
    private final Map<String, String> curveLabels;
    private final List<SettingsDiff.Difference> differences;

    private RunComparison(List<Run> runs, Map<String, String> curveLabels, List<SettingsDiff.Difference> differences) {
        this.runs = runs;
        this.curveLabels = curveLabels;
        this.differences = differences;
    }

    /** The comparison of these runs, in this order. */
    public static RunComparison of(List<RunRecord> records) {
        List<String> names = uniqueNames(records);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(TOTAL, "total");
        List<Run> runs = new ArrayList<>();
        List<TrainConfig> configs = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            RunRecord r = records.get(i);
            Map<String, double[]> curves = new LinkedHashMap<>();
            curves.put(TOTAL, r.metrics().column(TOTAL));
            for (Objective.Term t : r.terms()) {
                curves.put(t.key(), r.term(t.key()));
                labels.putIfAbsent(t.key(), t.label());
            }
            List<ProbeResult> trained = r.probes().stream().filter(p -> p.encoder().equals(ProbeResult.TRAINED)).toList();
            double[] epochs = new double[trained.size()];
            double[] lin = new double[trained.size()];
            double[] knn = new double[trained.size()];
            for (int k = 0; k < epochs.length; k++) {
                epochs[k] = trained.get(k).epoch();
                lin[k] = trained.get(k).linearTop1();
                knn[k] = trained.get(k).knnTop1();
            }
            runs.add(new Run(names.get(i), r.entry().dir(), r.entry().state(), r.metrics().column("step"), curves,
                    epochs, lin, knn, r.correlation()));
            configs.add(r.entry().config());
        }
        return new RunComparison(List.copyOf(runs), labels, SettingsDiff.of(configs));
    }

    /** The runs' names, each made unique by its folder's name where two runs share a name. */
    private static List<String> uniqueNames(List<RunRecord> records) {
        Map<String, Integer> count = new HashMap<>();
        for (RunRecord r : records) {
            count.merge(r.entry().name(), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        for (RunRecord r : records) {
            String n = r.entry().name();
            out.add(count.get(n) > 1 ? n + " (" + r.entry().dir().getFileName() + ")" : n);
        }
        return out;
    }

    public List<Run> runs() {
        return runs;
    }

    /** Every curve some run has, key to label ("loss" to "total", "invariance" to "invariance", ...), total first. */
    public Map<String, String> curveLabels() {
        return curveLabels;
    }

    /** The settings in which the runs differ, one value per run. */
    public List<SettingsDiff.Difference> differences() {
        return differences;
    }
}
