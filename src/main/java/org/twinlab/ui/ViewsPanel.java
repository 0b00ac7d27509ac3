package org.twinlab.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The preview of the two views as a panel of its own, as large as the room allows: a lesson shows a
 * class what the augmentations do before it shows C. The picture is the settings column's preview.
 */
final class ViewsPanel extends VBox {
    private final ImageView image = new ImageView();

    ViewsPanel(ConfigView config) {
        setSpacing(6);
        setPadding(new Insets(8));
        setMinSize(0, 0);
        getStyleClass().add("panel");
        Label title = new Label("Two views of each image");
        title.getStyleClass().add("panel-title");
        Label caption = new Label("top row: the originals; middle: view A; bottom: view B");
        caption.getStyleClass().add("caption");
        image.imageProperty().bind(config.previewImage());
        image.setPreserveRatio(true);
        image.setSmooth(false); // whole image pixels, not a blur of them
        StackPane holder = new StackPane(image);
        holder.setMinSize(0, 0);
        image.fitWidthProperty().bind(holder.widthProperty().subtract(4));
        image.fitHeightProperty().bind(holder.heightProperty().subtract(4));
        VBox.setVgrow(holder, Priority.ALWAYS);
        Button samples = new Button("New samples");
        samples.setOnAction(e -> config.newSamples());
        getChildren().addAll(title, caption, holder, new HBox(8, samples));
    }

    ImageView image() {
        return image;
    }
}
