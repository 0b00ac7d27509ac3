package org.twinlab.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;

/**
 * The strip over the workbench's toolbar while the panels show a past run, so it is never taken for the
 * live one (the toolbar's commands are for the live run; Back to live brings them back): "Past run:
 * name — finished at step N", and what can be done with it: continue it (a stopped run), use its settings,
 * export it, or go back to the live run.
 */
final class PastRunBanner extends ToolbarBanner {
    final Label text = new Label();
    final Button resume = new Button("Continue");
    final Button useSettings = new Button("Use these settings");
    final Button export = new Button("Export\u2026");
    final Button back = new Button("Back to live");

    PastRunBanner(WorkbenchViewModel vm, Navigator nav) {
        super("past-run");
        text.getStyleClass().add("past-run-text");
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        resume.setTooltip(new Tooltip("Continue this run from its checkpoint, in the live panels"));
        resume.setOnAction(e -> {
            PastRun p = vm.pastRunProperty().get();
            if (p != null) {
                vm.resume(p.entry().dir());
            }
        });
        useSettings.setTooltip(new Tooltip("Put this run's settings into the form"));
        useSettings.setOnAction(e -> {
            PastRun p = vm.pastRunProperty().get();
            if (p != null && p.entry().config() != null) {
                vm.useSettings(p.entry().config());
            }
        });
        export.setOnAction(e -> {
            PastRun p = vm.pastRunProperty().get();
            if (p != null) {
                nav.export(p.entry().dir());
            }
        });
        back.setOnAction(e -> vm.showLive());
        getChildren().addAll(text, spacer, resume, useSettings, export, back);
        vm.pastRunProperty().addListener((o, a, p) -> show(p, vm));
        // Continue waits while a run or a sweep trains, also one that starts after the banner appeared
        resume.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            PastRun p = vm.pastRunProperty().get();
            return p == null || !p.entry().resumable() || vm.busyProperty().get();
        }, vm.pastRunProperty(), vm.busyProperty()));
        show(null, vm);
    }

    private void show(PastRun p, WorkbenchViewModel vm) {
        setVisible(p != null);
        setManaged(p != null);
        if (p == null) {
            return;
        }
        text.setText(p.banner());
        useSettings.setDisable(p.entry().config() == null);
        export.setDisable(!p.entry().hasCheckpoint());
    }
}
