package org.twinlab.ui;

/** Starts the workbench window (placeholder until the window lands). */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        org.twinlab.util.NativeMemory.tune(); // also when started as mvn javafx:run, not through org.twinlab.Twinlab
        javafx.application.Application.launch(WorkbenchApp.class, args);
    }
}
