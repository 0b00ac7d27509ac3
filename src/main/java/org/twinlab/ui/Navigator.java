package org.twinlab.ui;

import java.nio.file.Path;
import java.util.List;

/** What one view of the window asks of the window: show another view, run a shared action, tell the person something. */
interface Navigator {
    /** Brings the live workbench (its panels, its form) to the front. */
    void showWorkbench();

    /** Opens the Compare view on these run folders. */
    void compare(List<Path> runs);

    /** Asks where to export this run, then exports it. */
    void export(Path run);

    /** A notification over the window, one line. */
    void notify(String message);
}
