package org.twinlab.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.data.ImageShape;
import org.twinlab.runs.Checksums;
import org.twinlab.runs.Json;

/**
 * An export's {@code manifest.json}: the architecture and its sizes, the input shape and normalisation,
 * the projector (when exported), the dataset's classes, the run's whole config and final metrics,
 * Twinlab's version, and the SHA-256 and size of every other file of the export.
 * {@link #verify(Path)} reads it back and checks every file it lists.
 */
public record Manifest(String architecture, int featureDim, ImageShape input, float[] mean, float[] std,
                       Projector projector, String dataset, List<String> classNames, String runFolder, int step,
                       long seed, JsonObject config, JsonObject metrics, Map<String, FileRecord> files) {
    public static final String FILE = "manifest.json";
    public static final String FORMAT = "twinlab-encoder";
    public static final int FORMAT_VERSION = 1;
    /** Twinlab's version, as the command line's --version says it. */
    public static final String TWINLAB_VERSION = "0.1.0";
    public static final String WEIGHTS = "encoder.safetensors";

    /** The projector's shape, when the export holds its weights. */
    public record Projector(int width, int depth, boolean batchNorm) {
    }

    /** A file of the export, by its path relative to the export folder. */
    public record FileRecord(String sha256, long bytes) {
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("formatVersion", FORMAT_VERSION);
        o.addProperty("twinlabVersion", TWINLAB_VERSION);
        o.addProperty("architecture", architecture);
        o.addProperty("featureDim", featureDim);
        JsonObject in = new JsonObject();
        in.addProperty("channels", input.channels());
        in.addProperty("height", input.height());
        in.addProperty("width", input.width());
        in.addProperty("dtype", "uint8");
        in.addProperty("layout", input.channels() == 1 ? "N x H x W" : "N x H x W x C");
        in.addProperty("normalization", "x = pixel / 255; x = (x - mean[c]) / std[c]; then N x C x H x W");
        in.add("mean", floats(mean));
        in.add("std", floats(std));
        o.add("input", in);
        o.add("projector", Json.GSON.toJsonTree(projector));
        o.addProperty("weights", WEIGHTS);
        JsonObject ds = new JsonObject();
        ds.addProperty("name", dataset);
        JsonArray cls = new JsonArray();
        classNames.forEach(cls::add);
        ds.add("classes", cls);
        o.add("dataset", ds);
        JsonObject run = new JsonObject();
        run.addProperty("folder", runFolder);
        run.addProperty("step", step);
        run.addProperty("seed", seed);
        run.add("config", config);
        o.add("run", run);
        o.add("metrics", metrics);
        JsonObject fs = new JsonObject();
        files.forEach((name, r) -> fs.add(name, Json.GSON.toJsonTree(r)));
        o.add("files", fs);
        return o;
    }

    /**
     * The manifest as written: {@link #toJson()} sealed with the SHA-256 of its own content ({@code checksum}), so a
     * changed byte anywhere in it (a digit of the normalisation, say) is noticed on load, as in a checkpoint record.
     */
    public String toText() {
        return Json.GSON.toJson(Checksums.seal(toJson())) + "\n";
    }

    private static JsonArray floats(float[] v) {
        JsonArray a = new JsonArray();
        for (float x : v) {
            a.add(x);
        }
        return a;
    }

    /** The SHA-256 of a file, in lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The files an earlier export's manifest lists (empty when it cannot be read). */
    static List<String> listedFiles(Path dir) {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(dir.resolve(FILE))).getAsJsonObject();
            return List.copyOf(o.getAsJsonObject("files").keySet());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Whether {@code dir} holds a manifest of an earlier export (not checked further). */
    static boolean isExport(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return false;
        }
        try {
            JsonElement e = JsonParser.parseString(Files.readString(f));
            return e.isJsonObject() && e.getAsJsonObject().has("format")
                    && FORMAT.equals(e.getAsJsonObject().get("format").getAsString());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads {@code dir/manifest.json} and checks the export against it: the format, a known
     * architecture, a valid input shape, and every listed file present with its SHA-256. Each problem
     * is one line naming the file.
     */
    public static Manifest verify(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ExportException(dir + ": no such export folder");
        }
        if (Files.exists(dir.resolve(OutputFolder.INCOMPLETE))) {
            throw new ExportException(dir + ": not a whole export: an export into it was interrupted or is under way (it "
                    + "holds " + OutputFolder.INCOMPLETE + "); export again"
                    + (Files.isDirectory(dir.resolve(OutputFolder.PREVIOUS)) ? " (the export it replaces is kept in "
                    + dir.resolve(OutputFolder.PREVIOUS) + " until then)" : ""));
        }
        Path file = dir.resolve(FILE);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ExportException(dir + ": not a Twinlab export (no " + FILE + ")");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ExportException(file + ": damaged (not text); export again");
        } catch (IOException e) {
            throw new ExportException(file + ": cannot be read (" + org.twinlab.util.IoErrors.describe(e) + ")");
        }
        Manifest m;
        try {
            JsonObject o = Json.object(text, file.toString(), "Twinlab manifest");
            if (!Checksums.sealIntact(o, false)) { // manifests written before they had a seal pass
                throw new ExportException(file + ": does not match its own checksum (the manifest was changed or damaged "
                        + "after the export); export again");
            }
            m = parse(file, o);
        } catch (ExportException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ExportException(e.getMessage());
        } catch (RuntimeException e) {
            // a field missing, or of the wrong type (an object where a number belongs, say)
            throw new ExportException(file + ": not a whole Twinlab manifest (a field is missing or has the wrong type); "
                    + "export again");
        }
        if (!m.files().containsKey(WEIGHTS)) {
            throw new ExportException(file + ": lists no " + WEIGHTS);
        }
        for (var e : m.files().entrySet()) {
            Path f = dir.resolve(e.getKey()).normalize();
            if (!f.startsWith(dir.normalize()) || e.getKey().contains("..")) {
                throw new ExportException(file + ": lists a file outside the export (" + e.getKey() + ")");
            }
            if (!Files.isRegularFile(f)) {
                throw new ExportException(f + ": missing (" + FILE + " lists it)");
            }
            try {
                if (!sha256(f).equals(e.getValue().sha256())) {
                    throw new ExportException(f + ": SHA-256 does not match " + FILE + " (the file was changed or damaged)");
                }
            } catch (IOException x) {
                throw new ExportException(f + ": cannot be read (" + org.twinlab.util.IoErrors.describe(x) + ")");
            }
        }
        return m;
    }

    private static Manifest parse(Path file, JsonObject o) {
        if (!o.has("format") || !FORMAT.equals(o.get("format").getAsString())) {
            throw new ExportException(file + ": not a Twinlab encoder manifest (format is not '" + FORMAT + "')");
        }
        int version = o.get("formatVersion").getAsInt();
        if (version > FORMAT_VERSION) {
            throw new ExportException(file + ": format version " + version + " is newer than this Twinlab reads ("
                    + FORMAT_VERSION + ")");
        }
        String arch = o.get("architecture").isJsonNull() ? null : o.get("architecture").getAsString();
        PyTorchArchitecture a = PyTorchArchitecture.of(arch, file.toString());
        JsonObject in = o.getAsJsonObject("input");
        ImageShape shape;
        try {
            shape = new ImageShape(in.get("channels").getAsInt(), in.get("height").getAsInt(), in.get("width").getAsInt());
        } catch (IllegalArgumentException e) {
            throw new ExportException(file + ": input shape: " + e.getMessage());
        }
        float[] mean = floatArray(in.getAsJsonArray("mean"));
        float[] std = floatArray(in.getAsJsonArray("std"));
        if (mean.length != shape.channels() || std.length != shape.channels()) {
            throw new ExportException(file + ": input mean and std need one value per channel (" + shape.channels() + ")");
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new ExportException(file + ": input std must be positive, not " + s);
            }
        }
        int featureDim = a.featureDim();
        Projector projector = null;
        if (o.has("projector") && o.get("projector").isJsonObject()) {
            projector = Json.GSON.fromJson(o.get("projector"), Projector.class);
        }
        JsonObject ds = o.getAsJsonObject("dataset");
        List<String> classes = new ArrayList<>();
        ds.getAsJsonArray("classes").forEach(c -> classes.add(c.getAsString()));
        JsonObject run = o.getAsJsonObject("run");
        Map<String, FileRecord> files = new LinkedHashMap<>();
        for (var e : o.getAsJsonObject("files").entrySet()) {
            FileRecord f = Json.GSON.fromJson(e.getValue(), FileRecord.class);
            if (f == null || f.sha256() == null) {
                throw new ExportException(file + ": the record of " + e.getKey() + " has no sha256");
            }
            files.put(e.getKey(), f);
        }
        return new Manifest(arch, featureDim, shape, mean, std, projector, ds.get("name").getAsString(), classes,
                run.get("folder").getAsString(), run.get("step").getAsInt(), run.get("seed").getAsLong(),
                run.getAsJsonObject("config"), o.get("metrics").isJsonObject() ? o.getAsJsonObject("metrics") : null, files);
    }

    private static float[] floatArray(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }
}
