package org.twinlab.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.twinlab.data.Dataset;
import org.twinlab.export.EncoderInspection;
import org.twinlab.export.CorrelationMovie;
import org.twinlab.export.EncoderProbe;
import org.twinlab.export.TorchScriptEncoder;
import org.twinlab.export.ExportOptions;
import org.twinlab.export.ExportResult;
import org.twinlab.export.Exporter;
import org.twinlab.train.Settings;

/**
 * The window's two encoder actions, off the FX thread: Export (a run's trained encoder, figures and report
 * into a folder) and Open encoder (an export verified and probed on the loaded dataset, and a new run
 * started from it by filling the form's initial encoder and encoder choice).
 */
public final class ExportViewModel {
    private final WorkbenchViewModel workbench;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public ExportViewModel(WorkbenchViewModel workbench) {
        this.workbench = workbench;
    }

    /** The folder the current run of the panels lives in, when it can be exported now (ended, with a folder); else null. */
    public Path currentRun() {
        PastRun p = workbench.pastRunProperty().get();
        if (p != null) {
            return p.entry().hasCheckpoint() ? p.entry().dir() : null;
        }
        return workbench.runningProperty().get() ? null : workbench.session().runFolder();
    }

    /** The folder of the run the panels show, past or live (running too: its history reads as it grows); else null. */
    public Path movieRun() {
        PastRun p = workbench.pastRunProperty().get();
        return p != null ? p.entry().dir() : workbench.session().runFolder();
    }

    /** Writes the movie of C of {@code run} to {@code gif} ({@link CorrelationMovie}, default options). */
    public void movie(Path run, Path gif, Consumer<CorrelationMovie.Result> done, Consumer<String> failed) {
        busy.set(true);
        workbench.tasks().submit("movie", () -> {
            CorrelationMovie.Options o = CorrelationMovie.Options.defaults();
            return CorrelationMovie.gif(CorrelationMovie.frames(run, o), gif, o);
        }, r -> {
            busy.set(false);
            done.accept(r);
        }, m -> {
            busy.set(false);
            failed.accept("No movie: " + m);
        });
    }

    /** Where an export of {@code run} goes when the person picked {@code chosen}. */
    public Path target(Path chosen, Path run) {
        return Exporter.targetIn(chosen, run);
    }

    /** Exports {@code run} into {@code out} with the default options. */
    public void export(Path run, Path out, Consumer<ExportResult> done, Consumer<String> failed) {
        busy.set(true);
        workbench.tasks().submit("export", () -> Exporter.export(run, out, ExportOptions.defaults()), r -> {
            busy.set(false);
            done.accept(r);
        }, m -> {
            busy.set(false);
            failed.accept("Export failed: " + m);
        });
    }

    /** Verifies the export in {@code dir} and probes it on the dataset the window has loaded. */
    public void probe(Path dir, Consumer<EncoderProbe> done, Consumer<String> failed) {
        Dataset data = workbench.datasetProperty().get();
        if (data == null) {
            failed.accept("The dataset is still loading; open the encoder again in a moment");
            return;
        }
        busy.set(true);
        workbench.tasks().submit("probe-encoder", () -> EncoderProbe.run(dir, data), p -> {
            busy.set(false);
            done.accept(p);
        }, m -> {
            busy.set(false);
            failed.accept("Could not use the encoder: " + m);
        });
    }

    /** C, its gauges and the PCA of the encoder (an export or a TorchScript file) on the loaded dataset's two views. */
    public void inspect(Path encoder, Consumer<EncoderInspection> done, Consumer<String> failed) {
        Dataset data = workbench.datasetProperty().get();
        if (data == null) {
            failed.accept("The dataset is still loading; try again in a moment");
            return;
        }
        workbench.tasks().submit("inspect-encoder", () -> EncoderInspection.run(encoder, data, TorchScriptEncoder.Input.DEFAULT,
                Math.min(256, data.test().size()), 0), done, m -> failed.accept("Could not show C: " + m));
    }

    /** "Start a run from it": the form's initial encoder becomes the export, its encoder choice the export's architecture. */
    public void startFrom(EncoderProbe p) {
        workbench.field(Settings.ENCODER).set(p.architecture());
        workbench.field(Settings.INIT_ENCODER).set(p.encoder().toAbsolutePath().toString());
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
