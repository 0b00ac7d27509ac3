package org.twinlab.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinlab.data.ImageShape;

/**
 * {@code recipe.md}: the run's settings as a command line of the official implementation
 * (facebookresearch/barlowtwins {@code main.py}), and what does not carry over. main.py's learning
 * rate is {@code batch/256 x --learning-rate-weights} (biases: {@code --learning-rate-biases}) after
 * 10 warm-up epochs, cosine to 1/1000; its optimizer is always LARS, its backbone a ResNet-50 on 224 px
 * ImageNet crops.
 */
final class Recipe {
    static final String FILE = "recipe.md";
    static final double OFFICIAL_WEIGHTS_RATE = 0.2;
    static final double OFFICIAL_BIASES_RATE = 0.0048;
    static final int OFFICIAL_WARMUP_EPOCHS = 10;

    private Recipe() {
    }

    /** Epochs the run trained: its step count over the steps in an epoch when it was given in steps. */
    static double epochs(RunArtifacts.Settings s, int trainImages) {
        if (s.steps() > 0) {
            int perEpoch = Math.max(1, trainImages / s.batchSize());
            return (double) s.steps() / perEpoch;
        }
        return s.epochs();
    }

    static String g(double v) {
        String t = String.format(Locale.ROOT, "%.6g", v);
        if (t.contains("e")) {
            String[] p = t.split("e");
            String m = p[0].contains(".") ? p[0].replaceAll("0+$", "").replaceAll("\\.$", "") : p[0];
            return m + "e" + Integer.parseInt(p[1]);
        }
        return t.contains(".") ? t.replaceAll("0+$", "").replaceAll("\\.$", "") : t;
    }

    static String markdown(RunArtifacts.Settings s, ImageShape input, int trainImages, int featureDim) {
        double epochs = epochs(s, trainImages);
        long mainEpochs = Math.max(1, Math.round(epochs));
        boolean lars = "lars".equals(s.optimizer());
        double weights = lars ? s.learningRate() * 256.0 / s.batchSize() : OFFICIAL_WEIGHTS_RATE;
        double biases = lars ? weights * OFFICIAL_BIASES_RATE / OFFICIAL_WEIGHTS_RATE : OFFICIAL_BIASES_RATE;
        String projector = String.join("-", java.util.Collections.nCopies(s.projectorDepth(), Integer.toString(s.projectorWidth())));
        String cmd = "python main.py /path/to/imagenet --epochs " + mainEpochs + " --batch-size " + s.batchSize()
                + " --learning-rate-weights " + g(weights) + " --learning-rate-biases " + g(biases)
                + " --weight-decay " + g(s.weightDecay()) + " --lambd " + g(s.lambda()) + " --projector " + projector;
        StringBuilder md = new StringBuilder();
        md.append("# Repeating run '").append(s.name()).append("' with the official code\n\n")
                .append("The same settings as a command line of the official Barlow Twins implementation ")
                .append("([facebookresearch/barlowtwins](https://github.com/facebookresearch/barlowtwins) `main.py`, ")
                .append("one process per GPU, ImageNet in `DIR/train/<class>/`):\n\n```bash\n").append(cmd).append("\n```\n\n");
        md.append("| setting | this run | main.py |\n|---|---|---|\n");
        md.append(row("epochs", s.steps() > 0 ? g(epochs) + " (" + s.steps() + " steps)" : g(epochs), "--epochs " + mainEpochs
                + (Math.abs(epochs - mainEpochs) > 1e-9 ? " (rounded: main.py counts whole epochs)" : "")
                + (mainEpochs <= OFFICIAL_WARMUP_EPOCHS ? "; main.py's fixed " + OFFICIAL_WARMUP_EPOCHS + "-epoch warm-up "
                        + "never ends in " + mainEpochs + ": `twinlab scale-out` trains " + (OFFICIAL_WARMUP_EPOCHS + mainEpochs)
                        : "")));
        md.append(row("batch size", Integer.toString(s.batchSize()), "--batch-size " + s.batchSize()
                + " (split over the GPUs)"));
        md.append(row("λ", g(s.lambda()), "--lambd " + g(s.lambda())));
        md.append(row("projector", s.projectorWidth() + " wide, " + s.projectorDepth() + " layers"
                + (s.projectorBatchNorm() ? "" : ", no BatchNorm"), "--projector " + projector));
        md.append(row("optimizer, learning rate", s.optimizer() + ", " + g(s.learningRate()),
                lars ? "--learning-rate-weights " + g(weights) + " (main.py multiplies it by batch/256 = " + g(s.batchSize() / 256.0)
                        + ", giving " + g(s.learningRate()) + ")" : "LARS only: the official --learning-rate-weights " + g(weights)));
        md.append(row("bias / BatchNorm rate", lars ? g(s.learningRate() * OFFICIAL_BIASES_RATE / OFFICIAL_WEIGHTS_RATE)
                : "same as the weights", "--learning-rate-biases " + g(biases)));
        md.append(row("weight decay", g(s.weightDecay()), "--weight-decay " + g(s.weightDecay())));
        md.append(row("schedule", s.schedule() + ", " + g(s.warmupEpochs()) + " warm-up epoch(s)",
                OFFICIAL_WARMUP_EPOCHS + " warm-up epochs, then cosine to 1/1000 (fixed)"));
        md.append("\n## What does not map\n\n");
        List<String> gaps = new ArrayList<>();
        gaps.add("**Dataset**: main.py reads an image folder (`DIR/train/<class>/*.jpg`, ImageNet in the paper); this run used `"
                + s.dataset() + "` (" + input + " images). Write your data as such a folder to train on it at scale.");
        gaps.add("**Encoder**: main.py always trains torchvision's ResNet-50 (2048 features); this run's encoder is `"
                + s.encoder() + "` (" + featureDim + " features). Change `self.backbone` in main.py to train another.");
        gaps.add("**Image size and normalisation**: main.py crops 224 x 224 px and normalises with ImageNet's mean and std; "
                + "Twinlab trains at the dataset's own size (" + input.height() + " x " + input.width()
                + ") with the dataset's statistics.");
        gaps.add("**Augmentations**: main.py has the official views for 224 px images; Twinlab adapts them to small images "
                + "(crop keeps at least 20% of the area, blur sigma at most 1 px)"
                + (s.augmentation().equals("official") ? "." : "; this run's custom views are in its config.json."));
        if (!lars) {
            gaps.add("**Optimizer**: main.py has only LARS (momentum 0.9, eta 0.001, biases and BatchNorm excluded from "
                    + "decay and adaptation); this run used " + s.optimizer() + " at " + g(s.learningRate())
                    + ", whose rate does not carry over, so the command uses the official rates.");
        }
        if (!"cosine".equals(s.schedule()) || Math.abs(s.warmupEpochs() - OFFICIAL_WARMUP_EPOCHS) > 1e-9) {
            gaps.add("**Schedule**: main.py always warms up for " + OFFICIAL_WARMUP_EPOCHS + " epochs and decays by a cosine; "
                    + "this run used " + s.schedule() + " after " + g(s.warmupEpochs()) + " warm-up epoch(s). "
                    + "Edit `adjust_learning_rate` to match.");
        }
        if (!"barlow-twins".equals(s.objective())) {
            gaps.add("**Objective**: main.py trains the Barlow Twins loss; this run used `" + s.objective()
                    + "` (Twinlab's ablation or rival objective), which would need its loss written into main.py.");
        }
        if (!s.projectorBatchNorm()) {
            gaps.add("**Projector BatchNorm**: main.py's projector always has BatchNorm; remove `nn.BatchNorm1d` "
                    + "from its projector loop for this ablation.");
        }
        gaps.add("**Seed**: main.py does not seed its workers; this run's seed was " + s.seed() + ".");
        for (String gap : gaps) {
            md.append("- ").append(gap).append('\n');
        }
        return md.toString();
    }

    private static String row(String setting, String ours, String theirs) {
        return "| " + setting + " | " + ours + " | " + theirs + " |\n";
    }
}
