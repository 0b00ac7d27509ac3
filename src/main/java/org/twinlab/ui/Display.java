package org.twinlab.ui;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the window can open here, asked before the toolkit loads (JavaFX without a display throws a
 * raw stack trace). On Linux the window needs an X display: DISPLAY set, and its server accepting a
 * connection (its socket under /tmp/.X11-unix, or TCP 6000+n for host:n as ssh -X sets it). macOS and
 * Windows always have one. A display that accepts the socket but then refuses the client (authorisation)
 * is caught where the toolkit starts, with the same line. No JavaFX here: this class must load without one.
 */
public final class Display {
    private static final Pattern DISPLAY = Pattern.compile("^(?<host>[^:]*):(?<n>\\d+)(?:\\.\\d+)?$");
    private static final int CONNECT_MILLIS = 1500;

    private Display() {
    }

    /** Null when a window can open; else the one line that says what is missing. */
    public static String missing() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null;
        }
        return missing(System.getenv("DISPLAY"), Path.of("/tmp/.X11-unix"));
    }

    /** The check on a DISPLAY value and the folder of the X server sockets. */
    static String missing(String display, Path socketDir) {
        if (display == null || display.isBlank()) {
            return line("no display: DISPLAY is not set");
        }
        Matcher m = DISPLAY.matcher(display.trim());
        if (!m.matches()) {
            return line("no display: DISPLAY=" + display + " is not a display name (like :0 or localhost:10.0)");
        }
        String host = m.group("host");
        int n = Integer.parseInt(m.group("n"));
        boolean local = host.isEmpty() || host.equals("unix");
        if (local && unixSocket(socketDir.resolve("X" + n))) {
            return null;
        }
        if (tcp(local ? "localhost" : host, 6000 + n)) {
            return null;
        }
        return line("no display: the display " + display + " refuses the connection (no X server answers there)");
    }

    /** The line for a display the toolkit could not open (it found one, but could not use it). */
    public static String refused(String display) {
        return line("no display: the display " + (display == null ? "(none)" : display) + " could not be opened");
    }

    private static String line(String what) {
        return "twinlab: " + what + "; the window needs one, and every command-line command works without it "
                + "(twinlab --help lists them)";
    }

    private static boolean unixSocket(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean tcp(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
