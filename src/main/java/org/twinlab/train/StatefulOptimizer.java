package org.twinlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An optimizer whose whole state (its per-parameter arrays and update counts) can be saved with a
 * checkpoint and restored, so that a resumed run takes exactly the steps it would have taken. DJL's
 * own optimizers keep that state private; these keep it here and compute the same updates ({@link Optimizers}).
 * State is saved by parameter position (ids are new in every process), in the order of
 * {@link org.twinlab.model.TwinNetwork#trainableParameters()}.
 */
public abstract class StatefulOptimizer extends Optimizer {
    protected final ParameterTracker learningRate;
    private final Map<String, NDArray[]> slots = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    protected StatefulOptimizer(OptimizerBuilder<?> builder, ParameterTracker learningRate) {
        super(builder);
        if (learningRate == null) {
            throw new IllegalStateException("an optimizer needs a learning rate");
        }
        this.learningRate = learningRate;
    }

    /** Arrays of state each parameter carries (Adam: 2, momentum: 1). */
    protected abstract int slotCount();

    /** This parameter's state arrays, created as zeros beside the weight on first use. */
    protected NDArray[] slots(String parameterId, NDArray weight) {
        return slots.computeIfAbsent(parameterId, k -> {
            NDArray[] s = new NDArray[slotCount()];
            for (int i = 0; i < s.length; i++) {
                s[i] = weight.zerosLike();
            }
            return s;
        });
    }

    /** Counts one more update of this parameter and returns the count, from 1. */
    protected int nextCount(String parameterId) {
        return counts.merge(parameterId, 1, Integer::sum);
    }

    /**
     * The state, by position: for parameter i, its slots named {@code p<i>.s<j>}, then one array
     * {@code counts} of every parameter's update count. Views of the live state, not copies (at D = 8192 Adam's
     * state is 1.1 GB): write them before the next update; closing them leaves the state as it is.
     */
    public NDList saveState(List<Parameter> parameters) {
        NDList out = new NDList();
        int[] n = new int[parameters.size()];
        NDArray any = null;
        for (int i = 0; i < parameters.size(); i++) {
            String id = parameters.get(i).getId();
            n[i] = counts.getOrDefault(id, 0);
            NDArray[] s = slots.get(id);
            any = parameters.get(i).getArray();
            for (int j = 0; j < slotCount(); j++) {
                NDArray copy = s == null ? any.zerosLike() : s[j].reshape(s[j].getShape());
                copy.setName("p" + i + ".s" + j);
                out.add(copy);
            }
        }
        if (any != null) {
            NDArray c = any.getManager().create(n);
            c.setName("counts");
            out.add(c);
        }
        return out;
    }

    /** Restores {@link #saveState}'s arrays onto these parameters; throws when they do not fit. */
    public void restoreState(List<Parameter> parameters, NDList saved) {
        if (saved.size() != parameters.size() * slotCount() + 1) {
            throw new IllegalArgumentException("the optimizer state holds " + saved.size() + " arrays, "
                    + (parameters.size() * slotCount() + 1) + " expected for this network and optimizer");
        }
        int[] n = saved.get(saved.size() - 1).toType(DataType.INT32, false).toIntArray();
        for (int i = 0; i < parameters.size(); i++) {
            NDArray w = parameters.get(i).getArray();
            NDArray[] s = new NDArray[slotCount()];
            for (int j = 0; j < slotCount(); j++) {
                NDArray a = saved.get(i * slotCount() + j);
                if (!a.getShape().equals(w.getShape())) {
                    throw new IllegalArgumentException("the optimizer state of parameter " + i + " has shape "
                            + a.getShape() + ", the network's is " + w.getShape());
                }
                NDArray own = w.zerosLike();
                own.addi(a.toDevice(w.getDevice(), false));
                s[j] = own;
            }
            String id = parameters.get(i).getId();
            slots.put(id, s);
            counts.put(id, n[i]);
        }
    }

    protected float rate(String parameterId, int count) {
        return learningRate.getNewValue(parameterId, count);
    }
}
