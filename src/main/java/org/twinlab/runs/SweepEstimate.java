package org.twinlab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.twinlab.data.Dataset;
import org.twinlab.eval.ProbeResult;
import org.twinlab.train.StepTimer;
import org.twinlab.train.TrainConfig;

/**
 * How long a sweep's runs will take, before and while they run. Each run's time is its pairs (steps x
 * batch) over a training speed, plus its probes. The speed comes from past runs of the same data, encoder,
 * projector and batch in the run history (the median of their pairs per second), else from a short
 * calibration run of that configuration (a few timed steps, nothing kept); probe times from past runs'
 * probe.csv. While the sweep runs, the runs it finishes correct the rest: estimates are scaled by the ratio
 * of measured to estimated time so far, and runs without an estimate take the measured seconds per pair.
 */
public final class SweepEstimate {
    /** Steps a calibration runs untimed, then timed. */
    static final int CALIBRATION_WARMUP = 2;
    static final int CALIBRATION_STEPS = 4;

    /** Measures the training speed of a configuration, in pairs per second. */
    @FunctionalInterface
    public interface Calibrator {
        double pairsPerSecond(TrainConfig config, Dataset data);
    }

    private final Map<Integer, Double> seconds = new HashMap<>();
    private final Map<Integer, Long> pairs = new HashMap<>();
    private String basis;
    private double measuredSeconds;
    private double estimatedOfMeasured;
    private double pairsMeasured;
    private double secondsOfPairsMeasured;

    private SweepEstimate() {
    }

    /**
     * Estimates every run of {@code runs}. {@code history} are past runs to learn speeds from;
     * {@code calibrator} (null: none) measures configurations the history lacks; {@code baselines} adds the
     * two baseline probes of each new run.
     */
    public static SweepEstimate of(List<SweepRun> runs, Function<String, Dataset> datasets, List<RunEntry> history,
                                   Calibrator calibrator, boolean baselines) {
        Map<String, List<Double>> speeds = new HashMap<>();
        Map<String, List<RunEntry>> probeSources = new HashMap<>();
        for (RunEntry e : history) {
            RunSummary s = e.summary();
            if (e.config() == null || s == null || !(s.pairsPerSecond() > 0) || e.damaged()) {
                continue;
            }
            speeds.computeIfAbsent(speedKey(e.config()), k -> new ArrayList<>()).add(s.pairsPerSecond());
            probeSources.computeIfAbsent(probeKey(e.config()), k -> new ArrayList<>()).add(e);
        }
        Map<String, Double> measured = new LinkedHashMap<>();
        Map<String, Double> probeSeconds = new HashMap<>();
        int fromHistory = 0;
        int calibrated = 0;
        int unknown = 0;
        boolean probesUnknown = false;
        SweepEstimate est = new SweepEstimate();
        for (SweepRun r : runs) {
            TrainConfig c = r.config();
            Dataset data = datasets.apply(c.dataset());
            int steps = c.totalSteps(data);
            long p = (long) steps * c.batchSize();
            est.pairs.put(r.index(), p);
            String key = speedKey(c);
            double pps;
            if (speeds.containsKey(key)) {
                pps = median(speeds.get(key));
                fromHistory++;
            } else {
                pps = calibrator == null ? Double.NaN : measured.computeIfAbsent(key, k -> calibrator.pairsPerSecond(c, data));
                if (Double.isNaN(pps)) {
                    unknown++;
                } else {
                    calibrated++;
                }
            }
            double probe = probeSeconds.computeIfAbsent(probeKey(c), k -> probeSeconds(probeSources.get(k)));
            if (Double.isNaN(probe)) {
                probesUnknown = true;
                probe = 0;
            }
            int probes = probeCount(c, steps, Math.max(1, data.train().size() / c.batchSize()));
            est.seconds.put(r.index(), p / pps + probe * (probes + (baselines ? 2 : 0)));
        }
        List<String> parts = new ArrayList<>();
        if (fromHistory > 0) {
            parts.add(fromHistory + " run" + (fromHistory == 1 ? "" : "s") + " from past runs' speed");
        }
        if (calibrated > 0) {
            parts.add(calibrated + " run" + (calibrated == 1 ? "" : "s") + " from a calibration of " + CALIBRATION_STEPS
                    + " steps");
        }
        if (unknown > 0) {
            parts.add(unknown + " run" + (unknown == 1 ? "" : "s") + " unknown until the first run ends");
        }
        if (probesUnknown) {
            parts.add("probe time unknown until the first run ends");
        }
        est.basis = String.join("; ", parts);
        return est;
    }

    /** The trained-encoder probes a run of {@code steps} steps makes: every probeEvery epochs, and one at the end. */
    static int probeCount(TrainConfig c, int steps, int stepsPerEpoch) {
        if (!(c.probeEvery() > 0)) {
            return 1;
        }
        int every = (int) Math.max(1, Math.round(c.probeEvery() * stepsPerEpoch));
        return steps / every + (steps % every == 0 ? 0 : 1);
    }

    /** What the estimate rests on, in words. */
    public String basis() {
        return basis;
    }

    /** The estimated seconds of one run (NaN when unknown), before any correction. */
    public double seconds(SweepRun run) {
        return seconds.getOrDefault(run.index(), Double.NaN);
    }

    /** The estimated seconds of these runs, corrected by what was measured so far; NaN when some run cannot be estimated. */
    public double seconds(List<SweepRun> runs) {
        double total = 0;
        for (SweepRun r : runs) {
            total += corrected(r, 1);
        }
        return total;
    }

    /** Seconds left: the part of the current run not done yet, and the runs after it. */
    public double secondsLeft(SweepRun current, double currentFractionDone, List<SweepRun> after) {
        double left = current == null ? 0 : corrected(current, 1 - currentFractionDone);
        return left + seconds(after);
    }

    private double corrected(SweepRun r, double share) {
        double s = seconds(r);
        if (Double.isFinite(s)) {
            return share * s * (estimatedOfMeasured > 0 ? measuredSeconds / estimatedOfMeasured : 1);
        }
        return pairsMeasured > 0 ? share * pairs.getOrDefault(r.index(), 0L) * secondsOfPairsMeasured / pairsMeasured
                : Double.NaN;
    }

    /** A run of this session took {@code wallSeconds} for the given share of its work: correct the rest. */
    public void measured(SweepRun run, double share, double wallSeconds) {
        double s = seconds(run);
        if (Double.isFinite(s) && share > 0) {
            measuredSeconds += wallSeconds;
            estimatedOfMeasured += s * share;
        }
        if (share > 0) {
            pairsMeasured += share * pairs.getOrDefault(run.index(), 0L);
            secondsOfPairsMeasured += wallSeconds;
        }
    }

    /** The relative amount of work of a run, for a progress fraction: its estimate, or its pairs while some run has none. */
    double weight(SweepRun r) {
        boolean allKnown = seconds.values().stream().allMatch(Double::isFinite);
        return allKnown ? seconds(r) : pairs.getOrDefault(r.index(), 0L);
    }

    private static String speedKey(TrainConfig c) {
        return String.join("|", c.dataset(), c.encoder().key(), Integer.toString(c.projectorWidth()),
                Integer.toString(c.projectorDepth()), Integer.toString(c.batchSize()), c.device().key(),
                Boolean.toString(c.objective().needsPredictor()));
    }

    private static String probeKey(TrainConfig c) {
        return c.dataset() + "|" + c.encoder().key();
    }

    /** The median time of a trained-encoder probe in these runs' probe.csv, NaN where none has one. */
    private static double probeSeconds(List<RunEntry> runs) {
        if (runs == null) {
            return Double.NaN;
        }
        List<Double> times = new ArrayList<>();
        for (RunEntry e : runs.subList(0, Math.min(5, runs.size()))) {
            CsvFile probes = CsvFile.read(e.dir().resolve(RunFolder.PROBE));
            for (int i = 0; i < probes.size(); i++) {
                if (ProbeResult.TRAINED.equals(probes.text(i, "encoder")) && probes.number(i, "seconds") > 0) {
                    times.add(probes.number(i, "seconds"));
                }
            }
        }
        return times.isEmpty() ? Double.NaN : median(times);
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Times {@link #CALIBRATION_STEPS} steps of the configuration (after a short warm-up) in a folder removed afterwards. */
    public static double calibrate(TrainConfig config, Dataset data) {
        TrainConfig.Builder b = config.toBuilder();
        b.steps = CALIBRATION_WARMUP + CALIBRATION_STEPS;
        b.probeEvery = 0;
        b.checkpointEvery = 1_000_000;
        b.snapshotEvery = 1_000_000;
        b.warmupEpochs = 0;
        b.name = "calibration";
        TrainConfig cfg = b.build();
        StepTimer timer = new StepTimer(CALIBRATION_WARMUP, CALIBRATION_WARMUP + CALIBRATION_STEPS);
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("twinlab-calibration");
            RunSummary s = RunSession.create(scratch, cfg, data, "twinlab sweep calibration").probes(false)
                    .listener(timer).run();
            return s.state() == org.twinlab.train.RunState.FINISHED ? timer.pairsPerSecond(cfg.batchSize()) : Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN; // no estimate is better than no sweep
        } finally {
            if (scratch != null) {
                Folders.deleteQuietly(scratch);
            }
        }
    }

    /** "1 h 05 min", "12 min", "45 s", or "unknown". */
    public static String describe(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "unknown";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600 + 30) / 60 % 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return s + " s";
    }
}
