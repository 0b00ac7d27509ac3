package org.twinlab.runs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.twinlab.train.TrainConfig;

/** config.json and the other JSON files of a run: one Gson set-up for all of them. */
public final class Json {
    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();
    private static final Gson LINE = new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();

    private Json() {
    }

    public static String toJson(Object o) {
        return GSON.toJson(o);
    }

    /** One line, for the command line's --json. */
    public static String toLine(Object o) {
        return LINE.toJson(o);
    }

    public static void writeConfig(Path file, TrainConfig config) throws IOException {
        AtomicFiles.writeString(file, toJson(config) + "\n");
    }

    /** Reads and validates a config.json; any problem becomes a message naming the file. */
    public static TrainConfig readConfig(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such settings file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        TrainConfig c;
        try {
            c = GSON.fromJson(text, TrainConfig.class);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new IllegalArgumentException(file + ": not valid Twinlab settings JSON (" + e.getMessage() + ")");
        }
        if (c == null) {
            throw new IllegalArgumentException(file + ": is empty");
        }
        var problems = c.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + String.join("; ", problems));
        }
        return c;
    }
}
