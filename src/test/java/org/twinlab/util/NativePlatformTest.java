package org.twinlab.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativePlatformTest {
    @Test
    void namesThePlatformAsMavenCentralsClassifiersDo() {
        assertEquals("linux-x86_64", NativePlatform.classifier("Linux", "amd64"));
        assertEquals("linux-aarch64", NativePlatform.classifier("Linux", "aarch64"));
        assertEquals("osx-aarch64", NativePlatform.classifier("Mac OS X", "aarch64"));
        assertEquals("osx-x86_64", NativePlatform.classifier("Mac OS X", "x86_64"));
        assertEquals("win-x86_64", NativePlatform.classifier("Windows 11", "amd64"));
    }

    @Test
    void aServedPlatformIsQuietAndAnotherGetsOneLineNamingIt() {
        for (String c : NativePlatform.SERVED) {
            assertNull(NativePlatform.missingLine(c), c);
        }
        String line = NativePlatform.missingLine("osx-x86_64");
        assertTrue(line.startsWith("twinlab: there is no CPU build of libtorch 2.7.1 for osx-x86_64"), line);
        assertTrue(line.contains("datasets, runs"), line);
        assertEquals(1, line.lines().count());
        assertNull(NativePlatform.missingLine(), "this machine (" + NativePlatform.classifier() + ") has a build");
    }
}
