package org.twinlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing tool skips a test on a developer's machine and fails it under CI. */
class ToolsTest {
    @Test
    void aMissingToolSkipsHereAndFailsUnderCi() {
        Tools.require(true, "nothing"); // present: goes on
        Throwable t = assertThrows(Throwable.class, () -> Tools.require(false, "no such tool"));
        assertEquals(Tools.ci() ? AssertionFailedError.class : TestAbortedException.class, t.getClass());
        assertTrue(t.getMessage().contains("no such tool"), t.getMessage());
    }
}
