package org.twinlab;

import org.twinlab.cli.TwinlabCommand;

/** Entry point: with no arguments the workbench window, {@code bench-ui} the window benchmark, otherwise the command line. */
public final class Twinlab {
    private Twinlab() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.twinlab.ui.WorkbenchLauncher.main(args);
            return;
        }
        if (args[0].equals("bench-ui")) {
            // the window's costs need the toolkit: measured by the ui face, not the headless command line
            org.twinlab.ui.UiBenchmark.main(new String[0]);
            return;
        }
        System.exit(TwinlabCommand.execute(args));
    }
}
