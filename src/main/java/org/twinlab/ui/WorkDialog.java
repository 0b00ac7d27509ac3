package org.twinlab.ui;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * A small window for work that takes seconds (an export, probing an encoder): it says what is going on
 * with a moving bar, then turns into the result with its actions. It does not block the window, and
 * closing it early does not stop the work.
 */
final class WorkDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final Label message = new Label();
    private final ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final HBox actions = new HBox(8);
    private final VBox body = new VBox(12, message, bar, actions);

    WorkDialog(Window owner, String title, String working) {
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        message.setText(working);
        message.setWrapText(true);
        message.setMaxWidth(520);
        bar.setPrefWidth(420);
        body.setPadding(new Insets(4, 0, 0, 0));
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }

    /** The work is done: its result and the actions on it replace the bar. */
    void finish(String result, Node... buttons) {
        bar.setVisible(false);
        bar.setManaged(false);
        message.setText(result);
        actions.getChildren().setAll(buttons);
        dialog.getDialogPane().getScene().getWindow().sizeToScene();
    }

    /** Shows {@code node} under the result (C of an opened encoder, say). */
    void below(Node node) {
        body.getChildren().add(node);
        dialog.getDialogPane().getScene().getWindow().sizeToScene();
    }

    /** What was added under the result (tests read it). */
    java.util.List<Node> extras() {
        return body.getChildren().subList(3, body.getChildren().size());
    }

    void close() {
        dialog.close();
    }

    boolean isShowing() {
        return dialog.isShowing();
    }

    /** What the dialog says now (tests read it). */
    String text() {
        return message.getText();
    }

    /** The result's action buttons (tests press them). */
    java.util.List<Node> actions() {
        return actions.getChildren();
    }
}
