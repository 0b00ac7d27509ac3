package org.twinlab.lesson;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.twinlab.runs.Json;
import org.twinlab.train.Preset;
import org.twinlab.train.Setting;
import org.twinlab.util.JsonRecords;

/**
 * Reads and checks a lesson file. Every problem is one line that names the file and the place, the way
 * a person would find it: {@code lesson.json: step 3 ("Drop λ to 0"), action "train until foo > 1":
 * "foo" is not a gauge (gauges are ...)}.
 */
final class LessonReader {
    private static final Set<String> LESSON_FIELDS = Set.of("title", "settings", "steps");
    private static final Set<String> STEP_FIELDS = Set.of("title", "text", "formula", "settings", "controls", "panels",
            "action", "preset");

    private LessonReader() {
    }

    static Lesson parse(String text, String origin) {
        JsonObject o = Json.object(text, origin, "lesson");
        try {
            return lesson(o, origin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage());
        }
    }

    private static Lesson lesson(JsonObject o, String origin) {
        known(o, LESSON_FIELDS, "the lesson");
        String title = requiredText(o, "title", "the lesson");
        Map<Setting<?>, String> settings = settings(o.get("settings"), "the lesson's \"settings\"");
        JsonElement s = o.get("steps");
        if (s == null || !s.isJsonArray() || s.getAsJsonArray().isEmpty()) {
            throw new IllegalArgumentException("\"steps\" must be a list of at least one step, not "
                    + JsonRecords.shown(s));
        }
        List<LessonStep> steps = new ArrayList<>();
        JsonArray a = s.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            steps.add(step(a.get(i), i + 1));
        }
        return new Lesson(title, origin, settings, steps);
    }

    private static LessonStep step(JsonElement e, int number) {
        String where = "step " + number;
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException(where + " must be an object with a \"title\" and a \"text\", not "
                    + JsonRecords.shown(e));
        }
        JsonObject o = e.getAsJsonObject();
        if (o.has("title") && o.get("title").isJsonPrimitive()) {
            where += " (\"" + o.get("title").getAsString() + "\")";
        }
        known(o, STEP_FIELDS, where);
        String title = requiredText(o, "title", where);
        String text = requiredText(o, "text", where);
        String formula = o.has("formula") ? text(o.get("formula"), where + ", \"formula\"") : null;
        Map<Setting<?>, String> settings = settings(o.get("settings"), where + ", \"settings\"");
        List<String> controls = names(o.get("controls"), LessonStep.controlNames(), where + ", \"controls\"", "control");
        List<String> panels = names(o.get("panels"), new java.util.LinkedHashSet<>(LessonStep.PANELS),
                where + ", \"panels\"", "panel");
        Preset preset = null;
        if (o.has("preset")) {
            try {
                preset = Preset.parse(text(o.get("preset"), where + ", \"preset\""));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + ", \"preset\": " + ex.getMessage());
            }
        }
        List<LessonAction> actions = new ArrayList<>();
        for (String phrase : phrases(o.get("action"), where + ", \"action\"")) {
            try {
                actions.add(LessonAction.parse(phrase));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + ", action " + ex.getMessage());
            }
        }
        if (preset != null && actions.stream().noneMatch(a -> a instanceof LessonAction.Start || a instanceof LessonAction.Train
                || a instanceof LessonAction.Step)) {
            throw new IllegalArgumentException(where + ": a \"preset\" is for the screen's own run, and its action "
                    + "trains none (give it start, train or step)");
        }
        return new LessonStep(title, text, formula, settings, controls, panels, actions, preset);
    }

    private static void known(JsonObject o, Set<String> fields, String where) {
        for (String k : o.keySet()) {
            if (!fields.contains(k)) {
                throw new IllegalArgumentException(where + ": \"" + k + "\" is not a field here (fields are "
                        + String.join(", ", fields.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String requiredText(JsonObject o, String key, String where) {
        if (!o.has(key)) {
            throw new IllegalArgumentException(where + " has no \"" + key + "\"");
        }
        String t = text(o.get(key), where + ", \"" + key + "\"");
        if (t.isBlank()) {
            throw new IllegalArgumentException(where + ", \"" + key + "\" is empty");
        }
        return t;
    }

    private static String text(JsonElement e, String where) {
        try {
            return JsonRecords.text(e);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where + " " + ex.getMessage());
        }
    }

    /** An object of config.json keys and values, each checked by its setting. */
    private static Map<Setting<?>, String> settings(JsonElement e, String where) {
        Map<Setting<?>, String> out = new LinkedHashMap<>();
        if (e == null) {
            return out;
        }
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException(where + " must be an object of settings, like in config.json, not "
                    + JsonRecords.shown(e));
        }
        for (Map.Entry<String, JsonElement> kv : e.getAsJsonObject().entrySet()) {
            try {
                Setting<?> s = LessonStep.formSetting(kv.getKey());
                out.put(s, value(s, kv.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + ": " + ex.getMessage());
            }
        }
        return out;
    }

    private static <T> String value(Setting<T> s, JsonElement e) {
        T v;
        try {
            v = s.type().fromJson(e);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("\"" + s.key() + "\" " + ex.getMessage());
        }
        var p = s.problem(v);
        if (p != null) {
            throw new IllegalArgumentException(p.inFile());
        }
        return s.format(v);
    }

    private static List<String> names(JsonElement e, Set<String> allowed, String where, String what) {
        List<String> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        for (String n : phrases(e, where)) {
            if (!allowed.contains(n)) {
                throw new IllegalArgumentException(where + ": \"" + n + "\" is not a " + what + " (" + what + "s are "
                        + String.join(", ", allowed) + ")");
            }
            out.add(n);
        }
        return out;
    }

    /** A text or a list of texts. */
    private static List<String> phrases(JsonElement e, String where) {
        List<String> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        if (e.isJsonArray()) {
            for (JsonElement x : e.getAsJsonArray()) {
                out.add(text(x, where));
            }
            return out;
        }
        out.add(text(e, where));
        return out;
    }
}
