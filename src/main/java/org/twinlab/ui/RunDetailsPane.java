package org.twinlab.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.twinlab.runs.RunEntry;
import org.twinlab.runs.RunHistory;

/**
 * The selected run beside the table: how it ended (or why it is damaged), its folder, and its name, tags
 * and note as fields to edit; Save writes them to the run's meta.json. Several selected runs are counted.
 */
final class RunDetailsPane extends VBox {
    final Label title = new Label("No run selected");
    final Label state = new Label();
    final Label folder = new Label();
    final TextField name = new TextField();
    final TextField tags = new TextField();
    final TextArea note = new TextArea();
    final Button save = new Button("Save");
    private RunEntry shown;

    /** {@code onSave} receives the run and the name, tags and note as typed. */
    RunDetailsPane(SaveAction onSave) {
        setSpacing(8);
        setPadding(new Insets(10));
        getStyleClass().add("panel");
        setPrefWidth(300);
        setMinWidth(240);
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        state.setWrapText(true);
        folder.setWrapText(true);
        folder.getStyleClass().add("caption");
        name.setPromptText("a name for the list");
        tags.setPromptText("tags, separated by spaces");
        note.setPromptText("what this run was for, what you saw");
        note.setWrapText(true);
        note.setPrefRowCount(6);
        VBox.setVgrow(note, Priority.ALWAYS);
        GridPane form = Controls.form();
        Controls.row(form, "Name", name);
        Controls.row(form, "Tags", tags);
        save.setOnAction(e -> {
            if (shown != null) {
                onSave.save(shown, name.getText(), tags.getText(), note.getText());
            }
        });
        save.setDefaultButton(false);
        getChildren().addAll(title, state, folder, form, new Label("Note"), note, save);
        show(List.of());
    }

    /** Shows the selection: one run in full, several as a count, none as a hint. */
    void show(List<RunEntry> selected) {
        shown = selected.size() == 1 ? selected.get(0) : null;
        boolean one = shown != null;
        for (javafx.scene.Node n : List.of(name, tags, note, save)) {
            n.setDisable(!one || shown.config() == null);
        }
        state.getStyleClass().remove("run-damaged");
        if (!one) {
            title.setText(selected.isEmpty() ? "No run selected" : selected.size() + " runs selected");
            state.setText(selected.size() > 1 ? "Compare them, or delete them together." : "Select a run to see it, name it, "
                    + "tag it or open it in the panels.");
            folder.setText("");
            name.clear();
            tags.clear();
            note.clear();
            return;
        }
        title.setText(shown.name());
        state.setText(RunHistory.describe(shown));
        if (shown.damaged()) {
            state.getStyleClass().add("run-damaged");
        }
        folder.setText(shown.dir().toString());
        name.setText(shown.meta().name());
        tags.setText(String.join(" ", shown.meta().tags()));
        note.setText(shown.meta().note());
    }

    @FunctionalInterface
    interface SaveAction {
        void save(RunEntry run, String name, String tags, String note);
    }
}
