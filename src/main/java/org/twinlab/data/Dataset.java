package org.twinlab.data;

import java.util.List;

/**
 * A labelled image dataset in memory: a train and a test split of uint8 images with one shape, the
 * class names, and the per-channel mean and std of the train split (what normalisation uses).
 */
public final class Dataset {
    private final String name;
    private final String source;
    private final List<String> classNames;
    private final Split train;
    private final Split test;
    private final float[] mean;
    private final float[] std;

    public Dataset(String name, String source, List<String> classNames, Split train, Split test) {
        if (!train.shape().equals(test.shape())) {
            throw new IllegalArgumentException("train images are " + train.shape() + " but test images are " + test.shape());
        }
        if (train.size() == 0) {
            throw new DatasetException(source + ": the train split holds no images");
        }
        this.name = name;
        this.source = source;
        this.classNames = List.copyOf(classNames);
        this.train = train;
        this.test = test;
        double[][] stats = train.channelStats();
        this.mean = toFloats(stats[0]);
        this.std = toFloats(stats[1]);
        checkLabels(train, "train");
        checkLabels(test, "test");
    }

    private void checkLabels(Split split, String what) {
        for (int i = 0; i < split.size(); i++) {
            int label = split.label(i);
            if (label < 0 || label >= classNames.size()) {
                throw new DatasetException(source + ": " + what + " label " + label + " of image " + i
                        + " is outside the " + classNames.size() + " classes");
            }
        }
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    public String name() {
        return name;
    }

    /** Where it came from: a folder, or a description of a generated set. */
    public String source() {
        return source;
    }

    public ImageShape shape() {
        return train.shape();
    }

    public List<String> classNames() {
        return classNames;
    }

    public int classCount() {
        return classNames.size();
    }

    public Split train() {
        return train;
    }

    public Split test() {
        return test;
    }

    public float[] mean() {
        return mean.clone();
    }

    public float[] std() {
        return std.clone();
    }

    /** One line for listings: name, sizes, shape, classes. */
    public String describe() {
        return String.format("%s: %d train + %d test images, %s, %d classes (%s)", name, train.size(), test.size(),
                shape(), classCount(), String.join(", ", classNames));
    }
}
