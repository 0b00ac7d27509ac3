package org.twinlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * The Barlow Twins loss (Zbontar et al., 2021) and the ablations of its table that change only the loss.
 * On two N x D embeddings of the same batch: each column normalised over the batch (mean 0, biased std
 * 1, eps 1e-5, as BatchNorm1d(affine=False) in training mode), {@code C = Za^T Zb / N}, invariance
 * {@code sum_i (1 - C_ii)^2}, redundancy {@code sum_{i != j} C_ij^2}, total {@code invariance + lambda *
 * redundancy}. The ablations normalise each sample over its features instead, or not at all, or keep
 * one term. The diagonal and the off-diagonal sum are read through views of C, as the official code
 * does, so no D x D identity or mask is built per step. Works on any DJL engine.
 *
 * <p>The gradient does not go through the engine's autograd of the D x D terms (which keeps several D x
 * D temporaries and makes about a dozen passes over them per step: the square, two slices and their
 * backward copies, the 1/N). It is written out: with {@code G = dL/dC} (2 lambda C off the diagonal, 2
 * (C_ii - 1) on it, each part only where its term is on), the embeddings' gradients are {@code B G^T / N}
 * and {@code A G / N}, two products, as autograd's. The returned total is the loss's value plus a
 * surrogate {@code s - stop(s)} (exactly 0) whose gradient is those; its terms are plain values. C is
 * formed once, without a graph; the D x D work per step is C, G and the square read for the value.
 */
public final class BarlowTwinsLoss implements Objective {
    public static final float EPS = 1e-5f;

    /** How each embedding is normalised before C is formed. */
    public enum Normalisation {
        /** Each feature over the batch: Barlow Twins. */
        BATCH,
        /** Each sample over its D features: the "normalisation along the feature dimension" ablation. */
        FEATURE,
        /** None: the "no BN + no normalisation" ablation. */
        NONE
    }

    /** C and the three scalar terms (redundancy unweighted), all NDArrays in the inputs' manager. */
    public record Terms(NDArray correlation, NDArray invariance, NDArray redundancy, NDArray total) {
    }

    public static final Term INVARIANCE = new Term("invariance", "invariance");
    public static final Term REDUNDANCY = new Term("lambda_redundancy", "\u03bb\u00b7redundancy");

    private final Normalisation normalisation;
    private final boolean invariance;
    private final boolean redundancy;

    public BarlowTwinsLoss(Normalisation normalisation, boolean invariance, boolean redundancy) {
        if (!invariance && !redundancy) {
            throw new IllegalArgumentException("a Barlow Twins loss needs at least one of its two terms");
        }
        this.normalisation = normalisation;
        this.invariance = invariance;
        this.redundancy = redundancy;
    }

    public static BarlowTwinsLoss standard() {
        return new BarlowTwinsLoss(Normalisation.BATCH, true, true);
    }

    @Override
    public List<Term> terms() {
        List<Term> out = new ArrayList<>();
        if (invariance) {
            out.add(INVARIANCE);
        }
        if (redundancy) {
            out.add(REDUNDANCY);
        }
        return out;
    }

    @Override
    public Loss compute(NDArray za, NDArray zb, Context context) {
        Objective.checkPair(za, zb, "Barlow Twins");
        Terms t = terms(za, zb, normalisation, invariance, redundancy, context.lambda());
        List<NDArray> terms = new ArrayList<>();
        if (invariance) {
            terms.add(t.invariance());
        }
        if (redundancy) {
            terms.add(t.redundancy().mul((float) context.lambda()));
        }
        return new Loss(t.total(), terms, t.correlation());
    }

    /** The standard loss with its unweighted redundancy: what the tests check against hand computations. */
    public static Terms compute(NDArray za, NDArray zb, double lambda) {
        Objective.checkPair(za, zb, "Barlow Twins");
        return terms(za, zb, Normalisation.BATCH, true, true, lambda);
    }

    /**
     * C (no graph), the terms' values (an absent term is 0), and the total: their value, carrying the
     * written-out gradient back into {@code za} and {@code zb} (see the class comment).
     */
    private static Terms terms(NDArray za, NDArray zb, Normalisation n, boolean withInvariance, boolean withRedundancy,
                               double lambda) {
        float batch = za.getShape().get(0);
        NDArray a = normalise(za, n);
        NDArray b = normalise(zb, n);
        NDArray ad = a.stopGradient();
        NDArray bd = b.stopGradient();
        NDArray aScaled = ad.div(batch); // 1/N on N x D, not on the D x D product
        NDArray c = aScaled.transpose().matMul(bd);
        float l = (float) lambda;
        NDArray diag = c.diagonal();
        NDArray inv = withInvariance ? invariance(c) : c.getManager().create(0f);
        NDArray red = withRedundancy ? offDiagonalSquares(c) : c.getManager().create(0f);
        NDArray value = inv.add(red.mul(l));
        // G = dL/dC: 2 lambda C, its diagonal then moved (in place, through a view) to 2 (C_ii - 1), or 0
        // without invariance
        NDArray g = withRedundancy ? c.mul(2 * l) : c.zerosLike();
        NDArray onDiagonal = withInvariance ? diag.sub(1f).mul(2f) : diag.zerosLike();
        g.diagonal().addi(withRedundancy ? onDiagonal.sub(diag.mul(2 * l)) : onDiagonal);
        NDArray gradA = bd.matMul(g.transpose()).div(batch);
        NDArray gradB = aScaled.matMul(g);
        NDArray surrogate = a.mul(gradA).sum().add(b.mul(gradB).sum());
        NDArray total = value.add(surrogate.sub(surrogate.stopGradient()));
        return new Terms(c, inv, red, total);
    }

    private static NDArray normalise(NDArray z, Normalisation n) {
        return switch (n) {
            case BATCH -> normalizeColumns(z);
            case FEATURE -> normalizeRows(z);
            case NONE -> z;
        };
    }

    /** Each column to mean 0 and biased std 1 over the batch (axis 0). */
    public static NDArray normalizeColumns(NDArray z) {
        return standardize(z, 0);
    }

    /** Each row (sample) to mean 0 and biased std 1 over its features (axis 1). */
    public static NDArray normalizeRows(NDArray z) {
        return standardize(z, 1);
    }

    private static NDArray standardize(NDArray z, int axis) {
        NDArray centered = z.sub(z.mean(new int[] {axis}, true));
        NDArray var = centered.square().mean(new int[] {axis}, true);
        return centered.div(var.add(EPS).sqrt());
    }

    /** The D x D cross-correlation matrix of two N x D embeddings, each column normalised over the batch. */
    public static NDArray crossCorrelation(NDArray za, NDArray zb) {
        Objective.checkPair(za, zb, "Barlow Twins");
        return correlation(za, zb, Normalisation.BATCH);
    }

    static NDArray correlation(NDArray za, NDArray zb, Normalisation n) {
        long batch = za.getShape().get(0);
        return normalise(za, n).transpose().matMul(normalise(zb, n)).div(batch);
    }

    /** {@code sum_i (1 - C_ii)^2}, from a view of C's diagonal. */
    static NDArray invariance(NDArray c) {
        return c.diagonal().sub(1f).square().sum();
    }

    /**
     * {@code sum_{i != j} C_ij^2}. The official code's view: C flattened without its last element is
     * (D-1) x (D+1) whose first column is the diagonal; the rest is every off-diagonal element once.
     */
    static NDArray offDiagonalSquares(NDArray c) {
        try (NDArray squares = offDiagonal(c).square()) { // D x D: freed now, not at the end of the step
            return squares.sum();
        }
    }

    /** The D(D-1) off-diagonal elements of a square matrix, as a (D-1) x D view. */
    public static NDArray offDiagonal(NDArray c) {
        long d = c.getShape().get(0);
        if (d == 1) {
            return c.getManager().zeros(new ai.djl.ndarray.types.Shape(0), c.getDataType());
        }
        return c.flatten().get(new NDIndex("0:{}", d * d - 1)).reshape(d - 1, d + 1).get(new NDIndex(":, 1:"));
    }
}
