package org.twinlab;

import org.twinlab.cli.TwinlabCommand;

/** Entry point: with no arguments the workbench window, otherwise the command line. */
public final class Twinlab {
    private Twinlab() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.twinlab.ui.WorkbenchLauncher.main(args);
            return;
        }
        System.exit(TwinlabCommand.execute(args));
    }
}
