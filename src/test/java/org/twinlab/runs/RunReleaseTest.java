package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDManager;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.data.Dataset;
import org.twinlab.train.RunState;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;
import org.twinlab.train.TrainingLoop;

/**
 * A finished run leaves nothing behind that a long session would pile up: once its caller lets go, the
 * session, its training loop and what its listeners held can be collected (no cache, thread pool or engine
 * registry keeps them), and its arrays are closed.
 */
@org.twinlab.Slow
class RunReleaseTest {
    private static final Dataset DATA = TestRuns.sampleSubset(640, 200);
    @TempDir
    Path root;

    /** What one run leaves: weak references to its session, its loop and a listener's per-run state. */
    record Left(WeakReference<RunSession> session, WeakReference<TrainingLoop> loop, WeakReference<float[]> listened,
                RunState state) {
    }

    private Left oneRun(int n) {
        TrainConfig.Builder b = TestRuns.small(4).toBuilder();
        b.dataset = DATA.name();
        b.projectorWidth = 48;
        b.name = "release-" + n;
        RunSession s = RunSession.create(root, b.build(), DATA, "test");
        float[] perRun = new float[1 << 20]; // what a window's panel might hold of a run: 4 MB
        s.baselines(false).listener(e -> {
            if (e instanceof TrainingEvent.Step st) {
                perRun[st.step()] = (float) st.loss();
            }
        });
        RunSummary summary = s.run();
        return new Left(new WeakReference<>(s), new WeakReference<>(s.trainer()), new WeakReference<>(perRun),
                summary.state());
    }

    /** Every array open anywhere in the engine (its root manager counts its sub-managers' arrays too). */
    private static int engineArrays() {
        try (NDManager m = NDManager.newBaseManager()) {
            return m.getParentManager().getManagedArrays().size();
        }
    }

    @Test
    void aFinishedRunIsCollectableAndItsArraysAreClosed() throws Exception {
        int before = engineArrays();
        Left first = oneRun(1);
        Left second = oneRun(2);
        assertEquals(RunState.FINISHED, first.state());
        assertEquals(RunState.FINISHED, second.state());
        for (int i = 0; i < 20 && (first.loop().get() != null || second.loop().get() != null); i++) {
            System.gc();
            Thread.sleep(50);
        }
        for (Left l : java.util.List.of(first, second)) {
            assertNull(l.session().get(), "the run's session is still referenced after it ended");
            assertNull(l.loop().get(), "the run's training loop is still referenced after it ended");
            assertNull(l.listened().get(), "a listener's per-run state is still referenced after the run ended");
        }
        assertEquals(before, engineArrays(),
                "arrays left open in the engine's root manager");
    }
}
