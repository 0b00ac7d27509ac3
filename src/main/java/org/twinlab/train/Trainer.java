package org.twinlab.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.io.IOException;
import java.io.InputStream;
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
import org.twinlab.eval.ProbeResult;
import org.twinlab.eval.ProbeSuite;
import org.twinlab.model.BarlowTwinsLoss;
import org.twinlab.model.TwinNetwork;

/**
 * The Barlow Twins training loop. Each step augments a batch twice (the next batch is prepared while
 * the current one trains), embeds both views with the shared network, computes the loss, back-propagates
 * and updates, all inside its own NDManager sub-scope that closes at the end of the step. It publishes
 * immutable events to its listeners and takes requests from a {@link RunControl} between steps.
 */
public final class Trainer {
    /** Where checkpoints go: the run folder, or nowhere. */
    @FunctionalInterface
    public interface CheckpointSink {
        void save(int step, TwinNetwork network) throws IOException;
    }

    /** Opens the parameters of a checkpoint to resume from. */
    @FunctionalInterface
    public interface CheckpointSource {
        InputStream open() throws IOException;
    }

    private final TrainConfig config;
    private final Dataset dataset;
    private final RunControl control;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private CheckpointSink checkpoints;
    private CheckpointSource resumeSource;
    private int resumeStep;
    private boolean baselines = true;
    private boolean probes = true;
    private String runFolder;
    /** Steps done so far: a failure is reported at the step it happened, not where the run began. */
    private int stepsDone;

    public Trainer(TrainConfig config, Dataset dataset, RunControl control) {
        List<String> problems = config.problems(dataset);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.config = config;
        this.dataset = dataset;
        this.control = control;
    }

    public Trainer listener(TrainingListener l) {
        listeners.add(l);
        return this;
    }

    public Trainer checkpoints(CheckpointSink sink, String folder) {
        this.checkpoints = sink;
        this.runFolder = folder;
        return this;
    }

    /** Continue from a checkpoint taken after {@code step} steps. */
    public Trainer resumeFrom(int step, CheckpointSource source) {
        this.resumeStep = step;
        this.resumeSource = source;
        return this;
    }

    /** Whether to probe the untrained encoder and the raw pixels before the first step. */
    public Trainer baselines(boolean on) {
        this.baselines = on;
        return this;
    }

    /** Whether to probe at all (benchmarks time training alone). */
    public Trainer probes(boolean on) {
        this.probes = on;
        return this;
    }

    public int stepsPerEpoch() {
        return dataset.train().size() / config.batchSize();
    }

    public int totalSteps() {
        return config.steps() > 0 ? config.steps() : (int) Math.max(1, Math.round(config.epochs() * stepsPerEpoch()));
    }

    /** The augmentation the run uses: the configured one, or the official recipe for this image size. */
    public AugmentConfig augmentation() {
        return config.augment() != null ? config.augment() : AugmentConfig.official(dataset.shape());
    }

    /** Runs to the end, a stop or a failure, and returns which; problems become a FAILED event, never an exception. */
    public RunState run() {
        Device device;
        try {
            device = Devices.select(config.device());
        } catch (RuntimeException e) {
            publish(new TrainingEvent.State(RunState.FAILED, resumeStep, e.getMessage()));
            return RunState.FAILED;
        }
        // augmentation runs on its own background pool (parallel inside), not the common pool
        ExecutorService prefetch = BackgroundThreads.pool("twinlab-augment", Runtime.getRuntime().availableProcessors());
        stepsDone = resumeStep;
        try (NDManager root = NDManager.newBaseManager(device)) {
            Engine.getInstance().setRandomSeed((int) config.seed());
            try (TwinNetwork net = new TwinNetwork(root, config.model(), dataset.shape())) {
                if (resumeSource != null) {
                    try (InputStream in = resumeSource.open()) {
                        net.load(in);
                    }
                }
                return loop(root, net, device, prefetch);
            }
        } catch (IOException e) {
            publish(new TrainingEvent.State(RunState.FAILED, stepsDone, "checkpoint: " + e.getMessage()));
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

    private static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof OutOfMemoryError || m.toLowerCase().contains("out of memory")) {
            return "out of memory: lower the batch size or the projector width (" + m + ")";
        }
        return m;
    }

    private RunState loop(NDManager root, TwinNetwork net, Device device, ExecutorService prefetch)
            throws IOException, InterruptedException {
        int spe = stepsPerEpoch();
        int total = totalSteps();
        int b = config.batchSize();
        ImageShape shape = dataset.shape();
        TwoViewAugmenter augmenter = TwoViewAugmenter.forDataset(dataset, augmentation());
        LearningRateSchedule schedule = new LearningRateSchedule(config.schedule(),
                (int) Math.round(config.warmupEpochs() * spe), total);
        LiveRate rate = new LiveRate();
        Optimizer optimizer = Optimizers.create(config.optimizer(), rate, config.weightDecay());
        List<Parameter> params = net.trainableParameters();
        int probeSteps = config.probeEvery() > 0 ? (int) Math.max(1, Math.round(config.probeEvery() * spe)) : 0;

        publish(new TrainingEvent.Started(config, Devices.describe(device), resumeStep, total, spe,
                net.parameterCount(), runFolder));
        publish(new TrainingEvent.State(RunState.RUNNING, resumeStep, null));
        if (probes && baselines && resumeStep == 0) {
            probe(root, net, 0, ProbeResult.RANDOM);
            publish(new TrainingEvent.Probe(ProbeSuite.pixels(dataset, root, config.seed())));
        }

        CompletableFuture<float[][]> next = prepare(prefetch, augmenter, resumeStep, spe);
        long activeNanos = 0;
        long[] recent = new long[20];
        int step = resumeStep;
        boolean paused = false;
        int lastProbe = -1;
        while (step < total) {
            if (control.isPaused() && !paused) {
                paused = true;
                publish(new TrainingEvent.State(RunState.PAUSED, step, null));
            }
            if (!control.awaitTurn()) {
                return finish(net, step, RunState.STOPPED, "stopped at step " + step + " by request");
            }
            if (paused && !control.isPaused()) {
                paused = false;
                publish(new TrainingEvent.State(RunState.RUNNING, step, null));
            }
            long t0 = System.nanoTime();
            float[][] views = await(next);
            if (step + 1 < total) {
                next = prepare(prefetch, augmenter, step + 1, spe);
            }
            double lambda = control.lambda(config.lambda());
            double lr = control.learningRate(config.learningRate()) * schedule.factor(step);
            rate.value = (float) lr;
            float loss;
            float inv;
            float red;
            TrainingEvent.Correlation snapshot = null;
            try (NDManager sm = root.newSubManager()) {
                Shape s = new Shape(b, shape.channels(), shape.height(), shape.width());
                NDArray xa = sm.create(views[0], s);
                NDArray xb = sm.create(views[1], s);
                BarlowTwinsLoss.Terms terms;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray za = net.embed(xa, true);
                    NDArray zb = net.embed(xb, true);
                    terms = BarlowTwinsLoss.compute(za, zb, lambda);
                    gc.backward(terms.total());
                }
                loss = terms.total().getFloat();
                inv = terms.invariance().getFloat();
                red = terms.redundancy().getFloat();
                if (!Float.isFinite(loss)) {
                    return fail(step + 1, "the loss became " + loss + " at step " + (step + 1)
                            + " (diverged: lower the learning rate or lambda); the last checkpoint is kept");
                }
                for (Parameter p : params) {
                    NDArray w = p.getArray();
                    try (NDArray g = w.getGradient()) {
                        optimizer.update(p.getId(), w, g);
                    }
                }
                if ((step + 1) % config.snapshotEvery() == 0 || step + 1 == total || step == resumeStep) {
                    snapshot = CorrelationSnapshots.of(terms.correlation().stopGradient(), step + 1,
                            control.regionRow(), control.regionCol());
                }
            }
            step++;
            stepsDone = step;
            long dt = System.nanoTime() - t0;
            activeNanos += dt;
            recent[step % recent.length] = dt;
            int window = Math.min(step - resumeStep, recent.length);
            long windowNanos = 0;
            for (int i = 0; i < window; i++) {
                windowNanos += recent[(step - i) % recent.length];
            }
            double pairsPerSecond = window * (double) b / (windowNanos / 1e9);
            publish(new TrainingEvent.Step(step, (double) step / spe, loss, inv, red, lambda, lr, pairsPerSecond,
                    activeNanos / 1e9, root.getManagedArrays().size(), ResidentMemory.megabytes()));
            if (snapshot != null) {
                publish(snapshot);
            }
            if (probes && probeSteps > 0 && step % probeSteps == 0) {
                probe(root, net, step, ProbeResult.TRAINED);
                lastProbe = step;
            }
            if (checkpoints != null && step % spe == 0 && step < total) {
                checkpoints.save(step, net);
            }
        }
        if (probes && lastProbe != step) {
            probe(root, net, step, ProbeResult.TRAINED);
        }
        return finish(net, step, RunState.FINISHED, null);
    }

    private RunState finish(TwinNetwork net, int step, RunState state, String message) throws IOException {
        if (checkpoints != null && step > 0) {
            checkpoints.save(step, net);
        }
        publish(new TrainingEvent.State(state, step, message));
        return state;
    }

    private RunState fail(int step, String message) {
        publish(new TrainingEvent.State(RunState.FAILED, step, message));
        return RunState.FAILED;
    }

    private void probe(NDManager root, TwinNetwork net, int step, String label) {
        ProbeSuite.Outcome o = ProbeSuite.encoder(label, net, dataset, root, step, (double) step / stepsPerEpoch(), config.seed());
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

    /** The seeded shuffle of the train split for one epoch (called on the prefetch thread only). */
    private int[] epochOrder(int epoch) {
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
        for (TrainingListener l : listeners) {
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
