package org.twinlab.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The "cross-entropy with temperature" row of the ablation table, as the lecture writes it: with C the
 * Barlow Twins cross-correlation, {@code L = -log sum_i exp(C_ii / tau) + lambda log sum_i sum_{j != i}
 * exp(max(C_ij, 0) / tau)}. The first term is its invariance, the second its redundancy reduction.
 */
public final class CorrelationCrossEntropyLoss implements Objective {
    @Override
    public List<Term> terms() {
        return List.of(BarlowTwinsLoss.INVARIANCE, BarlowTwinsLoss.REDUNDANCY);
    }

    @Override
    public Loss compute(NDArray za, NDArray zb, Context context) {
        NDArray c = BarlowTwinsLoss.crossCorrelation(za, zb);
        float tau = (float) context.temperature();
        NDArray inv = logSumExp(c.diagonal().div(tau)).neg();
        NDArray red = logSumExp(BarlowTwinsLoss.offDiagonal(c).maximum(0f).div(tau)).mul((float) context.lambda());
        return new Loss(inv.add(red), List.of(inv, red), c);
    }

    /** {@code log sum exp(x)} over every element, shifted by the maximum so that a small tau cannot overflow. */
    static NDArray logSumExp(NDArray x) {
        NDArray m = x.max().stopGradient();
        return x.sub(m).exp().sum().log().add(m);
    }
}
