package org.twinlab.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds datasets by name or path. Built-ins: {@code fashion-mnist-sample} (committed under
 * {@code sample-data/}), {@code fashion-mnist} (Debian's dataset-fashion-mnist or ~/.twinlab/datasets)
 * and {@code color-shapes} (generated). A path is read by the reader that recognises its files.
 * Loaded datasets are immutable and cached, so the window and a run share one copy.
 */
public final class DatasetCatalog {
    public static final String SAMPLE = "fashion-mnist-sample";
    public static final String FASHION = "fashion-mnist";
    public static final String SHAPES = "color-shapes";

    /** A built-in dataset: its name, what it is, and whether its files are on this machine. */
    public record Builtin(String name, String description, boolean available, String location) {
    }

    private static final Map<String, Dataset> CACHE = new ConcurrentHashMap<>();

    private DatasetCatalog() {
    }

    public static List<Builtin> builtins() {
        List<Builtin> out = new ArrayList<>();
        Path sample = sampleFolder();
        out.add(new Builtin(SAMPLE, "8,000 + 2,000 Fashion-MNIST images, 28x28 grayscale, 10 classes",
                sample != null, sample == null ? "sample-data/ not found" : sample.toString()));
        Path full = fashionFolder();
        out.add(new Builtin(FASHION, "the full Fashion-MNIST, 60,000 + 10,000 images, 28x28 grayscale",
                full != null, full == null ? "install Debian's dataset-fashion-mnist or put the IDX files in "
                        + home().resolve("datasets/fashion-mnist") : full.toString()));
        out.add(new Builtin(SHAPES, "generated coloured shapes on textured backgrounds, 32x32 RGB, 8 classes",
                true, "generated from a seed"));
        return out;
    }

    /** The dataset with this built-in name, or read from this folder. */
    public static Dataset open(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new DatasetException("no dataset given: name a built-in (" + String.join(", ", names()) + ") or a folder");
        }
        return CACHE.computeIfAbsent(nameOrPath, DatasetCatalog::load);
    }

    public static List<String> names() {
        return builtins().stream().map(Builtin::name).toList();
    }

    private static Dataset load(String nameOrPath) {
        switch (nameOrPath) {
            case SAMPLE -> {
                Path folder = sampleFolder();
                if (folder == null) {
                    throw new DatasetException("the built-in " + SAMPLE + " was not found: sample-data/"
                            + SAMPLE + " should sit in the Twinlab folder (set -Dtwinlab.sampleData to elsewhere)");
                }
                return IdxReader.read(folder, SAMPLE);
            }
            case FASHION -> {
                Path folder = fashionFolder();
                if (folder == null) {
                    throw new DatasetException("the full Fashion-MNIST was not found: install Debian's package "
                            + "dataset-fashion-mnist, or put its four IDX files in " + home().resolve("datasets/fashion-mnist"));
                }
                return IdxReader.read(folder, FASHION);
            }
            case SHAPES -> {
                return ColorShapes.generate(SHAPES, 8000, 2000, 7);
            }
            default -> {
                return readFolder(Path.of(nameOrPath));
            }
        }
    }

    /** Reads a folder with whichever reader recognises its files. */
    public static Dataset readFolder(Path folder) {
        if (!Files.exists(folder)) {
            throw new DatasetException(folder + ": no such dataset folder, and not a built-in name ("
                    + String.join(", ", names()) + ")");
        }
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder, "is a file; a dataset is a folder (IDX files, CIFAR binaries or class sub-folders of images)");
        }
        String name = folder.toAbsolutePath().normalize().getFileName() == null ? folder.toString()
                : folder.toAbsolutePath().normalize().getFileName().toString();
        if (IdxReader.recognises(folder)) {
            return IdxReader.read(folder, name);
        }
        if (CifarReader.recognises(folder)) {
            return CifarReader.read(folder, name);
        }
        if (ImageFolderReader.recognises(folder)) {
            return ImageFolderReader.read(folder, name, ImageFolderReader.Options.defaults());
        }
        throw new DatasetException(folder, "holds no dataset Twinlab can read: expected IDX files "
                + "(train-images-idx3-ubyte[.gz] ...), CIFAR binaries (data_batch_*.bin or train.bin + test.bin) "
                + "or one sub-folder of images per class");
    }

    /** Twinlab's own folder for runs and datasets: -Dtwinlab.home, else ~/.twinlab. */
    public static Path home() {
        String prop = System.getProperty("twinlab.home");
        return prop != null ? Path.of(prop) : Path.of(System.getProperty("user.home"), ".twinlab");
    }

    static Path fashionFolder() {
        for (Path p : List.of(home().resolve("datasets/fashion-mnist"), Path.of("/usr/share/datasets/fashion-mnist"))) {
            if (Files.isDirectory(p) && IdxReader.recognises(p)) {
                return p;
            }
        }
        return null;
    }

    /** sample-data/fashion-mnist-sample: from -Dtwinlab.sampleData, the working folder, or above the code. */
    static Path sampleFolder() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("twinlab.sampleData");
        if (prop != null) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("sample-data"));
        try {
            Path code = Path.of(DatasetCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                candidates.add(p.resolve("sample-data"));
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // no code source (unusual class loaders): the other candidates remain
        }
        for (Path c : candidates) {
            Path folder = c.resolve(SAMPLE);
            if (Files.isDirectory(folder) && IdxReader.recognises(folder)) {
                return folder;
            }
        }
        return null;
    }
}
