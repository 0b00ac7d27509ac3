package org.twinlab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a person says about a run, kept apart from its settings: a name for the list, tags, a note.
 * Empty fields mean "none given"; the list then shows {@link RunFolder#displayName}.
 */
public record RunMeta(String name, List<String> tags, String note) {
    public static final RunMeta NONE = new RunMeta("", List.of(), "");

    public RunMeta {
        name = name == null ? "" : name.strip();
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        note = note == null ? "" : note;
    }

    static RunMeta read(Path file) {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            RunMeta m = Json.GSON.fromJson(Files.readString(file), RunMeta.class);
            return m == null ? NONE : new RunMeta(m.name, m.tags, m.note);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": damaged (not the name, tags and note of a run)");
        }
    }
}
