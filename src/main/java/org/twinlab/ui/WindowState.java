package org.twinlab.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Tab;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.twinlab.data.DatasetCatalog;

/**
 * The window as the lecturer left it: size, position, maximised, presenter mode and the tab, kept in
 * {@code window.properties} in Twinlab's folder (-Dtwinlab.home, else ~/.twinlab) when the window closes and
 * put back when it opens. A position no screen shows any more (a projector unplugged) is dropped, the size
 * kept. A missing or damaged file is the first start: the defaults, and nothing said.
 */
public record WindowState(double x, double y, double width, double height, boolean maximized, boolean presenter, String tab) {
    static final String FILE = "window.properties";
    private static final double MIN_WIDTH = 640;
    private static final double MIN_HEIGHT = 400;

    /** The file in Twinlab's folder. */
    public static Path file() {
        return DatasetCatalog.home().resolve(FILE);
    }

    /** The saved state, or null on a first start (or a file that does not read). */
    public static WindowState load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            WindowState s = new WindowState(num(p, "x"), num(p, "y"), num(p, "width"), num(p, "height"),
                    Boolean.parseBoolean(p.getProperty("maximized")), Boolean.parseBoolean(p.getProperty("presenter")),
                    p.getProperty("tab", ""));
            return Double.isFinite(s.width) && Double.isFinite(s.height) ? s : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double num(Properties p, String key) {
        try {
            return Double.parseDouble(p.getProperty(key, "NaN"));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("x", fmt(x));
        p.setProperty("y", fmt(y));
        p.setProperty("width", fmt(width));
        p.setProperty("height", fmt(height));
        p.setProperty("maximized", Boolean.toString(maximized));
        p.setProperty("presenter", Boolean.toString(presenter));
        p.setProperty("tab", tab == null ? "" : tab);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "the Twinlab window as it was last closed");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The state of a shown window; the bounds are the last ones it had before it was maximised. */
    static WindowState of(Stage stage, MainWindow window, Rectangle2D normal) {
        Tab t = window.tabs.getSelectionModel().getSelectedItem();
        return new WindowState(normal.getMinX(), normal.getMinY(), normal.getWidth(), normal.getHeight(),
                stage.isMaximized(), window.workbench.presenter.isSelected(), t == null ? "" : t.getText());
    }

    /** Size and position onto the stage, before it is shown. */
    void applyBounds(Stage stage) {
        stage.setWidth(Math.max(MIN_WIDTH, width));
        stage.setHeight(Math.max(MIN_HEIGHT, height));
        if (Double.isFinite(x) && Double.isFinite(y)
                && !Screen.getScreensForRectangle(x, y, Math.max(MIN_WIDTH, width), Math.max(MIN_HEIGHT, height)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(maximized);
    }

    /** Presenter mode and the tab onto the window. */
    void applyContent(MainWindow window) {
        window.workbench.presenter.setSelected(presenter);
        for (Tab t : window.tabs.getTabs()) {
            if (t.getText().equals(tab)) {
                window.tabs.getSelectionModel().select(t);
            }
        }
    }

    /**
     * Restores the state saved in {@code file} onto a stage about to be shown, and saves it there again when the
     * window closes. {@code show} shows the stage and returns its window.
     */
    static MainWindow remember(Stage stage, Path file, java.util.function.Supplier<MainWindow> show) {
        WindowState saved = load(file);
        if (saved != null) {
            saved.applyBounds(stage);
        }
        MainWindow window = show.get();
        if (saved != null) {
            saved.applyContent(window);
        }
        // the bounds to keep are the ones before a maximise: track them while the window is not maximised
        Rectangle2D[] normal = {new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())};
        javafx.beans.InvalidationListener track = o -> {
            if (!stage.isMaximized() && !stage.isIconified()) {
                normal[0] = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener(track);
        stage.yProperty().addListener(track);
        stage.widthProperty().addListener(track);
        stage.heightProperty().addListener(track);
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> {
            try {
                of(stage, window, normal[0]).save(file);
            } catch (IOException ex) {
                System.err.println("twinlab: the window's size and place were not saved: " + org.twinlab.util.IoErrors.line(ex));
            }
        });
        return window;
    }
}
