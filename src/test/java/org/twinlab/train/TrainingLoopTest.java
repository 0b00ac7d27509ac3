package org.twinlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.eval.ProbeResult;

@org.twinlab.Slow
class TrainingLoopTest {
    private static final Dataset SAMPLE = DatasetCatalog.open(DatasetCatalog.SAMPLE);

    @Test
    void aShortRunLowersTheLossAndPublishesEveryKindOfEvent() {
        TestRuns.Collector c = new TestRuns.Collector();
        RunState end = new TrainingLoop(TestRuns.small(40), SAMPLE, new RunControl()).listener(c).run();
        assertEquals(RunState.FINISHED, end);
        TrainingEvent.Started started = c.of(TrainingEvent.Started.class).get(0);
        assertEquals(40, started.totalSteps());
        assertEquals(8000 / 64, started.stepsPerEpoch());
        List<TrainingEvent.Step> steps = c.of(TrainingEvent.Step.class);
        assertEquals(40, steps.size());
        for (int i = 0; i < steps.size(); i++) {
            TrainingEvent.Step s = steps.get(i);
            assertEquals(i + 1, s.step());
            assertEquals(2, s.terms().length, "Barlow Twins: invariance and lambda x redundancy");
            assertEquals(s.terms()[0] + s.terms()[1], s.loss(), 1e-4 * s.loss(), "the terms sum to the loss");
            assertTrue(s.pairsPerSecond() > 0);
        }
        double first = (steps.get(0).loss() + steps.get(1).loss() + steps.get(2).loss()) / 3;
        double last = (steps.get(37).loss() + steps.get(38).loss() + steps.get(39).loss()) / 3;
        assertTrue(last < 0.8 * first, "loss falls: " + first + " -> " + last);

        List<TrainingEvent.Correlation> snaps = c.of(TrainingEvent.Correlation.class);
        assertTrue(snaps.size() >= 8, "a snapshot every 5 steps and at the first");
        TrainingEvent.Correlation lastSnap = snaps.get(snaps.size() - 1);
        assertEquals(128, lastSnap.dim());
        assertEquals(128 * 128, lastSnap.values().length);
        assertTrue(lastSnap.meanDiagonal() > snaps.get(0).meanDiagonal(), "the diagonal of C rises");
        assertEquals(128, java.util.Arrays.stream(lastSnap.diagonalHistogram()).sum());
        assertEquals(128 * 127, java.util.Arrays.stream(lastSnap.offDiagonalHistogram()).sum());

        List<ProbeResult> probes = c.of(TrainingEvent.Probe.class).stream().map(TrainingEvent.Probe::result).toList();
        assertEquals(List.of(ProbeResult.RANDOM, ProbeResult.PIXELS, ProbeResult.TRAINED),
                probes.stream().map(ProbeResult::encoder).toList());
        for (ProbeResult p : probes) {
            assertTrue(p.linearTop1() > 0.5 && p.linearTop1() <= p.linearTop5() && p.knnTop1() > 0.4, p.toString());
        }
        TrainingEvent.Embedding emb = c.of(TrainingEvent.Embedding.class).get(1);
        assertEquals(2000, emb.x().length);
        List<TrainingEvent.State> states = c.of(TrainingEvent.State.class);
        assertEquals(RunState.FINISHED, states.get(states.size() - 1).state());
    }

    @Test
    void aLongRunDoesNotGrowInArraysOrMemory() {
        TrainConfig.Builder b = TestRuns.small(160).toBuilder();
        b.batchSize = 32;
        b.projectorWidth = 64;
        TestRuns.Collector c = new TestRuns.Collector();
        assertEquals(RunState.FINISHED, new TrainingLoop(b.build(), SAMPLE, new RunControl()).probes(false).listener(c).run());
        List<TrainingEvent.Step> steps = c.of(TrainingEvent.Step.class);
        int atTen = steps.get(9).liveArrays();
        for (TrainingEvent.Step s : steps.subList(10, steps.size())) {
            assertEquals(atTen, s.liveArrays(), "NDArrays alive after step " + s.step());
        }
        double early = steps.get(39).residentMegabytes();
        double late = steps.get(159).residentMegabytes();
        if (!Double.isNaN(early)) {
            assertTrue(late - early < 64, "resident memory from step 40 to 160: " + early + " -> " + late + " MB");
        }
    }

    @Test
    void pauseStepResumeAndStopActBetweenSteps() throws Exception {
        RunControl control = new RunControl();
        TestRuns.Collector c = new TestRuns.Collector();
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch threeSteps = new CountDownLatch(3);
        Semaphore stepsDone = new Semaphore(0);
        TrainingLoop t = new TrainingLoop(TestRuns.small(10_000), SAMPLE, control).probes(false).listener(c).listener(e -> {
            if (e instanceof TrainingEvent.State s && s.state() == RunState.PAUSED) {
                paused.countDown();
            }
            if (e instanceof TrainingEvent.Step) {
                threeSteps.countDown();
                stepsDone.release();
            }
        });
        control.pause();
        CompletableFuture<RunState> run = CompletableFuture.supplyAsync(t::run);
        assertTrue(paused.await(60, TimeUnit.SECONDS), "the run reports that it is paused");
        assertEquals(0, c.of(TrainingEvent.Step.class).size(), "no step while paused");
        control.step();
        control.step();
        assertTrue(stepsDone.tryAcquire(2, 60, TimeUnit.SECONDS));
        assertEquals(2, c.of(TrainingEvent.Step.class).size(), "exactly the two granted steps");
        control.resume();
        assertTrue(threeSteps.await(60, TimeUnit.SECONDS));
        control.stop();
        assertEquals(RunState.STOPPED, run.get(60, TimeUnit.SECONDS));
        TrainingEvent.State last = c.of(TrainingEvent.State.class).get(c.of(TrainingEvent.State.class).size() - 1);
        assertEquals(RunState.STOPPED, last.state());
        assertTrue(last.step() < 10_000);
    }

    @Test
    void lambdaAndLearningRateChangesTakeEffectAtTheNextStep() {
        RunControl control = new RunControl();
        TestRuns.Collector c = new TestRuns.Collector();
        TrainConfig.Builder b = TestRuns.small(6).toBuilder();
        b.warmupEpochs = 0; // the rate before the change is then the configured one
        new TrainingLoop(b.build(), SAMPLE, control).probes(false).listener(c).listener(e -> {
            if (e instanceof TrainingEvent.Step s && s.step() == 3) {
                control.setLambda(0.5);
                control.setLearningRate(1e-4);
            }
        }).run();
        List<TrainingEvent.Step> steps = c.of(TrainingEvent.Step.class);
        assertEquals(0.0051, steps.get(2).lambda(), 1e-12);
        assertEquals(0.5, steps.get(3).lambda(), 1e-12);
        assertEquals(steps.get(3).terms()[0] + steps.get(3).terms()[1], steps.get(3).loss(), 1e-4 * steps.get(3).loss());
        assertTrue(steps.get(3).terms()[1] > 20 * steps.get(2).terms()[1], "lambda 0.5 weighs the redundancy ~100x more");
        List<TrainingEvent.LiveChange> changes = c.of(TrainingEvent.LiveChange.class);
        assertEquals(List.of(new TrainingEvent.LiveChange(3, "lambda", 0.5), new TrainingEvent.LiveChange(3, "learningRate", 1e-4)),
                changes, "each live change is an event at the step it acts from");
        assertTrue(steps.get(3).learningRate() <= 1e-4 && steps.get(2).learningRate() > 1e-3);
    }

    @Test
    void aWarmUpAsLongAsTheRunTakesHalfOfItAndSaysSo() {
        TestRuns.Collector c = new TestRuns.Collector();
        TrainConfig.Builder b = TestRuns.small(6).toBuilder();
        b.warmupEpochs = 1; // far longer than 6 steps: the rate would never reach the one set
        TrainConfig cfg = b.build();
        new TrainingLoop(cfg, SAMPLE, new RunControl()).probes(false).listener(c).run();
        List<TrainingEvent.Notice> notices = c.of(TrainingEvent.Notice.class);
        assertEquals(1, notices.size(), "" + notices);
        assertTrue(notices.get(0).message().endsWith("is as long as this 6-step run: it takes 3 steps instead"),
                notices.get(0).message());
        List<TrainingEvent.Step> steps = c.of(TrainingEvent.Step.class);
        // steps 1-3 warm up to the full rate, then the cosine decay: the 4th step's rate is the highest
        double top = steps.stream().mapToDouble(TrainingEvent.Step::learningRate).max().orElseThrow();
        assertEquals(cfg.learningRate(), top, 1e-3 * cfg.learningRate(), "the run reaches the rate set");
        assertTrue(steps.get(0).learningRate() < steps.get(2).learningRate());
    }

    @Test
    void aDivergingRunFailsWithAMessageNamingTheStep() {
        TrainConfig.Builder b = TestRuns.small(50).toBuilder();
        b.optimizer = OptimizerKind.SGD;
        b.learningRate = 1e12;
        TestRuns.Collector c = new TestRuns.Collector();
        assertEquals(RunState.FAILED, new TrainingLoop(b.build(), SAMPLE, new RunControl()).probes(false).listener(c).run());
        TrainingEvent.State s = c.of(TrainingEvent.State.class).get(c.of(TrainingEvent.State.class).size() - 1);
        assertEquals(RunState.FAILED, s.state());
        assertNotNull(s.message());
        assertTrue(s.message().contains("at step " + s.step()), s.message());
        assertTrue(s.step() < 50);
    }

    @Test
    void badSettingsAreRefusedBeforeAnyWork() {
        TrainConfig.Builder b = TestRuns.small(5).toBuilder();
        b.batchSize = 1;
        b.lambda = -1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingLoop(b.build(), SAMPLE, new RunControl()));
        assertTrue(e.getMessage().contains("batch size") && e.getMessage().contains("lambda"), e.getMessage());
        TrainConfig.Builder big = TestRuns.small(5).toBuilder();
        big.batchSize = 8192;
        e = assertThrows(IllegalArgumentException.class, () -> new TrainingLoop(big.build(), SAMPLE, new RunControl()));
        assertTrue(e.getMessage().contains("8000 training images"), e.getMessage());
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        TestRuns.Collector a = new TestRuns.Collector();
        TestRuns.Collector b = new TestRuns.Collector();
        new TrainingLoop(TestRuns.small(4), SAMPLE, new RunControl()).probes(false).listener(a).run();
        new TrainingLoop(TestRuns.small(4), SAMPLE, new RunControl()).probes(false).listener(b).run();
        List<TrainingEvent.Step> sa = a.of(TrainingEvent.Step.class);
        List<TrainingEvent.Step> sb = b.of(TrainingEvent.Step.class);
        for (int i = 0; i < 4; i++) {
            assertEquals(sa.get(i).loss(), sb.get(i).loss(), 1e-3 * sa.get(i).loss());
        }
        assertFalse(sa.isEmpty());
    }
}
