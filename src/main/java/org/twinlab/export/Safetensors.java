package org.twinlab.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format, written and read without a library: an 8-byte little-endian header length,
 * a JSON header mapping each tensor name to {@code {dtype, shape, data_offsets}} (plus an optional
 * {@code __metadata__} of strings), padded with spaces to a multiple of 8, then the raw little-endian
 * tensors one after the other. Reading checks what the format promises: the header fits, offsets tile
 * the data exactly, each tensor's byte count matches its shape and type.
 */
public final class Safetensors {
    /** The element types Twinlab writes and reads. */
    public enum DType {
        F32(4), I64(8);

        final int bytes;

        DType(int bytes) {
            this.bytes = bytes;
        }
    }

    /** One tensor: its type, shape and little-endian bytes. */
    public record Tensor(DType dtype, long[] shape, byte[] data) {
        public Tensor {
            long n = count(shape);
            if (n * dtype.bytes != data.length) {
                throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " and type " + dtype
                        + " needs " + n * dtype.bytes + " bytes, not " + data.length);
            }
        }

        public static Tensor f32(long[] shape, float[] values) {
            ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(values);
            return new Tensor(DType.F32, shape, b.array());
        }

        public static Tensor i64Scalar(long value) {
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
            return new Tensor(DType.I64, new long[0], b.array());
        }

        public float[] floats() {
            if (dtype != DType.F32) {
                throw new IllegalStateException("not a float tensor: " + dtype);
            }
            float[] out = new float[data.length / 4];
            ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        }
    }

    /** A whole file: tensors in header order, and the metadata. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    private static final long MAX_HEADER = 100L << 20;

    private Safetensors() {
    }

    static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        return n;
    }

    /** Writes the tensors in the order given, with the metadata (may be empty). */
    public static void write(OutputStream out, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        JsonObject header = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (var e : tensors.entrySet()) {
            Tensor t = e.getValue();
            JsonObject o = new JsonObject();
            o.addProperty("dtype", t.dtype().name());
            JsonArray shape = new JsonArray();
            for (long d : t.shape()) {
                shape.add(d);
            }
            o.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(offset + t.data().length);
            o.add("data_offsets", offsets);
            header.add(e.getKey(), o);
            offset += t.data().length;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] h = Arrays.copyOf(json, padded);
        Arrays.fill(h, json.length, padded, (byte) ' ');
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
        out.write(h);
        for (Tensor t : tensors.values()) {
            out.write(t.data());
        }
    }

    /** Reads and checks a file; any problem is one line naming the file. */
    public static Contents read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ExportException(file + ": missing");
        } catch (IOException e) {
            throw new ExportException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (all.length < 8) {
            throw bad(file, "shorter than the 8-byte header length");
        }
        long n = ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n < 2 || n > MAX_HEADER || n > all.length - 8) {
            throw bad(file, "header length " + n + " does not fit a file of " + all.length + " bytes");
        }
        JsonObject header;
        try {
            JsonElement parsed = JsonParser.parseString(new String(all, 8, (int) n, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                throw bad(file, "header is not a JSON object");
            }
            header = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw bad(file, "header is not valid JSON");
        }
        long base = 8 + n;
        long dataLength = all.length - base;
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        List<long[]> spans = new ArrayList<>();
        for (var e : header.entrySet()) {
            try {
                if (e.getKey().equals("__metadata__")) {
                    for (var m : e.getValue().getAsJsonObject().entrySet()) {
                        metadata.put(m.getKey(), m.getValue().getAsString());
                    }
                    continue;
                }
                JsonObject o = e.getValue().getAsJsonObject();
                String dt = o.get("dtype").getAsString();
                DType dtype;
                try {
                    dtype = DType.valueOf(dt);
                } catch (IllegalArgumentException x) {
                    throw bad(file, "tensor " + e.getKey() + " has type " + dt + ", which Twinlab does not read (F32, I64)");
                }
                JsonArray sh = o.getAsJsonArray("shape");
                long[] shape = new long[sh.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = sh.get(i).getAsLong();
                }
                JsonArray off = o.getAsJsonArray("data_offsets");
                long begin = off.get(0).getAsLong();
                long end = off.get(1).getAsLong();
                if (begin < 0 || end < begin || end > dataLength) {
                    throw bad(file, "tensor " + e.getKey() + " has offsets " + begin + "-" + end + " outside the "
                            + dataLength + " data bytes");
                }
                if (count(shape) * dtype.bytes != end - begin) {
                    throw bad(file, "tensor " + e.getKey() + " of shape " + Arrays.toString(shape) + " takes " + (end - begin)
                            + " bytes, not " + count(shape) * dtype.bytes);
                }
                spans.add(new long[] {begin, end});
                tensors.put(e.getKey(), new Tensor(dtype, shape,
                        Arrays.copyOfRange(all, (int) (base + begin), (int) (base + end))));
            } catch (IllegalStateException | NullPointerException | UnsupportedOperationException
                     | IndexOutOfBoundsException | NumberFormatException x) {
                throw bad(file, "entry " + e.getKey() + " of the header is malformed");
            }
        }
        spans.sort((a, b) -> Long.compare(a[0], b[0]));
        long at = 0;
        for (long[] s : spans) {
            if (s[0] != at) {
                throw bad(file, "tensor data overlaps or leaves a gap at byte " + at);
            }
            at = s[1];
        }
        if (at != dataLength) {
            throw bad(file, "holds " + dataLength + " data bytes but its tensors cover " + at);
        }
        return new Contents(tensors, metadata);
    }

    private static ExportException bad(Path file, String why) {
        return new ExportException(file + ": not a valid safetensors file (" + why + ")");
    }
}
