package org.twinlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twinlab.export.CorrelationMovie;
import org.twinlab.export.chart.FigureSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "movie", sortOptions = false,
        description = {"Write the evolution of a run's cross-correlation matrix C as an animated GIF: one frame per "
                + "snapshot (the heatmap with its colour bar, the step, C's mean diagonal and mean |off-diagonal|), "
                + "or as numbered PNGs.",
            "Example:  twinlab movie --run ~/.twinlab/runs/2026-12-03-101500-sample --out c.gif --delay 150"})
final class MovieCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--run", required = true, paramLabel = "RUN", description = "the run folder")
    Path run;
    @Option(names = "--out", paramLabel = "FILE.gif", description = "the animated GIF")
    Path out;
    @Option(names = "--frames", paramLabel = "DIR", description = "also (or instead) numbered PNGs frame-0001.png, ...")
    Path frames;
    @Option(names = "--delay", paramLabel = "MS", description = "how long each frame shows, in ms (default 200)")
    int delay = CorrelationMovie.DEFAULT_DELAY_MS;
    @Option(names = "--size", paramLabel = "WxH", description = "frame size in pixels (default 720x640)")
    String size;
    @Option(names = "--steps", paramLabel = "FROM:TO", description = "only the snapshots of these steps (e.g. 100:500)")
    String steps;

    @Override
    public Integer call() {
        if (out == null && frames == null) {
            throw new IllegalArgumentException("movie: give --out FILE.gif, --frames DIR, or both");
        }
        CorrelationMovie.Options o = new CorrelationMovie.Options(delay,
                size == null ? CorrelationMovie.DEFAULT_SIZE : FigureSize.parse(size), 0, Integer.MAX_VALUE);
        if (steps != null) {
            o = o.steps(steps);
        }
        CorrelationMovie.Frames f = CorrelationMovie.frames(run, o);
        PrintWriter err = spec.commandLine().getErr();
        if (f.note() != null) {
            err.println("twinlab: note: " + f.note());
        }
        PrintWriter p = spec.commandLine().getOut();
        CorrelationMovie.Result r = null;
        if (out != null) {
            r = CorrelationMovie.gif(f, out, o);
            p.println(String.format(Locale.ROOT, "wrote %s: %d frames, steps %d to %d, %d ms each", out, r.frames(),
                    r.firstStep(), r.lastStep(), o.delayMs()));
        }
        if (frames != null) {
            r = CorrelationMovie.pngs(f, frames, o);
            p.println(String.format(Locale.ROOT, "wrote %d frames to %s (frame-0001.png ...), steps %d to %d", r.frames(),
                    frames, r.firstStep(), r.lastStep()));
        }
        p.flush();
        return 0;
    }
}
