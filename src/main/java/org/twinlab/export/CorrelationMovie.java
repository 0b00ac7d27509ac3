package org.twinlab.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.twinlab.export.chart.Charts;
import org.twinlab.export.chart.FigureSize;
import org.twinlab.export.chart.Heatmap;
import org.twinlab.runs.AtomicFiles;
import org.twinlab.runs.CorrelationHistory;
import org.twinlab.runs.RunFolder;
import org.twinlab.runs.RunHistory;
import org.twinlab.util.IoErrors;

/**
 * The evolution of a run's C as an animated GIF (or numbered PNGs): one frame per snapshot of its history, each the
 * exported {@link Heatmap} (the window's colour map, {@link org.twinlab.export.chart.Palette#divergingCells}) with
 * its colour bar, titled with the step and C's mean diagonal and mean |off-diagonal|. The GIF loops (NETSCAPE2.0)
 * and each frame carries its numbers as a GIF comment ({@code step=60 meanDiagonal=0.8123 meanAbsOffDiagonal=...}).
 * Files are written through a temporary and a rename; the run folder is only read.
 */
public final class CorrelationMovie {
    public static final FigureSize DEFAULT_SIZE = new FigureSize(720, 640);
    public static final int DEFAULT_DELAY_MS = 200;

    /** Which snapshots (steps {@code from} to {@code to}, both included), how long each frame shows, how large. */
    public record Options(int delayMs, FigureSize size, int fromStep, int toStep) {
        public static Options defaults() {
            return new Options(DEFAULT_DELAY_MS, DEFAULT_SIZE, 0, Integer.MAX_VALUE);
        }

        public Options {
            if (delayMs < 10 || delayMs > 60_000) {
                throw new IllegalArgumentException("frame delay: " + delayMs + " ms is outside 10-60000 ms");
            }
            if (fromStep > toStep) {
                throw new IllegalArgumentException("steps: from " + fromStep + " is after to " + toStep);
            }
        }

        /** Reads {@code FROM:TO}, {@code FROM:} or {@code :TO} (steps, both included) into these options. */
        public Options steps(String range) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d*)\\s*:\\s*(\\d*)\\s*")
                    .matcher(range == null ? "" : range);
            if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty() || m.group(1).length() > 9
                    || m.group(2).length() > 9) {
                throw new IllegalArgumentException("steps: '" + range + "' is not FROM:TO (e.g. 100:500, 100: or :500)");
            }
            return new Options(delayMs, size, m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1)),
                    m.group(2).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(m.group(2)));
        }
    }

    /** What was made: how many frames, of which steps, and a note on the history (a torn last snapshot), or null. */
    public record Result(int frames, int firstStep, int lastStep, String note) {
    }

    private CorrelationMovie() {
    }

    /**
     * The snapshots a movie of {@code run} shows, checked: a folder that is not a run, a run without a history
     * (an older version's), a damaged history and a range that holds no snapshot are each one line. A torn last
     * snapshot (a crash, or the run writing right now) is left out, with a note.
     */
    public static Frames frames(Path run, Options o) {
        RunFolder.open(run);
        CorrelationHistory.Contents h = RunHistory.correlationHistory(run);
        if (h.damaged()) {
            throw new IllegalArgumentException(run.resolve(CorrelationHistory.FILE) + ": " + h.problem()
                    .substring(h.problem().indexOf(": ") + 2) + "; no movie was made");
        }
        if (h.isEmpty()) {
            throw new IllegalArgumentException(run + ": has no history of C (" + CorrelationHistory.FILE
                    + "): runs of older versions keep only their last C; train or resume it to record one");
        }
        List<CorrelationHistory.Snapshot> picked = new ArrayList<>();
        for (CorrelationHistory.Snapshot s : h.snapshots()) {
            if (s.step() >= o.fromStep() && s.step() <= o.toStep()) {
                picked.add(s);
            }
        }
        if (picked.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "steps: no snapshot of C between %d and %s (the history has steps %d to %d)", o.fromStep(),
                    o.toStep() == Integer.MAX_VALUE ? "the end" : Integer.toString(o.toStep()),
                    h.snapshots().get(0).step(), h.snapshots().get(h.snapshots().size() - 1).step()));
        }
        return new Frames(run, List.copyOf(picked), h.problem());
    }

    /** The snapshots of one movie, in order, and the note on their history. */
    public record Frames(Path run, List<CorrelationHistory.Snapshot> snapshots, String note) {
        public Result result() {
            return new Result(snapshots.size(), snapshots.get(0).step(), snapshots.get(snapshots.size() - 1).step(), note);
        }
    }

    /** One frame: the heatmap of the snapshot, the step and C's two means in its title. */
    public static Heatmap chart(CorrelationHistory.Snapshot s, String runName) {
        String kept = s.side() == s.dim() ? "D = " + s.dim()
                : "D = " + s.dim() + ", block means to " + s.side() + " \u00d7 " + s.side();
        return new Heatmap(String.format(Locale.ROOT, "C at step %d", s.step()))
                .subtitle(String.format(Locale.ROOT, "mean diagonal %.3f   mean |off-diagonal| %.3f   %s   %s",
                        s.meanDiagonal(), s.meanAbsOffDiagonal(), kept, runName))
                .matrix(s.values(), s.side(), s.side()).indexScale((int) Math.round(s.indexScale()))
                .axes("feature j of view B", "feature i of view A");
    }

    public static BufferedImage image(CorrelationHistory.Snapshot s, String runName, FigureSize size) {
        return Charts.image(chart(s, runName), size);
    }

    /** Writes the animated GIF {@code out} (atomically); an output that cannot be written is one line. */
    public static Result gif(Frames f, Path out, Options o) {
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif")) {
            throw new IllegalArgumentException(out + ": a movie file must end in .gif (or give --frames DIR for PNGs)");
        }
        String name = f.run().getFileName().toString();
        byte[] bytes;
        try {
            bytes = encodeGif(f.snapshots(), name, o);
        } catch (IOException e) {
            throw new IllegalStateException("GIF encoding failed: " + e.getMessage(), e);
        }
        try {
            AtomicFiles.write(out, s -> s.write(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException(IoErrors.cannotWrite(out, e));
        }
        return f.result();
    }

    /** Writes {@code frame-0001.png}, ... into {@code dir} (made if missing); one line when it cannot be written. */
    public static Result pngs(Frames f, Path dir, Options o) {
        String name = f.run().getFileName().toString();
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new IllegalArgumentException(dir + ": is a file, not a folder for the frames");
            }
            Files.createDirectories(dir);
            int k = 1;
            for (CorrelationHistory.Snapshot s : f.snapshots()) {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image(s, name, o.size()), "png", png);
                AtomicFiles.write(dir.resolve(String.format(Locale.ROOT, "frame-%04d.png", k++)),
                        out -> png.writeTo(out));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(IoErrors.cannotWrite(dir, e));
        }
        return f.result();
    }

    static byte[] encodeGif(List<CorrelationHistory.Snapshot> frames, String runName, Options o) throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
        ImageWriter w = it.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(ios);
            w.prepareWriteSequence(null);
            boolean first = true;
            for (CorrelationHistory.Snapshot s : frames) {
                BufferedImage img = image(s, runName, o.size()); // the writer picks its 256 colours
                ImageWriteParam param = w.getDefaultWriteParam();
                IIOMetadata meta = w.getDefaultImageMetadata(new ImageTypeSpecifier(img), param);
                frameMetadata(meta, o.delayMs(), first, String.format(Locale.ROOT,
                        "step=%d meanDiagonal=%.6f meanAbsOffDiagonal=%.6f", s.step(), s.meanDiagonal(),
                        s.meanAbsOffDiagonal()));
                w.writeToSequence(new IIOImage(img, null, meta), param);
                first = false;
            }
            w.endWriteSequence();
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    private static void frameMetadata(IIOMetadata meta, int delayMs, boolean first, String comment) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(Math.max(1, delayMs / 10))); // hundredths of a second
        gce.setAttribute("transparentColorIndex", "0");
        IIOMetadataNode comments = child(root, "CommentExtensions");
        IIOMetadataNode c = new IIOMetadataNode("CommentExtension");
        c.setAttribute("value", comment);
        comments.appendChild(c);
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // loop for ever
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }
}
