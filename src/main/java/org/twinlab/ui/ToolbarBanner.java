package org.twinlab.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A strip that lies over the workbench's toolbar while the panels show something other than the live run
 * (a past run, a sweep's run), saying so and offering what can be done with it. Lying over the toolbar
 * rather than above the panels keeps their height: at 1280x800 a strip above them pushed the status bar
 * off the window. The toolbar's commands are for the live run and come back when the strip goes.
 */
abstract class ToolbarBanner extends HBox {
    ToolbarBanner(String styleClass) {
        super(8);
        getStyleClass().add(styleClass);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.TOP_CENTER);
    }

    /** Puts the banners over {@code workbench}, each as tall as its toolbar (also when the presenter zoom enlarges it). */
    static StackPane over(WorkbenchView workbench, ToolbarBanner... banners) {
        StackPane p = new StackPane(workbench);
        for (ToolbarBanner b : banners) {
            p.getChildren().add(b);
            b.prefHeightProperty().bind(workbench.toolbar.heightProperty());
        }
        return p;
    }
}
