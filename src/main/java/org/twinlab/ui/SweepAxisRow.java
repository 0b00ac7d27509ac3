package org.twinlab.ui;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.twinlab.runs.SweepAxis;
import org.twinlab.train.Setting;
import org.twinlab.train.SettingType;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;

/**
 * One swept setting in the sweep form: the setting (any the settings table lets a sweep vary), and either
 * its values separated by commas or a range on a log scale ({@code low : high : count}). The text is read
 * by the sweep core's own parsing, so a bad key or value is the same one line as on the command line.
 */
final class SweepAxisRow extends javafx.scene.layout.VBox {
    /** The row's state: the setting, whether it is a log range, and the text typed. */
    static final class Model {
        final ObjectProperty<Setting<?>> setting = new SimpleObjectProperty<>();
        final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.VALUES);
        final StringProperty text = new SimpleStringProperty("");

        /** The axis as typed; one line when it is not one. */
        SweepAxis axis() {
            Setting<?> s = setting.get();
            if (s == null) {
                throw new IllegalArgumentException("choose a setting to sweep");
            }
            String t = text.get() == null ? "" : text.get().replace(" ", "");
            return mode.get() == Mode.LOG_RANGE ? SweepAxis.parseLogRange(s.key() + "=" + t)
                    : SweepAxis.parseSet(s.key() + "=" + t);
        }

        /** A starting point from the form's value: its choices for a choice, a decade either side for a positive number. */
        void suggest(Setting<?> s, TrainConfig form) {
            setting.set(s);
            SettingType.Kind kind = s.type().kind();
            List<? extends org.twinlab.util.Choice> choices = s.type().choices();
            if (!choices.isEmpty()) {
                mode.set(Mode.VALUES);
                text.set(String.join(", ", choices.stream().map(org.twinlab.util.Choice::key).toList()));
            } else if (form != null && (kind == SettingType.Kind.NUMBER || kind == SettingType.Kind.INTEGER)
                    && s.get(form) instanceof Number n && n.doubleValue() > 0) {
                double v = n.doubleValue();
                mode.set(kind == SettingType.Kind.NUMBER ? Mode.LOG_RANGE : Mode.VALUES);
                text.set(kind == SettingType.Kind.NUMBER ? fmt(v / 10) + " : " + fmt(v * 10) + " : 3"
                        : (long) Math.max(1, v / 2) + ", " + (long) v + ", " + (long) (v * 2));
            } else {
                mode.set(Mode.VALUES);
                text.set(form == null ? "" : s.formatOf(form));
            }
        }

        private static String fmt(double v) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        }
    }

    /** How the values are given. */
    enum Mode {
        VALUES("values"), LOG_RANGE("log range");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    final ComboBox<Setting<?>> setting = new ComboBox<>();
    final ComboBox<Mode> mode = new ComboBox<>();
    final TextField text = new TextField();
    final Button remove = new Button("\u2715");

    SweepAxisRow(Model m, java.util.function.Supplier<TrainConfig> form, Runnable onRemove) {
        super(3);
        setting.getItems().setAll(sweepable());
        setting.setConverter(new StringConverter<>() {
            @Override
            public String toString(Setting<?> s) {
                return s == null ? "" : s.key();
            }

            @Override
            public Setting<?> fromString(String k) {
                return Settings.byKey(k);
            }
        });
        setting.valueProperty().bindBidirectional(m.setting);
        setting.setOnAction(e -> {
            if (setting.getValue() != null) {
                m.suggest(setting.getValue(), form.get());
            }
        });
        setting.setPrefWidth(170);
        mode.getItems().setAll(Mode.values());
        mode.valueProperty().bindBidirectional(m.mode);
        mode.setPrefWidth(130);
        text.textProperty().bindBidirectional(m.text);
        text.setTooltip(new Tooltip("values: 0.001, 0.01, 0.1    log range: low : high : count"));
        text.setPromptText("values, or low : high : count");
        remove.getStyleClass().add("flat");
        remove.setTooltip(new Tooltip("Stop sweeping this setting"));
        remove.setOnAction(e -> onRemove.run());
        // the values on a line of their own: a log range or a list of choices needs the room
        javafx.scene.layout.Pane gap = new javafx.scene.layout.Pane();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(4, setting, mode, gap, remove);
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, text);
    }

    /** What a sweep can vary: every setting but the run's name and whole structures (the core refuses those too). */
    static List<Setting<?>> sweepable() {
        return Settings.all().stream().filter(s -> s != Settings.NAME && s != Settings.SEED
                && s.type().kind() != SettingType.Kind.STRUCTURE).toList();
    }
}
