package org.twinlab.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.twinlab.lesson.Lesson;
import org.twinlab.lesson.LessonStep;
import org.twinlab.train.Setting;

/**
 * The left column while a lesson is taught: the step's title, its text and formula, the controls it
 * names and no others, its action as one button, and Back / Next (PageUp / PageDown, or the arrow keys
 * when no field has the keyboard). Rebuilt for each step; all state is in {@link LessonViewModel}.
 */
final class LessonView extends ScrollPane {
    private final LessonViewModel lessons;
    private final WorkbenchViewModel vm;
    private final ConfigView config;
    private final Label lessonTitle = new Label();
    private final Label progress = new Label();
    private final Label title = new Label();
    private final Label text = new Label();
    private final Label formula = new Label();
    private final VBox controls = new VBox(8);
    final Button action = new Button();
    private final Label status = new Label();
    final Button back = new Button("\u25c0 Back");
    final Button next = new Button("Next \u25b6");
    /** The rows of the step's settings, rebuilt with it (tests read them). */
    SettingControls settings;

    LessonView(LessonViewModel lessons, WorkbenchViewModel vm, ConfigView config) {
        this.lessons = lessons;
        this.vm = vm;
        this.config = config;
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("lesson");
        lessonTitle.getStyleClass().add("section-title");
        lessonTitle.setWrapText(true);
        progress.getStyleClass().add("caption");
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        text.setWrapText(true);
        text.getStyleClass().add("lesson-text");
        formula.setWrapText(true);
        formula.getStyleClass().add("formula");
        formula.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true);
        status.getStyleClass().add("caption");
        status.textProperty().bind(lessons.status);
        action.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        action.setMaxWidth(Double.MAX_VALUE);
        action.setWrapText(true);
        action.setOnAction(e -> lessons.act());
        back.setOnAction(e -> lessons.back());
        next.setOnAction(e -> lessons.next());
        Button end = new Button("End the lesson");
        end.setOnAction(e -> lessons.close());
        Label keys = new Label("PageUp / PageDown");
        keys.getStyleClass().add("caption");
        // in a narrow column the key hint gives way, never Back and Next
        back.setMinWidth(Region.USE_PREF_SIZE);
        next.setMinWidth(Region.USE_PREF_SIZE);
        // beside End rather than Back / Next: at 1280 px in presenter mode the three did not fit one row
        keys.setMinWidth(0);
        keys.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox nav = new HBox(8, back, next);
        nav.setAlignment(Pos.CENTER_LEFT);
        end.setMinWidth(Region.USE_PREF_SIZE);
        HBox ending = new HBox(8, end, gap, keys);
        ending.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(12, new VBox(2, lessonTitle, progress), title, text, formula, controls, action, status, nav, ending);
        box.setPadding(new Insets(12));
        setContent(box);
        setMinWidth(260);
        lessons.step.addListener((o, a, s) -> show(s));
    }

    private void show(LessonStep s) {
        controls.getChildren().clear();
        settings = null;
        if (s == null) {
            return;
        }
        Lesson l = lessons.lesson.get();
        lessonTitle.setText("LESSON: " + l.title());
        progress.setText("step " + (lessons.index.get() + 1) + " of " + l.steps().size());
        title.setText(s.title());
        text.setText(s.text());
        formula.setText(s.formula() == null ? "" : s.formula());
        formula.setVisible(s.formula() != null);
        formula.setManaged(s.formula() != null);
        if (!s.settingControls().isEmpty()) {
            GridPane g = Controls.form();
            settings = new SettingControls(vm);
            for (Setting<?> setting : s.settingControls()) {
                settings.row(g, setting);
            }
            controls.getChildren().add(g);
        }
        if (s.controls().contains("views") && !s.shows("views")) { // the views panel has its own button
            Button samples = new Button("New samples");
            samples.setOnAction(e -> config.newSamples());
            controls.getChildren().add(samples);
        }
        if (s.controls().contains("augmentation")) {
            TabPane tabs = new TabPane(new Tab("View A", new ViewEditor(vm.viewA, config.gray)),
                    new Tab("View B", new ViewEditor(vm.viewB, config.gray)));
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            tabs.disableProperty().bind(vm.runningProperty());
            controls.getChildren().add(tabs);
        }
        controls.setVisible(!controls.getChildren().isEmpty());
        controls.setManaged(!controls.getChildren().isEmpty());
        boolean acts = !s.actions().isEmpty();
        action.setText(acts ? String.join(", then ", s.actions().stream().map(a -> a.describe()).toList()) : "");
        action.setVisible(acts);
        action.setManaged(acts);
        back.setDisable(lessons.index.get() == 0);
        next.setDisable(!lessons.hasNext());
    }
}
