package org.twinlab.export;

import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PyTorch name of every tensor of a DJL block tree, as the modules of the generated
 * {@code encoder.py} name them: a {@link SequentialBlock} is an {@code nn.Sequential} (children
 * {@code 0, 1, ...}), a two-branch {@link ParallelBlock} whose outputs are summed is encoder.py's
 * {@code Residual} (branches {@code main} and {@code shortcut}), a {@link Conv2d} or {@link Linear} keeps
 * {@code weight} and {@code bias}, and a {@link BatchNorm} maps gamma, beta, runningMean, runningVar to
 * {@code weight, bias, running_mean, running_var} and gains PyTorch's {@code num_batches_tracked}
 * counter, so {@code load_state_dict(strict=True)} finds every key. Layouts need no change: DJL's
 * convolution weights are OIHW and its linear weights out x in, as PyTorch's.
 */
final class TensorNames {
    /** A tensor's PyTorch name and its DJL parameter; a BatchNorm's batch counter has no parameter. */
    record Named(String name, Parameter parameter) {
        boolean isBatchCounter() {
            return parameter == null;
        }
    }

    private static final Map<String, String> BATCH_NORM = Map.of("gamma", "weight", "beta", "bias",
            "runningMean", "running_mean", "runningVar", "running_var");

    private TensorNames() {
    }

    /** Every tensor of {@code block}, each name starting with {@code prefix} (e.g. "layers."). */
    static List<Named> of(Block block, String prefix) {
        List<Named> out = new ArrayList<>();
        walk(block, prefix, out);
        return out;
    }

    private static void walk(Block b, String prefix, List<Named> out) {
        if (b instanceof BatchNorm) {
            for (var e : b.getDirectParameters()) {
                String torch = BATCH_NORM.get(e.getKey());
                if (torch == null) {
                    throw new ExportException("BatchNorm parameter '" + e.getKey() + "' has no PyTorch name");
                }
                out.add(new Named(prefix + torch, e.getValue()));
            }
            out.add(new Named(prefix + "num_batches_tracked", null));
        } else if (b instanceof Conv2d || b instanceof Linear) {
            for (var e : b.getDirectParameters()) {
                out.add(new Named(prefix + e.getKey(), e.getValue()));
            }
        } else if (b instanceof SequentialBlock) {
            int i = 0;
            for (var child : b.getChildren().values()) {
                walk(child, prefix + i++ + ".", out);
            }
        } else if (b instanceof ParallelBlock) {
            var children = b.getChildren().values();
            if (children.size() != 2) {
                throw new ExportException("a parallel block of " + children.size() + " branches has no PyTorch name");
            }
            walk(children.get(0), prefix + "main.", out);
            walk(children.get(1), prefix + "shortcut.", out);
        } else if (!b.getParameters().isEmpty()) {
            throw new ExportException("a " + b.getClass().getSimpleName() + " block has parameters but no PyTorch name yet "
                    + "(the export knows Conv2d, Linear, BatchNorm, sequential and residual blocks)");
        }
    }
}
