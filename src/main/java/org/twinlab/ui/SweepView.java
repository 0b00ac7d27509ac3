package org.twinlab.ui;

import java.io.File;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;
import org.twinlab.runs.Study;

/**
 * The Sweep view: on the left, one of the lecture's comparisons in one click (its ablation table, the rival
 * objectives, colour distortion; each a sweep of the core's {@link Study}), or a new sweep over the form's settings (a row per swept setting, repeats
 * with other seeds, a grid or random draws), its size and estimated time, Start; then the sweep going (an
 * overall progress bar and ETA, the current run, pause, skip the run, cancel) with its queue of runs. On
 * the right, its results ({@link SweepResultsView}). The live panels on the Workbench tab follow the run
 * that goes.
 */
final class SweepView extends BorderPane {
    private final SweepViewModel model;
    private final WorkbenchViewModel workbench;
    private final Navigator nav;
    final VBox rows = new VBox(4);
    final Button add = new Button("+ Add setting");
    final Spinner<Integer> seeds = new Spinner<>(1, 20, 1);
    final RadioButton grid = new RadioButton("every combination (grid)");
    final RadioButton random = new RadioButton("random draws:");
    final Spinner<Integer> draws = new Spinner<>(1, 1000, 8);
    final Label plan = new Label();
    final Label problem = new Label();
    final Button start = new Button("Start sweep");
    final ProgressBar progress = new ProgressBar(0);
    final Label status = new Label();
    final Label current = new Label();
    final Button pause = new Button("Pause");
    final Button skip = new Button("Skip run");
    final Button cancel = new Button("Cancel");
    final ListView<SweepViewModel.QueuedRun> queue = new ListView<>();
    final SweepResultsView results;
    /** The lecture's comparisons, one click each, or a sweep of one's own (the first). */
    final ToggleGroup kind = new ToggleGroup();
    final ToggleButton own = new ToggleButton("Your own sweep");
    final java.util.Map<Study, ToggleButton> studies = new java.util.EnumMap<>(Study.class);
    final Label studyNote = new Label();
    private final PauseTransition replan = new PauseTransition(Duration.millis(500));

    SweepView(SweepViewModel model, WorkbenchViewModel workbench, Navigator nav) {
        this.model = model;
        this.workbench = workbench;
        this.nav = nav;
        results = new SweepResultsView(nav, workbench.tasks());
        setPadding(new Insets(8));
        ScrollPane left = new ScrollPane(form());
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setPrefWidth(430);
        left.setMinWidth(360);
        setLeft(left);
        setCenter(results);
        model.resultsProperty().addListener((o, a, r) -> results.show(r));
        results.show(null);
        model.replan();
        // the plan is recomputed shortly after the last change (an estimate may time a few steps)
        replan.setOnFinished(e -> model.replan());
        model.axes.addListener((ListChangeListener<SweepAxisRow.Model>) c -> changed());
        model.seeds.addListener(o -> changed());
        model.random.addListener(o -> changed());
        model.draws.addListener(o -> changed());
        model.study.addListener(o -> {
            describeStudy();
            changed();
        });
        // the runs take the form's settings: a change there changes the plan (and may mend or break it)
        workbench.problems().addListener(o -> changed());
        workbench.datasetProperty().addListener(o -> changed());
    }

    private void changed() {
        describeStudy();
        replan.playFromStart();
    }

    /** What the chosen comparison runs, and how the form's settings were adapted for it. */
    private void describeStudy() {
        Study st = model.study.get();
        if (st == null) {
            studyNote.setText("");
            return;
        }
        String text = "One run per row, " + st.rows().size() + " rows, each with the form's settings (dataset, encoder, "
                + "budget) but its own " + (st == Study.COLOUR ? "augmentation recipe" : "objective") + ": "
                + st.description() + ".";
        var base = workbench.config();
        String adapted = base == null ? null : st.adaptation(base);
        studyNote.setText(adapted == null ? text : text + " Note: " + adapted + ".");
    }

    private VBox studies() {
        Label title = new Label("THE LECTURE'S COMPARISONS");
        title.getStyleClass().add("section-title");
        own.setToggleGroup(kind);
        own.setSelected(true);
        own.setTooltip(new Tooltip("Vary any settings of the form, below"));
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(6, 6, own);
        String[][] names = {{"Ablation table", "The seven loss rows of the lecture's ablation table, at the same budget"},
            {"Objectives", "Barlow Twins against InfoNCE, asymmetric cosine (predictor, stop-gradient) and IMAX"},
            {"Colour distortion", "On colour data: the full augmentation recipe against crop and flip only"}};
        for (Study st : Study.values()) {
            ToggleButton b = new ToggleButton(names[st.ordinal()][0]);
            b.setTooltip(new Tooltip(names[st.ordinal()][1]));
            b.setToggleGroup(kind);
            b.setUserData(st);
            studies.put(st, b);
            buttons.getChildren().add(b);
        }
        kind.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one of them is always chosen
                return;
            }
            model.study.set((Study) b.getUserData());
        });
        studyNote.setWrapText(true);
        studyNote.getStyleClass().add("caption");
        studyNote.managedProperty().bind(studyNote.textProperty().isNotEmpty());
        return new VBox(6, title, buttons, studyNote);
    }

    private VBox form() {
        Label title = new Label("NEW SWEEP");
        title.getStyleClass().add("section-title");
        Label base = new Label("Each run takes the Workbench form's settings, with these varied:");
        base.setWrapText(true);
        add.setOnAction(e -> addRow());
        seeds.valueProperty().addListener((o, a, b) -> model.seeds.set(b));
        seeds.setPrefWidth(80);
        seeds.setTooltip(new Tooltip("each combination runs this many times, with seeds base, base + 1, ..."));
        ToggleGroup how = new ToggleGroup();
        grid.setToggleGroup(how);
        random.setToggleGroup(how);
        grid.setSelected(true);
        random.selectedProperty().addListener((o, a, b) -> model.random.set(b));
        draws.valueProperty().addListener((o, a, b) -> model.draws.set(b));
        draws.setPrefWidth(90);

        // a comparison fixes what varies: the rows of one's own sweep wait until it is chosen again
        var isStudy = model.study.isNotNull();
        for (javafx.scene.Node n : new javafx.scene.Node[] {base, rows, add, grid, random}) {
            n.disableProperty().bind(isStudy);
        }
        draws.disableProperty().unbind();
        HBox seedRow = new HBox(6, new Label("repeats (seeds)"), seeds);
        seedRow.setAlignment(Pos.CENTER_LEFT);
        HBox randomRow = new HBox(6, random, draws);
        randomRow.setAlignment(Pos.CENTER_LEFT);
        plan.textProperty().bind(model.planProperty());
        plan.setWrapText(true);
        plan.getStyleClass().add("panel-title");
        problem.textProperty().bind(model.problemProperty());
        problem.setWrapText(true);
        problem.getStyleClass().add("blocked");
        start.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        start.setOnAction(e -> model.start(nav::notify));
        start.textProperty().bind(Bindings.createStringBinding(() -> model.study.get() == null ? "Start sweep"
                : "Start: " + ((ToggleButton) kind.getSelectedToggle()).getText().toLowerCase(java.util.Locale.ROOT),
                model.study, kind.selectedToggleProperty()));
        start.disableProperty().bind(model.runningProperty().or(model.problemProperty().isNotEmpty())
                .or(Bindings.isEmpty(model.queue)).or(workbench.runningProperty()));
        start.setTooltip(new Tooltip("Runs them one after another in a new sweep folder in the runs folder"));

        Label going = new Label("SWEEP");
        going.getStyleClass().add("section-title");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        current.textProperty().bind(model.currentProperty());
        current.setWrapText(true);
        pause.textProperty().bind(Bindings.when(model.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.setOnAction(e -> model.togglePause());
        skip.setOnAction(e -> model.skip());
        skip.setTooltip(new Tooltip("Stop this run (it keeps its checkpoint) and go on with the next"));
        cancel.setOnAction(e -> model.cancel());
        cancel.setTooltip(new Tooltip("Stop this run (it keeps its checkpoint) and start no other; Resume sweep… finishes it later"));
        for (Button b : new Button[] {pause, skip, cancel}) {
            b.disableProperty().bind(model.runningProperty().not());
        }
        HBox controls = new HBox(6, pause, skip, cancel);
        queue.setItems(model.queue);
        queue.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(SweepViewModel.QueuedRun r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.describe());
            }
        });
        queue.setPrefHeight(180);
        VBox.setVgrow(queue, Priority.ALWAYS);
        Button open = new Button("Open sweep folder\u2026");
        open.setTooltip(new Tooltip("Show the results of a sweep made earlier, here or with twinlab sweep"));
        open.setOnAction(e -> chooseSweep(false));
        Button resume = new Button("Resume sweep\u2026");
        resume.setTooltip(new Tooltip("Finish a cancelled or interrupted sweep: finished runs are not run again"));
        resume.setOnAction(e -> chooseSweep(true));
        resume.disableProperty().bind(model.runningProperty().or(workbench.busyProperty()));
        HBox folders = new HBox(6, open, resume);
        draws.disableProperty().bind(random.selectedProperty().not().or(isStudy));
        VBox box = new VBox(8, studies(), new Separator(), title, base, rows, add, seedRow, grid, randomRow, plan, problem, start, new Separator(),
                going, progress, status, current, controls, queue, folders);
        box.setPadding(new Insets(4, 8, 4, 4));
        return box;
    }

    /**
     * A new row for a swept setting, started from the form's value of the first setting not yet swept, the
     * ones that may change during a run first (λ, the learning rate: the knobs people turn).
     */
    void addRow() {
        SweepAxisRow.Model m = new SweepAxisRow.Model();
        var used = model.axes.stream().map(a -> a.setting.get()).toList();
        var first = SweepAxisRow.sweepable().stream().filter(s -> !used.contains(s))
                .sorted(java.util.Comparator.comparing(s -> !s.live())).findFirst().orElse(null);
        if (first != null) {
            m.suggest(first, workbench.config());
        }
        addRow(m);
    }

    void addRow(SweepAxisRow.Model m) {
        SweepAxisRow[] row = new SweepAxisRow[1];
        row[0] = new SweepAxisRow(m, workbench::config, () -> {
            model.axes.remove(m);
            rows.getChildren().remove(row[0]);
        });
        m.setting.addListener(o -> changed());
        m.mode.addListener(o -> changed());
        m.text.addListener(o -> changed());
        rows.getChildren().add(row[0]);
        model.axes.add(m);
    }

    private void chooseSweep(boolean resume) {
        DirectoryChooser ch = new DirectoryChooser();
        ch.setTitle("A sweep folder (one with sweep.json)");
        File f = ch.showDialog(getScene().getWindow());
        if (f == null) {
            return;
        }
        if (resume) {
            model.resume(f.toPath(), nav::notify);
        } else {
            model.open(f.toPath(), nav::notify);
        }
    }
}
