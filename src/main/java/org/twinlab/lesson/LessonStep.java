package org.twinlab.lesson;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.twinlab.train.Preset;
import org.twinlab.train.Setting;
import org.twinlab.train.SettingType;
import org.twinlab.train.Settings;

/**
 * One screen of a lesson: a short text (and the loss written out where it helps), the settings it puts
 * into the form, the controls and panels the window shows while it is on screen (no others), and the
 * actions its button runs, in order.
 *
 * @param settings setting to its text as the form shows it (already parsed and checked)
 * @param controls setting keys of the form (e.g. "lambda") and the names in {@link #BUTTONS}
 * @param panels   names from {@link #PANELS}; empty: the usual four (all but the views)
 * @param actions  empty: the step has no button
 * @param preset   null, or a preset whose whole configuration (the views and every structure setting included)
 *                 the screen's own run starts from: such a screen begins a run of its own, and the screens that
 *                 continue that run keep it; the lesson's and the screen's settings apply on top of it
 */
public record LessonStep(String title, String text, String formula, Map<Setting<?>, String> settings,
                         List<String> controls, List<String> panels, List<LessonAction> actions, Preset preset) {
    /** The window's panels a step may show. */
    public static final List<String> PANELS = List.of("views", "heatmap", "loss", "probe", "embeddings");
    /**
     * Controls that are not settings: the toolbar's run buttons, the preview of the two views (with its
     * "New samples" button) and the two augmentation editors.
     */
    public static final List<String> BUTTONS = List.of("start", "pause", "step", "stop", "views", "augmentation");

    public LessonStep {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        controls = List.copyOf(controls);
        panels = List.copyOf(panels);
        actions = List.copyOf(actions);
    }

    /** A screen without a preset. */
    public LessonStep(String title, String text, String formula, Map<Setting<?>, String> settings,
                      List<String> controls, List<String> panels, List<LessonAction> actions) {
        this(title, text, formula, settings, controls, panels, actions, null);
    }

    /** Whether the window shows this panel during the step: a step that names none shows the usual four. */
    public boolean shows(String panel) {
        return panels.isEmpty() ? !panel.equals("views") : panels.contains(panel);
    }

    /** The settings that are controls in this step (the order the file gives). */
    public List<Setting<?>> settingControls() {
        return controls.stream().map(Settings::byKey).filter(s -> s != null).toList();
    }

    /** A setting a lesson may set or show: one the window's form has (the views have their own controls). */
    static Setting<?> formSetting(String key) {
        Setting<?> s = Settings.byKey(key);
        if (s == null || !s.inFile() || s.type().kind() == SettingType.Kind.STRUCTURE) {
            throw new IllegalArgumentException("\"" + key + "\" is not a setting of the form (settings are "
                    + String.join(", ", formKeys()) + ")");
        }
        return s;
    }

    static List<String> formKeys() {
        return Settings.all().stream().filter(s -> s.inFile() && s.type().kind() != SettingType.Kind.STRUCTURE)
                .map(Setting::key).toList();
    }

    static Set<String> controlNames() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(BUTTONS);
        out.addAll(formKeys());
        return out;
    }
}
