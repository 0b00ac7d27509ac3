package org.twinlab.eval;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.data.ImageShape;
import org.twinlab.model.ModelSpec;

/**
 * The two baselines a run probes before its first step, kept so that Start trains at once: the random
 * encoder (the run's own initial weights, which the seed, the model and the image shape fix) and the raw
 * pixels (the dataset and the seed alone). They cost seconds each and are the same numbers every time, so
 * a run whose inputs were seen before gets the stored outcome, bit for bit what a fresh probe returns.
 *
 * <p>The key holds everything the numbers depend on: a digest of the dataset's pixels, labels and class
 * names, the model, the image shape, the seed, the device type, the engine's version, the probe constants
 * and a digest of the probing and model classes' own bytes (a changed probe or encoder never reads an old
 * result). Kept in memory (the last {@link #MEMORY_ENTRIES}) and, for later sessions, one small file a key
 * in {@code <twinlab home>/cache/baselines}; a missing, damaged or unwritable file only means computing it.
 * Thread-safe.
 */
public final class BaselineCache {
    static final int MEMORY_ENTRIES = 16;
    private static final int FORMAT = 1;
    /** Whose bytes the numbers depend on beyond the inputs: the probes, the features, the encoders. */
    private static final String[] CODE = {"org.twinlab.eval.ProbeSuite", "org.twinlab.eval.LinearProbe",
        "org.twinlab.eval.KnnClassifier", "org.twinlab.eval.FeatureExtractor", "org.twinlab.eval.Pca2D",
        "org.twinlab.eval.BaselineCache", "org.twinlab.model.TwinNetwork", "org.twinlab.model.Encoders",
        "org.twinlab.model.Encoder", "org.twinlab.model.Projector", "org.twinlab.augment.ImageOps",
        "org.twinlab.train.TrainingLoop"}; // the loop seeds the engine and draws the initial weights
    private static volatile BaselineCache shared;
    private static volatile String codeDigest;
    private static final Map<Dataset, String> DATASET_DIGESTS = new WeakHashMap<>();

    private final Path folder;
    private final Map<String, ProbeSuite.Outcome> memory = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ProbeSuite.Outcome> eldest) {
            return size() > MEMORY_ENTRIES;
        }
    };
    private int computed;

    /** A cache in {@code folder} (created when first written), or in memory alone when it is null. */
    public BaselineCache(Path folder) {
        this.folder = folder;
    }

    /** The process's cache, in {@code <twinlab home>/cache/baselines} (-Dtwinlab.home, else ~/.twinlab). */
    public static BaselineCache shared() {
        BaselineCache c = shared;
        if (c == null) {
            synchronized (BaselineCache.class) {
                if (shared == null) {
                    shared = new BaselineCache(DatasetCatalog.home().resolve("cache").resolve("baselines"));
                }
                c = shared;
            }
        }
        return c;
    }

    /** The random encoder's probe and PCA for these inputs, from the cache or from {@code compute}. */
    public ProbeSuite.Outcome randomEncoder(Dataset ds, ModelSpec model, long seed, Device device,
                                            Supplier<ProbeSuite.Outcome> compute) {
        return get("random|" + model + "|" + ds.shape() + "|" + inputs(ds, seed, device), compute);
    }

    /** The raw-pixel probe for this dataset and seed, from the cache or from {@code compute}. */
    public ProbeResult pixels(Dataset ds, long seed, Device device, Supplier<ProbeResult> compute) {
        return get("pixels|" + inputs(ds, seed, device), () -> new ProbeSuite.Outcome(compute.get(), null)).result();
    }

    /** How many outcomes this cache had to compute (neither in memory nor on disk). */
    public synchronized int computed() {
        return computed;
    }

    private String inputs(Dataset ds, long seed, Device device) {
        return datasetDigest(ds) + "|seed=" + seed + "|" + device.getDeviceType() + "|engine="
                + Engine.getInstance().getVersion() + "|epochs=" + ProbeSuite.PROBE_EPOCHS + "|pca="
                + ProbeSuite.PCA_POINTS + "|k=" + KnnClassifier.DEFAULT_K + "|code=" + codeDigest() + "|v" + FORMAT;
    }

    private ProbeSuite.Outcome get(String key, Supplier<ProbeSuite.Outcome> compute) {
        synchronized (this) {
            ProbeSuite.Outcome hit = memory.get(key);
            if (hit != null) {
                return copy(hit);
            }
        }
        Path file = folder == null ? null : folder.resolve(sha256(key.getBytes(StandardCharsets.UTF_8)) + ".bin");
        ProbeSuite.Outcome o = file == null ? null : read(file, key);
        if (o == null) {
            o = compute.get();
            synchronized (this) {
                computed++;
            }
            if (file != null) {
                write(file, key, o);
            }
        }
        synchronized (this) {
            memory.put(key, copy(o));
        }
        return o;
    }

    /** Its own arrays: what a run's listeners are handed is never the stored outcome itself. */
    private static ProbeSuite.Outcome copy(ProbeSuite.Outcome o) {
        Pca2D.Projection p = o.embedding();
        return new ProbeSuite.Outcome(o.result(), p == null ? null
                : new Pca2D.Projection(p.x().clone(), p.y().clone(), p.labels().clone()));
    }

    private static ProbeSuite.Outcome read(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(key)) {
                return null;
            }
            ProbeResult r = new ProbeResult(in.readUTF(), in.readInt(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble(), in.readDouble());
            int n = in.readInt();
            Pca2D.Projection p = null;
            if (n >= 0) {
                float[] x = new float[n];
                float[] y = new float[n];
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    x[i] = in.readFloat();
                    y[i] = in.readFloat();
                    labels[i] = in.readInt();
                }
                p = new Pca2D.Projection(x, y, labels);
            }
            return in.read() == -1 ? new ProbeSuite.Outcome(r, p) : null;
        } catch (IOException | RuntimeException e) {
            return null; // damaged or from elsewhere: computed again, and written over
        }
    }

    private static void write(Path file, String key, ProbeSuite.Outcome o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(key);
            ProbeResult r = o.result();
            out.writeUTF(r.encoder());
            out.writeInt(r.step());
            out.writeDouble(r.epoch());
            out.writeDouble(r.linearTop1());
            out.writeDouble(r.linearTop5());
            out.writeDouble(r.knnTop1());
            out.writeDouble(r.seconds());
            Pca2D.Projection p = o.embedding();
            out.writeInt(p == null ? -1 : p.x().length);
            if (p != null) {
                for (int i = 0; i < p.x().length; i++) {
                    out.writeFloat(p.x()[i]);
                    out.writeFloat(p.y()[i]);
                    out.writeInt(p.labels()[i]);
                }
            }
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(tmp, bytes.toByteArray());
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // a read-only home or a full disk: the run goes on, the next session computes it again
        }
    }

    /** The dataset's content (pixels, labels, class names, shape), once per dataset object. */
    static String datasetDigest(Dataset ds) {
        synchronized (DATASET_DIGESTS) {
            String d = DATASET_DIGESTS.get(ds);
            if (d != null) {
                return d;
            }
        }
        MessageDigest md = sha256();
        ImageShape s = ds.shape();
        md.update((s + "|" + String.join("\u0000", ds.classNames())).getBytes(StandardCharsets.UTF_8));
        ds.train().digest(md);
        ds.test().digest(md);
        String d = HexFormat.of().formatHex(md.digest());
        synchronized (DATASET_DIGESTS) {
            DATASET_DIGESTS.put(ds, d);
        }
        return d;
    }

    private static String codeDigest() {
        String d = codeDigest;
        if (d == null) {
            MessageDigest md = sha256();
            for (String name : CODE) {
                String resource = "/" + name.replace('.', '/') + ".class";
                try (InputStream in = BaselineCache.class.getResourceAsStream(resource)) {
                    md.update(name.getBytes(StandardCharsets.UTF_8));
                    if (in != null) {
                        md.update(in.readAllBytes());
                    }
                } catch (IOException e) {
                    md.update((byte) 0);
                }
            }
            d = HexFormat.of().formatHex(md.digest());
            codeDigest = d;
        }
        return d;
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
