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

class TwinNetworkTest {
    private static final ImageShape GRAY = new ImageShape(1, 28, 28);

    @Test
    void everyEncoderAndProjectorGivesTheDocumentedShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (String enc : Encoders.NAMES) {
                for (int depth = 1; depth <= 3; depth++) {
                    try (TwinNetwork net = new TwinNetwork(m, new ModelSpec(enc, 32, depth, depth != 2), GRAY)) {
                        NDArray x = m.randomNormal(new Shape(4, 1, 28, 28));
                        assertEquals(new Shape(4, Encoders.featureDim(enc)), net.features(x).getShape(), enc);
                        assertEquals(new Shape(4, 32), net.embed(x, true).getShape(), enc + " depth " + depth);
                    }
                }
            }
        }
    }

    @Test
    void savedParametersLoadIntoAFreshNetwork() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelSpec spec = new ModelSpec(Encoders.SMALL_CNN, 64, 3, true);
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
            TwinNetwork wide = new TwinNetwork(m, new ModelSpec(Encoders.SMALL_CNN, 128, 3, true), GRAY);
            assertThrows(Exception.class, () -> wide.load(new ByteArrayInputStream(out.toByteArray())));
        }
    }
}
