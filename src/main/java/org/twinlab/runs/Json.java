package org.twinlab.runs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.twinlab.train.TrainConfig;

/** config.json and the other JSON files of a run: one Gson set-up for all of them. */
public final class Json {
    /** Numbers that are not finite (a probe that was not run) are written as null: strict JSON has no NaN. */
    private static final TypeAdapter<Double> FINITE = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, Double v) throws IOException {
            if (v == null || v.isNaN() || v.isInfinite()) {
                out.nullValue();
            } else {
                out.value(v);
            }
        }

        @Override
        public Double read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return Double.NaN;
            }
            return in.nextDouble();
        }
    };
    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .registerTypeAdapter(Double.class, FINITE).registerTypeAdapter(double.class, FINITE).create();
    private static final Gson LINE = new GsonBuilder().disableHtmlEscaping().serializeNulls()
            .registerTypeAdapter(Double.class, FINITE).registerTypeAdapter(double.class, FINITE).create();

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
