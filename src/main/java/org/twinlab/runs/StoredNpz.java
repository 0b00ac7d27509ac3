package org.twinlab.runs;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz} without compression (what {@code numpy.savez} writes): one {@code .npy} entry per array,
 * stored. DJL's own NPZ encoder deflates, and floats barely compress: at D = 8192 Adam's 1.1 GB of state took
 * about 40 s to write, on the training thread, at every checkpoint. {@link NDList#decode} reads both forms, so
 * older checkpoints still load.
 */
final class StoredNpz {
    private static final int CHUNK = 1 << 20;

    private StoredNpz() {
    }

    /** Writes the arrays as entries {@code <name>.npy} ({@code arr_<i>.npy} when unnamed); leaves {@code out} open. */
    static void write(NDList arrays, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller's stream stays open
            }
        })) {
            zip.setMethod(ZipOutputStream.STORED);
            byte[] chunk = new byte[CHUNK];
            for (int i = 0; i < arrays.size(); i++) {
                NDArray a = arrays.get(i);
                boolean onHost = a.getDevice().equals(Device.cpu());
                // an array on a GPU is copied to the host for the write, and that copy freed right after
                try (NDArray host = onHost ? null : a.toDevice(Device.cpu(), true)) {
                    String name = a.getName() == null || a.getName().isEmpty() ? "arr_" + i : a.getName();
                    entry(zip, host == null ? a : host, name, chunk);
                }
            }
            zip.finish();
        }
    }

    /** One stored entry: the .npy header, then the array's bytes in chunks. */
    private static void entry(ZipOutputStream zip, NDArray a, String name, byte[] chunk) throws IOException {
        // the tensor's own memory where the engine allows (no copy of up to 256 MB on the Java heap); its bytes are
        // in the machine's order whatever order the buffer object claims
        ByteBuffer data = a.toByteBuffer(true);
        byte[] header = header(a, ByteOrder.nativeOrder());
        CRC32 crc = new CRC32();
        crc.update(header);
        crc.update(data.duplicate());
        ZipEntry e = new ZipEntry(name + ".npy");
        e.setMethod(ZipEntry.STORED);
        e.setSize(header.length + (long) data.remaining());
        e.setCompressedSize(e.getSize());
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(header);
        while (data.hasRemaining()) {
            int n = Math.min(chunk.length, data.remaining());
            data.get(chunk, 0, n);
            zip.write(chunk, 0, n);
        }
        zip.closeEntry();
    }

    /** The .npy format 1.0 header: magic, version, length, and the dict padded so the data starts 64-aligned. */
    static byte[] header(NDArray a, ByteOrder order) {
        String descr = a.getDataType().asNumpy();
        if (descr.charAt(0) == '<' || descr.charAt(0) == '>') {
            descr = (order == ByteOrder.BIG_ENDIAN ? ">" : "<") + descr.substring(1);
        }
        long[] shape = a.getShape().getShape();
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(shape[i]).append(shape.length == 1 || i < shape.length - 1 ? "," : "");
            if (i < shape.length - 1) {
                dims.append(' ');
            }
        }
        dims.append(')');
        String dict = String.format(Locale.ROOT, "{'descr': '%s', 'fortran_order': False, 'shape': %s, }", descr, dims);
        int unpadded = 10 + dict.length() + 1;
        String padded = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        byte[] text = padded.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer h = ByteBuffer.allocate(10 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        h.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        h.putShort((short) text.length).put(text);
        return h.array();
    }
}
