package org.twinlab;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a tool from outside Java (PyTorch in /usr/bin/python3, chromium, root to mount a tmpfs):
 * a developer's machine without it skips them and says so; under CI ({@code CI=true}), where .ci/run
 * installs every tool, a missing one fails the test, so a suite that did not run them never passes as green.
 */
public final class Tools {
    private Tools() {
    }

    /** Whether this is CI, where every tool must be there. */
    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Goes on where {@code present}; else skips the test ({@code missing} says what is missing), or under CI fails it. */
    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if (ci()) {
            fail("CI=true, and " + missing + ": .ci/run installs it, so this test must run here");
        }
        Assumptions.abort(missing + " (skipped; under CI=true this fails)");
    }
}
