package org.twinlab.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.twinlab.export.ComparisonCharts;
import org.twinlab.export.chart.FigureSize;
import org.twinlab.runs.RunComparison;
import org.twinlab.runs.RunHistory;
import org.twinlab.runs.Smoothing;

/**
 * The Compare view's state: the comparison of the chosen runs (read off the FX thread), which runs the
 * legend has hidden, which loss curve is overlaid, its smoothing and scale; and the export of the plots.
 */
public final class CompareViewModel {
    private final ReadOnlyObjectWrapper<RunComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    /** Indices (into the comparison's runs) the legend has switched off. */
    public final ObservableSet<Integer> hidden = FXCollections.observableSet();
    public final StringProperty curve = new SimpleStringProperty(RunComparison.TOTAL);
    public final DoubleProperty smoothing = new SimpleDoubleProperty(Smoothing.DEFAULT);
    public final BooleanProperty logScale = new SimpleBooleanProperty(true);
    private long generation;
    private final TaskExecutor tasks;

    public CompareViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /** Reads the runs back and compares them; the view shows the result when it is ready. */
    public void load(List<Path> runs, Consumer<String> problem) {
        long mine = ++generation;
        loading.set(true);
        tasks.submit("compare", () -> RunComparison.of(runs.stream().map(RunHistory::load).toList()), c -> {
            if (mine == generation) {
                hidden.clear();
                if (!c.curveLabels().containsKey(curve.get())) {
                    curve.set(RunComparison.TOTAL);
                }
                comparison.set(c);
                loading.set(false);
            }
        }, m -> {
            if (mine == generation) { // an older load's failure says nothing about the one going now
                loading.set(false);
                problem.accept("Could not compare the runs: " + m);
            }
        });
    }

    /** Shows or hides run {@code index} in every plot (a click on its legend entry). */
    public void toggle(int index) {
        if (!hidden.remove(index)) {
            hidden.add(index);
        }
    }

    /** Writes the three plots as PNG into {@code dir}, as they are shown (hidden runs left out). */
    public void exportPng(Path dir, Consumer<List<Path>> done, Consumer<String> problem) {
        RunComparison c = comparison.get();
        if (c == null) {
            return;
        }
        Set<Integer> off = Set.copyOf(hidden);
        String k = curve.get();
        double w = smoothing.get();
        boolean log = logScale.get();
        tasks.submit("compare-png", () -> ComparisonCharts.write(c, k, off, w, log, dir, FigureSize.DEFAULT), done,
                m -> problem.accept("Could not write the plots: " + m));
    }

    public ReadOnlyObjectProperty<RunComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
