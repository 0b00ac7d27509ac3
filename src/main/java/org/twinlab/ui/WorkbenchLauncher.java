package org.twinlab.ui;

/**
 * Starts the workbench window: a main class that is not an {@code Application}, so the JavaFX jars load from
 * the class path (mvn javafx:run, the launcher with no arguments).
 */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        org.twinlab.util.NativeMemory.tune(); // also when started as mvn javafx:run, not through org.twinlab.Twinlab
        javafx.application.Application.launch(WorkbenchApp.class, args);
    }
}
