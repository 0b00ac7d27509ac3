package org.twinlab.runs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.twinlab.train.TrainingEvent;
import org.twinlab.util.IoErrors;

/**
 * A run's {@code correlation-history.bin}: every snapshot of C, in step order, so a past run can replay noise
 * turning into the identity. Up to {@link #MAX_SIDE} cells a side every cell is kept; wider matrices are kept as
 * block means to 256 x 256 (as the heatmap shows a wide C: a diagonal block is the mean of its diagonal cells).
 *
 * <p>Compact: each cell is one signed byte, {@code round(127 v / s)} with {@code s} the snapshot's largest |value|
 * (the colour map has 256 steps over [-1, 1], so the picture loses nothing), the bytes deflated. The snapshot's
 * mean diagonal and mean |off-diagonal| are kept as computed from the full C, not from the bytes.
 *
 * <p>Written as the run's other step files are: appended, one whole record per snapshot in one write (readable
 * while the run trains), each record framed by its length and a CRC-32, so a kill leaves at most a torn last
 * record, which a reader drops; a resumed run cuts the file back to its checkpoint's step
 * ({@link #truncateAfter}), as it does metrics.csv.
 *
 * <pre>
 * file   = "TWCHIST1" record*
 * record = int 0x43484953 ("CHIS"), int n, payload[n], int crc32(payload)      (big-endian)
 * payload= int step, int dim, int side, float meanDiagonal, float meanAbsOffDiagonal, float effectiveRank,
 *          float spread, float scale, deflate(byte[side * side])
 * </pre>
 */
public final class CorrelationHistory {
    public static final String FILE = "correlation-history.bin";
    public static final int MAX_SIDE = 256;
    private static final byte[] MAGIC = "TWCHIST1".getBytes(StandardCharsets.US_ASCII);
    private static final int RECORD = 0x43484953;
    private static final int FIXED = 8 * 4;

    private CorrelationHistory() {
    }

    /** One snapshot of C as kept: {@code side x side} values (every cell, or block means of a wider C). */
    public record Snapshot(int step, int dim, int side, float[] values, double meanDiagonal, double meanAbsOffDiagonal,
                           double effectiveRank, double spread) {
        public float value(int i, int j) {
            return values[i * side + j];
        }

        /** How many of C's indices one cell stands for along each axis (1 when every cell is kept). */
        public double indexScale() {
            return (double) dim / side;
        }

        /** As the event the window draws (histograms from the kept cells). */
        public TrainingEvent.Correlation event() {
            int bins = TrainingEvent.Correlation.HISTOGRAM_BINS;
            int[] diag = new int[bins];
            int[] off = new int[bins];
            for (int i = 0; i < side; i++) {
                for (int j = 0; j < side; j++) {
                    float v = values[i * side + j];
                    int b = Math.max(0, Math.min(bins - 1, (int) Math.floor((v + 1f) / 2f * bins)));
                    (i == j ? diag : off)[b]++;
                }
            }
            int stride = Math.max(1, (int) Math.round(indexScale()));
            return new TrainingEvent.Correlation(step, dim, side, stride, values, 0, 0, side, values, meanDiagonal,
                    meanAbsOffDiagonal, diag, off, effectiveRank, spread);
        }
    }

    /** What a history file holds: its whole snapshots, in order, and what is wrong with it (null when nothing). */
    public record Contents(List<Snapshot> snapshots, String problem, boolean damaged) {
        public static final Contents NONE = new Contents(List.of(), null, false);

        public boolean isEmpty() {
            return snapshots.isEmpty();
        }
    }

    /** The snapshot of an event as it is kept: every cell up to 256 a side, else block means to 256 x 256. */
    public static Snapshot of(TrainingEvent.Correlation c) {
        int s = c.side();
        float[] v = s <= MAX_SIDE ? c.values().clone() : blockMeans(c.values(), s, MAX_SIDE);
        return new Snapshot(c.step(), c.dim(), Math.min(s, MAX_SIDE), v, c.meanDiagonal(), c.meanAbsOffDiagonal(),
                c.effectiveRank(), c.spread());
    }

    /**
     * Means of {@code out x out} blocks of a {@code side x side} matrix; block k spans [k side / out, (k+1) side / out).
     * A block on the diagonal is the mean of C's diagonal cells in it, as {@link org.twinlab.train.CorrelationSnapshots}
     * pools a wide C for the heatmap: the diagonal stays the diagonal, not half of it averaged with its neighbours.
     */
    static float[] blockMeans(float[] values, int side, int out) {
        float[] r = new float[out * out];
        for (int bi = 0; bi < out; bi++) {
            int i0 = (int) ((long) bi * side / out);
            int i1 = (int) ((long) (bi + 1) * side / out);
            for (int bj = 0; bj < out; bj++) {
                int j0 = (int) ((long) bj * side / out);
                int j1 = (int) ((long) (bj + 1) * side / out);
                double sum = 0;
                if (bi == bj) {
                    for (int i = i0; i < i1; i++) {
                        sum += values[i * side + i];
                    }
                    r[bi * out + bj] = (float) (sum / (i1 - i0));
                    continue;
                }
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        sum += values[i * side + j];
                    }
                }
                r[bi * out + bj] = (float) (sum / ((double) (i1 - i0) * (j1 - j0)));
            }
        }
        return r;
    }

    /** Appends one snapshot as one record, in one write; creates the file (with its magic) on the first. */
    public static void append(Path file, TrainingEvent.Correlation c) throws IOException {
        byte[] record = encode(of(c));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer b = ch.size() == 0 ? ByteBuffer.allocate(MAGIC.length + record.length).put(MAGIC).put(record).flip()
                    : ByteBuffer.wrap(record);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    static byte[] encode(Snapshot s) {
        float scale = 0;
        for (float v : s.values()) {
            scale = Math.max(scale, Float.isFinite(v) ? Math.abs(v) : 0);
        }
        scale = scale == 0 ? 1 : scale;
        byte[] q = new byte[s.values().length];
        for (int i = 0; i < q.length; i++) {
            float v = s.values()[i];
            q[i] = (byte) Math.max(-127, Math.min(127, Math.round(Float.isFinite(v) ? v / scale * 127f : 0f)));
        }
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        d.setInput(q);
        d.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream(q.length / 2 + 64);
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            z.write(buf, 0, d.deflate(buf));
        }
        d.end();
        byte[] packed = z.toByteArray();
        ByteBuffer p = ByteBuffer.allocate(FIXED + packed.length);
        p.putInt(s.step()).putInt(s.dim()).putInt(s.side()).putFloat((float) s.meanDiagonal())
                .putFloat((float) s.meanAbsOffDiagonal()).putFloat((float) s.effectiveRank()).putFloat((float) s.spread())
                .putFloat(scale).put(packed);
        byte[] payload = p.array();
        CRC32 crc = new CRC32();
        crc.update(payload);
        return ByteBuffer.allocate(12 + payload.length).putInt(RECORD).putInt(payload.length).put(payload)
                .putInt((int) crc.getValue()).array();
    }

    /**
     * The history of a run folder's file, leniently: an absent file is {@link Contents#NONE}; a torn last record
     * (a crash, or a record being written right now) is dropped with a note; a record that fails its checksum, or
     * a file that is not a history, ends the reading there, {@code damaged}, with the snapshots before it.
     */
    public static Contents read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Contents.NONE;
        }
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Contents(List.of(), name(file) + ": cannot be read (" + IoErrors.describe(e) + ")", true);
        }
        if (all.length < MAGIC.length || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return new Contents(List.of(), name(file) + ": damaged (not a history of C)", true);
        }
        List<Snapshot> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(all);
        b.position(MAGIC.length);
        while (b.hasRemaining()) {
            int at = b.position();
            if (b.remaining() < 8) {
                return torn(file, out);
            }
            int tag = b.getInt();
            int n = b.getInt();
            if (tag != RECORD || n < FIXED || n > FIXED + 2 * MAX_SIDE * MAX_SIDE + 1024) {
                return damaged(file, out, at);
            }
            if (b.remaining() < n + 4) {
                return torn(file, out);
            }
            byte[] payload = new byte[n];
            b.get(payload);
            CRC32 crc = new CRC32();
            crc.update(payload);
            if ((int) crc.getValue() != b.getInt()) {
                return damaged(file, out, at);
            }
            Snapshot s = decode(payload);
            if (s == null) {
                return damaged(file, out, at);
            }
            out.add(s);
        }
        return new Contents(List.copyOf(out), null, false);
    }

    private static Snapshot decode(byte[] payload) {
        ByteBuffer p = ByteBuffer.wrap(payload);
        int step = p.getInt();
        int dim = p.getInt();
        int side = p.getInt();
        double diag = p.getFloat();
        double off = p.getFloat();
        double rank = p.getFloat();
        double spread = p.getFloat();
        float scale = p.getFloat();
        if (side < 1 || side > MAX_SIDE || dim < side || step < 0) {
            return null;
        }
        byte[] q = new byte[side * side];
        Inflater inf = new Inflater();
        try {
            inf.setInput(payload, FIXED, payload.length - FIXED);
            int got = 0;
            while (got < q.length && !inf.finished()) {
                int k = inf.inflate(q, got, q.length - got);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    return null;
                }
                got += k;
            }
            if (got != q.length) {
                return null;
            }
        } catch (DataFormatException e) {
            return null;
        } finally {
            inf.end();
        }
        float[] v = new float[q.length];
        for (int i = 0; i < q.length; i++) {
            v[i] = q[i] * scale / 127f;
        }
        return new Snapshot(step, dim, side, v, diag, off, rank, spread);
    }

    private static Contents torn(Path file, List<Snapshot> out) {
        return new Contents(List.copyOf(out), name(file) + ": truncated (its last snapshot is incomplete; the "
                + out.size() + " before it are whole)", false);
    }

    private static Contents damaged(Path file, List<Snapshot> out, int at) {
        return new Contents(List.copyOf(out), String.format(Locale.ROOT,
                "%s: damaged at byte %d (a snapshot fails its checksum; the %d before it are whole)", name(file), at,
                out.size()), true);
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    /**
     * Cuts the file back to its whole records of steps up to {@code step} (a resumed run continues from its
     * checkpoint: the snapshots after it are taken again). A file with nothing before the damage is removed.
     */
    public static void truncateAfter(Path file, int step) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        long keep = MAGIC.length;
        byte[] all = Files.readAllBytes(file);
        if (all.length < MAGIC.length || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return; // not ours to cut: left as it is, the reader names it
        }
        ByteBuffer b = ByteBuffer.wrap(all);
        b.position(MAGIC.length);
        while (b.remaining() >= 12) {
            int tag = b.getInt();
            int n = b.getInt();
            if (tag != RECORD || n < FIXED || b.remaining() < n + 4) {
                break;
            }
            int recStep = b.getInt(b.position());
            byte[] payload = new byte[n];
            b.get(payload);
            CRC32 crc = new CRC32();
            crc.update(payload);
            if ((int) crc.getValue() != b.getInt() || recStep > step) {
                break;
            }
            keep = b.position();
        }
        if (keep < all.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
            }
        }
    }
}
