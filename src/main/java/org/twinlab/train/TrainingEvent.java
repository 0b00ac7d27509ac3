package org.twinlab.train;

import java.util.List;
import org.twinlab.eval.ProbeResult;
import org.twinlab.model.Objective;

/**
 * What the training loop tells its listeners. Every event is immutable (arrays inside are never
 * written after publication), so a listener on another thread may keep and read it at leisure.
 */
public sealed interface TrainingEvent {

    /**
     * The run has its network and data and is about to take its first step. {@code terms} names the
     * objective's terms, in the order every {@link Step} gives their values.
     */
    record Started(TrainConfig config, String device, int firstStep, int totalSteps, int stepsPerEpoch,
                   long parameterCount, String runFolder, List<Objective.Term> terms) implements TrainingEvent {
    }

    /**
     * One optimisation step: {@code step} steps are done. {@code terms} are the objective's terms (they
     * sum to {@code loss}). {@code liveArrays} counts the NDArrays alive in the run's manager after the
     * step closed its scope (constant in a healthy run); {@code residentMegabytes} is the process's
     * resident memory, or NaN where it cannot be read.
     */
    record Step(int step, double epoch, double loss, double[] terms, double lambda, double learningRate,
                double pairsPerSecond, double elapsedSeconds, int liveArrays, double residentMegabytes)
            implements TrainingEvent {
        /** The value of the objective's term with this key, NaN when it has none. */
        public double term(List<Objective.Term> names, String key) {
            for (int i = 0; i < names.size() && i < terms.length; i++) {
                if (names.get(i).key().equals(key)) {
                    return terms[i];
                }
            }
            return Double.NaN;
        }
    }

    /**
     * The cross-correlation matrix C at a step, with the collapse gauges of the same batch. {@code values}
     * is side x side: C itself when {@code stride} is 1, else blocks of stride x stride averaged (diagonal
     * blocks average C's diagonal so the identity stays visible). {@code region} is an exact regionSize x
     * regionSize window of C at (regionRow, regionCol). Histograms count values in equal bins over [-1, 1].
     * {@code effectiveRank} and {@code spread} are {@link org.twinlab.model.EmbeddingDiagnostics}'s.
     * {@code pairs} says which pairs C is of: 0 the step's own training batch, else that many fixed held-out
     * pairs ({@link HeldOutPairs}); the gauges are of the same pairs.
     */
    record Correlation(int step, int dim, int side, int stride, float[] values, int regionRow, int regionCol,
                       int regionSize, float[] region, double meanDiagonal, double meanAbsOffDiagonal,
                       int[] diagonalHistogram, int[] offDiagonalHistogram, double effectiveRank, double spread,
                       int pairs)
            implements TrainingEvent {
        public static final int HISTOGRAM_BINS = 40;

        /** C of the step's own batch. */
        public Correlation(int step, int dim, int side, int stride, float[] values, int regionRow, int regionCol,
                           int regionSize, float[] region, double meanDiagonal, double meanAbsOffDiagonal,
                           int[] diagonalHistogram, int[] offDiagonalHistogram, double effectiveRank, double spread) {
            this(step, dim, side, stride, values, regionRow, regionCol, regionSize, region, meanDiagonal,
                    meanAbsOffDiagonal, diagonalHistogram, offDiagonalHistogram, effectiveRank, spread, 0);
        }

        /** The same snapshot, said to be of {@code n} held-out pairs (0: of the step's batch). */
        public Correlation onPairs(int n) {
            return new Correlation(step, dim, side, stride, values, regionRow, regionCol, regionSize, region,
                    meanDiagonal, meanAbsOffDiagonal, diagonalHistogram, offDiagonalHistogram, effectiveRank, spread, n);
        }

        /** Which C this is, for a caption: "C of 1,024 held-out pairs" or "C of this step's batch". */
        public String source() {
            return pairs > 0 ? String.format(java.util.Locale.ROOT, "C of %,d held-out pairs", pairs)
                    : "C of this step's batch";
        }

        public float value(int i, int j) {
            return values[i * side + j];
        }
    }

    /** A linear probe and kNN result, of the trained encoder or a baseline. */
    record Probe(ProbeResult result) implements TrainingEvent {
    }

    /** A 2-D PCA of test-set embeddings, for the scatter plot. */
    record Embedding(int step, float[] x, float[] y, int[] labels, List<String> classNames) implements TrainingEvent {
    }

    /** A setting changed during the run ({@code key} as in config.json), acting from step {@code step + 1}. */
    record LiveChange(int step, String key, double value) implements TrainingEvent {
    }

    /** Something the person should know that does not stop the run (a warning), in one line. */
    record Notice(int step, String message) implements TrainingEvent {
    }

    /** The run changed state; {@code message} says why where there is a reason (a failure, a stop). */
    record State(RunState state, int step, String message) implements TrainingEvent {
    }
}
