package org.twinlab.runs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.twinlab.augment.AugmentRecipe;
import org.twinlab.data.Dataset;
import org.twinlab.model.ObjectiveKind;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;
import org.twinlab.util.Choice;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The one-click comparisons of the lecture, each a sweep over one setting at the same budget: the seven
 * rows of its ablation table (objective), Barlow Twins against its rival objectives, and the full
 * augmentation recipe against crop-and-flip on colour data. {@link #spec} makes the sweep; {@link #table}
 * lays its results out like the lecture's table.
 */
public enum Study implements Choice {
    ABLATION("ablation", "the lecture's ablation table"),
    OBJECTIVES("objectives", "Barlow Twins against InfoNCE, asymmetric cosine and IMAX"),
    COLOUR("colour", "why colour distortion matters: the full recipe against crop and flip only");

    /** The columns of the table, after the row's label and its value of the swept setting. */
    public static final List<String> COLUMNS = List.of("lectureTop1Pct", "linearTop1Pct", "knnTop1Pct", "meanDiagonal",
            "effectiveRank", "runs", "steps", "seconds");

    private final String key;
    private final String description;

    Study(String key, String description) {
        this.key = key;
        this.description = description;
    }

    @Override
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public static Study parse(String text) {
        return Choice.parse(Study.class, text, "--what");
    }

    /** The setting the study varies: objective, or augmentRecipe. */
    public String sweptKey() {
        return this == COLOUR ? Settings.AUGMENT_RECIPE.key() : Settings.OBJECTIVE.key();
    }

    /** The values it compares, in the table's order. */
    public List<String> rows() {
        return switch (this) {
            case ABLATION -> Arrays.stream(ObjectiveKind.ablationRows()).map(ObjectiveKind::key).toList();
            case OBJECTIVES -> Arrays.stream(ObjectiveKind.rivals()).map(ObjectiveKind::key).toList();
            case COLOUR -> List.of(AugmentRecipe.OFFICIAL.key(), AugmentRecipe.CROP_FLIP.key());
        };
    }

    /**
     * The base every row shares, adapted where a row needs it: IMAX's covariance needs fewer features than
     * the batch has images, so the objectives study gives every row the widest power-of-two projector
     * narrower than the batch, when the configured one is not.
     */
    public TrainConfig base(TrainConfig configured) {
        if (this != OBJECTIVES || configured.projectorWidth() < configured.batchSize()) {
            return configured;
        }
        TrainConfig.Builder b = configured.toBuilder();
        b.projectorWidth = Integer.highestOneBit(Math.max(1, configured.batchSize() - 1));
        return b.build();
    }

    /** What {@link #base} changed, in one line, or null when nothing. */
    public String adaptation(TrainConfig configured) {
        TrainConfig b = base(configured);
        if (b.projectorWidth() == configured.projectorWidth()) {
            return null;
        }
        return String.format(Locale.ROOT, "projector width %d for every row (not %d): IMAX needs fewer features than "
                + "the batch has images (%d)", b.projectorWidth(), configured.projectorWidth(), configured.batchSize());
    }

    /** The sweep of this study on {@code data}, with {@code seeds} repeats (0: one run per row). */
    public SweepSpec spec(TrainConfig configured, Dataset data, int seeds) {
        if (this == COLOUR && data.shape().channels() < 3) {
            throw new IllegalArgumentException("the colour study compares colour augmentations: " + data.name()
                    + " is grayscale; choose colour data, e.g. color-shapes or a CIFAR folder");
        }
        SweepSpec s = SweepSpec.grid(base(configured), List.of(new SweepAxis.Values(sweptKey(), rows())))
                .withStudy(key);
        return seeds > 0 ? s.withSeeds(seeds) : s;
    }

    /** What a row is called in the table. */
    public String rowLabel(String value) {
        return switch (this) {
            case ABLATION, OBJECTIVES -> ObjectiveKind.parse(value).label();
            case COLOUR -> value.equals(AugmentRecipe.OFFICIAL.key()) ? "full recipe (colour jitter, grayscale, blur, solarize)"
                    : "crop and flip only";
        };
    }

    /** A row's name short enough to sit under a bar. */
    public String shortLabel(String value) {
        return switch (value) {
            case "barlow-twins" -> this == ABLATION ? "baseline" : "Barlow Twins";
            case "invariance-only" -> "inv. only";
            case "redundancy-only" -> "red. only";
            case "feature-norm" -> "feature norm";
            case "no-projector-bn" -> "no BN";
            case "no-bn-no-norm" -> "no BN/norm";
            case "cross-entropy" -> "CE + temp.";
            case "infonce" -> "InfoNCE";
            case "cosine-predictor" -> "cosine + pred.";
            case "cosine" -> "cosine";
            case "imax" -> "IMAX";
            case "official" -> "full recipe";
            case "crop-flip" -> "crop + flip";
            default -> value;
        };
    }

    /** The lecture's ImageNet linear top-1 for a row, NaN where it has none. */
    public double lectureTop1(String value) {
        return this == COLOUR ? Double.NaN : ObjectiveKind.parse(value).lectureTop1();
    }

    /**
     * The results laid out like the lecture's table: one row per compared value in the lecture's order,
     * its label, the lecture's ImageNet top-1, the measured linear and kNN top-1 (percent), C's mean diagonal
     * and the embeddings' effective rank at the end; means over the seeds where there are several, with
     * the number of runs. A row with no finished run yet has NaN.
     */
    public Table table(Table results) {
        StringColumn row = StringColumn.create("row");
        StringColumn value = StringColumn.create(sweptKey());
        List<DoubleColumn> nums = new ArrayList<>();
        for (String c : COLUMNS) {
            if (!c.equals("runs") && !c.equals("steps")) {
                nums.add(DoubleColumn.create(c));
            }
        }
        IntColumn runs = IntColumn.create("runs");
        IntColumn steps = IntColumn.create("steps");
        for (String v : rows()) {
            Table mine = results.rowCount() == 0 ? results
                    : results.where(results.stringColumn(sweptKey()).isEqualTo(v));
            row.append(rowLabel(v));
            value.append(v);
            nums.get(0).append(lectureTop1(v));
            nums.get(1).append(percent(mean(mine, "linearTop1")));
            nums.get(2).append(percent(mean(mine, "knnTop1")));
            nums.get(3).append(mean(mine, "meanDiagonal"));
            nums.get(4).append(mean(mine, "effectiveRank"));
            nums.get(5).append(mean(mine, "seconds"));
            runs.append(mine.rowCount());
            steps.append(mine.rowCount() == 0 ? 0 : (int) Math.round(mine.intColumn("steps").mean()));
        }
        Table t = Table.create(key, row, value);
        t.addColumns(nums.get(0), nums.get(1), nums.get(2), nums.get(3), nums.get(4), runs, steps, nums.get(5));
        return t;
    }

    /**
     * The random encoder's linear top-1 in percent: the mean over the study's runs that probed it (a
     * study's first row does), read from their summaries; NaN where none did.
     */
    public static double randomLinearPct(java.nio.file.Path sweepDir, Table results) {
        if (results.rowCount() == 0 || !results.columnNames().contains("runFolder")) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (String folder : results.stringColumn("runFolder")) {
            RunSummary s = RunHistory.summary(sweepDir.resolve(folder).resolve(RunFolder.SUMMARY));
            if (s != null && Double.isFinite(s.randomLinearTop1())) {
                sum += s.randomLinearTop1();
                n++;
            }
        }
        return n == 0 ? Double.NaN : percent(sum / n);
    }

    /**
     * A warning where the budget cannot tell the rows apart: every measured row's linear top-1 is at or
     * below the random (untrained) encoder's, so training has not yet taught any row anything to differ in.
     * Null where a row beats the random encoder, where fewer than two rows are measured, or where the random
     * encoder was not probed.
     */
    public static String budgetWarning(Table table, double randomPct) {
        if (!Double.isFinite(randomPct)) {
            return null;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int measured = 0;
        for (double v : table.doubleColumn("linearTop1Pct").asDoubleArray()) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                measured++;
            }
        }
        if (measured < 2 || hi > randomPct) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "every row's linear top-1 (%.1f-%.1f%%) is at or below the random "
                + "encoder's (%.1f%%): at this budget no row has learned anything to differ in, so the table cannot "
                + "tell the rows apart; train longer before reading it", lo, hi, randomPct);
    }

    /** The same in a few words, for a chart's subtitle. */
    public static String budgetWarningShort(double randomPct) {
        return String.format(java.util.Locale.ROOT, "every row is below the random encoder (%.1f%%): this budget cannot "
                + "tell the rows apart", randomPct);
    }

    /** A fraction as a percentage to 0.01 (the probes' resolution on 10,000 test images), without 82.17999999999999. */
    private static double percent(double fraction) {
        return Double.isNaN(fraction) ? Double.NaN : Math.round(fraction * 10_000) / 100.0;
    }

    private static double mean(Table t, String col) {
        if (t.rowCount() == 0) {
            return Double.NaN;
        }
        DoubleColumn c = t.doubleColumn(col);
        double s = 0;
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                s += c.getDouble(i);
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
