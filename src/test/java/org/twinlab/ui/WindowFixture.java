package org.twinlab.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench window for a test, on the real JavaFX toolkit (Monocle, headless) and the real engine:
 * shown before each test, its runs stopped after it. (Set up in a BeforeEach: TestFX looks for its Start
 * methods on the test class itself, not on the classes it extends.)
 */
@ExtendWith(ApplicationExtension.class)
@org.twinlab.Slow
abstract class WindowFixture {
    protected WorkbenchViewModel vm;
    protected WorkbenchView view;
    protected Stage stage;
    /** The whole window: the workbench tab and the exploration tabs beside it. */
    protected MainWindow window;
    /** The documents the window asked the desktop to open (a report), in order. */
    protected final java.util.List<String> documents = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            try {
                vm = new WorkbenchViewModel(runRoot());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            view = WorkbenchApp.show(stage, vm, documents::add);
            window = MainWindow.of(stage.getScene());
            configure();
            stage.requestFocus();
        });
    }

    /** The runs folder the window reads and writes. */
    protected java.nio.file.Path runRoot() throws java.io.IOException {
        return WindowTests.runRoot();
    }

    /** A test's own set-up of the model before it starts. */
    protected void configure() {
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> window.shutdown()); // a sweep, then the live run
    }
}
