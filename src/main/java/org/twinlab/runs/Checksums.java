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
