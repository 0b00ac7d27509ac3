package org.twinlab.runs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files and texts: checkpoints, run configs and exports carry them and verify them on load. */
public final class Checksums {
    private Checksums() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    public static String of(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String of(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The field of a JSON record that holds the SHA-256 of the record's own content. */
    public static final String SEAL = "checksum";

    /**
     * Seals a JSON record (a checkpoint record, an export's manifest, a sweep's definition): adds {@link #SEAL},
     * the SHA-256 of the rest of its content, so a changed or damaged byte anywhere in it is noticed when it is
     * read back, also where the change still parses.
     */
    public static com.google.gson.JsonObject seal(com.google.gson.JsonObject o) {
        o.remove(SEAL);
        o.addProperty(SEAL, of(o.toString()));
        return o;
    }

    /** Whether a record read back matches its seal; one without a seal matches only where none is {@code required}. */
    public static boolean sealIntact(com.google.gson.JsonObject o, boolean required) {
        if (!o.has(SEAL)) {
            return !required;
        }
        com.google.gson.JsonObject body = o.deepCopy();
        body.remove(SEAL);
        return o.get(SEAL).isJsonPrimitive() && of(body.toString()).equalsIgnoreCase(o.get(SEAL).getAsString());
    }

    /** Writes a file atomically and returns the SHA-256 of what was written. */
    public static String write(Path file, AtomicFiles.Writer writer) throws IOException {
        MessageDigest md = sha256();
        AtomicFiles.write(file, out -> {
            DigestOutputStream d = new DigestOutputStream(nonClosing(out), md);
            writer.write(d);
            d.flush();
        });
        return HexFormat.of().formatHex(md.digest());
    }

    /** Throws a plain line when a file's checksum is not the recorded one. */
    public static void verify(Path file, String expected) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": missing");
        }
        String actual = of(file);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new IllegalArgumentException(file + ": does not match its recorded SHA-256 checksum (the file was "
                    + "changed or damaged after it was written); nothing was loaded or overwritten");
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
