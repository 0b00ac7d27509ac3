package org.twinlab.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.twinlab.train.Setting;
import org.twinlab.util.IoErrors;

/**
 * A guided lesson: a title, the settings it starts from and its steps, read from a JSON file a teacher
 * can edit and share. The format (every field but {@code title} and {@code steps} optional):
 *
 * <pre>{
 *   "title": "Barlow Twins in six steps",
 *   "settings": { "batchSize": 128, "projectorWidth": 128 },       // config.json keys, applied at the start
 *   "steps": [ {
 *       "title": "Drop \u03bb to 0",
 *       "text": "With \u03bb = 0 nothing keeps the features apart...",
 *       "formula": "L = \u03a3\u1d62 (1 \u2212 C\u1d62\u1d62)\u00b2",
 *       "settings": { "objective": "barlow-twins" },                 // put into the form on entering the step
 *       "controls": ["lambda", "pause"],                             // the only controls shown
 *       "panels": ["heatmap", "loss"],                               // the only panels shown (none: all)
 *       "preset": "classroom",                                       // its own run starts from this preset
 *       "action": ["set lambda 0", "train 200 steps"]                // what its button does
 *   } ]
 * }</pre>
 *
 * A file that breaks a rule gets one plain message naming the file and where in it ({@link LessonReader}).
 */
public record Lesson(String title, String origin, Map<Setting<?>, String> settings, List<LessonStep> steps) {
    /** The lesson Twinlab ships. */
    public static final String BUILT_IN = "barlow-twins.json";

    public Lesson {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        steps = List.copyOf(steps);
    }

    /** Reads a lesson file; any problem is one line naming the file. */
    public static Lesson read(Path file) {
        return LessonReader.parse(IoErrors.readText(file, "lesson"), file.toString());
    }

    /** The Barlow Twins lesson that comes with Twinlab. */
    public static Lesson builtIn() {
        try (InputStream in = Lesson.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in lesson " + BUILT_IN + " is missing from the build");
            }
            return LessonReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN);
        } catch (IOException e) {
            throw new IllegalStateException("the built-in lesson cannot be read: " + e.getMessage(), e);
        }
    }
}
