package org.twinlab.train;

import com.google.gson.annotations.SerializedName;
import java.util.Locale;

/**
 * Where a run is in its life. The first five are what a training says of itself; {@link #CRASHED} and
 * {@link #DAMAGED} are what a run folder read back says (it ended without a summary; a file of it is
 * unreadable). Each is written in summary.json, --json and the tables as its lower-case word, as it always was,
 * so old run folders still read.
 */
public enum RunState {
    @SerializedName("running") RUNNING,
    @SerializedName("paused") PAUSED,
    @SerializedName("finished") FINISHED,
    @SerializedName("stopped") STOPPED,
    @SerializedName("failed") FAILED,
    @SerializedName("crashed") CRASHED,
    @SerializedName("damaged") DAMAGED;

    /** The training ended (a folder's crash or damage is not a training's own end). */
    public boolean isTerminal() {
        return this == FINISHED || this == STOPPED || this == FAILED;
    }

    /** It ran to its end, well or not: a result to report, not a run to continue (a sweep counts these done). */
    public boolean hasResult() {
        return this == FINISHED || this == FAILED;
    }

    /** The word a person and the files read: "finished". */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state spelled {@code word}, or null for a word that is none. */
    public static RunState of(String word) {
        for (RunState s : values()) {
            if (s.word().equals(word)) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return word();
    }
}
