package org.twinlab.ui;

import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * A message above the panels, in the layout rather than over it: it covers neither the toolbar nor a
 * panel, and its text wraps, so a long message (a file path, a setting's reason) is read whole. A
 * problem stays until closed or replaced; a confirmation goes by itself after a few seconds.
 */
final class NoticeBar extends HBox {
    static final PseudoClass INFO = PseudoClass.getPseudoClass("info");
    private final Label text = new Label();
    private final PauseTransition fade = new PauseTransition(Duration.seconds(6));

    NoticeBar() {
        getStyleClass().add("notice-bar");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("\u2715");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> hide());
        close.setFocusTraversable(false);
        getChildren().addAll(text, close);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 8, 6, 12));
        setSpacing(8);
        fade.setOnFinished(e -> hide());
        hide();
    }

    /** A problem: stays until closed or replaced. */
    void show(String message) {
        show(message, false);
    }

    void show(String message, boolean info) {
        text.setText(message);
        pseudoClassStateChanged(INFO, info);
        setVisible(true);
        setManaged(true);
        fade.stop();
        if (info) {
            fade.playFromStart();
        }
    }

    void hide() {
        fade.stop();
        setVisible(false);
        setManaged(false);
    }

    boolean isShowing() {
        return isVisible();
    }

    String getText() {
        return text.getText();
    }

    Label label() {
        return text;
    }
}
