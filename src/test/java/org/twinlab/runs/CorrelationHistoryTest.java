package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.data.Dataset;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;

/** C's history: written during a run and readable while it trains, read back cell for cell, block means above 256. */
class CorrelationHistoryTest {
    private static final Dataset DATA = TestRuns.sampleSubset(640, 200);
    @TempDir
    Path root;

    @Test
    void everySnapshotOfARunIsReadableWhileItTrainsAndRoundTrips() {
        TrainConfig.Builder b = TestRuns.small(20).toBuilder();
        b.dataset = DATA.name();
        b.projectorWidth = 48;
        b.snapshotEvery = 4;
        List<TrainingEvent.Correlation> seen = new ArrayList<>();
        List<Integer> readDuring = new ArrayList<>();
        RunSession s = RunSession.create(root, b.build(), DATA, "test");
        Path dir = s.folder().dir();
        s.probes(false).listener(e -> {
            if (e instanceof TrainingEvent.Correlation c) {
                seen.add(c);
                readDuring.add(RunHistory.correlationHistory(dir).snapshots().size()); // the recorder wrote it first
            }
        }).run();
        assertEquals(List.of(1, 4, 8, 12, 16, 20), seen.stream().map(TrainingEvent.Correlation::step).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), readDuring, "each snapshot is on disk as soon as it is taken");
        CorrelationHistory.Contents h = RunHistory.correlationHistory(dir);
        assertNull(h.problem());
        assertEquals(seen.size(), h.snapshots().size());
        for (int k = 0; k < seen.size(); k++) {
            TrainingEvent.Correlation c = seen.get(k);
            CorrelationHistory.Snapshot got = h.snapshots().get(k);
            assertEquals(c.step(), got.step());
            assertEquals(48, got.dim());
            assertEquals(48, got.side(), "every cell at D <= 256");
            assertEquals(c.meanDiagonal(), got.meanDiagonal(), 1e-6);
            assertEquals(c.meanAbsOffDiagonal(), got.meanAbsOffDiagonal(), 1e-6);
            assertEquals(c.effectiveRank(), got.effectiveRank(), 1e-4 * Math.max(1, c.effectiveRank()));
            assertCells(c.values(), got.values());
        }
        TrainingEvent.Correlation last = seen.get(seen.size() - 1);
        assertTrue(h.snapshots().get(0).meanDiagonal() < last.meanDiagonal(), "C moved towards the identity");
    }

    /**
     * Above 256 a side, the kept cells are the means of C's blocks, to 256 x 256 (512: 2 x 2 blocks; 300: 1 or 2),
     * a diagonal block the mean of its diagonal cells (as the heatmap pools a wide C).
     */
    @Test
    void widerMatricesAreKeptAsBlockMeans() throws Exception {
        Path file = root.resolve(CorrelationHistory.FILE);
        for (int side : new int[] {300, 512, 256}) {
            float[] v = randomC(side, side);
            CorrelationHistory.append(file, event(side, side, v));
        }
        CorrelationHistory.Contents h = CorrelationHistory.read(file);
        assertNull(h.problem());
        assertEquals(3, h.snapshots().size());
        CorrelationHistory.Snapshot s512 = h.snapshots().get(1);
        assertEquals(256, s512.side());
        assertEquals(512, s512.dim());
        assertEquals(2.0, s512.indexScale());
        float[] v512 = randomC(512, 512);
        float[] means = new float[256 * 256];
        for (int i = 0; i < 256; i++) {
            for (int j = 0; j < 256; j++) {
                means[i * 256 + j] = i == j ? (v512[2 * i * 512 + 2 * i] + v512[(2 * i + 1) * 512 + 2 * i + 1]) / 2f
                        : (v512[2 * i * 512 + 2 * j] + v512[2 * i * 512 + 2 * j + 1]
                        + v512[(2 * i + 1) * 512 + 2 * j] + v512[(2 * i + 1) * 512 + 2 * j + 1]) / 4f;
            }
        }
        assertCells(means, s512.values());
        CorrelationHistory.Snapshot s300 = h.snapshots().get(0);
        assertEquals(256, s300.side());
        float[] v300 = randomC(300, 300);
        assertEquals(v300[0], s300.value(0, 0), 1.5f / 127, "block 0 of 300 is one cell");
        assertEquals(256, h.snapshots().get(2).side());
        assertCells(randomC(256, 256), h.snapshots().get(2).values());
    }

    @Test
    void aTornLastSnapshotIsDroppedAndADamagedOneStopsTheReadingInOneLine() throws Exception {
        Path file = root.resolve(CorrelationHistory.FILE);
        for (int k = 0; k < 3; k++) {
            CorrelationHistory.append(file, event(k + 1, 64, randomC(64, k)));
        }
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 10));
        CorrelationHistory.Contents torn = CorrelationHistory.read(file);
        assertEquals(2, torn.snapshots().size());
        assertFalse(torn.damaged());
        assertEquals("correlation-history.bin: truncated (its last snapshot is incomplete; the 2 before it are whole)",
                torn.problem());

        byte[] flipped = whole.clone();
        flipped[whole.length / 2] ^= 0x10;
        Files.write(file, flipped);
        CorrelationHistory.Contents bad = CorrelationHistory.read(file);
        assertTrue(bad.damaged());
        assertTrue(bad.problem().matches("correlation-history\\.bin: damaged at byte \\d+ \\(a snapshot fails its "
                + "checksum; the 1 before it are whole\\)"), bad.problem());
        assertEquals(1, bad.snapshots().size());

        Files.writeString(file, "step,loss\n1,2\n");
        assertEquals("correlation-history.bin: damaged (not a history of C)", CorrelationHistory.read(file).problem());
        assertEquals(CorrelationHistory.Contents.NONE, CorrelationHistory.read(root.resolve("absent.bin")),
                "an older run has no history and that is no problem");
    }

    @Test
    void aResumedRunCutsItsHistoryBackToTheCheckpoint() throws Exception {
        Path file = root.resolve(CorrelationHistory.FILE);
        for (int step : new int[] {1, 5, 10, 15}) {
            CorrelationHistory.append(file, event(step, 16, randomC(16, step)));
        }
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length + 7)); // a torn record after them
        CorrelationHistory.truncateAfter(file, 10);
        CorrelationHistory.Contents h = CorrelationHistory.read(file);
        assertNull(h.problem());
        assertEquals(List.of(1, 5, 10), h.snapshots().stream().map(CorrelationHistory.Snapshot::step).toList());
    }

    /** Each cell within half a quantisation step (the snapshot's largest |value| / 254) of what C held. */
    static void assertCells(float[] want, float[] got) {
        assertEquals(want.length, got.length);
        float max = 0;
        for (float v : want) {
            max = Math.max(max, Math.abs(v));
        }
        float tol = max / 254f + 1e-6f;
        for (int i = 0; i < want.length; i++) {
            if (Math.abs(want[i] - got[i]) > tol) {
                throw new AssertionError("cell " + i + ": " + got[i] + " for " + want[i] + " (tolerance " + tol + ")");
            }
        }
    }

    static float[] randomC(int side, long seed) {
        Random r = new Random(seed);
        float[] v = new float[side * side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                v[i * side + j] = i == j ? 0.5f + 0.5f * r.nextFloat() : (float) (0.2 * r.nextGaussian());
            }
        }
        return v;
    }

    static TrainingEvent.Correlation event(int step, int side, float[] v) {
        int bins = TrainingEvent.Correlation.HISTOGRAM_BINS;
        return new TrainingEvent.Correlation(step, side, side, 1, v, 0, 0, side, v, 0.7, 0.1, new int[bins],
                new int[bins], 3.0, 0.5);
    }
}
