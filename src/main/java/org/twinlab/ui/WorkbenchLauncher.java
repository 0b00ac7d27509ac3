package org.twinlab.ui;

/** Starts the workbench window (placeholder until the window lands). */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        javafx.application.Application.launch(WorkbenchApp.class, args);
    }
}
