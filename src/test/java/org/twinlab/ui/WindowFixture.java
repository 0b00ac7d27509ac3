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
abstract class WindowFixture {
    protected WorkbenchViewModel vm;
    protected WorkbenchView view;
    protected Stage stage;

    @BeforeEach
    void open() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            try {
                vm = new WorkbenchViewModel(WindowTests.runRoot());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            view = WorkbenchApp.show(stage, vm);
            configure();
            stage.requestFocus();
        });
    }

    /** A test's own set-up of the model before it starts. */
    protected void configure() {
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> vm.shutdown());
    }
}
