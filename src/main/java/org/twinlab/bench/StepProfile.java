package org.twinlab.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.augment.TwoViewAugmenter;
import org.twinlab.data.Dataset;
import org.twinlab.data.ImageShape;
import org.twinlab.model.BarlowTwinsLoss;
import org.twinlab.model.Objective;
import org.twinlab.model.TwinNetwork;
import org.twinlab.train.Optimizers;
import org.twinlab.train.StatefulOptimizer;
import org.twinlab.train.TrainConfig;

/**
 * Where a training step's time goes, for benchmarks only: the trainer's step (same network, loss,
 * optimizer and per-step sub-manager) with a clock around each phase. The CPU engine runs every op
 * before it returns, so a clock around a phase times that phase. Also, in the same process: the loss
 * alone (forward and backward on N x D inputs, of which the C product is a share) and the engine's
 * float32 matrix-multiply rate, the machine's peak for the GFLOP/s figures.
 */
public final class StepProfile {
    /** Phase names, in step order. */
    public static final List<String> PHASES = List.of("augment", "toEngine", "forward", "loss", "backward", "readBack",
            "optimizer", "release");

    private StepProfile() {
    }

    /** Seconds per step of each phase, averaged over {@code steps} after {@code warmup}; plus the loss-alone rows. */
    public static Map<String, Double> run(TrainConfig cfg, Dataset data, int warmup, int steps) {
        Device device = Device.cpu();
        Map<String, Double> sum = new LinkedHashMap<>();
        try (NDManager root = NDManager.newBaseManager(device)) {
            Engine.getInstance().setRandomSeed((int) cfg.seed());
            try (TwinNetwork net = new TwinNetwork(root, cfg.model(), data.shape())) {
                StatefulOptimizer opt = Optimizers.create(cfg.optimizer(), (id, n) -> (float) cfg.learningRate(),
                        cfg.weightDecay());
                Objective objective = cfg.objective().create();
                TwoViewAugmenter aug = TwoViewAugmenter.forDataset(data, cfg.augment() != null ? cfg.augment()
                        : org.twinlab.augment.AugmentConfig.official(data.shape()));
                List<Parameter> params = net.trainableParameters();
                int b = cfg.batchSize();
                ImageShape shape = data.shape();
                int[] idx = new int[b];
                float[] va = new float[shape.size() * b];
                float[] vb = new float[shape.size() * b];
                for (int step = 0; step < warmup + steps; step++) {
                    if (step == warmup) {
                        sum.clear();
                    }
                    long t = System.nanoTime();
                    for (int i = 0; i < b; i++) {
                        idx[i] = (step * b + i) % data.train().size();
                    }
                    aug.views(data.train(), idx, cfg.seed() + step, va, vb, true);
                    t = lap(sum, "augment", t);
                    try (NDManager sm = root.newSubManager()) {
                        Shape s = new Shape(b, shape.channels(), shape.height(), shape.width());
                        NDArray xa = sm.create(va, s);
                        NDArray xb = sm.create(vb, s);
                        t = lap(sum, "toEngine", t);
                        Objective.Loss loss;
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray za = net.embed(xa, true);
                            NDArray zb = net.embed(xb, true);
                            t = lap(sum, "forward", t);
                            loss = objective.compute(za, zb, Objective.Context.of(cfg.lambda()));
                            t = lap(sum, "loss", t);
                            gc.backward(loss.total());
                            t = lap(sum, "backward", t);
                        }
                        NDList scalars = new NDList(loss.total());
                        scalars.addAll(loss.terms());
                        NDArrays.stack(scalars).toFloatArray();
                        t = lap(sum, "readBack", t);
                        for (Parameter p : params) {
                            NDArray w = p.getArray();
                            try (NDArray g = w.getGradient()) {
                                opt.update(p.getId(), w, g);
                            }
                        }
                        t = lap(sum, "optimizer", t);
                    }
                    lap(sum, "release", t);
                }
            }
            Map<String, Double> out = new LinkedHashMap<>();
            double total = 0;
            for (String p : PHASES) {
                double v = sum.getOrDefault(p, 0.0) / steps;
                out.put(p, v);
                total += v;
            }
            out.put("step", total);
            lossAlone(root, cfg, out);
            out.put("matmulGflops", matmulGflops(root, 2048));
            return out;
        }
    }

    /**
     * The loss forward and backward on random N x D embeddings, best of three: Twinlab's (gradient written
     * out), the same loss through autograd of the D x D terms (as Twinlab had it before, and as the
     * reference has it), and the one C product inside both. Alternated, in one process.
     */
    private static void lossAlone(NDManager root, TrainConfig cfg, Map<String, Double> out) {
        int n = cfg.batchSize();
        int d = cfg.projectorWidth();
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int r = 0; r < 4; r++) {
            for (int k = 0; k < 3; k++) {
                try (NDManager sm = root.newSubManager()) {
                    NDArray za = sm.randomNormal(new Shape(n, d));
                    NDArray zb = sm.randomNormal(new Shape(n, d));
                    za.setRequiresGradient(true);
                    zb.setRequiresGradient(true);
                    long t = System.nanoTime();
                    if (k == 2) {
                        za.transpose().matMul(zb).toFloatArray();
                    } else {
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray loss = k == 0
                                    ? BarlowTwinsLoss.standard().compute(za, zb, Objective.Context.of(cfg.lambda())).total()
                                    : autograd(za, zb, cfg.lambda());
                            gc.backward(loss);
                        }
                        za.getGradient().toFloatArray();
                    }
                    double s = (System.nanoTime() - t) / 1e9;
                    if (r > 0) {
                        best[k] = Math.min(best[k], s);
                    }
                }
            }
        }
        out.put("lossAloneForwardBackward", best[0]);
        out.put("lossAutogradForwardBackward", best[1]);
        out.put("lossAloneOneProduct", best[2]);
    }

    /** The loss as autograd sees it: C / N, its diagonal and off-diagonal through views (the official code's form). */
    private static NDArray autograd(NDArray za, NDArray zb, double lambda) {
        long n = za.getShape().get(0);
        NDArray c = BarlowTwinsLoss.normalizeColumns(za).transpose().matMul(BarlowTwinsLoss.normalizeColumns(zb)).div(n);
        NDArray inv = c.diagonal().sub(1f).square().sum();
        return inv.add(BarlowTwinsLoss.offDiagonal(c).square().sum().mul((float) lambda));
    }

    /** float32 n x n products per second in this process, best of three timings of five. */
    public static double matmulGflops(NDManager root, int n) {
        try (NDManager sm = root.newSubManager()) {
            NDArray a = sm.randomNormal(new Shape(n, n));
            NDArray b = sm.randomNormal(new Shape(n, n));
            a.matMul(b).close();
            double best = 0;
            for (int r = 0; r < 3; r++) {
                long t = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    a.matMul(b).close();
                }
                best = Math.max(best, 2.0 * n * n * n * 5 / ((System.nanoTime() - t) / 1e9) / 1e9);
            }
            return best;
        }
    }

    private static long lap(Map<String, Double> sum, String phase, long since) {
        long now = System.nanoTime();
        sum.merge(phase, (now - since) / 1e9, Double::sum);
        return now;
    }
}
