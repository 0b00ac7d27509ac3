package org.twinlab.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.twinlab.export.EncoderInspection;
import org.twinlab.export.EncoderProbe;
import org.twinlab.export.ExportResult;

/**
 * The window side of Export and Open encoder: choose a folder, watch the work in a {@link WorkDialog}, then
 * open the report or the folder, or start a run from the encoder. Failures are one line in a notification.
 */
final class ExportDialogs {
    private final ExportViewModel model;
    private final Navigator nav;
    private final Region owner;
    private final Consumer<String> showDocument;
    /** The dialog opened last (tests read and press it). */
    WorkDialog last;

    /** {@code showDocument} opens a file or folder URI with the desktop (the application's HostServices). */
    ExportDialogs(ExportViewModel model, Navigator nav, Region owner, Consumer<String> showDocument) {
        this.model = model;
        this.nav = nav;
        this.owner = owner;
        this.showDocument = showDocument;
    }

    /** Export for the run the panels show: refused in a notification while it runs or before there is one. */
    void exportCurrent() {
        Path run = model.currentRun();
        if (run == null) {
            nav.notify("Nothing to export yet: finish or stop a run, or open a past run (Runs tab)");
            return;
        }
        exportRun(run);
    }

    /** Export ▸ Movie of C…: asks for a .gif file, then writes the run's C over its snapshots there. */
    void movieCurrent() {
        Path run = model.movieRun();
        if (run == null) {
            nav.notify("No movie yet: start a run, or open a past run (Runs tab)");
            return;
        }
        javafx.stage.FileChooser ch = new javafx.stage.FileChooser();
        ch.setTitle("Movie of C of " + run.getFileName() + ": an animated GIF");
        ch.setInitialFileName(run.getFileName() + "-C.gif");
        ch.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Animated GIF", "*.gif"));
        File f = ch.showSaveDialog(owner.getScene().getWindow());
        if (f != null) {
            movie(run, f.toPath());
        }
    }

    void movie(Path run, Path gif) {
        WorkDialog d = new WorkDialog(owner.getScene().getWindow(), "Movie of C",
                "Drawing every snapshot of C of " + run.getFileName() + " into " + gif + "\u2026");
        last = d;
        model.movie(run, gif, r -> {
            Button open = new Button("Open movie");
            open.setOnAction(e -> showDocument.accept(gif.toUri().toString()));
            d.finish(String.format(Locale.ROOT, "Wrote %s: %d frames of C, steps %d to %d.%s", gif, r.frames(),
                    r.firstStep(), r.lastStep(), r.note() == null ? "" : "\n" + r.note()), open);
            if (!d.isShowing()) {
                nav.notify("Wrote the movie of C to " + gif);
            }
        }, m -> {
            d.close();
            nav.notify(m);
        });
    }

    /** Asks for a folder, then exports {@code run} there (or into a new folder inside it). */
    void exportRun(Path run) {
        DirectoryChooser ch = new DirectoryChooser();
        ch.setTitle("Export the encoder of " + run.getFileName() + ": choose an empty folder, or one to put it in");
        File f = ch.showDialog(owner.getScene().getWindow());
        if (f != null) {
            export(run, model.target(f.toPath(), run));
        }
    }

    void export(Path run, Path out) {
        WorkDialog d = new WorkDialog(owner.getScene().getWindow(), "Export",
                "Exporting the encoder of " + run.getFileName() + " to " + out + "\u2026 (weights, TensorBoard projector, "
                        + "figures, report)");
        last = d;
        model.export(run, out, r -> {
            Button report = new Button("Open report");
            report.setOnAction(e -> showDocument.accept(r.dir().resolve("report.html").toUri().toString()));
            Button folder = new Button("Open folder");
            folder.setOnAction(e -> showDocument.accept(r.dir().toUri().toString()));
            d.finish(describe(r), report, folder);
            if (!d.isShowing()) {
                nav.notify("Exported to " + r.dir());
            }
        }, m -> {
            d.close();
            nav.notify(m);
        });
    }

    static String describe(ExportResult r) {
        return String.format(Locale.ROOT, "Exported the %s encoder (step %d) to %s: %d files, %.1f MB, in %.1f s.",
                r.architecture(), r.step(), r.dir(), r.files().size(), r.bytes() / 1e6, r.seconds());
    }

    /** Asks for an export (its manifest.json) or a TorchScript file, then verifies and probes it on the loaded dataset. */
    void openEncoder() {
        FileChooser ch = new FileChooser();
        ch.setTitle("An encoder: an export's manifest.json, or a TorchScript file");
        ch.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Encoders (manifest.json, *.pt, *.pth, *.torchscript)", "manifest.json",
                        "*.pt", "*.pth", "*.torchscript"),
                new FileChooser.ExtensionFilter("Every file", "*"));
        File f = ch.showOpenDialog(owner.getScene().getWindow());
        if (f != null) {
            probe(f.getName().equals("manifest.json") ? f.toPath().getParent() : f.toPath());
        }
    }

    void probe(Path dir) {
        WorkDialog d = new WorkDialog(owner.getScene().getWindow(), "Open encoder",
                "Checking " + dir + " against its manifest, then a linear probe and kNN of its features\u2026");
        last = d;
        model.probe(dir, p -> {
            Button start = new Button("Start a run from it");
            start.setOnAction(e -> {
                model.startFrom(p);
                d.close();
                nav.showWorkbench();
            });
            Button showC = new Button("Show C");
            showC.setOnAction(e -> {
                showC.setDisable(true);
                model.inspect(dir, i -> d.below(correlation(i)), m -> {
                    showC.setDisable(false);
                    nav.notify(m);
                });
            });
            if (p.torchScript()) {
                d.finish(describe(p), showC); // a run starts from an export's weights only
            } else {
                d.finish(describe(p), start, showC);
            }
        }, m -> {
            d.close();
            nav.notify(m);
        });
    }

    /** C of the encoder's outputs for two views, as the live heatmap colours it, with its gauges under it. */
    static javafx.scene.Node correlation(EncoderInspection i) {
        int side = i.side();
        java.nio.IntBuffer cells = java.nio.IntBuffer.allocate(side * side);
        HeatmapRenderer.render(i.cells(), side, cells);
        // cells as blocks of whole pixels: an ImageView's smooth=false is not honoured on every pipeline
        int k = Math.max(1, 320 / side);
        int[] px = new int[side * k * side * k];
        for (int y = 0; y < side * k; y++) {
            for (int x = 0; x < side * k; x++) {
                px[y * side * k + x] = cells.get((y / k) * side + x / k);
            }
        }
        javafx.scene.image.WritableImage img = new javafx.scene.image.WritableImage(side * k, side * k);
        img.getPixelWriter().setPixels(0, 0, side * k, side * k, javafx.scene.image.PixelFormat.getIntArgbPreInstance(),
                px, 0, side * k);
        javafx.scene.image.ImageView view = new javafx.scene.image.ImageView(img);
        view.setFitWidth(320);
        view.setFitHeight(320);
        view.setSmooth(false);
        javafx.scene.control.Label gauges = new javafx.scene.control.Label(String.format(Locale.ROOT,
                "C of the %s (%d x %d) on %d image pairs of %s: mean diagonal %.3f, mean |off-diagonal| %.3f; "
                        + "effective rank %.1f of %d", i.projected() ? "projector outputs" : "features", i.dim(), i.dim(),
                i.batch(), i.dataset(), i.meanDiagonal(), i.meanAbsOffDiagonal(), i.effectiveRank(), i.dim()));
        gauges.setWrapText(true);
        gauges.setMaxWidth(520);
        return new javafx.scene.layout.VBox(6, view, gauges);
    }

    static String describe(EncoderProbe p) {
        if (p.torchScript()) {
            return String.format(Locale.ROOT, "The TorchScript encoder %s, probed on %s:%n"
                            + "linear top-1 %.1f%%, kNN top-1 %.1f%%   (raw pixels: %.1f%%, %.1f%%)",
                    p.encoder().getFileName(), p.dataset(), 100 * p.trained().linearTop1(), 100 * p.trained().knnTop1(),
                    100 * p.pixels().linearTop1(), 100 * p.pixels().knnTop1());
        }
        return String.format(Locale.ROOT, "The %s encoder of %s (step %d), probed on %s:%n"
                        + "linear top-1 %.1f%%, kNN top-1 %.1f%%   (raw pixels: %.1f%%, %.1f%%)",
                p.architecture(), p.encoder().getFileName(), p.trained().step(), p.dataset(),
                100 * p.trained().linearTop1(), 100 * p.trained().knnTop1(), 100 * p.pixels().linearTop1(),
                100 * p.pixels().knnTop1());
    }
}
