package org.twinlab.train;

import java.util.List;

/**
 * One thing wrong with a setting: {@code key} is its name in config.json (the window marks that field
 * with it), {@code label} what a person calls it, {@code reason} what is wrong with the value.
 */
public record SettingProblem(String key, String label, String reason) {

    /** The line a person reads on the command line or in the window: "batch size: must be at least 2...". */
    public String message() {
        return label + ": " + reason;
    }

    /** The same, naming the key as it is spelled in a settings file. */
    public String inFile() {
        return "\"" + key + "\" (" + label + ") " + reason;
    }

    /** Throws a {@link SettingError} (every message on one line) when there is any problem. */
    public static void throwIfAny(List<SettingProblem> problems) {
        if (!problems.isEmpty()) {
            throw new SettingError(problems);
        }
    }

    @Override
    public String toString() {
        return message();
    }
}
