package org.twinlab.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.tracker.ParameterTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.twinlab.augment.AugmentConfig;
import org.twinlab.augment.TwoViewAugmenter;
import org.twinlab.data.Dataset;
import org.twinlab.data.ImageShape;
import org.twinlab.eval.BaselineCache;
import org.twinlab.eval.ProbeResult;
import org.twinlab.eval.ProbeSuite;
import org.twinlab.model.BarlowTwinsLoss;
import org.twinlab.model.EmbeddingDiagnostics;
import org.twinlab.model.Objective;
import org.twinlab.model.TwinNetwork;

/**
 * The training loop, for any {@link Objective}. Each step augments a batch twice (the next batch is
 * prepared while the current one trains), embeds both views with the shared network, computes the loss,
 * back-propagates and updates, all inside its own NDManager sub-scope that closes at the end of the
 * step; the step reads its loss and terms back to the host once. It publishes immutable events to its
 * listeners and takes requests from a {@link RunControl} between steps. Checkpoints hold the whole
 * training state, so a resumed run continues exactly as if it had not stopped.
 */
public final class TrainingLoop {
    /** Batches augmented ahead on a GPU. */
    static final int GPU_PREFETCH = 3;
    private final TrainConfig config;
    private final Dataset dataset;
    private final RunControl control;
    private final List<TrainingEventListener> listeners = new ArrayList<>();
    private Checkpoint.Sink checkpoints;
    private Checkpoint.Source resume;
    private boolean baselines = true;
    private BaselineCache baselineCache = BaselineCache.shared();
    private boolean probes = true;
    private String runFolder;
    /** Steps done so far: a failure is reported at the step it happened, not where the run began. */
    private int stepsDone;

    public TrainingLoop(TrainConfig config, Dataset dataset, RunControl control) {
        SettingProblem.throwIfAny(config.problems(dataset));
        this.config = config;
        this.dataset = dataset;
        this.control = control;
    }

    public TrainingLoop listener(TrainingEventListener l) {
        listeners.add(l);
        return this;
    }

    public TrainingLoop checkpoints(Checkpoint.Sink sink, String folder) {
        this.checkpoints = sink;
        this.runFolder = folder;
        return this;
    }

    /** Continue from a checkpoint. */
    public TrainingLoop resumeFrom(Checkpoint.Source source) {
        this.resume = source;
        return this;
    }

    /** Whether to probe the untrained encoder and the raw pixels before the first step. */
    public TrainingLoop baselines(boolean on) {
        this.baselines = on;
        return this;
    }

    /** Where the baselines of earlier runs are kept ({@link BaselineCache#shared()} unless set). */
    public TrainingLoop baselineCache(BaselineCache cache) {
        this.baselineCache = cache;
        return this;
    }

    /** Whether to probe at all (benchmarks time training alone). */
    public TrainingLoop probes(boolean on) {
        this.probes = on;
        return this;
    }

    public TrainConfig config() {
        return config;
    }

    public int stepsPerEpoch() {
        return config.stepsPerEpoch(dataset);
    }

    public int totalSteps() {
        return config.totalSteps(dataset);
    }

    /** The augmentation the run uses: the configured one, or the official recipe for this image size. */
    public AugmentConfig augmentation() {
        return config.augment() != null ? config.augment() : AugmentConfig.official(dataset.shape());
    }

    /** Runs to the end, a stop or a failure, and returns which; problems become a FAILED event, never an exception. */
    public RunState run() {
        int firstStep = resume == null ? 0 : resume.step();
        stepsDone = firstStep;
        Gradients.recordOnlyInCollector(); // whichever thread runs the loop
        Device device;
        try {
            device = Devices.select(config.device());
        } catch (RuntimeException e) {
            publish(new TrainingEvent.State(RunState.FAILED, firstStep, e.getMessage()));
            return RunState.FAILED;
        }
        // augmentation runs on its own background pool, not the common pool: on the CPU one thread (a batch
        // takes it a few percent of a step, and a second thread would take a core from the engine's intra-op
        // threads mid-product); on a GPU every core, the CPU only augments
        ExecutorService prefetch = BackgroundThreads.pool("twinlab-augment",
                device.isGpu() ? Runtime.getRuntime().availableProcessors() : 1);
        try (NDManager root = NDManager.newBaseManager(device)) {
            TwinNetwork made;
            GradientTurns.take(); // the engine's random generator is one a process: seed and draw the weights in one go
            try {
                Engine.getInstance().setRandomSeed((int) config.seed());
                made = new TwinNetwork(root, config.model(), dataset.shape());
            } finally {
                GradientTurns.give();
            }
            try (TwinNetwork net = made) {
                LiveRate rate = new LiveRate();
                StatefulOptimizer optimizer = Optimizers.create(config.optimizer(), rate, config.weightDecay());
                if (resume != null) {
                    restore(root, net, optimizer);
                } else if (!config.initEncoder().isBlank()) {
                    EncoderInitializer.find().initialize(java.nio.file.Path.of(config.initEncoder()), net);
                }
                return loop(root, net, device, optimizer, rate, prefetch, firstStep);
            }
        } catch (IOException | UncheckedIOException e) {
            publish(new TrainingEvent.State(RunState.FAILED, stepsDone, e.getMessage()));
            return RunState.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            publish(new TrainingEvent.State(RunState.STOPPED, stepsDone, "interrupted"));
            return RunState.STOPPED;
        } catch (EngineException | IllegalArgumentException | IllegalStateException | OutOfMemoryError e) {
            publish(new TrainingEvent.State(RunState.FAILED, stepsDone, describe(e)));
            return RunState.FAILED;
        } finally {
            prefetch.shutdownNow();
        }
    }

    private void restore(NDManager root, TwinNetwork net, StatefulOptimizer optimizer) throws IOException {
        resume.loadNetwork(net);
        NDList state = resume.optimizerState(root);
        if (state == null) {
            publish(new TrainingEvent.Notice(resume.step(), "the checkpoint has no optimizer state (an older Twinlab "
                    + "wrote it): the weights continue, the optimizer starts afresh"));
        } else {
            try {
                optimizer.restoreState(net.trainableParameters(), state);
            } finally {
                state.close();
            }
        }
        control.restoreLive(resume.lambda(), resume.learningRate());
    }

    private static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof OutOfMemoryError || m.toLowerCase().contains("out of memory")) {
            return "out of memory: lower the batch size or the projector width (" + m + ")";
        }
        return m;
    }

    private RunState loop(NDManager root, TwinNetwork net, Device device, StatefulOptimizer optimizer, LiveRate rate,
                          ExecutorService prefetch, int firstStep) throws IOException, InterruptedException {
        int spe = stepsPerEpoch();
        int total = totalSteps();
        int b = config.batchSize();
        ImageShape shape = dataset.shape();
        Objective objective = config.objective().create();
        TwoViewAugmenter augmenter = TwoViewAugmenter.forDataset(dataset, augmentation());
        HeldOutPairs heldOut = config.snapshotPairs() > 0
                ? HeldOutPairs.draw(dataset, augmenter, config.snapshotPairs(), config.seed()) : null;
        int warmup = (int) Math.round(config.warmupEpochs() * spe);
        String warmupNote = null;
        if (warmup >= total && total > 1) {
            // a warm-up as long as the run would never reach the rate set (a 30-step demo under a 1-epoch
            // warm-up trains at a few percent of it): it takes half the run instead, and says so
            int cut = total / 2;
            warmupNote = String.format(java.util.Locale.ROOT, "the warm-up of %s %s (%d steps) is as long as this "
                    + "%d-step run: it takes %d steps instead", Settings.WARMUP_EPOCHS.format(config.warmupEpochs()),
                    config.warmupEpochs() == 1 ? "epoch" : "epochs", warmup, total, cut);
            warmup = cut;
        }
        LearningRateSchedule schedule = new LearningRateSchedule(config.schedule(), warmup, total);
        List<Parameter> params = net.trainableParameters();
        int probeSteps = config.probeEvery() > 0 ? (int) Math.max(1, Math.round(config.probeEvery() * spe)) : 0;
        int checkpointSteps = config.checkpointEvery() > 0 ? config.checkpointEvery() : spe;

        publish(new TrainingEvent.Started(config, Devices.describe(device), firstStep, total, spe,
                net.parameterCount(), runFolder, objective.terms()));
        publish(new TrainingEvent.State(RunState.RUNNING, firstStep, null));
        if (warmupNote != null) {
            publish(new TrainingEvent.Notice(firstStep, warmupNote));
        }
        if (probes && baselines && firstStep == 0) {
            // the same numbers every time for the same inputs: stored, so that Start trains at once
            if (config.initEncoder().isBlank()) {
                publishProbe(0, baselineCache.randomEncoder(dataset, config.model(), config.seed(), device,
                        () -> ProbeSuite.encoder(ProbeResult.RANDOM, net, dataset, root, 0, 0.0, config.seed())));
            } else {
                probe(root, net, 0, ProbeResult.INITIAL);
            }
            publish(new TrainingEvent.Probe(baselineCache.pixels(dataset, config.seed(), device,
                    () -> ProbeSuite.pixels(dataset, root, config.seed()))));
        }

        // batches augmented ahead of the step: one on the CPU (augmentation and training share its cores); on a GPU
        // the CPU only augments, so several batches in flight keep the device fed
        int depth = device.isGpu() ? GPU_PREFETCH : 1;
        java.util.ArrayDeque<CompletableFuture<float[][]>> ahead = new java.util.ArrayDeque<>();
        for (int k = firstStep; k < Math.min(total, firstStep + depth); k++) {
            ahead.add(prepare(prefetch, augmenter, k, spe));
        }
        long activeNanos = 0;
        long[] recent = new long[20];
        int step = firstStep;
        boolean paused = false;
        int lastProbe = -1;
        double lastLambda = control.lambda(config.lambda());
        double lastBaseRate = control.learningRate(config.learningRate());
        while (step < total) {
            if (control.isPaused() && !paused) {
                paused = true;
                publish(new TrainingEvent.State(RunState.PAUSED, step, null));
            }
            RunControl.Turn turn = control.awaitTurn();
            if (turn == RunControl.Turn.STOP) {
                return finish(net, optimizer, step, RunState.STOPPED, "stopped at step " + step + " by request");
            }
            if (paused && !control.isPaused()) {
                paused = false;
                publish(new TrainingEvent.State(RunState.RUNNING, step, null));
            }
            long t0 = System.nanoTime();
            float[][] views = await(ahead.poll());
            if (step + depth < total) {
                ahead.add(prepare(prefetch, augmenter, step + depth, spe));
            }
            double lambda = control.lambda(config.lambda());
            double baseRate = control.learningRate(config.learningRate());
            if (lambda != lastLambda) {
                publish(new TrainingEvent.LiveChange(step, Settings.LAMBDA.key(), lambda));
                lastLambda = lambda;
            }
            if (baseRate != lastBaseRate) {
                publish(new TrainingEvent.LiveChange(step, Settings.LEARNING_RATE.key(), baseRate));
                lastBaseRate = baseRate;
            }
            double lr = baseRate * schedule.factor(step);
            rate.value = (float) lr;
            boolean snapshotDue = (step + 1) % config.snapshotEvery() == 0 || step + 1 == total || step == firstStep
                    || turn == RunControl.Turn.SINGLE_STEP;
            float[] values;
            TrainingEvent.Correlation snapshot = null;
            try (NDManager sm = root.newSubManager()) {
                Shape s = new Shape(b, shape.channels(), shape.height(), shape.width());
                NDArray xa = sm.create(views[0], s);
                NDArray xb = sm.create(views[1], s);
                NDArray za;
                NDArray zb;
                Objective.Loss loss;
                GradientTurns.take(); // one collector per process: a race's two runs take turns here
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    za = net.embed(xa, true);
                    zb = net.embed(xb, true);
                    loss = objective.compute(za, zb, new Objective.Context(lambda, config.temperature(), net.predictor()));
                    gc.backward(loss.total());
                } finally {
                    GradientTurns.give();
                }
                // one read back to the host per step: the total and its terms together
                NDList scalars = new NDList(loss.total());
                scalars.addAll(loss.terms());
                values = NDArrays.stack(scalars).toFloatArray();
                if (!Float.isFinite(values[0])) {
                    return fail(step + 1, "the loss became " + values[0] + " at step " + (step + 1)
                            + " (diverged: lower the learning rate or lambda); the last checkpoint is kept");
                }
                for (Parameter p : params) {
                    NDArray w = p.getArray();
                    try (NDArray g = w.getGradient()) {
                        optimizer.update(p.getId(), w, g);
                    }
                }
                if (snapshotDue && heldOut == null) {
                    snapshot = snapshot(loss, za.stopGradient(), zb.stopGradient(), step + 1);
                }
            }
            if (snapshotDue && heldOut != null) {
                // after the update, in its own scope: C of the network this step leaves, on the same pairs every time
                snapshot = heldOut.snapshot(root, net, step + 1, control.regionRow(), control.regionCol());
            }
            step++;
            stepsDone = step;
            long dt = System.nanoTime() - t0;
            activeNanos += dt;
            recent[step % recent.length] = dt;
            int window = Math.min(step - firstStep, recent.length);
            long windowNanos = 0;
            for (int i = 0; i < window; i++) {
                windowNanos += recent[(step - i) % recent.length];
            }
            double pairsPerSecond = window * (double) b / (windowNanos / 1e9);
            double[] terms = new double[values.length - 1];
            for (int i = 0; i < terms.length; i++) {
                terms[i] = values[i + 1];
            }
            publish(new TrainingEvent.Step(step, (double) step / spe, values[0], terms, lambda, lr, pairsPerSecond,
                    activeNanos / 1e9, root.getManagedArrays().size(), ResidentMemory.megabytes()));
            if (snapshot != null) {
                publish(snapshot);
            }
            if (probes && probeSteps > 0 && step % probeSteps == 0) {
                probe(root, net, step, ProbeResult.TRAINED);
                lastProbe = step;
            }
            if (checkpoints != null && step % checkpointSteps == 0 && step < total) {
                save(net, optimizer, step);
            }
        }
        if (probes && lastProbe != step) {
            probe(root, net, step, ProbeResult.TRAINED);
        }
        return finish(net, optimizer, step, RunState.FINISHED, null);
    }

    /** C as the objective sees it (or the standard C for objectives without one) and the collapse gauges. */
    private TrainingEvent.Correlation snapshot(Objective.Loss loss, NDArray za, NDArray zb, int step) {
        NDArray c = loss.matrix() != null ? loss.matrix().stopGradient() : BarlowTwinsLoss.crossCorrelation(za, zb);
        EmbeddingDiagnostics d = EmbeddingDiagnostics.of(za);
        return CorrelationSnapshots.of(c, step, control.regionRow(), control.regionCol(), d.effectiveRank(), d.spread());
    }

    private void save(TwinNetwork net, StatefulOptimizer optimizer, int step) throws IOException {
        try (NDList state = optimizer.saveState(net.trainableParameters())) {
            checkpoints.save(new Checkpoint(step, net, state, control.liveLambda(), control.liveLearningRate()));
        }
    }

    private RunState finish(TwinNetwork net, StatefulOptimizer optimizer, int step, RunState state, String message)
            throws IOException {
        if (checkpoints != null && step > 0) {
            save(net, optimizer, step);
        }
        publish(new TrainingEvent.State(state, step, message));
        return state;
    }

    private RunState fail(int step, String message) {
        publish(new TrainingEvent.State(RunState.FAILED, step, message));
        return RunState.FAILED;
    }

    private void probe(NDManager root, TwinNetwork net, int step, String label) {
        publishProbe(step, ProbeSuite.encoder(label, net, dataset, root, step, (double) step / stepsPerEpoch(), config.seed()));
    }

    private void publishProbe(int step, ProbeSuite.Outcome o) {
        publish(new TrainingEvent.Probe(o.result()));
        publish(new TrainingEvent.Embedding(step, o.embedding().x(), o.embedding().y(), o.embedding().labels(),
                dataset.classNames()));
    }

    /** Augments the batch of {@code step} on the prefetch thread: its images and seed depend on the step alone. */
    private CompletableFuture<float[][]> prepare(ExecutorService pool, TwoViewAugmenter augmenter, int step, int spe) {
        return CompletableFuture.supplyAsync(() -> {
            int b = config.batchSize();
            int epoch = step / spe;
            int[] order = epochOrder(epoch);
            int[] idx = new int[b];
            System.arraycopy(order, (step % spe) * b, idx, 0, b);
            int n = dataset.shape().size() * b;
            float[] a = new float[n];
            float[] v = new float[n];
            augmenter.views(dataset.train(), idx, config.seed() * 1_000_003L + step, a, v, true);
            return new float[][] {a, v};
        }, pool);
    }

    private int cachedEpoch = -1;
    private int[] cachedOrder;

    /** The seeded shuffle of the train split for one epoch (prefetch threads; several may ask at once on a GPU). */
    private synchronized int[] epochOrder(int epoch) {
        if (epoch != cachedEpoch) {
            int n = dataset.train().size();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            SplittableRandom rnd = new SplittableRandom(config.seed() * 31 + epoch);
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            cachedOrder = order;
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }

    private static float[][] await(CompletableFuture<float[][]> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("augmentation failed: " + c, c);
        }
    }

    private void publish(TrainingEvent e) {
        for (TrainingEventListener l : listeners) {
            l.onEvent(e);
        }
    }

    /** The learning rate of the current step, read by the optimizer for every parameter. */
    private static final class LiveRate implements ParameterTracker {
        volatile float value;

        @Override
        public float getNewValue(String parameterId, int numUpdate) {
            return value;
        }
    }
}
