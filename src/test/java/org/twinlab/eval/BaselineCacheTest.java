package org.twinlab.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.data.Dataset;
import org.twinlab.train.RunControl;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;
import org.twinlab.train.TrainingLoop;

/**
 * The baselines a run probes before step 1 come from the cache exactly as a fresh probe computes them (the
 * random encoder is the run's own initial weights), the training that follows is the same run, and a key
 * that differs (another seed, another dataset) or a damaged file is computed afresh.
 */
@org.twinlab.Slow
class BaselineCacheTest {
    private static final Dataset DATA = TestRuns.sampleSubset(320, 160);

    @TempDir
    Path dir;

    /** The baselines' probe events and the random encoder's PCA, and the losses, of a 3-step run. */
    record Seen(List<ProbeResult> baselines, TrainingEvent.Embedding embedding, List<Double> losses) {
    }

    private static Seen run(BaselineCache cache, Dataset ds, long seed) {
        TrainConfig.Builder b = TestRuns.small(3).toBuilder();
        b.seed = seed;
        TestRuns.Collector c = new TestRuns.Collector();
        new TrainingLoop(b.build().validated(), ds, new RunControl()).baselineCache(cache).listener(c).run();
        List<ProbeResult> probes = c.of(TrainingEvent.Probe.class).stream().map(TrainingEvent.Probe::result)
                .filter(p -> !p.encoder().equals(ProbeResult.TRAINED)).toList();
        assertEquals(List.of(ProbeResult.RANDOM, ProbeResult.PIXELS), probes.stream().map(ProbeResult::encoder).toList());
        return new Seen(probes, c.of(TrainingEvent.Embedding.class).get(0),
                c.of(TrainingEvent.Step.class).stream().map(TrainingEvent.Step::loss).toList());
    }

    private static void same(Seen fresh, Seen cached) {
        // the numbers to the last bit; the seconds a probe took are its own (a stored one keeps what it cost then)
        assertEquals(numbers(fresh.baselines()), numbers(cached.baselines()), "the same probe numbers");
        assertEquals(0, fresh.embedding().step());
        assertEquals(0, cached.embedding().step());
        assertArrayEquals(fresh.embedding().x(), cached.embedding().x());
        assertArrayEquals(fresh.embedding().y(), cached.embedding().y());
        assertArrayEquals(fresh.embedding().labels(), cached.embedding().labels());
        assertEquals(fresh.embedding().classNames(), cached.embedding().classNames());
        for (int i = 0; i < fresh.losses().size(); i++) {
            assertEquals(fresh.losses().get(i), cached.losses().get(i), 1e-3 * fresh.losses().get(i),
                    "skipping the probe does not change the training");
        }
    }

    private static List<ProbeResult> numbers(List<ProbeResult> probes) {
        return probes.stream().map(p -> new ProbeResult(p.encoder(), p.step(), p.epoch(), p.linearTop1(), p.linearTop5(),
                p.knnTop1(), 0)).toList();
    }

    @Test
    void aCachedBaselineIsTheFreshOneAndALaterSessionReadsIt() throws Exception {
        Path folder = dir.resolve("baselines");
        BaselineCache first = new BaselineCache(folder);
        Seen fresh = run(first, DATA, 7);
        assertEquals(2, first.computed(), "the random encoder and the pixels, computed once");
        Seen fromMemory = run(first, DATA, 7);
        assertEquals(2, first.computed(), "the second run computes nothing");
        same(fresh, fromMemory);
        assertEquals(fresh.baselines(), fromMemory.baselines(), "the stored result itself, its seconds too");

        BaselineCache later = new BaselineCache(folder); // the next session: the files alone
        Seen fromDisk = run(later, DATA, 7);
        assertEquals(0, later.computed());
        same(fresh, fromDisk);

        // a probe from scratch, no cache anywhere: the numbers the cache handed out
        BaselineCache none = new BaselineCache(null);
        Seen again = run(none, DATA, 7);
        assertEquals(2, none.computed());
        same(again, fromDisk);
    }

    @Test
    void anotherSeedOrDatasetIsComputedAndADamagedFileIsComputedAgain() throws Exception {
        Path folder = dir.resolve("baselines");
        BaselineCache cache = new BaselineCache(folder);
        Seen seven = run(cache, DATA, 7);
        Seen eight = run(cache, DATA, 8);
        assertEquals(4, cache.computed(), "a new seed: new initial weights, new probe seeds");
        assertFalse(java.util.Arrays.equals(seven.embedding().x(), eight.embedding().x()),
                "another seed's random encoder has other features");

        Dataset other = new Dataset("other", DATA.source(), DATA.classNames(), DATA.train().subset(range(1, 320)),
                DATA.test());
        run(cache, other, 7);
        assertEquals(6, cache.computed(), "other images: another key even where the name and source are alike");

        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.toList();
        }
        assertEquals(6, files.size(), files.toString());
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            Files.write(f, java.util.Arrays.copyOf(b, b.length / 2)); // a half-written file
        }
        BaselineCache later = new BaselineCache(folder);
        same(seven, run(later, DATA, 7));
        assertEquals(2, later.computed(), "the damaged files are computed again");
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
