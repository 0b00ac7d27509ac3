package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class StoredNpzTest {
    @Test
    void writesStoredEntriesThatDecodeToTheSameArrays() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray matrix = m.arange(0f, 15f).reshape(new Shape(3, 5)).div(7f);
            matrix.setName("p0.s0");
            NDArray vector = m.create(new float[] {-1.5f, 2.25f});
            vector.setName("p0.s1");
            NDArray counts = m.create(new int[] {4, 0, 12});
            counts.setName("counts");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StoredNpz.write(new NDList(matrix, vector, counts), out);

            List<String> names = new ArrayList<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    names.add(e.getName());
                    assertEquals(ZipEntry.STORED, e.getMethod(), e.getName() + " is stored, not deflated");
                    byte[] npy = zip.readAllBytes();
                    int headerLength = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
                    assertEquals(0, (10 + headerLength) % 64, "the data of " + e.getName() + " starts 64-aligned");
                }
            }
            assertEquals(List.of("p0.s0.npy", "p0.s1.npy", "counts.npy"), names);

            NDList back = NDList.decode(m, out.toByteArray());
            assertEquals(3, back.size());
            assertEquals(new Shape(3, 5), back.get(0).getShape());
            assertArrayEquals(matrix.toFloatArray(), back.get(0).toFloatArray());
            assertArrayEquals(vector.toFloatArray(), back.get(1).toFloatArray());
            assertArrayEquals(new int[] {4, 0, 12}, back.get(2).toIntArray());
        }
    }

    @Test
    void headersFollowNumpysFormat() {
        try (NDManager m = NDManager.newBaseManager()) {
            String one = header(m.zeros(new Shape(7)));
            String two = header(m.zeros(new Shape(2, 3)));
            assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (7,), }", one.trim());
            assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", two.trim());
        }
    }

    private static String header(NDArray a) {
        byte[] h = StoredNpz.header(a, java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals((byte) 0x93, h[0]);
        assertEquals("NUMPY", new String(h, 1, 5, java.nio.charset.StandardCharsets.US_ASCII));
        return new String(h, 10, h.length - 10, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
