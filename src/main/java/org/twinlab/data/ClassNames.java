package org.twinlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Class names from a text file beside the data, or numbered when there is none. */
final class ClassNames {
    private ClassNames() {
    }

    static List<String> numbered(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    /** The names in {@code file}, one per non-blank line, or null if it does not exist. */
    static List<String> fromFile(Path file, int atLeast) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            List<String> names = IdxReader.split(Files.readString(file));
            if (names.size() < atLeast) {
                throw new DatasetException(file, "names " + names.size() + " classes but the labels use " + atLeast);
            }
            return names;
        } catch (IOException e) {
            throw new DatasetException(file, "cannot be read: " + e.getMessage(), e);
        }
    }
}
