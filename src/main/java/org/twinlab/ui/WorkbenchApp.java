package org.twinlab.ui;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.twinlab.runs.RunFolder;

/** The workbench application: one window on the built-in sample data. */
public final class WorkbenchApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        // the form as it was when the window last closed (or a run last started)
        Path last = org.twinlab.data.DatasetCatalog.home().resolve("last-settings.json"); // -Dtwinlab.home, else ~/.twinlab
        WorkbenchViewModel vm = new WorkbenchViewModel(RunFolder.defaultRoot(), last);
        // size, place, presenter mode and tab as the window was last closed
        window = WindowState.remember(stage, WindowState.file(), () -> {
            show(stage, vm, getHostServices()::showDocument);
            return MainWindow.of(stage.getScene());
        });
    }

    /** Puts the workbench in a stage and shows it; closing the stage stops a run and lets it save. */
    public static WorkbenchView show(Stage stage, WorkbenchViewModel vm) {
        return show(stage, vm, uri -> { });
    }

    /** The same, with how to open a document (a report) with the desktop. */
    public static WorkbenchView show(Stage stage, WorkbenchViewModel vm, java.util.function.Consumer<String> showDocument) {
        Scene scene = createScene(vm, showDocument);
        stage.setScene(scene);
        stage.setTitle("Twinlab \u2014 Barlow Twins workbench");
        stage.setOnCloseRequest(e -> MainWindow.of(scene).shutdown());
        stage.show();
        return MainWindow.of(scene).workbench();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }

    /** The window's scene with theme, styles and keyboard shortcuts: shared with the tests. */
    public static Scene createScene(WorkbenchViewModel vm) {
        return createScene(vm, uri -> { });
    }

    /** The scene, the workbench in its tab beside the exploration views. */
    public static Scene createScene(WorkbenchViewModel vm, java.util.function.Consumer<String> showDocument) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        WorkbenchView view = new WorkbenchView(vm);
        Scene scene = new Scene(new MainWindow(vm, view, showDocument), 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(WorkbenchApp.class.getResource("workbench.css")).toExternalForm());
        scene.getStylesheets().add(Objects.requireNonNull(WorkbenchApp.class.getResource("explore.css")).toExternalForm());
        view.installShortcuts(scene);
        return scene;
    }
}
