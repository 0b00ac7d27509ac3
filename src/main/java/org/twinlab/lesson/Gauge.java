package org.twinlab.lesson;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.twinlab.train.TrainingEvent;

/** A number a run reports that a lesson can wait for ("train until meanDiagonal > 0.9"). */
public enum Gauge {
    STEP("step", "the step"),
    EPOCH("epoch", "the epoch"),
    LOSS("loss", "the loss"),
    MEAN_DIAGONAL("meanDiagonal", "the mean diagonal of C"),
    MEAN_ABS_OFF_DIAGONAL("meanAbsOffDiagonal", "the mean |off-diagonal| of C"),
    EFFECTIVE_RANK("effectiveRank", "the effective rank"),
    SPREAD("spread", "the spread");

    private final String key;
    private final String words;

    Gauge(String key, String words) {
        this.key = key;
        this.words = words;
    }

    public String key() {
        return key;
    }

    /** How a sentence names it: "the mean diagonal of C". */
    public String words() {
        return words;
    }

    /** Its value in this event, NaN when the event does not carry it (steps carry the loss, snapshots C's gauges). */
    public double value(TrainingEvent e) {
        if (e instanceof TrainingEvent.Step s) {
            return switch (this) {
                case STEP -> s.step();
                case EPOCH -> s.epoch();
                case LOSS -> s.loss();
                default -> Double.NaN;
            };
        }
        if (e instanceof TrainingEvent.Correlation c) {
            return switch (this) {
                case MEAN_DIAGONAL -> c.meanDiagonal();
                case MEAN_ABS_OFF_DIAGONAL -> c.meanAbsOffDiagonal();
                case EFFECTIVE_RANK -> c.effectiveRank();
                case SPREAD -> c.spread();
                default -> Double.NaN;
            };
        }
        return Double.NaN;
    }

    static Gauge parse(String text) {
        for (Gauge g : values()) {
            if (g.key.equalsIgnoreCase(text)) {
                return g;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a gauge (gauges are " + keys() + ")");
    }

    static String keys() {
        return Arrays.stream(values()).map(Gauge::key).collect(Collectors.joining(", "));
    }
}
