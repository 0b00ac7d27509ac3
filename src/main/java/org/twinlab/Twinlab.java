package org.twinlab;

import java.util.Arrays;
import org.twinlab.cli.TwinlabCommand;
import org.twinlab.ui.Display;
import org.twinlab.util.NativeMemory;
import org.twinlab.util.NativePlatform;

/**
 * Entry point of ./twinlab and of the installed package alike: with no arguments the workbench window,
 * {@code bench-ui} the window benchmark, otherwise the command line.
 */
public final class Twinlab {
    private Twinlab() {
    }

    public static void main(String[] args) {
        NativeMemory.restartWithOneArena(); // glibc reads its arena limit only at process start
        prepare();
        if (args.length == 0) {
            window(() -> org.twinlab.ui.WorkbenchLauncher.main(args));
            return;
        }
        if (args[0].equals("bench-ui")) {
            // the window's costs need the toolkit: measured by the ui face, not the headless command line
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            if (org.twinlab.ui.UiBenchmark.Options.helpAsked(rest)) {
                System.out.print(org.twinlab.ui.UiBenchmark.Options.USAGE);
                return;
            }
            try {
                org.twinlab.ui.UiBenchmark.Options.parse(rest);
            } catch (IllegalArgumentException e) {
                System.err.println("twinlab " + e.getMessage());
                System.exit(2);
            }
            window(() -> org.twinlab.ui.UiBenchmark.main(rest));
            return;
        }
        // the command line draws (charts, generated datasets) but never opens a window: AWT must not look for a display
        System.setProperty("java.awt.headless", "true");
        System.exit(TwinlabCommand.execute(args));
    }

    /** Before anything loads the engine: the allocator, the home folder, a word where no libtorch fits. */
    private static void prepare() {
        NativeMemory.tune();
        // Java reads the home folder from the password file, not $HOME: runs and remembered settings follow $HOME
        String home = System.getenv("HOME");
        if (home != null && !home.isBlank()) {
            System.setProperty("user.home", home);
        }
        String natives = NativePlatform.missingLine();
        if (natives != null) {
            System.err.println(natives);
        }
    }

    /** Runs what needs a window, or says in one line that there is no display (exit 2). */
    private static void window(Runnable start) {
        String missing = Display.missing();
        if (missing == null) {
            try {
                start.run();
                return;
            } catch (UnsupportedOperationException e) {
                // the socket answered but the toolkit could not open it (e.g. not authorised)
                missing = Display.refused(System.getenv("DISPLAY"));
            }
        }
        System.err.println(missing);
        System.exit(2);
    }
}
