package org.twinlab.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy's .npy files, the one reader of them: uint8 image batches (N x H x W gray, N x H x W x C
 * colour) and float32 matrices (embeddings, a run's snapshots of C). Every problem (not a .npy file,
 * another type, a shape the encoder does not take, data cut short) is one line naming the file.
 */
public final class Npy {
    /** A float32 matrix, row after row. */
    public record FloatMatrix(float[] values, int rows, int cols) {
    }

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private record Header(String descr, long[] shape, int dataOffset) {
    }

    private Npy() {
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": no such file");
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Header header(Path file, byte[] b) {
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
        if (b.length < 10 || !Arrays.equals(Arrays.copyOf(b, 6), magic)) {
            throw new DatasetException(file + ": not a NumPy .npy file (no \\x93NUMPY magic)");
        }
        int major = b[6] & 0xff;
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long len;
        int start;
        if (major == 1) {
            len = bb.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (b.length < 12) {
                throw new DatasetException(file + ": truncated .npy header");
            }
            len = bb.getInt(8) & 0xffffffffL;
            start = 12;
        } else {
            throw new DatasetException(file + ": .npy format version " + major + " is not one Twinlab reads (1-3)");
        }
        if (start + len > b.length) {
            throw new DatasetException(file + ": truncated .npy header");
        }
        String dict = new String(b, start, (int) len, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(dict);
        Matcher f = FORTRAN.matcher(dict);
        Matcher s = SHAPE.matcher(dict);
        if (!d.find() || !f.find() || !s.find()) {
            throw new DatasetException(file + ": the .npy header is not readable");
        }
        if (f.group(1).equals("True")) {
            throw new DatasetException(file + ": stored in Fortran order; save it with numpy.ascontiguousarray first");
        }
        String[] dims = s.group(1).split(",");
        long[] shape = Arrays.stream(dims).map(String::strip).filter(x -> !x.isEmpty()).mapToLong(x -> {
            try {
                return Long.parseLong(x.replace("L", ""));
            } catch (NumberFormatException e) {
                throw new DatasetException(file + ": the .npy shape (" + s.group(1) + ") is not readable");
            }
        }).toArray();
        return new Header(d.group(1), shape, start + (int) len);
    }

    private static String shapeText(long[] shape) {
        return String.join(" x ", Arrays.stream(shape).mapToObj(Long::toString).toList());
    }

    private static void checkLength(Path file, byte[] b, Header h, long need) {
        long have = b.length - h.dataOffset();
        if (have < need) {
            throw new DatasetException(file + ": truncated: shape " + shapeText(h.shape()) + " needs " + need
                    + " data bytes, the file holds " + have);
        }
    }

    /**
     * A batch of uint8 images for an encoder that takes {@code expected}: N x H x W for one channel
     * (N x H x W x 1 too), N x H x W x C for colour. Returned channels-first, labels all 0.
     */
    public static Split readImages(Path file, ImageShape expected) {
        byte[] b = bytes(file);
        Header h = header(file, b);
        if (!h.descr().equals("|u1") && !h.descr().equals("<u1") && !h.descr().equals("u1")) {
            throw new DatasetException(file + ": holds " + h.descr() + " values, not uint8 (|u1) images: save them with "
                    + "images.astype(numpy.uint8)");
        }
        long[] s = h.shape();
        int c = expected.channels();
        boolean ok = (s.length == 4 && s[1] == expected.height() && s[2] == expected.width() && s[3] == c)
                || (c == 1 && s.length == 3 && s[1] == expected.height() && s[2] == expected.width());
        if (!ok) {
            String want = c == 1 ? "N x " + expected.height() + " x " + expected.width()
                    : "N x " + expected.height() + " x " + expected.width() + " x " + c;
            throw new DatasetException(file + ": images of shape " + shapeText(s) + ", but the encoder takes " + want
                    + " (" + expected + ")");
        }
        long n = s[0];
        long per = expected.size();
        if (n * per > Integer.MAX_VALUE - 64) {
            throw new DatasetException(file + ": " + n + " images are more than one batch file can hold here");
        }
        checkLength(file, b, h, n * per);
        byte[] px = new byte[(int) (n * per)];
        int plane = expected.plane();
        int off = h.dataOffset();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < plane; k++) {
                for (int ch = 0; ch < c; ch++) {
                    // HWC in the file, CHW in the split
                    px[(int) (i * per) + ch * plane + k] = b[off + (int) (i * per) + k * c + ch];
                }
            }
        }
        return new Split(expected, px, new int[(int) n]);
    }

    /** A two-dimensional little-endian float32 array. */
    public static FloatMatrix readFloatMatrix(Path file) {
        byte[] b = bytes(file);
        Header h = header(file, b);
        if (!h.descr().equals("<f4")) {
            throw new DatasetException(file + ": holds " + h.descr() + " values, not float32 (<f4)");
        }
        if (h.shape().length != 2) {
            throw new DatasetException(file + ": shape " + shapeText(h.shape()) + " is not a matrix");
        }
        int rows = (int) h.shape()[0];
        int cols = (int) h.shape()[1];
        checkLength(file, b, h, 4L * rows * cols);
        float[] v = new float[rows * cols];
        ByteBuffer.wrap(b, h.dataOffset(), v.length * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return new FloatMatrix(v, rows, cols);
    }
}
