package org.twinlab.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.twinlab.lesson.Gauge;
import org.twinlab.lesson.Lesson;
import org.twinlab.lesson.LessonAction;
import org.twinlab.lesson.LessonStep;
import org.twinlab.train.Setting;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainingEvent;

/**
 * A lesson being taught: which step is on screen, and the step's actions carried out through the
 * workbench's own commands (start, step, train until, set). Entering a step puts its settings into the
 * form; its button runs its actions in order, each after the one before has taken effect (a new run
 * starts only once the old one has stopped). No controls here: the view shows the step.
 */
final class LessonViewModel {
    private final WorkbenchViewModel vm;
    final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>();
    final IntegerProperty index = new SimpleIntegerProperty(-1);
    final ObjectBinding<LessonStep> step;
    /** What the last action is doing or did ("paused at step 84: the mean diagonal of C is 0.912"). */
    final StringProperty status = new SimpleStringProperty("");
    /** Draws new pairs of views; the view supplies it. */
    Runnable drawViews = () -> { };

    /** The form as it was when the lesson opened (null without a lesson). */
    private Map<Setting<?>, String> before;

    LessonViewModel(WorkbenchViewModel vm) {
        this.vm = vm;
        step = Bindings.createObjectBinding(() -> {
            Lesson l = lesson.get();
            int i = index.get();
            return l == null || i < 0 || i >= l.steps().size() ? null : l.steps().get(i);
        }, lesson, index);
    }

    boolean active() {
        return lesson.get() != null;
    }

    /** Starts a lesson at its first step, with its settings in the form. */
    void open(Lesson l) {
        if (!active()) {
            before = new java.util.LinkedHashMap<>();
            for (Setting<?> s : WorkbenchViewModel.formSettings()) {
                before.put(s, vm.field(s).get());
            }
            before.put(Settings.DATASET, vm.datasetName.get());
        }
        lesson.set(l);
        apply(l.settings());
        go(0);
    }

    /** Opens a lesson file; a bad one is one notice naming the file and the place, and nothing changes. */
    boolean open(Path file) {
        try {
            open(Lesson.read(file));
            return true;
        } catch (IllegalArgumentException e) {
            vm.notice.set("Could not open the lesson: " + e.getMessage());
            return false;
        }
    }

    /**
     * Ends the lesson; the form gets back the settings it had before, unless a run trains on them now (its
     * live settings would follow the form).
     */
    void close() {
        lesson.set(null);
        index.set(-1);
        status.set("");
        if (before != null && !vm.busyProperty().get()) {
            apply(before);
        }
        before = null;
    }

    void next() {
        if (active() && index.get() < lesson.get().steps().size() - 1) {
            go(index.get() + 1);
        }
    }

    void back() {
        if (active() && index.get() > 0) {
            go(index.get() - 1);
        }
    }

    boolean hasNext() {
        return active() && index.get() < lesson.get().steps().size() - 1;
    }

    private void go(int i) {
        index.set(i);
        status.set("");
        apply(step.get().settings());
    }

    private void apply(Map<Setting<?>, String> settings) {
        for (var e : settings.entrySet()) {
            if (e.getKey() == Settings.DATASET) {
                if (!e.getValue().equals(vm.datasetName.get())) {
                    vm.loadDataset(e.getValue());
                }
            } else {
                vm.field(e.getKey()).set(e.getValue());
            }
        }
    }

    /** Runs the step's actions, in order. */
    void act() {
        LessonStep s = step.get();
        if (s != null) {
            run(s.actions(), 0);
        }
    }

    private void run(List<LessonAction> actions, int k) {
        if (k == actions.size()) {
            return;
        }
        Runnable next = () -> run(actions, k + 1);
        switch (actions.get(k)) {
            case LessonAction.Views v -> {
                drawViews.run();
                next.run();
            }
            case LessonAction.Start s -> {
                status.set("starting a new run\u2026");
                vm.startNew(next);
            }
            case LessonAction.Train t -> {
                train(t);
                next.run();
            }
            case LessonAction.Step s -> {
                vm.step(s.count());
                next.run();
            }
            case LessonAction.Pause p -> {
                if (vm.runningProperty().get() && !vm.pausedProperty().get()) {
                    vm.togglePause();
                }
                next.run();
            }
            case LessonAction.Stop s -> {
                vm.stop();
                next.run();
            }
            case LessonAction.Set s -> {
                vm.field(s.setting()).set(s.text());
                next.run();
            }
        }
    }

    private void train(LessonAction.Train t) {
        LessonAction.Until until = t.until();
        if (until == null && t.steps() > 0) {
            TrainingEvent.Step last = vm.runningProperty().get() ? vm.live().lastStep() : null;
            until = new LessonAction.Until(Gauge.STEP, ">=", (last == null ? 0 : last.step()) + t.steps());
        }
        if (until == null) {
            status.set("training");
            vm.train(null, e -> { });
            return;
        }
        LessonAction.Until u = until;
        status.set("training until " + u.describe());
        vm.train(u::reached, e -> status.set(String.format(Locale.ROOT, "paused at step %d: %s is %s", step(e),
                u.gauge().words(), PlotCanvas.label(u.gauge().value(e)))));
    }

    private static int step(TrainingEvent e) {
        return e instanceof TrainingEvent.Step s ? s.step() : e instanceof TrainingEvent.Correlation c ? c.step() : 0;
    }
}
