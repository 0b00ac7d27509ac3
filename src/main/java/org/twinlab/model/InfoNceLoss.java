package org.twinlab.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * InfoNCE as the lecture writes it (equation 3): with {@code s(u, v)} the cosine similarity,
 * {@code L = - sum_b s(z_b^A, z_b^B) / tau + sum_b log sum_{b' != b} exp(s(z_b^A, z_b'^B) / tau)}:
 * the positives' similarity against the other samples of the batch (the positive itself is left out of
 * the denominator, as in the lecture's formula).
 */
public final class InfoNceLoss implements Objective {
    public static final Term SIMILARITY = new Term("similarity", "\u2212similarity");
    public static final Term CONTRASTIVE = new Term("contrastive", "contrastive");
    /** Added to the positives' logits so they drop out of the denominator's sum. */
    private static final float EXCLUDE = -1e9f;

    @Override
    public List<Term> terms() {
        return List.of(SIMILARITY, CONTRASTIVE);
    }

    @Override
    public Loss compute(NDArray za, NDArray zb, Context context) {
        Objective.checkPair(za, zb, "InfoNCE");
        int n = (int) za.getShape().get(0);
        float tau = (float) context.temperature();
        NDArray logits = CosineLoss.unit(za).matMul(CosineLoss.unit(zb).transpose()).div(tau); // N x N
        NDArray similarity = logits.diagonal().sum().neg();
        NDArray eye = za.getManager().eye(n).toType(logits.getDataType(), false);
        NDArray others = logits.add(eye.mul(EXCLUDE));
        NDArray rowMax = others.max(new int[] {1}, true).stopGradient();
        NDArray contrastive = others.sub(rowMax).exp().sum(new int[] {1}).log().add(rowMax.squeeze(1)).sum();
        return new Loss(similarity.add(contrastive), List.of(similarity, contrastive), null);
    }
}
