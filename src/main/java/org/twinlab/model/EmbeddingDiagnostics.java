package org.twinlab.model;

import ai.djl.ndarray.NDArray;

/**
 * Two numbers that show a collapse as it happens, for any objective, from one N x D batch of
 * embeddings.
 *
 * <p>{@code effectiveRank}: the participation ratio {@code (tr S)^2 / |S|_F^2} of the covariance S,
 * i.e. {@code (sum l)^2 / sum l^2} over its eigenvalues l. It is exp of the order-2 Renyi entropy of the
 * normalised spectrum (RankMe uses the order-1 entropy of the singular values): D when all directions
 * carry equal variance, 1 when everything lies on one line. It needs no decomposition (DJL's engine has
 * no SVD) and costs one N x N or D x D product.
 *
 * <p>{@code spread}: the mean over features of the batch standard deviation of the l2-normalised
 * embeddings, times sqrt(D) (SimSiam's collapse diagnostic, scaled so that embeddings spread evenly over
 * the sphere give about 1 and a collapse gives 0).
 */
public record EmbeddingDiagnostics(double effectiveRank, double spread) {

    /** Reads two scalars back to the host: call it at the snapshot rate, not every step. */
    public static EmbeddingDiagnostics of(NDArray z) {
        long n = z.getShape().get(0);
        long d = z.getShape().get(1);
        NDArray centered = z.sub(z.mean(new int[] {0}, true));
        // |S|_F^2 = |X^T X|_F^2 / n^2 = |X X^T|_F^2 / n^2: use the smaller Gram matrix
        NDArray gram = n < d ? centered.matMul(centered.transpose()) : centered.transpose().matMul(centered);
        double trace = centered.square().sum().getFloat();
        double frob = gram.square().sum().getFloat();
        double rank = frob > 0 ? trace * trace / frob : 0;
        NDArray unit = CosineLoss.unit(z);
        NDArray std = unit.sub(unit.mean(new int[] {0}, true)).square().mean(new int[] {0}).sqrt();
        double spread = std.mean().getFloat() * Math.sqrt(d);
        return new EmbeddingDiagnostics(rank, spread);
    }
}
