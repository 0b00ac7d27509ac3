package org.twinlab.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.twinlab.augment.AugmentConfig;
import org.twinlab.augment.AugmentRecipe;
import org.twinlab.augment.ViewConfig;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.model.Encoder;
import org.twinlab.model.ObjectiveKind;
import org.twinlab.model.Projector;
import org.twinlab.train.Setting.Group;

/**
 * The one table of settings. config.json, the {@code train} and {@code sweep} flags, the window's form,
 * sweep keys and validation all come from it, so adding a setting means adding one entry here (and its
 * field in {@link TrainConfig}). Entries are in the order they are applied: a setting whose default
 * follows others (the learning rate follows the optimizer and the batch) comes after them.
 */
public final class Settings {
    private static final List<Setting<?>> ALL = new ArrayList<>();
    private static final Map<String, Setting<?>> BY_KEY = new LinkedHashMap<>();

    public static final Setting<String> NAME = add("name", "run name", "--name",
            "a name for the run, part of its folder name (empty: made from the dataset, objective and lambda)",
            Group.RUN, SettingType.TEXT, TrainConfig::name, (b, v) -> b.name = v, v -> null);
    public static final Setting<String> DATASET = add("dataset", "dataset", "--dataset",
            "a built-in name (" + String.join(", ", DatasetCatalog.names()) + ") or a folder", Group.DATA,
            SettingType.TEXT, TrainConfig::dataset, (b, v) -> b.dataset = v,
            v -> v == null || v.isBlank() ? "none given" : null);
    public static final Setting<AugmentConfig> AUGMENT = add("augment", "augmentation", null,
            "both view pipelines in full; null: the official recipe for the dataset's image size", Group.DATA,
            SettingType.AUGMENT, TrainConfig::augment, (b, v) -> b.augment = v,
            v -> v == null || v.problems().isEmpty() ? null : String.join("; ", v.problems()));
    public static final Setting<AugmentRecipe> AUGMENT_RECIPE = virtual("augmentRecipe", "augmentation recipe",
            "--augment", "official (the paper's two views, adapted to small images) or crop-flip", Group.DATA,
            SettingType.choice(AugmentRecipe.class), c -> c.augment() == null ? AugmentRecipe.OFFICIAL : null,
            (b, v) -> b.augment = v == AugmentRecipe.OFFICIAL ? null : v.config(DatasetCatalog.open(b.dataset).shape()));
    public static final Setting<Double> CROP_SCALE_MIN = virtual("cropScaleMin", "crop scale minimum", "--crop-min",
            "smallest area fraction a random crop keeps, both views (default: the recipe's, 0.2 for small images)",
            Group.DATA, SettingType.NUMBER, c -> c.augment() == null ? Double.NaN : c.augment().viewA().crop().scaleMin(),
            Settings::setCropScaleMin);
    public static final Setting<Encoder> ENCODER = add("encoder", "encoder", "--encoder",
            "the encoder f: " + org.twinlab.util.Choice.keys(Encoder.class), Group.MODEL,
            SettingType.choice(Encoder.class), TrainConfig::encoder, (b, v) -> b.encoder = v, Objects::isNull, "none given");
    public static final Setting<String> INIT_ENCODER = add("initEncoder", "initial encoder", "--init-encoder",
            "start the encoder from an exported encoder folder (twinlab export) instead of random weights; empty: random",
            Group.MODEL, SettingType.TEXT, TrainConfig::initEncoder, (b, v) -> b.initEncoder = v == null ? "" : v, v -> null);
    public static final Setting<Integer> PROJECTOR_WIDTH = add("projectorWidth", "projector width", "--width",
            "features D of the projector's layers (" + Projector.MIN_WIDTH + "-" + Projector.MAX_WIDTH + ")", Group.MODEL,
            SettingType.INTEGER, TrainConfig::projectorWidth, (b, v) -> b.projectorWidth = v,
            v -> v < Projector.MIN_WIDTH || v > Projector.MAX_WIDTH
                    ? "must be " + Projector.MIN_WIDTH + "-" + Projector.MAX_WIDTH + ", not " + v : null);
    public static final Setting<Integer> PROJECTOR_DEPTH = add("projectorDepth", "projector depth", "--depth",
            "Linear layers in the projector, 1-3", Group.MODEL, SettingType.INTEGER, TrainConfig::projectorDepth,
            (b, v) -> b.projectorDepth = v, v -> v < 1 || v > 3 ? "must be 1-3, not " + v : null);
    public static final Setting<Boolean> PROJECTOR_BN = add("projectorBatchNorm", "projector BatchNorm",
            "--projector-bn", "BatchNorm between the projector's layers (--no-projector-bn: the ablation)", Group.MODEL,
            SettingType.BOOLEAN, TrainConfig::projectorBatchNorm, (b, v) -> b.projectorBatchNorm = v, v -> null);
    public static final Setting<ObjectiveKind> OBJECTIVE = add("objective", "objective", "--objective",
            "what the twins minimise: " + org.twinlab.util.Choice.keys(ObjectiveKind.class), Group.OBJECTIVE,
            SettingType.choice(ObjectiveKind.class), TrainConfig::objective, (b, v) -> b.objective = v,
            Objects::isNull, "none given");
    public static final Setting<Double> LAMBDA = add("lambda", "lambda", "--lambda",
            "weight of the redundancy-reduction term (can change during a run)", Group.OBJECTIVE, SettingType.NUMBER,
            TrainConfig::lambda, (b, v) -> b.lambda = v, v -> v >= 0 ? null : "must be a number >= 0, not " + v, true);
    public static final Setting<Double> TEMPERATURE = add("temperature", "temperature", "--temperature",
            "tau of InfoNCE and of the cross-entropy ablation", Group.OBJECTIVE, SettingType.NUMBER,
            TrainConfig::temperature, (b, v) -> b.temperature = v, v -> v > 0 ? null : "must be a positive number, not " + v);
    public static final Setting<Integer> BATCH_SIZE = add("batchSize", "batch size", "--batch",
            "images per step (2-8192)", Group.OPTIMISATION, SettingType.INTEGER, TrainConfig::batchSize,
            (b, v) -> b.batchSize = v, v -> v < 2 ? "must be at least 2 (the loss normalises over the batch), not " + v
                    : v > 8192 ? "at most 8192, not " + v : null);
    public static final Setting<OptimizerKind> OPTIMIZER = add("optimizer", "optimizer", "--optimizer",
            org.twinlab.util.Choice.keys(OptimizerKind.class), Group.OPTIMISATION, SettingType.choice(OptimizerKind.class),
            TrainConfig::optimizer, (b, v) -> b.optimizer = v, Objects::isNull, "none given");
    public static final Setting<Double> LEARNING_RATE = new Builder<>("learningRate", "learning rate", "--lr",
            "base learning rate (default follows the optimizer: 1e-2 for Adam, 0.05 for SGD, 0.2 x batch/256 for LARS; "
                    + "can change during a run)", Group.OPTIMISATION, SettingType.NUMBER, TrainConfig::learningRate,
            (b, v) -> b.learningRate = v).check(v -> v > 0 ? null : "must be a positive number, not " + v).live()
            .follows(c -> c.optimizer() == null ? null : c.optimizer().defaultLearningRate(c.batchSize())).register();
    public static final Setting<Double> WEIGHT_DECAY = add("weightDecay", "weight decay", "--weight-decay",
            "L2 weight decay", Group.OPTIMISATION, SettingType.NUMBER, TrainConfig::weightDecay, (b, v) -> b.weightDecay = v,
            v -> v >= 0 ? null : "must be a number >= 0, not " + v);
    public static final Setting<Schedule> SCHEDULE = add("schedule", "schedule", "--schedule",
            "after the warm-up: constant, or cosine to 1/1000", Group.OPTIMISATION, SettingType.choice(Schedule.class),
            TrainConfig::schedule, (b, v) -> b.schedule = v, Objects::isNull, "none given");
    public static final Setting<Double> WARMUP_EPOCHS = add("warmupEpochs", "warm-up epochs", "--warmup-epochs",
            "linear warm-up of the learning rate", Group.OPTIMISATION, SettingType.NUMBER, TrainConfig::warmupEpochs,
            (b, v) -> b.warmupEpochs = v, v -> v >= 0 ? null : "must be >= 0, not " + v);
    public static final Setting<Double> EPOCHS = add("epochs", "epochs", "--epochs",
            "passes over the training split (setting it clears steps)", Group.OPTIMISATION, SettingType.NUMBER,
            TrainConfig::epochs, (b, v) -> {
                b.epochs = v;
                b.steps = 0;
            }, v -> v >= 0 ? null : "must be positive (or give a number of steps), not " + v);
    public static final Setting<Integer> STEPS = add("steps", "steps", "--steps",
            "steps to train, overriding epochs (0: epochs x steps per epoch)", Group.OPTIMISATION, SettingType.INTEGER,
            TrainConfig::steps, (b, v) -> b.steps = v, v -> v >= 0 ? null : "must be >= 0, not " + v);
    public static final Setting<Long> SEED = add("seed", "seed", "--seed",
            "random seed: initial weights, data order and augmentations", Group.RUN, SettingType.LONG,
            TrainConfig::seed, (b, v) -> b.seed = v, v -> null);
    public static final Setting<Double> PROBE_EVERY = add("probeEvery", "probe interval", "--probe-every",
            "linear probe and kNN every N epochs (fractions allowed; 0: only at the end)", Group.RUN, SettingType.NUMBER,
            TrainConfig::probeEvery, (b, v) -> b.probeEvery = v,
            v -> v >= 0 ? null : "must be >= 0 epochs (0 probes only at the end), not " + v);
    public static final Setting<Integer> SNAPSHOT_EVERY = add("snapshotEvery", "snapshot interval", "--snapshot-every",
            "steps between pictures of C (and the collapse gauges)", Group.RUN, SettingType.INTEGER,
            TrainConfig::snapshotEvery, (b, v) -> b.snapshotEvery = v,
            v -> v >= 1 ? null : "must be at least 1 step, not " + v);
    public static final Setting<Integer> SNAPSHOT_PAIRS = add("snapshotPairs", "held-out pairs for C", "--snapshot-pairs",
            "C shown (and its gauges in diagnostics.csv) computed on this many fixed pairs of test images, their two views "
                    + "drawn once (" + HeldOutPairs.MIN + "-" + HeldOutPairs.MAX + "; 0: C of each snapshot's own batch)",
            Group.RUN, SettingType.INTEGER, TrainConfig::snapshotPairs, (b, v) -> b.snapshotPairs = v,
            v -> v == 0 || (v >= HeldOutPairs.MIN && v <= HeldOutPairs.MAX) ? null
                    : "must be 0 (the batch's C) or " + HeldOutPairs.MIN + "-" + HeldOutPairs.MAX + ", not " + v);
    public static final Setting<Integer> CHECKPOINT_EVERY = add("checkpointEvery", "checkpoint interval",
            "--checkpoint-every", "steps between checkpoints (0: at the end of every epoch)", Group.RUN,
            SettingType.INTEGER, TrainConfig::checkpointEvery, (b, v) -> b.checkpointEvery = v,
            v -> v >= 0 ? null : "must be >= 0 steps, not " + v);
    public static final Setting<DevicePreference> DEVICE = add("device", "device", "--device",
            "auto (the GPU when there is one), cpu or gpu", Group.RUN, SettingType.choice(DevicePreference.class),
            TrainConfig::device, (b, v) -> b.device = v, Objects::isNull, "none given");

    private Settings() {
    }

    /** Every setting, in the order they apply. */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The setting with this config.json key, or null. */
    public static Setting<?> byKey(String key) {
        return BY_KEY.get(key);
    }

    /** The setting with this key; the message lists the keys when there is none. */
    public static Setting<?> require(String key) {
        Setting<?> s = byKey(key);
        if (s == null) {
            throw new IllegalArgumentException("'" + key + "' is not a setting; settings are "
                    + String.join(", ", BY_KEY.keySet()));
        }
        return s;
    }

    public static List<Setting<?>> inGroup(Group g) {
        return ALL.stream().filter(s -> s.group() == g).toList();
    }

    /** Each setting's own check, in table order (the record adds the checks that involve two settings). */
    static List<SettingProblem> problems(TrainConfig c) {
        List<SettingProblem> out = new ArrayList<>();
        for (Setting<?> s : ALL) {
            if (s.inFile()) {
                SettingProblem p = s.problemOf(c);
                if (p != null) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * {@code base} with the typed values applied in table order. A setting whose default follows others
     * and that still holds its default (it was not chosen) follows them: choosing LARS brings LARS's rate
     * unless a rate was typed. Parse errors name the setting.
     */
    public static TrainConfig apply(TrainConfig base, Map<Setting<?>, String> typed) {
        TrainConfig c = base;
        for (Setting<?> s : ALL) {
            if (typed.containsKey(s)) {
                c = change(c, s, typed.get(s), typed.keySet());
            }
        }
        return c;
    }

    private static <T> TrainConfig change(TrainConfig c, Setting<T> s, String text, java.util.Set<Setting<?>> chosen) {
        return with(c, s, s.parse(text), chosen);
    }

    /** {@code c} with one setting changed and the defaults that follow it updated (see {@link #apply}). */
    public static <T> TrainConfig with(TrainConfig c, Setting<T> s, T value, java.util.Set<Setting<?>> chosen) {
        TrainConfig.Builder b = c.toBuilder();
        s.set(b, value);
        TrainConfig next = b.build();
        for (Setting<?> f : ALL) {
            if (f != s && f.hasFollowingDefault() && !chosen.contains(f)) {
                next = follow(c, next, f);
            }
        }
        return next;
    }

    private static <T> TrainConfig follow(TrainConfig before, TrainConfig after, Setting<T> f) {
        T was = f.followed(before);
        T now = f.followed(after);
        if (was != null && now != null && was.equals(f.get(before)) && !now.equals(was)) {
            TrainConfig.Builder b = after.toBuilder();
            f.set(b, now);
            return b.build();
        }
        return after;
    }

    /** config.json's object: every setting that has an entry of its own, in table order. */
    public static com.google.gson.JsonObject toJson(TrainConfig c) {
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        for (Setting<?> s : ALL) {
            if (s.inFile()) {
                o.add(s.key(), s.toJson(c));
            }
        }
        return o;
    }

    /**
     * A configuration from config.json's object. Keys it lacks keep their defaults (files of older
     * versions); a key that is no setting, or a value of the wrong type, is an error naming the key and
     * the value. Values are not checked here: {@link TrainConfig#problems()} does that.
     */
    public static TrainConfig fromJson(com.google.gson.JsonObject o) {
        for (String k : o.keySet()) {
            Setting<?> s = BY_KEY.get(k);
            if (s == null || !s.inFile()) {
                throw new IllegalArgumentException("\"" + k + "\" is not a setting (settings are "
                        + String.join(", ", ALL.stream().filter(Setting::inFile).map(Setting::key).toList()) + ")");
            }
        }
        TrainConfig.Builder b = TrainConfig.defaults().toBuilder();
        for (Setting<?> s : ALL) {
            if (s.inFile() && o.has(s.key())) {
                read(b, s, o.get(s.key()));
            }
        }
        return b.build();
    }

    private static <T> void read(TrainConfig.Builder b, Setting<T> s, com.google.gson.JsonElement e) {
        T value;
        try {
            value = s.type().fromJson(e);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("\"" + s.key() + "\" (" + s.label() + ") " + ex.getMessage());
        }
        if (value == null && s.type().kind() != SettingType.Kind.STRUCTURE && s.type().kind() != SettingType.Kind.TEXT) {
            throw new IllegalArgumentException("\"" + s.key() + "\" (" + s.label() + ") has no value");
        }
        s.set(b, value);
    }

    private static void setCropScaleMin(TrainConfig.Builder b, Double v) {
        AugmentConfig a = b.augment != null ? b.augment : AugmentConfig.official(DatasetCatalog.open(b.dataset).shape());
        b.augment = new AugmentConfig(withMin(a.viewA(), v), withMin(a.viewB(), v));
    }

    private static ViewConfig withMin(ViewConfig v, double min) {
        ViewConfig.Crop c = v.crop();
        return v.withCrop(new ViewConfig.Crop(min, c.scaleMax(), c.ratioMin(), c.ratioMax()));
    }

    // the table's builders

    private static <T> Setting<T> add(String key, String label, String flag, String help, Group group,
                                      SettingType<T> type, Function<TrainConfig, T> get,
                                      BiConsumer<TrainConfig.Builder, T> set, Function<T, String> check) {
        return new Builder<>(key, label, flag, help, group, type, get, set).check(check).register();
    }

    private static <T> Setting<T> add(String key, String label, String flag, String help, Group group,
                                      SettingType<T> type, Function<TrainConfig, T> get,
                                      BiConsumer<TrainConfig.Builder, T> set, Function<T, String> check, boolean live) {
        Builder<T> b = new Builder<>(key, label, flag, help, group, type, get, set).check(check);
        return (live ? b.live() : b).register();
    }

    private static <T> Setting<T> add(String key, String label, String flag, String help, Group group,
                                      SettingType<T> type, Function<TrainConfig, T> get,
                                      BiConsumer<TrainConfig.Builder, T> set, java.util.function.Predicate<T> bad,
                                      String reason) {
        return add(key, label, flag, help, group, type, get, set, v -> bad.test(v) ? reason : null);
    }

    private static <T> Setting<T> virtual(String key, String label, String flag, String help, Group group,
                                          SettingType<T> type, Function<TrainConfig, T> get,
                                          BiConsumer<TrainConfig.Builder, T> set) {
        Builder<T> b = new Builder<>(key, label, flag, help, group, type, get, set);
        b.virtual = true;
        if (type == SettingType.NUMBER) {
            b.check(v -> (Double) v > 0 && (Double) v <= 1 ? null : "must be in (0, 1], not " + v);
        }
        return b.register();
    }

    private static final class Builder<T> {
        final String key;
        final String label;
        final String flag;
        final String help;
        final Group group;
        final SettingType<T> type;
        final Function<TrainConfig, T> get;
        final BiConsumer<TrainConfig.Builder, T> set;
        Function<T, String> check;
        boolean live;
        Function<TrainConfig, T> follows;
        boolean virtual;

        Builder(String key, String label, String flag, String help, Group group, SettingType<T> type,
                Function<TrainConfig, T> get, BiConsumer<TrainConfig.Builder, T> set) {
            this.key = key;
            this.label = label;
            this.flag = flag;
            this.help = help;
            this.group = group;
            this.type = type;
            this.get = get;
            this.set = set;
        }

        Builder<T> check(Function<T, String> c) {
            this.check = c;
            return this;
        }

        Builder<T> live() {
            this.live = true;
            return this;
        }

        Builder<T> follows(Function<TrainConfig, T> f) {
            this.follows = f;
            return this;
        }

        Setting<T> register() {
            Setting<T> s = new Setting<>(key, label, flag, help, group, type, get, set, check, live, follows, virtual);
            ALL.add(s);
            BY_KEY.put(key, s);
            return s;
        }
    }
}
