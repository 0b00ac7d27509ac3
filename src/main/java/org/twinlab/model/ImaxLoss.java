package org.twinlab.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * IMAX as the lecture writes it (equation 5): {@code L = log|C(Z^A - Z^B)| - log|C(Z^A + Z^B)|}, with
 * C(X) the D x D covariance of X over the batch (plus {@link #RIDGE} on its diagonal, so that a batch
 * with fewer samples than features cannot make it singular) and |.| the determinant.
 *
 * <p>DJL's PyTorch engine has no differentiable log-determinant, Cholesky or eigen-decomposition; it has
 * a matrix inverse. So the value is computed exactly on the host (Cholesky in double precision) and the
 * gradient through the identity {@code d log|S| = tr(S^-1 dS)}: the term is {@code v + g - sg(g)} with
 * {@code g = sum(sg(S^-1) * S)}, whose value is {@code v} and whose gradient is exactly {@code S^-1}.
 * That costs one D x D copy to the host per step, so IMAX suits projectors of a few hundred features.
 */
public final class ImaxLoss implements Objective {
    public static final double RIDGE = 1e-4;
    public static final Term DIFFERENCE = new Term("logdet_difference", "log|C(A\u2212B)|");
    public static final Term SUM = new Term("logdet_sum", "\u2212log|C(A+B)|");

    @Override
    public List<Term> terms() {
        return List.of(DIFFERENCE, SUM);
    }

    @Override
    public Loss compute(NDArray za, NDArray zb, Context context) {
        Objective.checkPair(za, zb, "IMAX");
        NDArray diff = logDet(covariance(za.sub(zb)));
        NDArray sum = logDet(covariance(za.add(zb))).neg();
        return new Loss(diff.add(sum), List.of(diff, sum), null);
    }

    /** The D x D covariance over the batch (biased), plus the ridge on its diagonal. */
    static NDArray covariance(NDArray x) {
        long n = x.getShape().get(0);
        int d = (int) x.getShape().get(1);
        NDArray centered = x.sub(x.mean(new int[] {0}, true));
        NDArray cov = centered.transpose().matMul(centered).div(n);
        return cov.add(x.getManager().eye(d).toType(cov.getDataType(), false).mul((float) RIDGE));
    }

    /** log|S| of a symmetric positive-definite matrix: exact value, exact gradient (see the class comment). */
    static NDArray logDet(NDArray s) {
        int d = (int) s.getShape().get(0);
        double value = logDetOnHost(s.toFloatArray(), d);
        NDArray inverse = s.stopGradient().inverse().stopGradient();
        NDArray g = inverse.transpose().mul(s).sum();
        return g.sub(g.stopGradient()).add((float) value);
    }

    /** log|S| by Cholesky in double; NaN when S is not positive definite (the run then fails as diverged). */
    static double logDetOnHost(float[] s, int d) {
        double[] l = new double[d * d];
        double logDet = 0;
        for (int j = 0; j < d; j++) {
            double diag = s[j * d + j];
            for (int k = 0; k < j; k++) {
                diag -= l[j * d + k] * l[j * d + k];
            }
            if (!(diag > 0)) {
                return Double.NaN;
            }
            double ljj = Math.sqrt(diag);
            l[j * d + j] = ljj;
            logDet += 2 * Math.log(ljj);
            for (int i = j + 1; i < d; i++) {
                double v = s[i * d + j];
                for (int k = 0; k < j; k++) {
                    v -= l[i * d + k] * l[j * d + k];
                }
                l[i * d + j] = v / ljj;
            }
        }
        return logDet;
    }
}
