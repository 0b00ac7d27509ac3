package org.twinlab.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
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
import org.twinlab.augment.ViewConfig;
import org.twinlab.lesson.Gauge;
import org.twinlab.lesson.Lesson;
import org.twinlab.lesson.LessonAction;
import org.twinlab.lesson.LessonStep;
import org.twinlab.train.Preset;
import org.twinlab.train.Setting;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainingEvent;

/**
 * A lesson being taught: which screen is on, and the screen's actions carried out through the workbench's
 * own commands. Each screen stands alone, whatever the lecturer pressed before:
 * <ul>
 * <li>Entering a screen puts its settings (the lesson's, then every screen's up to this one, in order) into the
 * form quietly: a run that still trains keeps its own (its λ does not change by entering a screen).</li>
 * <li>A screen <em>begins its own run</em> when its actions start one, or when no screen before it trains
 * (screen 2: C before training). Such a screen opens on clean panels, and its button stops whatever trains
 * (saying so in one line), then starts the screen's run under the lesson's and the screen's name.</li>
 * <li>A screen that continues (train until, set λ 0 and train) continues the run its chain of screens began;
 * any other run that trains is stopped, and a new one begins, as above.</li>
 * <li>A screen with a preset ({@code "preset": "classroom"}) begins a run of its own from the preset's whole
 * configuration (its views and structure settings too), with that screen's settings on top (not the lesson's):
 * the screens that continue its run keep the preset in the form; the first screen after them gets the form as it
 * was before the preset (the lesson's settings and the views it had).</li>
 * </ul>
 * No controls here: the view shows the screen.
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
    /** The screen whose button started the run that goes (-1: none of this lesson's). */
    private int runOwner = -1;
    /** The live run the lesson started (a run started from the toolbar is not the lesson's). */
    private LiveRun ownRun;
    /** The preset the form holds for the screen on (null: none), and the views the form had before it. */
    private Preset presetInForm;
    private ViewConfig viewsBeforeA;
    private ViewConfig viewsBeforeB;

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
            before = new LinkedHashMap<>();
            for (Setting<?> s : WorkbenchViewModel.formSettings()) {
                before.put(s, vm.field(s).get());
            }
            before.put(Settings.DATASET, vm.datasetName.get());
            viewsBeforeA = vm.form().viewA.get();
            viewsBeforeB = vm.form().viewB.get();
        }
        presetInForm = null;
        lesson.set(l);
        runOwner = -1;
        ownRun = null;
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
        vm.source().showLive();
        if (before != null && !vm.busyProperty().get()) {
            apply(before);
            restoreViews();
        }
        before = null;
        presetInForm = null;
        runOwner = -1;
        ownRun = null;
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
        putSettings(i);
        if (beginsRun(i) || !continuesOwnRun(i)) {
            vm.source().showBlank(); // this screen's pictures begin with its own run
            if (vm.runningProperty().get() && trains(lesson.get().steps().get(i))) {
                status.set("The last screen's run still trains, out of sight; this screen's button stops it first.");
            }
        } else {
            vm.source().showLive();
        }
    }

    /**
     * The form for screen {@code i}, quietly (a run that trains keeps its own settings): the preset of the screen
     * that began its run, then the settings of the screens from that one to this; without a preset, the lesson's and
     * every screen's settings up to this one, over the form as it was before any preset.
     */
    private void putSettings(int i) {
        int chain = chainStart(i);
        Preset p = presetOf(i);
        if (p != null) {
            String had = vm.datasetName.get();
            vm.form().apply(p.config());
            if (!p.config().dataset().equals(had)) {
                vm.loadDataset(p.config().dataset());
            }
            presetInForm = p;
            for (int k = chain; k <= i; k++) {
                apply(lesson.get().steps().get(k).settings());
            }
            return;
        }
        if (presetInForm != null) {
            apply(before);
            restoreViews();
            presetInForm = null;
        }
        apply(settingsUpTo(i));
    }

    private void restoreViews() {
        if (viewsBeforeA != null && viewsBeforeB != null) {
            vm.form().viewA.set(viewsBeforeA);
            vm.form().viewB.set(viewsBeforeB);
        }
    }

    /**
     * The settings in force on screen {@code i}: the lesson's, then each screen's up to it, in order, leaving out
     * the screens of a preset's run (their settings belong to that run).
     */
    private Map<Setting<?>, String> settingsUpTo(int i) {
        Map<Setting<?>, String> m = new LinkedHashMap<>(lesson.get().settings());
        for (int k = 0; k <= i; k++) {
            if (presetOf(k) == null) {
                m.putAll(lesson.get().steps().get(k).settings());
            }
        }
        return m;
    }

    /** The preset of the screen that began screen {@code i}'s run, or null. */
    private Preset presetOf(int i) {
        int chain = chainStart(i);
        return chain >= 0 ? lesson.get().steps().get(chain).preset() : null;
    }

    private static boolean trains(LessonStep s) {
        return s.actions().stream().anyMatch(a -> a instanceof LessonAction.Start || a instanceof LessonAction.Train
                || a instanceof LessonAction.Step || a instanceof LessonAction.Race);
    }

    /** Whether screen {@code i} begins a run of its own: its actions start one, or no screen before it trains. */
    boolean beginsRun(int i) {
        List<LessonStep> steps = lesson.get().steps();
        LessonStep s = steps.get(i);
        if (s.actions().stream().anyMatch(a -> a instanceof LessonAction.Start || a instanceof LessonAction.Race)
                || (s.preset() != null && trains(s))) {
            return true;
        }
        if (!trains(s)) {
            return false;
        }
        for (int k = 0; k < i; k++) {
            if (trains(steps.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** The screen that began the run screen {@code i} continues (itself when it begins one; -1: none). */
    private int chainStart(int i) {
        for (int k = i; k >= 0; k--) {
            if (beginsRun(k)) {
                return k;
            }
        }
        return -1;
    }

    /** Whether the run that goes is the one screen {@code i} continues. */
    private boolean continuesOwnRun(int i) {
        return vm.runningProperty().get() && runOwner >= 0 && runOwner == chainStart(i)
                && ownRun == vm.session().live();
    }

    /** The run's name: the lesson's and the screen's ("Barlow Twins, screen 3: Train: C becomes the identity"). */
    String runName(int i) {
        String t = lesson.get().title();
        int cut = t.indexOf(':');
        String lessonName = cut > 0 ? t.substring(0, cut) : t;
        return lessonName.strip() + ", screen " + (i + 1) + ": " + lesson.get().steps().get(i).title();
    }

    private void apply(Map<Setting<?>, String> settings) {
        for (var e : settings.entrySet()) {
            if (e.getKey() == Settings.DATASET) {
                if (!e.getValue().equals(vm.datasetName.get())) {
                    vm.loadDataset(e.getValue());
                }
            } else {
                vm.form().setQuietly(e.getKey(), e.getValue());
            }
        }
    }

    /** Runs the screen's actions, in order, after stopping what trains when the screen needs its own run. */
    void act() {
        LessonStep s = step.get();
        if (s == null) {
            return;
        }
        int i = index.get();
        List<LessonAction> actions = s.actions();
        boolean ownRunNeeded = trains(s) && (beginsRun(i) || !continuesOwnRun(i));
        if (!ownRunNeeded) {
            run(actions, 0);
            return;
        }
        // the settings the screen sets go into its new run's configuration, not into the run being stopped
        int k = 0;
        while (k < actions.size() && actions.get(k) instanceof LessonAction.Set set) {
            vm.form().setQuietly(set.setting(), set.text());
            k++;
        }
        LessonAction.Race race = k < actions.size() && actions.get(k) instanceof LessonAction.Race r ? r : null;
        if (k < actions.size() && (actions.get(k) instanceof LessonAction.Start || race != null)) {
            k++;
        }
        int rest = k;
        String stoppedNote = "";
        if (vm.runningProperty().get()) {
            TrainingEvent.Step last = vm.session().live().lastStep();
            String what = describeGoing() + " at step " + (last == null ? 0 : last.step());
            stoppedNote = "Stopped " + what + " (its folder keeps it); this screen's run started.";
            status.set("Stopping " + what + " first\u2026");
        }
        String note = stoppedNote;
        if (race != null) {
            startRace(i, race, note.replace("this screen's run started", "this screen's race started"),
                    () -> run(actions, rest));
            return;
        }
        vm.startNew(runName(i), started -> {
            if (!started) {
                status.set("The screen's run could not start: " + vm.startBlockedReason().get());
                return;
            }
            runOwner = i;
            ownRun = vm.session().live();
            status.set(note);
            run(actions, rest);
        });
    }

    /** The screen's race (what trains is stopped first); {@code next} goes on once it started. */
    private void startRace(int i, LessonAction.Race race, String note, Runnable next) {
        vm.raceNew(runName(i), race.changes(), why -> {
            if (!why.isEmpty()) {
                status.set("The screen's race could not start: " + why);
                return;
            }
            runOwner = i;
            ownRun = vm.session().live();
            status.set(note);
            next.run();
        });
    }

    private String describeGoing() {
        if (runOwner >= 0 && ownRun == vm.session().live()) {
            return "screen " + (runOwner + 1) + "'s run";
        }
        return "the run that was training";
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
                int i = index.get();
                vm.startNew(runName(i), started -> {
                    if (started) {
                        runOwner = i;
                        ownRun = vm.session().live();
                    }
                    next.run();
                });
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
                vm.session().pause();
                next.run();
            }
            case LessonAction.Stop s -> {
                vm.stop();
                next.run();
            }
            case LessonAction.Set s -> {
                vm.field(s.setting()).set(s.text()); // typed as a lecturer would: a live setting reaches the run
                next.run();
            }
            case LessonAction.Race r -> {
                status.set("starting the race\u2026");
                startRace(index.get(), r, "", next);
            }
        }
    }

    private void train(LessonAction.Train t) {
        LessonAction.Until until = t.until();
        String before = status.get() == null || status.get().isEmpty() ? "" : status.get() + " ";
        if (until == null && t.steps() > 0) {
            TrainingEvent.Step last = vm.runningProperty().get() ? vm.session().live().lastStep() : null;
            until = new LessonAction.Until(Gauge.STEP, ">=", (last == null ? 0 : last.step()) + t.steps());
        }
        if (until == null) {
            status.set(before + "Training.");
            vm.train(null, e -> { });
            return;
        }
        LessonAction.Until u = until;
        status.set(before + "Training until " + u.describe() + ".");
        vm.train(u::reached, e -> status.set(String.format(Locale.ROOT, "Paused at step %d: %s is %s.", step(e),
                u.gauge().words(), PlotCanvas.label(u.gauge().value(e)))));
    }

    private static int step(TrainingEvent e) {
        return e instanceof TrainingEvent.Step s ? s.step() : e instanceof TrainingEvent.Correlation c ? c.step() : 0;
    }
}
