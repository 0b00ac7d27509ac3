package org.twinlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The Barlow Twins loss (Zbontar et al., 2021) on two N x D embeddings of the same batch:
 * each column normalised over the batch (mean 0, biased std 1, eps 1e-5, as BatchNorm1d(affine=False)
 * in training mode), {@code C = Za^T Zb / N}, invariance {@code sum_i (1 - C_ii)^2}, redundancy
 * {@code sum_{i != j} C_ij^2} (unweighted), total {@code invariance + lambda * redundancy}.
 * Works on any DJL engine; results live in the inputs' manager.
 */
public final class BarlowTwinsLoss {
    public static final float EPS = 1e-5f;

    /** C and the three scalar terms, all NDArrays in the inputs' manager. */
    public record Terms(NDArray correlation, NDArray invariance, NDArray redundancy, NDArray total) {
    }

    private BarlowTwinsLoss() {
    }

    /** Each column to mean 0 and biased std 1 over the batch (axis 0). */
    public static NDArray normalizeColumns(NDArray z) {
        NDArray centered = z.sub(z.mean(new int[] {0}, true));
        NDArray var = centered.square().mean(new int[] {0}, true);
        return centered.div(var.add(EPS).sqrt());
    }

    /** The D x D cross-correlation matrix of two N x D embeddings. */
    public static NDArray crossCorrelation(NDArray za, NDArray zb) {
        check(za, zb);
        long n = za.getShape().get(0);
        return normalizeColumns(za).transpose().matMul(normalizeColumns(zb)).div(n);
    }

    public static Terms compute(NDArray za, NDArray zb, double lambda) {
        NDArray c = crossCorrelation(za, zb);
        NDManager m = c.getManager();
        long d = c.getShape().get(0);
        NDArray eye = m.eye((int) d).toType(c.getDataType(), false);
        NDArray diag = c.mul(eye).sum(new int[] {1});
        NDArray invariance = diag.sub(1f).square().sum();
        NDArray redundancy = c.square().mul(eye.neg().add(1f)).sum();
        NDArray total = invariance.add(redundancy.mul((float) lambda));
        return new Terms(c, invariance, redundancy, total);
    }

    private static void check(NDArray za, NDArray zb) {
        if (za.getShape().dimension() != 2 || !za.getShape().equals(zb.getShape())) {
            throw new IllegalArgumentException("Barlow Twins needs two N x D embeddings of one shape, got "
                    + za.getShape() + " and " + zb.getShape());
        }
        if (za.getShape().get(0) < 2) {
            throw new IllegalArgumentException("Barlow Twins needs a batch of at least 2 to normalise over, got "
                    + za.getShape().get(0));
        }
    }
}
