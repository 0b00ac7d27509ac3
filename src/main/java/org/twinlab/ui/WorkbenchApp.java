package org.twinlab.ui;

import javafx.application.Application;
import javafx.stage.Stage;

public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Twinlab");
        stage.show();
    }
}
