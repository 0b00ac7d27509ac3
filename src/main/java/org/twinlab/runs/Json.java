package org.twinlab.runs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.io.StringReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.MalformedJsonException;
import org.twinlab.train.SettingProblem;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;
import org.twinlab.util.IoErrors;
import org.twinlab.util.JsonRecords;

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
        AtomicFiles.writeString(file, configText(config));
    }

    /** config.json's text: every setting of the table, in its order. */
    public static String configText(TrainConfig config) {
        return GSON.toJson(Settings.toJson(config)) + "\n";
    }

    /** Reads and validates a settings file; any problem becomes one plain line naming the file. */
    public static TrainConfig readConfig(Path file) {
        return parseConfig(IoErrors.readText(file, "settings"), file.toString());
    }

    /** A configuration from settings text; {@code origin} names it in messages. */
    public static TrainConfig parseConfig(String text, String origin) {
        JsonObject o = object(text, origin, "settings");
        TrainConfig c;
        try {
            c = Settings.fromJson(o);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage());
        }
        List<SettingProblem> problems = c.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(origin + ": " + problems.stream().map(SettingProblem::inFile)
                    .collect(Collectors.joining("; ")));
        }
        return c;
    }

    /**
     * The one JSON object a file of Twinlab's holds. A syntax error is reported as where it is (line and
     * column), in plain words, without the parser's own wording.
     */
    public static JsonObject object(String text, String origin, String what) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(origin + ": is empty (a " + what + " file is one JSON object)");
        }
        JsonElement e;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            e = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedJsonException("more after the object " + reader); // "... at line L column C"
            }
        } catch (JsonParseException | IOException | IllegalStateException ex) {
            throw new IllegalArgumentException(origin + ": not a " + what + " file: " + whereBroken(ex.getMessage())
                    + (what.equals("settings") ? " (a settings file is one JSON object, like a run's config.json)" : ""));
        }
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException(origin + ": not a " + what + " file: it holds "
                    + JsonRecords.shown(e) + ", not one JSON object");
        }
        return e.getAsJsonObject();
    }

    private static final Pattern LINE_COLUMN = Pattern.compile("line (\\d+) column (\\d+)");

    /** "the JSON breaks at line 3, column 14", from whatever the parser said. */
    static String whereBroken(String parserMessage) {
        Matcher m = LINE_COLUMN.matcher(parserMessage == null ? "" : parserMessage);
        if (m.find()) {
            return "the JSON breaks at line " + m.group(1) + ", column " + m.group(2);
        }
        return "the JSON ends too early or is not JSON";
    }
}
