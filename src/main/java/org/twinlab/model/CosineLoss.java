package org.twinlab.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The negative cosine similarity between the twins (the lecture's equation 4),
 * {@code L = - sum_b s(z_b^A, z_b^B)}. Alone it collapses: every input mapped to one point is a perfect
 * score. With {@code asymmetric} it is SimSiam's fix: a predictor head p on one branch and a
 * stop-gradient on the other, symmetrised over the two views,
 * {@code L = - 1/2 sum_b [s(p(z_b^A), sg(z_b^B)) + s(p(z_b^B), sg(z_b^A))]}.
 */
public final class CosineLoss implements Objective {
    public static final Term COSINE = new Term("cosine", "\u2212cosine");
    private final boolean asymmetric;

    public CosineLoss(boolean asymmetric) {
        this.asymmetric = asymmetric;
    }

    @Override
    public List<Term> terms() {
        return List.of(COSINE);
    }

    @Override
    public Loss compute(NDArray za, NDArray zb, Context context) {
        Objective.checkPair(za, zb, "the cosine objective");
        NDArray loss;
        if (asymmetric) {
            if (context.predictor() == null) {
                throw new IllegalStateException("the asymmetric cosine objective needs the network's predictor head");
            }
            NDArray ab = cosines(context.predictor().apply(za), zb.stopGradient()).sum();
            NDArray ba = cosines(context.predictor().apply(zb), za.stopGradient()).sum();
            loss = ab.add(ba).mul(-0.5f);
        } else {
            loss = cosines(za, zb).sum().neg();
        }
        return new Loss(loss, List.of(loss), null);
    }

    /** Row-wise cosine similarity of two N x D arrays: N values. */
    static NDArray cosines(NDArray a, NDArray b) {
        return unit(a).mul(unit(b)).sum(new int[] {1});
    }

    /** Each row divided by its Euclidean norm (guarded against zero rows). */
    static NDArray unit(NDArray z) {
        return z.div(z.square().sum(new int[] {1}, true).sqrt().maximum(1e-8f));
    }
}
