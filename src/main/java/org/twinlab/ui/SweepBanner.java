package org.twinlab.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;

/**
 * The strip over the workbench's toolbar while a sweep goes: which run of how many they show, the sweep's
 * progress and ETA, and its pause, skip and cancel, so a sweep can be steered from the panels it fills.
 */
final class SweepBanner extends ToolbarBanner {
    final Label text = new Label();
    final ProgressBar bar = new ProgressBar();

    SweepBanner(SweepViewModel sweep) {
        super("sweep-run");
        text.getStyleClass().add("past-run-text");
        text.textProperty().bind(Bindings.concat("Sweep ", sweep.currentProperty(), "   ", sweep.statusProperty()));
        bar.progressProperty().bind(sweep.progressProperty());
        bar.setPrefWidth(140);
        Button pause = new Button();
        pause.textProperty().bind(Bindings.when(sweep.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.setOnAction(e -> sweep.togglePause());
        Button skip = new Button("Skip run");
        skip.setOnAction(e -> sweep.skip());
        Button cancel = new Button("Cancel sweep");
        cancel.setOnAction(e -> sweep.cancel());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(bar, text, spacer, pause, skip, cancel);
        visibleProperty().bind(sweep.runningProperty());
        managedProperty().bind(sweep.runningProperty());
    }
}
