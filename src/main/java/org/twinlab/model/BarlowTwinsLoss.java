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
        NDArray c = correlation(za, zb, normalisation);
        List<NDArray> terms = new ArrayList<>();
        NDArray total = null;
        if (invariance) {
            NDArray inv = invariance(c);
            terms.add(inv);
            total = inv;
        }
        if (redundancy) {
            NDArray red = offDiagonalSquares(c).mul((float) context.lambda());
            terms.add(red);
            total = total == null ? red : total.add(red);
        }
        return new Loss(total, terms, c);
    }

    /** The standard loss with its unweighted redundancy: what the tests check against hand computations. */
    public static Terms compute(NDArray za, NDArray zb, double lambda) {
        Objective.checkPair(za, zb, "Barlow Twins");
        NDArray c = crossCorrelation(za, zb);
        NDArray inv = invariance(c);
        NDArray red = offDiagonalSquares(c);
        return new Terms(c, inv, red, inv.add(red.mul((float) lambda)));
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
        NDArray a = switch (n) {
            case BATCH -> normalizeColumns(za);
            case FEATURE -> normalizeRows(za);
            case NONE -> za;
        };
        NDArray b = switch (n) {
            case BATCH -> normalizeColumns(zb);
            case FEATURE -> normalizeRows(zb);
            case NONE -> zb;
        };
        return a.transpose().matMul(b).div(batch);
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
        return offDiagonal(c).square().sum();
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
