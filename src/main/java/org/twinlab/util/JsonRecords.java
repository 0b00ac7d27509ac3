package org.twinlab.util;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads JSON values and records of numbers, flags, text and choices with messages a person can act on:
 * which key, what it holds, what it should hold ("viewA.flipP must be a number, not \"often\""), never a
 * parser's own wording. Writes records back as plain objects.
 */
public final class JsonRecords {
    private JsonRecords() {
    }

    public static double number(JsonElement e) {
        if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return e.getAsDouble();
        }
        throw new IllegalArgumentException("must be a number, not " + shown(e));
    }

    public static long wholeNumber(JsonElement e, long min, long max) {
        double v = number(e);
        if (v != Math.rint(v) || v < min || v > max) {
            throw new IllegalArgumentException("must be a whole number, not " + shown(e));
        }
        return e.getAsLong();
    }

    public static boolean bool(JsonElement e) {
        if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
            return e.getAsBoolean();
        }
        throw new IllegalArgumentException("must be true or false, not " + shown(e));
    }

    public static String text(JsonElement e) {
        if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return e.getAsString();
        }
        throw new IllegalArgumentException("must be text in quotes, not " + shown(e));
    }

    /** How a value looked in the file, for a message: short, JSON-spelled. */
    public static String shown(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        String s = e.toString();
        return s.length() > 40 ? s.substring(0, 37) + "...\"" : s;
    }

    /** A record of numbers, flags, text, choices and nested records, read with every key required. */
    public static <R extends Record> R read(Class<R> type, JsonElement json, String path) {
        if (json == null || !json.isJsonObject()) {
            throw new IllegalArgumentException(where(path) + "must be an object with "
                    + String.join(", ", names(type)) + ", not " + shown(json));
        }
        JsonObject o = json.getAsJsonObject();
        RecordComponent[] parts = type.getRecordComponents();
        Set<String> known = Set.copyOf(names(type));
        for (String k : o.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException(where(path + k) + "is not a setting here (expected "
                        + String.join(", ", names(type)) + ")");
            }
        }
        Object[] args = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String key = parts[i].getName();
            Class<?> t = parts[i].getType();
            types[i] = t;
            if (!o.has(key)) {
                throw new IllegalArgumentException(where(path + key) + "is missing");
            }
            try {
                args[i] = value(t, o.get(key), path + key + ".");
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                throw new IllegalArgumentException(m.startsWith(path + key) ? m : where(path + key) + m);
            }
        }
        try {
            Constructor<R> c = type.getDeclaredConstructor(types);
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(where(path) + cause.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Class<?> t, JsonElement e, String path) {
        if (t == double.class) {
            return number(e);
        }
        if (t == int.class) {
            return (int) wholeNumber(e, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (t == long.class) {
            return wholeNumber(e, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (t == boolean.class) {
            return bool(e);
        }
        if (t == String.class) {
            return text(e);
        }
        if (t.isEnum() && Choice.class.isAssignableFrom(t)) {
            return Choice.parse((Class) t, text(e), path.substring(0, Math.max(0, path.length() - 1)));
        }
        if (t.isRecord()) {
            return read((Class<Record>) t, e, path);
        }
        throw new IllegalStateException("no JSON reading for " + t);
    }

    private static String where(String path) {
        String p = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
        return p.isEmpty() ? "" : p + " ";
    }

    private static List<String> names(Class<? extends Record> type) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            out.add(c.getName());
        }
        return out;
    }

    /** A record as a JSON object, key per component in declaration order. */
    public static JsonElement toJson(Record r) {
        JsonObject o = new JsonObject();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            o.add(c.getName(), element(v));
        }
        return o;
    }

    private static JsonElement element(Object v) {
        if (v == null) {
            return com.google.gson.JsonNull.INSTANCE;
        }
        if (v instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (v instanceof Choice c) {
            return new JsonPrimitive(c.key());
        }
        if (v instanceof Record rec) {
            return toJson(rec);
        }
        return new JsonPrimitive(v.toString());
    }
}
