package org.twinlab.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * A linear classifier on frozen features, as the reference does it: features standardised with the
 * train split's statistics, softmax regression trained with Adam (lr 1e-2 with cosine decay, batches
 * of 512), then top-1 and top-5 on the test split. The gradient is the closed form of softmax
 * cross-entropy, so no autograd graph is kept; all arrays live in one sub-manager closed at the end.
 */
public final class LinearProbe {
    /** Test top-1 and top-5 accuracy in [0, 1]. */
    public record Accuracy(double top1, double top5) {
    }

    private LinearProbe() {
    }

    public static Accuracy evaluate(Features train, Features test, int classes, NDManager parent, int epochs, long seed) {
        try (NDManager m = parent.newSubManager()) {
            int d = train.dim();
            NDArray xtr = m.create(train.data(), new Shape(train.n(), d));
            NDArray xte = m.create(test.data(), new Shape(test.n(), d));
            NDArray mu = xtr.mean(new int[] {0}, true);
            NDArray sd = xtr.sub(mu).square().mean(new int[] {0}, true).sqrt().add(1e-6f);
            xtr = xtr.sub(mu).div(sd);
            xte = xte.sub(mu).div(sd);
            NDArray ytr = m.create(train.labels()).oneHot(classes).toType(DataType.FLOAT32, false);
            NDArray w = m.zeros(new Shape(d, classes));
            NDArray b = m.zeros(new Shape(1, classes));
            Adam adamW = new Adam(m, w.getShape());
            Adam adamB = new Adam(m, b.getShape());
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = train.n();
            int batch = 512;
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int epoch = 0; epoch < epochs; epoch++) {
                shuffle(order, rnd);
                NDArray perm = m.create(order).toType(DataType.INT64, false);
                for (int start = 0; start < n; start += batch) {
                    try (NDManager step = m.newSubManager()) {
                        NDArray idx = perm.get(new NDIndex("{}:{}", start, Math.min(n, start + batch)));
                        idx.attach(step);
                        NDArray x = xtr.get(idx);
                        NDArray y = ytr.get(idx);
                        x.attach(step);
                        y.attach(step);
                        NDArray logits = x.matMul(w).add(b);
                        NDArray p = logits.softmax(1);
                        NDArray delta = p.sub(y).div((float) x.getShape().get(0));
                        float lr = rate(epoch, start, n, epochs);
                        adamW.step(w, x.transpose().matMul(delta), lr);
                        adamB.step(b, delta.sum(new int[] {0}, true), lr);
                    }
                }
                perm.close();
            }
            NDArray logits = xte.matMul(w).add(b);
            NDArray top5 = logits.argSort(1, false).get(new NDIndex(":, 0:{}", Math.min(5, classes)));
            long[] ranked = top5.toType(DataType.INT64, false).toLongArray();
            int k = (int) top5.getShape().get(1);
            int hit1 = 0;
            int hit5 = 0;
            int[] labels = test.labels();
            for (int i = 0; i < test.n(); i++) {
                if (ranked[i * k] == labels[i]) {
                    hit1++;
                }
                for (int j = 0; j < k; j++) {
                    if (ranked[i * k + j] == labels[i]) {
                        hit5++;
                        break;
                    }
                }
            }
            return new Accuracy((double) hit1 / test.n(), (double) hit5 / test.n());
        }
    }

    /** Adam's rate, 1e-2 decayed to 0 by a cosine over the whole probe: the classifier settles instead of hovering. */
    private static float rate(int epoch, int start, int n, int epochs) {
        double t = (epoch + (double) start / n) / epochs;
        return (float) (0.5e-2 * (1 + Math.cos(Math.PI * t)));
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Adam on one array, in place; its moments live in the probe's manager. */
    private static final class Adam {
        private final NDArray m1;
        private final NDArray m2;
        private int t;

        Adam(NDManager m, Shape shape) {
            m1 = m.zeros(shape);
            m2 = m.zeros(shape);
        }

        void step(NDArray param, NDArray grad, float lr) {
            t++;
            m1.muli(0.9f).addi(grad.mul(0.1f));
            m2.muli(0.999f).addi(grad.square().mul(0.001f));
            float c1 = (float) (1 - Math.pow(0.9, t));
            float c2 = (float) (1 - Math.pow(0.999, t));
            param.subi(m1.div(c1).div(m2.div(c2).sqrt().add(1e-8f)).mul(lr));
        }
    }
}
