package org.twinlab.lesson;

import java.util.Locale;
import org.twinlab.train.Setting;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainingEvent;

/**
 * What a lesson step does when the teacher presses its button, written in the lesson file as a short
 * phrase: {@code views}, {@code start}, {@code train}, {@code train 200 steps}, {@code train until
 * meanDiagonal > 0.9}, {@code step 1}, {@code pause}, {@code stop}, {@code set lambda 0}, {@code race objective
 * invariance-only}.
 */
public sealed interface LessonAction {
    /** The phrases, for the message that answers one that is none of them. */
    String FORMS = "views, start, train, train N steps, train until GAUGE > VALUE (or <, >=, <=), step N, pause, stop, "
            + "set SETTING VALUE, race SETTING VALUE [SETTING VALUE ...]";

    /** What the step's button says, e.g. "Train until the mean diagonal of C > 0.9". */
    String describe();

    /** New random pairs of views in the augmentation preview. */
    record Views() implements LessonAction {
        @Override
        public String describe() {
            return "Draw two views";
        }
    }

    /** A new run from the form's settings (a run that goes is stopped first). */
    record Start() implements LessonAction {
        @Override
        public String describe() {
            return "Start a new run";
        }
    }

    /**
     * Train on: resume the paused run, or start one if none goes; {@code steps > 0} pauses after that many
     * more steps, {@code until} (when not null) pauses once it holds.
     */
    record Train(int steps, Until until) implements LessonAction {
        @Override
        public String describe() {
            if (until != null) {
                return "Train until " + until.describe();
            }
            return steps > 0 ? "Train " + steps + " steps" : "Train";
        }
    }

    /** Exactly {@code count} steps, then paused (a run is started paused if none goes). */
    record Step(int count) implements LessonAction {
        @Override
        public String describe() {
            return count == 1 ? "Take one step" : "Take " + count + " steps";
        }
    }

    record Pause() implements LessonAction {
        @Override
        public String describe() {
            return "Pause";
        }
    }

    record Stop() implements LessonAction {
        @Override
        public String describe() {
            return "Stop";
        }
    }

    /** A setting of the form changed (a live one, lambda or the learning rate, acts on the run that goes). */
    record Set(Setting<?> setting, String text) implements LessonAction {
        @Override
        public String describe() {
            String name = setting == Settings.LAMBDA ? "\u03bb" : setting.label();
            return "Set " + name + " to " + text;
        }
    }

    /**
     * A race: the form's run and a second one that differs in {@code changes} (a setting of the form, or
     * augmentRecipe), trained at once side by side; what trains is stopped first.
     */
    record Race(java.util.Map<Setting<?>, String> changes) implements LessonAction {
        public Race {
            changes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
        }

        @Override
        public String describe() {
            java.util.List<String> parts = new java.util.ArrayList<>();
            changes.forEach((s, v) -> parts.add((s == Settings.LAMBDA ? "\u03bb" : s.label()) + " " + v));
            return "Race against " + String.join(", ", parts);
        }
    }

    /** A condition on a gauge, checked against each event of the run. */
    record Until(Gauge gauge, String op, double value) {
        public boolean reached(TrainingEvent e) {
            double v = gauge.value(e);
            if (Double.isNaN(v)) {
                return false;
            }
            return switch (op) {
                case ">" -> v > value;
                case ">=" -> v >= value;
                case "<" -> v < value;
                default -> v <= value;
            };
        }

        public String describe() {
            return gauge.words() + " " + op + " " + java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** Reads one phrase; the message says what is wrong with it and lists the phrases. */
    static LessonAction parse(String text) {
        String t = text == null ? "" : text.strip();
        String[] w = t.isEmpty() ? new String[0] : t.split("\\s+");
        String verb = w.length == 0 ? "" : w[0].toLowerCase(Locale.ROOT);
        try {
            switch (verb) {
                case "views" -> {
                    words(w, 1);
                    return new Views();
                }
                case "start" -> {
                    words(w, 1);
                    return new Start();
                }
                case "pause" -> {
                    words(w, 1);
                    return new Pause();
                }
                case "stop" -> {
                    words(w, 1);
                    return new Stop();
                }
                case "step" -> {
                    if (w.length == 1) {
                        return new Step(1);
                    }
                    words(w, 2);
                    return new Step(count(w[1]));
                }
                case "train" -> {
                    if (w.length == 1) {
                        return new Train(0, null);
                    }
                    if (w[1].equalsIgnoreCase("until")) {
                        words(w, 5);
                        if (!w[3].matches(">=|<=|>|<")) {
                            throw new IllegalArgumentException("\"" + w[3] + "\" is not a comparison (>, >=, <, <=)");
                        }
                        return new Train(0, new Until(Gauge.parse(w[2]), w[3], number(w[4])));
                    }
                    words(w, 3);
                    if (!w[2].equalsIgnoreCase("steps") && !w[2].equalsIgnoreCase("step")) {
                        throw new IllegalArgumentException("say \"train N steps\"");
                    }
                    return new Train(count(w[1]), null);
                }
                case "set" -> {
                    words(w, 3);
                    Setting<?> s = LessonStep.formSetting(w[1]);
                    return new Set(s, checked(s, w[2]));
                }
                case "race" -> {
                    if (w.length < 3 || w.length % 2 == 0) {
                        throw new IllegalArgumentException("say \"race SETTING VALUE\" (more pairs may follow)");
                    }
                    java.util.Map<Setting<?>, String> changes = new java.util.LinkedHashMap<>();
                    for (int i = 1; i < w.length; i += 2) {
                        Setting<?> s = w[i].equals(Settings.AUGMENT_RECIPE.key()) ? Settings.AUGMENT_RECIPE
                                : LessonStep.formSetting(w[i]);
                        changes.put(s, checked(s, w[i + 1]));
                    }
                    return new Race(changes);
                }
                default -> throw new IllegalArgumentException("it is none of: " + FORMS);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + t + "\": " + e.getMessage());
        }
    }

    private static void words(String[] w, int n) {
        if (w.length != n) {
            throw new IllegalArgumentException("expected " + n + " words, like: " + FORMS);
        }
    }

    private static int count(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // the message below says what is wanted
        }
        throw new IllegalArgumentException("\"" + s + "\" is not a number of steps (1 or more)");
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + s + "\" is not a number");
        }
    }

    /** The text as the form would show it, after the setting's own parse and check. */
    static <T> String checked(Setting<T> s, String text) {
        T v = s.parse(text);
        var p = s.problem(v);
        if (p != null) {
            throw new IllegalArgumentException(p.message());
        }
        return s.format(v);
    }
}
