package org.twinlab.train;

import com.google.gson.JsonElement;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One row of the settings table ({@link Settings}): its key as in config.json (and in sweep
 * definitions), the label and help a person reads, the command-line flag, its type (parse, format,
 * JSON), its check, whether it may change during a run, and how its default follows other settings.
 * A "virtual" setting is a handle on part of another (the crop scale inside the augmentation): it has a
 * flag and a sweep key but no entry of its own in config.json.
 */
public final class Setting<T> {
    /** Where a setting sits in the window's form and in {@code --help}. */
    public enum Group {
        DATA, MODEL, OBJECTIVE, OPTIMISATION, RUN
    }

    private final String key;
    private final String label;
    private final String flag;
    private final String help;
    private final Group group;
    private final SettingType<T> type;
    private final Function<TrainConfig, T> getter;
    private final BiConsumer<TrainConfig.Builder, T> setter;
    private final Function<T, String> check;
    private final boolean live;
    private final Function<TrainConfig, T> follows;
    private final boolean virtual;

    Setting(String key, String label, String flag, String help, Group group, SettingType<T> type,
            Function<TrainConfig, T> getter, BiConsumer<TrainConfig.Builder, T> setter, Function<T, String> check,
            boolean live, Function<TrainConfig, T> follows, boolean virtual) {
        this.key = key;
        this.label = label;
        this.flag = flag;
        this.help = help;
        this.group = group;
        this.type = type;
        this.getter = getter;
        this.setter = setter;
        this.check = check;
        this.live = live;
        this.follows = follows;
        this.virtual = virtual;
    }

    /** The name in config.json and in sweep definitions, e.g. "batchSize". */
    public String key() {
        return key;
    }

    /** What a person reads, e.g. "batch size"; every message about the setting starts with it. */
    public String label() {
        return label;
    }

    /** The command-line flag, e.g. "--batch"; null where there is none. */
    public String flag() {
        return flag;
    }

    public String help() {
        return help;
    }

    public Group group() {
        return group;
    }

    public SettingType<T> type() {
        return type;
    }

    /** Whether it may change while a run goes (it then acts at the next step). */
    public boolean live() {
        return live;
    }

    /** Whether it has its own entry in config.json. */
    public boolean inFile() {
        return !virtual;
    }

    public T get(TrainConfig c) {
        return getter.apply(c);
    }

    /** Sets the value as is (no check, no following defaults). */
    public void set(TrainConfig.Builder b, T value) {
        setter.accept(b, value);
    }

    /** Parses what a person typed; a value it cannot use is a {@link SettingError} naming this setting. */
    public T parse(String text) {
        try {
            return type.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SettingError(new SettingProblem(key, label, e.getMessage()));
        }
    }

    public String format(T value) {
        return type.format(value);
    }

    public String formatOf(TrainConfig c) {
        return format(get(c));
    }

    public JsonElement toJson(TrainConfig c) {
        return type.toJson(get(c));
    }

    /** What is wrong with this value, or null when it is fine. */
    public SettingProblem problem(T value) {
        String reason = check == null ? null : check.apply(value);
        return reason == null ? null : new SettingProblem(key, label, reason);
    }

    SettingProblem problemOf(TrainConfig c) {
        return problem(get(c));
    }

    /** The default that follows other settings (LARS's rate follows the batch), or null when it has none. */
    T followed(TrainConfig c) {
        return follows == null ? null : follows.apply(c);
    }

    boolean hasFollowingDefault() {
        return follows != null;
    }

    @Override
    public String toString() {
        return key;
    }
}
