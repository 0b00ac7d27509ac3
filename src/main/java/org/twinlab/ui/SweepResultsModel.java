package org.twinlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.twinlab.export.SweepFigures;
import org.twinlab.export.chart.Chart;
import org.twinlab.runs.ParallelCoordinates;
import org.twinlab.runs.Study;
import org.twinlab.runs.SweepSpec;
import org.twinlab.train.Settings;
import tech.tablesaw.api.Table;

/**
 * A sweep's results as the Sweep view shows them: its folder, its definition and its results table (one
 * row per run with a result); from them the charts of a metric against each swept setting (the same the
 * command line writes) and the parallel coordinates of the settings and the metric, or for one of the
 * lecture's comparisons its table and bars (the same {@code twinlab ablate} writes).
 */
record SweepResultsModel(Path dir, SweepSpec spec, Table results) {
    /** The swept settings but the seed: the charts' and the parallel axes' settings. */
    List<String> keys() {
        return spec.sweptKeys().stream().filter(k -> !k.equals(Settings.SEED.key())).toList();
    }

    /** One chart per swept setting: {@code metric} against its values, a point per seed, a line through the means. */
    Map<String, Chart> charts(String metric) {
        return SweepFigures.sweep(spec, results, metric);
    }

    /** The lecture's comparison this sweep is, or null for a sweep of one's own. */
    Study study() {
        return spec.study().isEmpty() ? null : Study.parse(spec.study());
    }

    /** A study's table, laid out like the lecture's (rows not run yet are empty). */
    Table studyTable() {
        return study().table(results);
    }

    /**
     * A study's bars: measured linear and kNN top-1 per row beside the lecture's ImageNet numbers; the subtitle
     * says so where the budget left every row below the random encoder.
     */
    Chart studyChart() {
        return SweepFigures.study(study(), studyTable(), spec.base(), Study.randomLinearPct(dir, results));
    }

    ParallelCoordinates parallel(String metric) {
        List<String> axes = new ArrayList<>(keys());
        axes.add(metric);
        return ParallelCoordinates.of(results, axes);
    }
}
