package org.twinlab.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.twinlab.runs.CorrelationHistory;
import org.twinlab.runs.RunHistory;
import org.twinlab.train.TrainingEvent;

/**
 * The timeline under C: every snapshot of the run the panels show (past or live, paused or running), read from
 * its folder's history ({@link CorrelationHistory}). Drag to a snapshot, step with the arrow keys, play at a chosen
 * speed; "Latest" follows the run again. While it is pinned to a snapshot the heatmap shows that one and
 * {@link #setOnStep} hears its step (the plots mark it); following, the step is NaN and the heatmap the latest C.
 * A run without a history (an older version's) hides the timeline and shows its last C alone.
 */
final class CorrelationTimeline extends VBox {
    /** Snapshots a second while playing. */
    static final List<Integer> SPEEDS = List.of(1, 2, 5, 10, 20);
    final Button play = new Button("\u25b6");
    final Slider slider = new Slider(0, 0, 0);
    final ChoiceBox<Integer> speed = new ChoiceBox<>();
    final Button latest = new Button("Latest");
    final Label where = new Label(" ");
    private final Timeline player = new Timeline();
    private LiveRun run;
    private Path folder;
    private CorrelationHistory.Contents history = CorrelationHistory.Contents.NONE;
    /** The snapshot index on screen, or -1 when following the run. */
    private int pinned = -1;
    private boolean moving;
    private boolean loaded;
    private Consumer<TrainingEvent.Correlation> onShow = c -> { };
    private Consumer<Double> onStep = s -> { };

    CorrelationTimeline() {
        super(2);
        getStyleClass().add("correlation-timeline");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setMinWidth(80);
        slider.setMaxWidth(Double.MAX_VALUE);
        speed.getItems().addAll(SPEEDS);
        speed.setValue(5);
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v + "/s";
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replace("/s", ""));
            }
        });
        play.setTooltip(new Tooltip("Play C's history from here (Space)"));
        speed.setTooltip(new Tooltip("Snapshots a second while playing"));
        latest.setTooltip(new Tooltip("Back to the run's latest C"));
        where.setTooltip(new Tooltip(" "));
        slider.setTooltip(new Tooltip("Drag to any snapshot of C; the arrow keys step one snapshot"));
        play.setOnAction(e -> togglePlay());
        latest.setOnAction(e -> follow());
        speed.valueProperty().addListener(o -> {
            if (isPlaying()) {
                startPlayer();
            }
        });
        slider.valueProperty().addListener((o, was, now) -> {
            if (!moving) {
                pin((int) Math.round(now.doubleValue()));
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                togglePlay();
                e.consume();
            } else if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT) {
                stepBy(e.getCode() == KeyCode.LEFT ? -1 : 1);
                e.consume();
            }
        });
        // the slider's own arrow keys move by its block increment: one snapshot, through the listener above
        // the slider the whole width of C, the buttons and the step under it: nothing cut in presenter mode
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {play, speed, latest}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        where.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox controls = new HBox(6, play, speed, latest, where);
        controls.setMinWidth(0);
        setMinWidth(0);
        controls.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(slider, controls);
        setVisible(false);
        setManaged(false);
    }

    /** What to draw when the timeline shows a snapshot. */
    void setOnShow(Consumer<TrainingEvent.Correlation> l) {
        onShow = l;
    }

    /** The step the panels should mark (NaN: none, the timeline follows the run). */
    void setOnStep(Consumer<Double> l) {
        onStep = l;
    }

    /** A new run on the panels: back to following it, its history read afresh. */
    void setRun(LiveRun r) {
        player.stop();
        play.setText("\u25b6");
        run = r;
        folder = null;
        loaded = false;
        history = CorrelationHistory.Contents.NONE;
        pinned = -1;
        onStep.accept(Double.NaN);
        update();
    }

    /** A snapshot of the run arrived (or the clock ticked): the slider grows; following, it stays at the end. */
    void update() {
        int n = count();
        boolean show = n > 1;
        setVisible(show);
        setManaged(show);
        moving = true;
        slider.setMax(Math.max(0, n - 1));
        if (pinned < 0) {
            slider.setValue(Math.max(0, n - 1));
        }
        moving = false;
        latest.setDisable(pinned < 0);
        label();
    }

    /** Whether a snapshot of the past is on screen (the live C waits). */
    boolean pinned() {
        return pinned >= 0;
    }

    boolean isPlaying() {
        return player.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    /**
     * The snapshots known without reading the file: the history read so far, or the live run's count where it has
     * more; an ended run's history is read once (a past run replays only its last C).
     */
    int count() {
        int live = run == null ? 0 : run.snapshotStep.size();
        if (!loaded && run != null && (ended() || live > 1)) {
            reload();
        }
        return Math.max(history.snapshots().size(), history.isEmpty() ? 0 : live);
    }

    private boolean ended() {
        TrainingEvent.State s = run.state.get();
        return s != null && s.state().isTerminal();
    }

    private void reload() {
        if (folder == null && run != null) {
            TrainingEvent.Started s = run.started.get();
            folder = s == null || s.runFolder() == null || s.runFolder().isEmpty() ? null : Path.of(s.runFolder());
        }
        if (folder != null) {
            history = RunHistory.correlationHistory(folder);
            loaded = true;
        }
    }

    /** Shows snapshot {@code i} (clamped) and pins the timeline there. */
    void pin(int i) {
        if (i >= history.snapshots().size()) {
            reload(); // a live run has taken more since the file was read
        }
        int n = history.snapshots().size();
        if (n == 0) {
            return;
        }
        int k = Math.max(0, Math.min(n - 1, i));
        pinned = k;
        moving = true;
        slider.setValue(k);
        moving = false;
        latest.setDisable(false);
        CorrelationHistory.Snapshot s = history.snapshots().get(k);
        TrainingEvent.Started started = run == null ? null : run.started.get();
        // the history keeps C's cells, not which pairs they are of: the run's settings say
        onShow.accept(s.event().onPairs(started == null ? 0 : started.config().snapshotPairs()));
        onStep.accept((double) s.step());
        label();
    }

    void stepBy(int d) {
        pin((pinned < 0 ? count() - 1 : pinned) + d);
    }

    /** Back to the run's latest C. */
    void follow() {
        player.stop();
        play.setText("\u25b6");
        pinned = -1;
        onStep.accept(Double.NaN);
        update();
        TrainingEvent.Correlation c = run == null ? null : run.correlation.get();
        if (c != null) {
            onShow.accept(c);
        }
    }

    void togglePlay() {
        if (isPlaying()) {
            player.stop();
            play.setText("\u25b6");
            return;
        }
        if (pinned < 0 || pinned >= count() - 1) {
            pin(0); // from the start, as a lecturer replays it
        }
        startPlayer();
        play.setText("\u275a\u275a");
    }

    private void startPlayer() {
        player.stop();
        player.getKeyFrames().setAll(new KeyFrame(Duration.millis(1000.0 / speed.getValue()), e -> advance()));
        player.setCycleCount(Timeline.INDEFINITE);
        player.play();
    }

    private void advance() {
        if (pinned + 1 < count()) {
            pin(pinned + 1);
        } else if (run != null && !ended()) {
            follow(); // caught up with a live run: follow it
        } else {
            player.stop();
            play.setText("\u25b6");
        }
    }

    private void label() {
        int n = count();
        if (pinned >= 0 && pinned < history.snapshots().size()) {
            // short: the title says the step; this says where in the history it is
            where.setText(String.format(Locale.ROOT, "%d/%d", pinned + 1, n));
        } else {
            where.setText(n == 0 ? " " : String.format(Locale.ROOT, "%d/%d", n, n));
        }
        where.getTooltip().setText(pinned >= 0 ? "snapshot " + (pinned + 1) + " of " + n + " shown"
                : "following the run: its latest of " + n + " snapshots");
    }
}
