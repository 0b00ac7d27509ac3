package org.twinlab.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a twin network minimises, given the two N x D projector outputs of one batch. It returns the
 * total and its named terms, which always sum to the total (so a plot of the terms explains the loss),
 * and the D x D matrix the heatmap should show where the objective has one of its own (the Barlow
 * Twins family's C); for the others the trainer shows the standard cross-correlation C as a diagnostic.
 * Results live in the inputs' manager, so a per-step sub-manager frees them.
 */
public interface Objective {
    /** A term of the loss: {@code key} names its metrics.csv column, {@code label} its legend entry. */
    record Term(String key, String label) {
    }

    /**
     * One batch's loss: {@code terms} in the order of {@link #terms()}, summing to {@code total}; {@code
     * matrix} is the D x D matrix the objective drives (null where it has none).
     */
    record Loss(NDArray total, List<NDArray> terms, NDArray matrix) {
    }

    /** What a loss may use beyond the embeddings: the live lambda, the temperature and the predictor head. */
    record Context(double lambda, double temperature, UnaryOperator<NDArray> predictor) {
        public static Context of(double lambda) {
            return new Context(lambda, 0.1, null);
        }
    }

    List<Term> terms();

    Loss compute(NDArray za, NDArray zb, Context context);

    /** Both embeddings N x D of one shape, N at least 2: every objective here normalises or contrasts over the batch. */
    static void checkPair(NDArray za, NDArray zb, String name) {
        if (za.getShape().dimension() != 2 || !za.getShape().equals(zb.getShape())) {
            throw new IllegalArgumentException(name + " needs two N x D embeddings of one shape, got "
                    + za.getShape() + " and " + zb.getShape());
        }
        if (za.getShape().get(0) < 2) {
            throw new IllegalArgumentException(name + " needs a batch of at least 2 to normalise over, got "
                    + za.getShape().get(0));
        }
    }
}
