package org.twinlab.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import org.twinlab.model.TwinNetwork;

/**
 * The whole training state a run needs to continue exactly: the network's parameters (BatchNorm's
 * running statistics included), the optimizer's state, the step, and lambda and the learning rate as
 * last changed during the run. The schedule, the data order and the augmentations are functions of the
 * step and the seed, so they need nothing saved.
 *
 * @param lambda       lambda set during the run, NaN when the configured one was kept
 * @param learningRate the base learning rate set during the run, NaN when the configured one was kept
 */
public record Checkpoint(int step, TwinNetwork network, NDList optimizerState, double lambda, double learningRate) {

    /** Where a run's checkpoints go (the run folder); writes must leave the previous checkpoint whole on failure. */
    @FunctionalInterface
    public interface Sink {
        void save(Checkpoint checkpoint) throws IOException;
    }

    /** A checkpoint to continue from, read when the run starts. */
    public interface Source {
        int step();

        /** Loads the parameters into a network of the run's architecture; refuses another architecture's. */
        void loadNetwork(TwinNetwork network) throws IOException;

        /** The optimizer's state, or null where the checkpoint has none (an older format). */
        NDList optimizerState(NDManager manager) throws IOException;

        double lambda();

        double learningRate();
    }
}
