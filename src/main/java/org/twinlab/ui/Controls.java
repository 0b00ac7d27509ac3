package org.twinlab.ui;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.RangeSlider;

/** Small builders for the labelled controls the configuration panes are made of. */
final class Controls {
    static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    /** The key under which a field keeps its help tooltip while a problem's tooltip replaces it. */
    static final String HELP = "twinlab.help";

    private Controls() {
    }

    static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(5);
        ColumnConstraints label = new ColumnConstraints();
        // as wide as the longest label: a fixed minimum lets the column shrink below its labels
        label.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        field.setFillWidth(true);
        g.getColumnConstraints().addAll(label, field);
        return g;
    }

    /** Adds a labelled row; returns the label (a row that does not apply disables it with its control). */
    static Label row(GridPane g, String label, Node control) {
        int r = g.getRowCount();
        Label l = new Label(label);
        l.setMinWidth(Label.USE_PREF_SIZE);
        g.add(l, 0, r);
        g.add(control, 1, r);
        return l;
    }

    /** A row whose control needs the whole width (a choice of long names): the label above it. */
    static Label rowAbove(GridPane g, String label, Node control) {
        int r = g.getRowCount();
        Label l = new Label(label);
        l.setMinWidth(Label.USE_PREF_SIZE);
        g.add(l, 0, r, 2, 1);
        g.add(control, 0, r + 1, 2, 1);
        if (control instanceof Region c) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        return l;
    }

    /** A slider with its value beside it. */
    static HBox slider(double min, double max, double value, String format, DoubleConsumer onChange) {
        Slider s = new Slider(min, max, value);
        Label v = new Label(String.format(Locale.ROOT, format, value));
        v.setMinWidth(40);
        s.valueProperty().addListener((o, a, b) -> {
            v.setText(String.format(Locale.ROOT, format, b.doubleValue()));
            onChange.accept(b.doubleValue());
        });
        HBox.setHgrow(s, Priority.ALWAYS);
        HBox box = new HBox(6, s, v);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A ControlsFX range slider with "low-high" beside it. */
    static HBox range(double min, double max, double lo, double hi, String format, RangeListener onChange) {
        RangeSlider s = new RangeSlider(min, max, lo, hi);
        Label v = new Label();
        Runnable update = () -> {
            v.setText(String.format(Locale.ROOT, format + "\u2013" + format, s.getLowValue(), s.getHighValue()));
            onChange.changed(s.getLowValue(), s.getHighValue());
        };
        v.setText(String.format(Locale.ROOT, format + "\u2013" + format, lo, hi));
        s.lowValueProperty().addListener(o -> update.run());
        s.highValueProperty().addListener(o -> update.run());
        v.setMinWidth(72);
        HBox.setHgrow(s, Priority.ALWAYS);
        HBox box = new HBox(6, s, v);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A titled card around a panel's content, the content taking the height left. */
    static VBox panel(String title, Node content) {
        Label t = new Label(title);
        t.getStyleClass().add("panel-title");
        VBox box = new VBox(6, t, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setPadding(new javafx.geometry.Insets(8));
        box.getStyleClass().add("panel");
        return box;
    }

    /** Marks a text field as invalid, with the reason as its tooltip, or clears the mark and gives its help back. */
    static void mark(TextField f, String problem) {
        f.pseudoClassStateChanged(ERROR, problem != null);
        f.setTooltip(problem == null ? (Tooltip) f.getProperties().get(HELP) : new Tooltip(problem));
    }

    @FunctionalInterface
    interface RangeListener {
        void changed(double lo, double hi);
    }
}
