package org.twinlab.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.data.ImageShape;
import org.twinlab.data.Split;
import org.twinlab.runs.Folders;
import org.twinlab.runs.RunFolder;
import org.twinlab.train.TrainConfig;
import org.twinlab.util.IoErrors;

/**
 * A run's settings and dataset as a folder the official code (facebookresearch/barlowtwins {@code main.py}) trains
 * from on GPUs: {@code data/train/<class>/<n>.png} and {@code data/val/...} (the layout main.py's
 * {@code ImageFolder(args.data / 'train')} reads), {@code launch.sh} (one node, all its GPUs), {@code slurm.sh} (main.py's
 * own SLURM branch, several nodes), {@code trace_encoder.py} (its ResNet-50 back into Twinlab) and a README.md.
 *
 * <p>main.py's traps are handled here, before anything is written: its warm-up is a fixed 10 epochs, so a run
 * of 10 epochs or fewer is raised to {@code 10 + its own length} (or refused when an explicit {@code epochs} is
 * that short); its rate is {@code --learning-rate-weights x batch/256}, so the flag is the run's rate x 256/batch;
 * its crops are 224 px, so {@code imageSize} other than 224 makes launch.sh use a copy of main.py with that crop.
 *
 * <p>The bundle is written into a hidden folder beside {@code out} and renamed into place at the end: a
 * failure (a full disk, say) leaves nothing behind, and the run folder is only read.
 */
public final class ScaleOutBundle {
    /** main.py's {@code warmup_steps = 10 * len(loader)}. */
    public static final int MAIN_WARMUP_EPOCHS = 10;
    /** main.py's {@code RandomResizedCrop(224, ...)}. */
    public static final int MAIN_CROP = 224;
    /** The official repository's commit the flags were checked against. */
    public static final String MAIN_COMMIT = "8e8d284ca0bc02f88b92328e53f9b901e86b4a3c";

    /** What to ask of the bundle: null epochs and 224 px keep the run's length (raised past the warm-up) and main.py's crop. */
    public record Options(Integer epochs, int imageSize) {
        public Options {
            if (epochs != null && epochs <= MAIN_WARMUP_EPOCHS) {
                throw new IllegalArgumentException("--epochs " + epochs + ": main.py warms up for a fixed "
                        + MAIN_WARMUP_EPOCHS + " epochs, so its cosine would never start; give more than "
                        + MAIN_WARMUP_EPOCHS);
            }
            if (imageSize < 8 || imageSize > 1024) {
                throw new IllegalArgumentException("--image-size " + imageSize + ": must be 8-1024 px");
            }
        }
    }

    /** main.py's flags for the run, with what was changed and why. */
    public record Plan(String runName, double runEpochs, int epochs, boolean epochsRaised, int batchSize,
                       double weightsFlag, double biasesFlag, double peakWeightsRate, double weightDecay, double lambda,
                       String projector, int imageSize, ImageShape input, List<String> notes) {
        /** main.py's arguments after the data folder, as launch.sh passes them. */
        public List<String> flags() {
            return List.of("--epochs", Integer.toString(epochs), "--batch-size", Integer.toString(batchSize),
                    "--learning-rate-weights", Recipe.g(weightsFlag), "--learning-rate-biases", Recipe.g(biasesFlag),
                    "--weight-decay", Recipe.g(weightDecay), "--lambd", Recipe.g(lambda), "--projector", projector);
        }

        /** How many times the pixels main.py pushes through the network per image, against the dataset's own size. */
        public double pixelCost() {
            return (double) imageSize * imageSize / ((double) input.height() * input.width());
        }
    }

    /** What was written. */
    public record Result(Path dir, Plan plan, String dataset, List<String> classFolders, int[] trainPerClass,
                         int[] valPerClass) {
    }

    private ScaleOutBundle() {
    }

    /** main.py's flags for the run in {@code runDir} (read only), with every trap named in {@link Plan#notes()}. */
    public static Plan plan(TrainConfig c, Dataset data, Options options) {
        int perEpoch = Math.max(1, data.train().size() / c.batchSize());
        double runEpochs = c.steps() > 0 ? (double) c.steps() / perEpoch : c.epochs();
        List<String> notes = new ArrayList<>();
        int epochs;
        boolean raised = false;
        if (options.epochs() != null) {
            epochs = options.epochs();
        } else {
            int own = (int) Math.max(1, Math.round(runEpochs));
            if (own > MAIN_WARMUP_EPOCHS) {
                epochs = own;
            } else {
                epochs = MAIN_WARMUP_EPOCHS + own;
                raised = true;
                notes.add("Epochs raised from the run's " + String.format(Locale.ROOT, "%.2f", runEpochs) + " to " + epochs + ": main.py warms up for a "
                        + "fixed " + MAIN_WARMUP_EPOCHS + " epochs (warmup_steps = 10 * len(loader)), so a run of "
                        + MAIN_WARMUP_EPOCHS + " epochs or fewer would never leave the warm-up and its cosine would never "
                        + "start; " + epochs + " is the warm-up, then the run's own length of cosine. Choose another with "
                        + "--epochs (more than " + MAIN_WARMUP_EPOCHS + ").");
            }
        }
        boolean lars = "lars".equals(c.optimizer().key());
        double weights = lars ? c.learningRate() * 256.0 / c.batchSize() : Recipe.OFFICIAL_WEIGHTS_RATE;
        double biases = weights * Recipe.OFFICIAL_BIASES_RATE / Recipe.OFFICIAL_WEIGHTS_RATE;
        double peak = weights * c.batchSize() / 256.0;
        notes.add("Learning rate: main.py multiplies --learning-rate-weights by batch/256 = " + Recipe.g(c.batchSize() / 256.0)
                + ", so --learning-rate-weights " + Recipe.g(weights) + " gives a peak rate of " + Recipe.g(peak)
                + (lars ? " (the run's LARS rate " + Recipe.g(c.learningRate()) + ")"
                        : " (the official one: main.py has only LARS; the run's " + c.optimizer().key() + " rate "
                        + Recipe.g(c.learningRate()) + " does not carry over)")
                + "; biases and BatchNorm: " + Recipe.g(biases) + " x batch/256 = " + Recipe.g(biases * c.batchSize() / 256.0) + ".");
        notes.add("Batch: main.py asserts that --batch-size " + c.batchSize() + " divides by the number of GPUs (each gets "
                + "batch / GPUs); it divides by " + divisors(c.batchSize()) + ". launch.sh checks before it starts.");
        ImageShape input = data.shape();
        double cost = (double) options.imageSize() * options.imageSize() / ((double) input.height() * input.width());
        if (options.imageSize() == MAIN_CROP) {
            notes.add("Image size: main.py crops " + MAIN_CROP + " x " + MAIN_CROP + " px, so these " + input.height() + " x "
                    + input.width() + " images are scaled up " + Recipe.g((double) MAIN_CROP / input.height())
                    + " times in each direction: " + Recipe.g(cost) + " times the pixels, and about as many times the "
                    + "ResNet-50's compute and activation memory per image, for no detail the images do not have. "
                    + "scale-out --image-size " + input.height() + " makes launch.sh run a copy of main.py that crops at "
                    + input.height() + " px instead.");
        } else {
            notes.add("Image size: launch.sh runs a copy of main.py whose two RandomResizedCrop(224) are RandomResizedCrop("
                    + options.imageSize() + ") (the only change); " + options.imageSize() + " px is "
                    + Recipe.g(cost) + " times the pixels of the " + input.height() + " x " + input.width() + " images, against "
                    + Recipe.g((double) MAIN_CROP * MAIN_CROP / ((double) input.height() * input.width()))
                    + " times at main.py's 224 px.");
        }
        if (!"barlow-twins".equals(c.objective().key())) {
            notes.add("Objective: main.py trains the Barlow Twins loss; this run used " + c.objective().key()
                    + ", which would need its loss written into main.py.");
        }
        notes.add("Encoder: main.py always trains torchvision's ResNet-50 (2048 features); the run's encoder was "
                + c.encoder().key() + ". trace_encoder.py brings the trained ResNet-50 back into Twinlab.");
        String projector = String.join("-", java.util.Collections.nCopies(c.projectorDepth(),
                Integer.toString(c.projectorWidth())));
        return new Plan(RunFolder.displayName(c), runEpochs, epochs, raised, c.batchSize(), weights, biases, peak,
                c.weightDecay(), c.lambda(), projector, options.imageSize(), input, List.copyOf(notes));
    }

    private static String divisors(int n) {
        List<String> out = new ArrayList<>();
        for (int g : new int[] {1, 2, 4, 8, 16, 32, 64}) {
            if (n % g == 0) {
                out.add(Integer.toString(g));
            }
        }
        return String.join(", ", out) + " GPUs" + (n % 8 == 0 ? "" : " (not 8: choose a batch that divides by yours)");
    }

    /** Writes the bundle for the run in {@code runDir} into {@code out} (new, or an empty folder). */
    public static Result write(Path runDir, Path out, Options options) throws IOException {
        TrainConfig c = RunFolder.open(runDir).config();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + ": a file stands where the bundle folder should go");
        }
        if (Files.isDirectory(out) && !isEmpty(out)) {
            throw new IllegalArgumentException(out + ": the folder is not empty (choose a new one; nothing was written)");
        }
        Dataset data = DatasetCatalog.open(c.dataset());
        Plan plan = plan(c, data, options);
        List<String> classes = classFolders(data.classNames());
        Path abs = out.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        List<Path> madeParents;
        try {
            madeParents = createParents(parent);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(IoErrors.cannotWrite(out, e), e);
        }
        Path tmp = parent.resolve("." + abs.getFileName() + ".partial-" + ProcessHandle.current().pid());
        boolean done = false;
        try {
            Folders.deleteTree(tmp);
            Files.createDirectory(tmp);
            int[] train = writeSplit(data.train(), classes, tmp.resolve("data/train"));
            int[] val = writeSplit(data.test(), classes, tmp.resolve("data/val"));
            ScaleOutScripts.write(tmp, plan, data, classes, train, val);
            if (Files.isDirectory(abs)) {
                Files.delete(abs); // checked empty above
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return new Result(out, plan, data.name(), classes, train, val);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(IoErrors.cannotWrite(out, e), e);
        } finally {
            if (!done) {
                Folders.deleteQuietly(tmp);
                for (Path p : madeParents) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // not empty after all: someone else's now
                    }
                }
            }
        }
    }

    /** One folder per class, numbered first: torchvision's ImageFolder sorts the names, so the labels keep Twinlab's order. */
    static List<String> classFolders(List<String> names) {
        List<String> out = new ArrayList<>();
        int width = Integer.toString(Math.max(0, names.size() - 1)).length();
        for (int i = 0; i < names.size(); i++) {
            String safe = names.get(i).replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
            String num = String.format(Locale.ROOT, "%0" + width + "d", i);
            out.add(safe.isEmpty() || safe.equals(num) ? num : num + "-" + safe);
        }
        return out;
    }

    private static int[] writeSplit(Split split, List<String> classes, Path dir) throws IOException {
        int[] counts = new int[classes.size()];
        for (String c : classes) {
            Files.createDirectories(dir.resolve(c));
        }
        ImageShape s = split.shape();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream(4096);
        for (int i = 0; i < split.size(); i++) {
            int label = split.label(i);
            BufferedImage img = new BufferedImage(s.width(), s.height(),
                    s.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < s.height(); y++) {
                for (int x = 0; x < s.width(); x++) {
                    if (s.channels() == 1) {
                        img.getRaster().setSample(x, y, 0, split.pixel(i, 0, y, x));
                    } else {
                        img.setRGB(x, y, split.pixel(i, 0, y, x) << 16 | split.pixel(i, 1, y, x) << 8 | split.pixel(i, 2, y, x));
                    }
                }
            }
            // encoded in memory first: ImageIO hides the file system's reason (a full disk) behind its own words
            png.reset();
            if (!ImageIO.write(img, "png", png)) {
                throw new IOException("no PNG writer in this Java");
            }
            Files.write(dir.resolve(classes.get(label)).resolve(i + ".png"), png.toByteArray());
            counts[label]++;
        }
        return counts;
    }

    private static List<Path> createParents(Path parent) throws IOException {
        List<Path> made = new ArrayList<>();
        for (Path p = parent; p != null && !Files.exists(p); p = p.getParent()) {
            made.add(p);
        }
        Files.createDirectories(parent);
        return made; // deepest first
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static void writeExecutable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: run it with bash
        }
    }
}
