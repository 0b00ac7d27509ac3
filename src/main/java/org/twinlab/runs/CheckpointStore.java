package org.twinlab.runs;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.twinlab.model.TwinNetwork;
import org.twinlab.train.Checkpoint;
import org.twinlab.util.IoErrors;

/**
 * A run's {@code checkpoint/} folder. Each checkpoint is a generation of files named by its step
 * ({@code model-000120.params}, DJL's parameter format; {@code optimizer-000120.npz}, NumPy's, uncompressed: {@link StoredNpz}) and a
 * record, {@code checkpoint.json}, naming them with their SHA-256 and the SHA-256 of the run's
 * config.json, and carrying its own checksum. The record is written last, atomically: it is the commit
 * point, so a crash at any moment leaves the previous checkpoint whole and named. Older generations are
 * removed only after the new record is in place. Every load verifies every checksum.
 *
 * <p>Checkpoints of the first format ({@code model.params} and a record with the step alone) still
 * load, without optimizer state and without checksums (the caller warns).
 */
public final class CheckpointStore {
    public static final String DIR = "checkpoint";
    public static final String RECORD = "checkpoint.json";
    static final String LEGACY_PARAMS = "model.params";
    private static final int FORMAT = 2;
    private static final String CONFIG_SHA = "configSha256";
    /** The config.json checksum before Twinlab extended the run, accepted until the next checkpoint. */
    private static final String CONFIG_BEFORE = "configSha256Before";

    private final Path dir;
    private final Path config;

    CheckpointStore(Path runDir) {
        this.dir = runDir.resolve(DIR);
        this.config = runDir.resolve(RunFolder.CONFIG);
    }

    public Path dir() {
        return dir;
    }

    /** Writes a checkpoint; the previous one stays whole until this one is complete. */
    public void save(Checkpoint c) throws IOException {
        Files.createDirectories(dir);
        String params = String.format(Locale.ROOT, "model-%06d.params", c.step());
        String optimizer = String.format(Locale.ROOT, "optimizer-%06d.npz", c.step());
        JsonObject sums = new JsonObject();
        sums.addProperty(params, Checksums.write(dir.resolve(params), c.network()::save));
        sums.addProperty(optimizer, Checksums.write(dir.resolve(optimizer),
                out -> StoredNpz.write(c.optimizerState(), out)));
        JsonObject r = new JsonObject();
        r.addProperty("format", FORMAT);
        r.addProperty("step", c.step());
        r.addProperty("parameters", params);
        r.addProperty("optimizer", optimizer);
        r.add("lambda", finite(c.lambda()));
        r.add("learningRate", finite(c.learningRate()));
        r.addProperty(CONFIG_SHA, Checksums.of(config));
        r.add("sha256", sums);
        AtomicFiles.writeString(dir.resolve(RECORD), sealed(r));
        removeOtherGenerations(params, optimizer);
    }

    /**
     * Before Twinlab itself rewrites config.json (extending a run): the record is made to accept the new text
     * as well as the present one, so a crash between the two writes leaves a run that still resumes.
     */
    void acceptConfig(String newConfigText) throws IOException {
        Record r = loadRecordOnly();
        if (r != null && r.json != null) {
            r.json.addProperty(CONFIG_BEFORE, r.json.get(CONFIG_SHA).getAsString());
            r.json.addProperty(CONFIG_SHA, Checksums.of(newConfigText));
            AtomicFiles.writeString(dir.resolve(RECORD), sealed(r.json));
        }
    }

    private static com.google.gson.JsonElement finite(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : com.google.gson.JsonNull.INSTANCE;
    }

    /** The record with a checksum of its own content, so a damaged or edited record is noticed. */
    private static String sealed(JsonObject r) {
        return Json.GSON.toJson(Checksums.seal(r)) + "\n";
    }

    private void removeOtherGenerations(String params, String optimizer) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                boolean generation = (n.startsWith("model-") && n.endsWith(".params"))
                        || (n.startsWith("optimizer-") && n.endsWith(".npz")) || n.equals(LEGACY_PARAMS);
                if (generation && !n.equals(params) && !n.equals(optimizer)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Whether there is a checkpoint record at all. */
    public boolean exists() {
        return Files.isRegularFile(dir.resolve(RECORD));
    }

    /**
     * The last checkpoint, verified: its record's own checksum, its files' checksums and the config's.
     * Null when there is none; a damaged one is one plain line naming the file.
     */
    public Record load() throws IOException {
        return load(true);
    }

    /** The record alone, its own checksum verified (not its files'): cheap, for lists of runs. */
    Record loadRecordOnly() throws IOException {
        return load(false);
    }

    private Record load(boolean verifyFiles) throws IOException {
        Path rec = dir.resolve(RECORD);
        if (!Files.isRegularFile(rec)) {
            return null;
        }
        JsonObject o;
        try {
            o = Json.object(Files.readString(rec), rec.toString(), "checkpoint record");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(rec + ": damaged (not text)");
        }
        try {
            if (!o.has("format")) {
                return legacy(o, rec);
            }
            if (!Checksums.sealIntact(o, true)) {
                throw new IllegalArgumentException(rec + ": does not match its own checksum (the record was changed or "
                        + "damaged); nothing was loaded or overwritten");
            }
            int step = o.get("step").getAsInt();
            Path params = dir.resolve(o.get("parameters").getAsString());
            Path optimizer = dir.resolve(o.get("optimizer").getAsString());
            JsonObject sums = o.getAsJsonObject("sha256");
            if (!verifyFiles) {
                return new Record(step, params, optimizer, number(o, "lambda"), number(o, "learningRate"), o);
            }
            Checksums.verify(params, sums.get(params.getFileName().toString()).getAsString());
            Checksums.verify(optimizer, sums.get(optimizer.getFileName().toString()).getAsString());
            String now = Checksums.of(config);
            if (!now.equalsIgnoreCase(o.get(CONFIG_SHA).getAsString())
                    && !(o.has(CONFIG_BEFORE) && now.equalsIgnoreCase(o.get(CONFIG_BEFORE).getAsString()))) {
                throw new IllegalArgumentException(config + ": was changed after the last checkpoint was written (its "
                        + "checksum no longer matches), so the weights were trained with other settings; put the file "
                        + "back, or start a new run from it with --config");
            }
            return new Record(step, params, optimizer, number(o, "lambda"), number(o, "learningRate"), o);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException(rec + ": damaged checkpoint record (" + e.getMessage() + ")");
        }
    }

    private Record legacy(JsonObject o, Path rec) {
        Path params = dir.resolve(LEGACY_PARAMS);
        if (!o.has("step") || !Files.isRegularFile(params)) {
            throw new IllegalArgumentException(rec + ": damaged checkpoint record (no step, or no " + LEGACY_PARAMS + ")");
        }
        return new Record(o.get("step").getAsInt(), params, null, Double.NaN, Double.NaN, null);
    }

    private static double number(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsDouble() : Double.NaN;
    }

    /** The verified checkpoint: what a run resumes from and what a probe or an export loads. */
    public static final class Record implements Checkpoint.Source {
        private final int step;
        private final Path parameters;
        private final Path optimizer;
        private final double lambda;
        private final double learningRate;
        private final JsonObject json;

        Record(int step, Path parameters, Path optimizer, double lambda, double learningRate, JsonObject json) {
            this.step = step;
            this.parameters = parameters;
            this.optimizer = optimizer;
            this.lambda = lambda;
            this.learningRate = learningRate;
            this.json = json;
        }

        @Override
        public int step() {
            return step;
        }

        public Path parameters() {
            return parameters;
        }

        /** Whether it has optimizer state and checksums (the current format). */
        public boolean complete() {
            return optimizer != null;
        }

        @Override
        public void loadNetwork(TwinNetwork network) throws IOException {
            try (InputStream in = Files.newInputStream(parameters)) {
                network.load(in);
            } catch (IOException e) {
                throw new IOException(parameters + ": " + (e.getMessage() == null ? IoErrors.describe(e) : e.getMessage()), e);
            }
        }

        @Override
        public NDList optimizerState(NDManager manager) throws IOException {
            if (optimizer == null) {
                return null;
            }
            try (InputStream in = Files.newInputStream(optimizer)) {
                return NDList.decode(manager, in);
            }
        }

        @Override
        public double lambda() {
            return lambda;
        }

        @Override
        public double learningRate() {
            return learningRate;
        }
    }
}
