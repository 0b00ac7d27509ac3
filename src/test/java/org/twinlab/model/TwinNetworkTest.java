package org.twinlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.twinlab.data.ImageShape;
import static org.junit.jupiter.api.Assertions.assertTrue;

@org.twinlab.Slow
class TwinNetworkTest {
    private static final ImageShape GRAY = new ImageShape(1, 28, 28);

    @Test
    void everyEncoderAndProjectorGivesTheDocumentedShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (Encoder enc : Encoder.values()) {
                for (int depth = 1; depth <= 3; depth++) {
                    try (TwinNetwork net = new TwinNetwork(m, new ModelSpec(enc, 32, depth, depth != 2), GRAY)) {
                        NDArray x = m.randomNormal(new Shape(4, 1, 28, 28));
                        assertEquals(new Shape(4, enc.featureDim()), net.features(x).getShape(), enc.key());
                        assertEquals(new Shape(4, 32), net.embed(x, true).getShape(), enc + " depth " + depth);
                    }
                }
            }
        }
    }

    @Test
    void savedParametersLoadIntoAFreshNetwork() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelSpec spec = new ModelSpec(Encoder.SMALL_CNN, 64, 3, true);
            NDArray x = m.randomNormal(new Shape(3, 1, 28, 28));
            Engine.getInstance().setRandomSeed(1);
            TwinNetwork a = new TwinNetwork(m, spec, GRAY);
            Engine.getInstance().setRandomSeed(2);
            TwinNetwork b = new TwinNetwork(m, spec, GRAY);
            float[] fa = a.features(x).toFloatArray();
            assertFalse(java.util.Arrays.equals(fa, b.features(x).toFloatArray()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            a.save(out);
            b.load(new ByteArrayInputStream(out.toByteArray()));
            assertArrayEquals(fa, b.features(x).toFloatArray(), 1e-6f);
            TwinNetwork wide = new TwinNetwork(m, new ModelSpec(Encoder.SMALL_CNN, 128, 3, true), GRAY);
            assertThrows(Exception.class, () -> wide.load(new ByteArrayInputStream(out.toByteArray())));
            // the predictor head of the asymmetric cosine objective is saved and loaded with the rest
            ModelSpec withHead = new ModelSpec(Encoder.SMALL_CNN, 64, 3, true, true);
            TwinNetwork c = new TwinNetwork(m, withHead, GRAY);
            NDArray z = c.embed(x, false);
            float[] pc = c.predictor().apply(z).toFloatArray();
            ByteArrayOutputStream out2 = new ByteArrayOutputStream();
            c.save(out2);
            Engine.getInstance().setRandomSeed(3);
            TwinNetwork d = new TwinNetwork(m, withHead, GRAY);
            d.load(new ByteArrayInputStream(out2.toByteArray()));
            assertArrayEquals(pc, d.predictor().apply(d.embed(x, false)).toFloatArray(), 1e-5f);
            assertTrue(c.trainableParameters().size() > a.trainableParameters().size(), "the head's parameters train");
            assertThrows(Exception.class, () -> b.load(new ByteArrayInputStream(out2.toByteArray())));
        }
    }
}
