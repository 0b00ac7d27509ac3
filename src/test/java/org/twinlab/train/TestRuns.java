package org.twinlab.train;

import java.util.List;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small, fast configurations and an event collector for the tests that train. */
public final class TestRuns {
    private TestRuns() {
    }

    /**
     * A valid value other than the default for every setting. A setting added to the table without one
     * here fails SettingsTest.everySettingHasATestValue: the round trips below then cover it too.
     */
    public static final java.util.Map<String, String> OTHER_VALUES = new java.util.LinkedHashMap<>();

    static {
        OTHER_VALUES.put("name", "my run");
        OTHER_VALUES.put("dataset", "color-shapes");
        OTHER_VALUES.put("augmentRecipe", "crop-flip");
        OTHER_VALUES.put("cropScaleMin", "0.4");
        OTHER_VALUES.put("encoder", "resnet18");
        OTHER_VALUES.put("initEncoder", "/some/export");
        OTHER_VALUES.put("projectorWidth", "1024");
        OTHER_VALUES.put("projectorDepth", "2");
        OTHER_VALUES.put("projectorBatchNorm", "false");
        OTHER_VALUES.put("objective", "infonce");
        OTHER_VALUES.put("lambda", "0.02");
        OTHER_VALUES.put("temperature", "0.5");
        OTHER_VALUES.put("batchSize", "128");
        OTHER_VALUES.put("optimizer", "sgd");
        OTHER_VALUES.put("learningRate", "0.003");
        OTHER_VALUES.put("weightDecay", "0.0001");
        OTHER_VALUES.put("schedule", "constant");
        OTHER_VALUES.put("warmupEpochs", "3");
        OTHER_VALUES.put("epochs", "7");
        OTHER_VALUES.put("steps", "123");
        OTHER_VALUES.put("seed", "42");
        OTHER_VALUES.put("probeEvery", "0.5");
        OTHER_VALUES.put("snapshotEvery", "9");
        OTHER_VALUES.put("snapshotPairs", "512");
        OTHER_VALUES.put("checkpointEvery", "50");
        OTHER_VALUES.put("device", "cpu");
    }


    /** The sample data, small CNN, a narrow projector and a small batch: a step takes a few tens of ms. */
    public static TrainConfig small(int steps) {
        TrainConfig.Builder b = TrainConfig.defaults().toBuilder();
        b.name = "test";
        b.steps = steps;
        b.batchSize = 64;
        b.projectorWidth = 128;
        b.probeEvery = 0;
        b.snapshotEvery = 5;
        b.learningRate = 2e-3;
        return b.build().validated();
    }

    /** The first images of the built-in sample: real data, small enough for many quick steps. */
    public static Dataset sampleSubset(int train, int test) {
        Dataset d = DatasetCatalog.open(DatasetCatalog.SAMPLE);
        return new Dataset("sample-" + train, d.source(), d.classNames(), d.train().subset(range(train)),
                d.test().subset(range(test)));
    }

    /**
     * The first images of the built-in sample as an IDX folder of its own: a dataset the command line can
     * open by its path (a subprocess, or a command run in the test's JVM), as small as the test wants.
     */
    public static java.nio.file.Path sampleSubsetFolder(java.nio.file.Path dir, int train, int test) {
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Path sample = java.nio.file.Path.of(DatasetCatalog.open(DatasetCatalog.SAMPLE).source());
            for (String[] f : new String[][] {{"train", Integer.toString(train)}, {"t10k", Integer.toString(test)}}) {
                int n = Integer.parseInt(f[1]);
                copyIdx(sample.resolve(f[0] + "-images-idx3-ubyte.gz"), dir.resolve(f[0] + "-images-idx3-ubyte"), 16, n, 784);
                copyIdx(sample.resolve(f[0] + "-labels-idx1-ubyte.gz"), dir.resolve(f[0] + "-labels-idx1-ubyte"), 8, n, 1);
            }
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void copyIdx(java.nio.file.Path gz, java.nio.file.Path out, int header, int n, int recordBytes)
            throws java.io.IOException {
        byte[] all;
        try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(gz))) {
            all = in.readAllBytes();
        }
        byte[] part = java.util.Arrays.copyOf(all, header + n * recordBytes);
        java.nio.ByteBuffer.wrap(part).putInt(4, n);
        java.nio.file.Files.write(out, part);
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** Keeps every event, in order. */
    public static final class Collector implements TrainingEventListener {
        public final List<TrainingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(TrainingEvent event) {
            events.add(event);
        }

        public <T extends TrainingEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
