package org.twinlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.augment.AugmentRecipe;
import org.twinlab.augment.TwoViewAugmenter;
import org.twinlab.data.Dataset;
import org.twinlab.model.TwinNetwork;
import org.twinlab.runs.RunFolder;
import org.twinlab.runs.RunSession;

/** The displayed C on a fixed set of held-out pairs ({@code snapshotPairs}): exact, fixed, leak-free, harmless. */
@org.twinlab.Slow
class HeldOutPairsTest {
    private static final Dataset DATA = TestRuns.sampleSubset(640, 400);
    @TempDir
    Path root;

    private static TrainConfig config(int steps, int pairs) {
        TrainConfig.Builder b = TestRuns.small(steps).toBuilder();
        b.dataset = DATA.name();
        b.projectorWidth = 32;
        b.batchSize = 32;
        b.augment = AugmentRecipe.CROP_FLIP.config(DATA.shape());
        b.snapshotPairs = pairs;
        return b.build();
    }

    @Test
    void cIsExactlyTheCrossCorrelationOfTheHeldOutViewsAcrossChunks() {
        TrainConfig cfg = config(1, 300); // 300 pairs: a chunk of 256 and one of 44
        TwoViewAugmenter aug = TwoViewAugmenter.forDataset(DATA, cfg.augment());
        HeldOutPairs pairs = HeldOutPairs.draw(DATA, aug, 300, cfg.seed());
        int[] idx = pairs.indices();
        assertEquals(300, new HashSet<>(Arrays.stream(idx).boxed().toList()).size(), "300 distinct test images");
        assertTrue(Arrays.stream(idx).allMatch(i -> i >= 0 && i < DATA.test().size()));
        // the views are the run's augmentation of those test images, with the seed of "step -1"
        int n = DATA.shape().size() * 300;
        float[] a = new float[n];
        float[] b = new float[n];
        aug.views(DATA.test(), idx, cfg.seed() * 1_000_003L - 1, a, b, true);
        assertArrayEquals(a, pairs.views(0));
        assertArrayEquals(b, pairs.views(1));
        assertFalse(Arrays.equals(a, b), "two different views");

        try (NDManager root = NDManager.newBaseManager(); TwinNetwork net = new TwinNetwork(root, cfg.model(), DATA.shape())) {
            TrainingEvent.Correlation c = pairs.snapshot(root, net, 7, 0, 0);
            assertEquals(300, c.pairs());
            assertEquals("C of 300 held-out pairs", c.source());
            assertEquals(7, c.step());
            float[] za;
            float[] zb;
            try (NDManager m = root.newSubManager()) {
                // each chunk of 256 pairs normalised on its own statistics, as a training batch is
                za = inChunks(m, net, a, 300);
                zb = inChunks(m, net, b, 300);
            }
            int d = 32;
            double[][] ca = standardised(za, 300, d);
            double[][] cb = standardised(zb, 300, d);
            double diag = 0;
            double off = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double v = 0;
                    for (int k = 0; k < 300; k++) {
                        v += ca[k][i] * cb[k][j];
                    }
                    v /= 300;
                    assertEquals(v, c.value(i, j), 2e-4, "C[" + i + "][" + j + "]");
                    if (i == j) {
                        diag += v;
                    } else {
                        off += Math.abs(v);
                    }
                }
            }
            assertEquals(diag / d, c.meanDiagonal(), 1e-4);
            assertEquals(off / (d * d - d), c.meanAbsOffDiagonal(), 1e-4);
            assertTrue(c.effectiveRank() >= 1 && c.effectiveRank() <= d, "effective rank " + c.effectiveRank());
        }
    }

    /** Each column to mean 0 and biased std 1 over the pairs, as BarlowTwinsLoss normalises (eps 1e-5). */
    private static double[][] standardised(float[] z, int n, int d) {
        double[][] out = new double[n][d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int k = 0; k < n; k++) {
                mean += z[k * d + j];
            }
            mean /= n;
            double var = 0;
            for (int k = 0; k < n; k++) {
                var += (z[k * d + j] - mean) * (z[k * d + j] - mean);
            }
            var /= n;
            for (int k = 0; k < n; k++) {
                out[k][j] = (z[k * d + j] - mean) / Math.sqrt(var + 1e-5);
            }
        }
        return out;
    }

    @Test
    void thePairsDependOnTheSeedAlone() {
        TwoViewAugmenter aug = TwoViewAugmenter.forDataset(DATA, AugmentRecipe.CROP_FLIP.config(DATA.shape()));
        HeldOutPairs x = HeldOutPairs.draw(DATA, aug, 64, 3);
        HeldOutPairs y = HeldOutPairs.draw(DATA, aug, 64, 3);
        assertArrayEquals(x.indices(), y.indices());
        assertArrayEquals(x.views(0), y.views(0));
        assertArrayEquals(x.views(1), y.views(1));
        assertNotEquals(Arrays.toString(x.indices()), Arrays.toString(HeldOutPairs.draw(DATA, aug, 64, 4).indices()));
    }

    private static float[] inChunks(NDManager m, TwinNetwork net, float[] images, int count) {
        int per = 28 * 28;
        float[] out = null;
        int d = 0;
        for (int from = 0; from < count; from += 256) {
            int k = Math.min(256, count - from);
            float[] z = net.embedWithBatchStatistics(m.create(Arrays.copyOfRange(images, from * per, (from + k) * per),
                    new Shape(k, 1, 28, 28))).toFloatArray();
            if (out == null) {
                d = z.length / k;
                out = new float[count * d];
            }
            System.arraycopy(z, 0, out, from * d, z.length);
        }
        return out;
    }

    /**
     * The snapshots of a run: on the same pairs each time (the network unchanged between two pictures of the same
     * step gives the same C), no array left alive, the training itself unchanged (the BatchNorm running
     * statistics the snapshot's forward moves are restored), diagnostics.csv with its columns and the gauges of the C shown.
     */
    @Test
    void aRunWithHeldOutPairsTrainsAsWithoutAndLeaksNothing() throws Exception {
        TestRuns.Collector with = new TestRuns.Collector();
        TrainConfig cfg = config(30, 96).toBuilder().build();
        TrainConfig.Builder every = cfg.toBuilder();
        every.snapshotEvery = 1;
        RunSession s = RunSession.create(root.resolve("with"), every.build(), DATA, "test");
        s.probes(false).listener(with).run();
        TestRuns.Collector without = new TestRuns.Collector();
        TrainConfig.Builder plain = every.build().toBuilder();
        plain.snapshotPairs = 0;
        new TrainingLoop(plain.build(), DATA, new RunControl()).probes(false).listener(without).run();

        List<TrainingEvent.Step> a = with.of(TrainingEvent.Step.class);
        List<TrainingEvent.Step> b = without.of(TrainingEvent.Step.class);
        assertEquals(30, a.size());
        for (int i = 0; i < 30; i++) {
            assertEquals(b.get(i).loss(), a.get(i).loss(), 1e-6 * Math.max(1, Math.abs(b.get(i).loss())),
                    "the held-out snapshot leaves the training alone: loss at step " + (i + 1));
        }
        int atFive = a.get(4).liveArrays();
        for (TrainingEvent.Step st : a.subList(5, 30)) {
            assertEquals(atFive, st.liveArrays(), "NDArrays alive after step " + st.step() + " (a snapshot every step)");
        }
        List<TrainingEvent.Correlation> snaps = with.of(TrainingEvent.Correlation.class);
        assertEquals(30, snaps.size());
        assertTrue(snaps.stream().allMatch(c -> c.pairs() == 96), "every snapshot of the 96 pairs");
        assertTrue(without.of(TrainingEvent.Correlation.class).stream().allMatch(c -> c.pairs() == 0));

        Path dir = s.folder().dir();
        List<String> lines = Files.readAllLines(dir.resolve(RunFolder.DIAGNOSTICS));
        assertEquals("step,mean_diagonal,mean_abs_off_diagonal,effective_rank,spread", lines.get(0),
                "diagnostics.csv keeps its columns");
        assertEquals(31, lines.size());
        String[] last = lines.get(30).split(",");
        TrainingEvent.Correlation lastSnap = snaps.get(29);
        assertEquals(lastSnap.meanDiagonal(), Double.parseDouble(last[1]), 1e-5, "the gauges of the C shown");
        assertEquals(lastSnap.meanAbsOffDiagonal(), Double.parseDouble(last[2]), 1e-5);
        assertTrue(Files.readString(dir.resolve(RunFolder.CORRELATION_INFO)).contains("\"pairs\": 96"));
        List<org.twinlab.runs.CorrelationHistory.Snapshot> kept =
                org.twinlab.runs.RunHistory.correlationHistory(dir).snapshots();
        assertEquals(30, kept.size());
        assertEquals(lastSnap.meanAbsOffDiagonal(), kept.get(29).meanAbsOffDiagonal(), 1e-6, "C's history keeps the C shown");
        assertEquals(lastSnap.value(3, 5), kept.get(29).value(3, 5), 0.01f);
        assertTrue(Files.readString(dir.resolve(RunFolder.CONFIG)).contains("\"snapshotPairs\": 96"));
    }

    @Test
    void moreHeldOutPairsThanTestImagesIsRefusedNamingTheSetting() {
        TrainConfig cfg = config(10, 401);
        List<SettingProblem> p = cfg.problems(DATA);
        assertEquals(1, p.size(), p.toString());
        assertEquals("snapshotPairs", p.get(0).key());
        assertTrue(p.get(0).toString().contains("401 is more than the 400 test images"), p.get(0).toString());
        TrainConfig.Builder b = cfg.toBuilder();
        b.snapshotPairs = 8;
        assertEquals("snapshotPairs", b.build().problems().get(0).key(), "below the minimum of 16");
    }
}
