package org.twinlab.runs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back the float32 matrices {@link NpyWriter} writes (NumPy's .npy, version 1, C order). */
final class NpyReader {
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)\\)");

    /** A matrix: rows x cols values, row-major. */
    record Matrix(int rows, int cols, float[] values) {
    }

    private NpyReader() {
    }

    static Matrix read(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        if (b.length < 10 || (b[0] & 0xff) != 0x93 || !new String(b, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException(file.getFileName() + ": not a NumPy .npy file");
        }
        int headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        if (10 + headerLen > b.length) {
            throw new IOException(file.getFileName() + ": truncated header");
        }
        String header = new String(b, 10, headerLen, StandardCharsets.US_ASCII);
        Matcher m = SHAPE.matcher(header);
        if (!header.contains("'<f4'") || header.contains("'fortran_order': True") || !m.find()) {
            throw new IOException(file.getFileName() + ": not a float32 matrix in C order");
        }
        int rows = Integer.parseInt(m.group(1));
        int cols = Integer.parseInt(m.group(2));
        long need = (long) rows * cols * 4;
        if (b.length - 10 - headerLen < need) {
            throw new IOException(file.getFileName() + ": truncated (" + (b.length - 10 - headerLen) + " of " + need
                    + " bytes of data)");
        }
        float[] v = new float[rows * cols];
        ByteBuffer.wrap(b, 10 + headerLen, (int) need).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return new Matrix(rows, cols, v);
    }
}
