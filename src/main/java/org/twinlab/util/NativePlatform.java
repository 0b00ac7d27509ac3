package org.twinlab.util;

import java.util.Locale;
import java.util.Set;

/**
 * Which CPU build of libtorch 2.7.1 this machine takes: the classifiers of
 * {@code ai.djl.pytorch:pytorch-native-cpu:2.7.1} that Maven Central serves (checked with
 * {@code mvn dependency:get}: linux-x86_64, linux-aarch64, osx-aarch64, win-x86_64; there is no osx-x86_64).
 * The pom's OS profiles choose the same one. On a platform without one the engine cannot load offline:
 * the start says so in one line, and the commands that need no engine (datasets, runs, ...) still work.
 */
public final class NativePlatform {
    static final Set<String> SERVED = Set.of("linux-x86_64", "linux-aarch64", "osx-aarch64", "win-x86_64");

    private NativePlatform() {
    }

    /** This machine's classifier, e.g. linux-x86_64, from os.name and os.arch. */
    public static String classifier() {
        return classifier(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    static String classifier(String osName, String osArch) {
        String n = osName.toLowerCase(Locale.ROOT);
        String os = n.startsWith("linux") ? "linux" : n.startsWith("mac") || n.startsWith("darwin") ? "osx"
                : n.startsWith("windows") ? "win" : n.replaceAll("[^a-z0-9]", "");
        String a = osArch.toLowerCase(Locale.ROOT);
        String arch = a.equals("amd64") || a.equals("x86_64") ? "x86_64" : a.equals("aarch64") || a.equals("arm64")
                ? "aarch64" : a;
        return os + "-" + arch;
    }

    /** Null where a CPU build exists; else the one line naming the platform. */
    public static String missingLine() {
        return missingLine(classifier());
    }

    static String missingLine(String classifier) {
        if (SERVED.contains(classifier)) {
            return null;
        }
        return "twinlab: there is no CPU build of libtorch 2.7.1 for " + classifier + " (Maven Central serves "
                + String.join(", ", SERVED.stream().sorted().toList()) + "): training, probes and export cannot "
                + "run here; datasets, runs and the other commands without the engine still work";
    }
}
