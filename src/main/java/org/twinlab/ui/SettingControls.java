package org.twinlab.ui;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.twinlab.model.ObjectiveKind;
import org.twinlab.train.Setting;
import org.twinlab.train.Settings;
import org.twinlab.util.Choice;

/**
 * The form's rows, made from the settings table and bound to the view model's text of each setting: a
 * combo box for a choice, a check box for a flag, a text field otherwise, lambda with a logarithmic
 * slider, and under the objective a line saying what it is with its formula. The settings column and
 * the lesson pane both build their rows here, so a lesson's lambda is the same control as the form's.
 */
final class SettingControls {
    private final WorkbenchViewModel vm;
    /** The input of each setting made so far (the text field of lambda, not its slider): marking and tests. */
    final Map<Setting<?>, Control> inputs = new LinkedHashMap<>();
    Slider lambdaSlider;
    /**
     * The listeners these rows put on the model, held here and added weakly: a lesson step's rows go with
     * the step instead of living on in the model for the rest of the session.
     */
    private final java.util.List<javafx.beans.InvalidationListener> held = new java.util.ArrayList<>();

    SettingControls(WorkbenchViewModel vm) {
        this.vm = vm;
        listen(vm.problems(), this::mark);
    }

    private void listen(javafx.beans.Observable o, Runnable r) {
        javafx.beans.InvalidationListener l = x -> r.run();
        held.add(l);
        o.addListener(new javafx.beans.WeakInvalidationListener(l));
    }

    /** Adds the setting's row (label, control, help as tooltip) to a two-column form. */
    void row(GridPane g, Setting<?> s) {
        Node control = s == Settings.LAMBDA ? lambda() : control(s);
        String label = (s == Settings.LAMBDA ? "\u03bb" : s.label()) + (s.live() ? " (live)" : "");
        if (s == Settings.OBJECTIVE) {
            // "only the redundancy term" and its kin are cut beside a label in a lesson's column at 1280 px
            Controls.rowAbove(g, label, control);
        } else {
            Controls.row(g, label, control);
        }
        Control input = inputs.get(s);
        if (input.getTooltip() == null) {
            input.setTooltip(HeatmapView.help(s.help()));
        }
        input.getProperties().put(Controls.HELP, input.getTooltip());
        // lambda and the learning rate act on a going run; the rest wait for the next
        control.disableProperty().bind(s.live() ? unused(s) : vm.runningProperty().or(unused(s)));
        if (s == Settings.OBJECTIVE) {
            Label about = new Label();
            about.setWrapText(true);
            about.getStyleClass().add("caption");
            about.textProperty().bind(Bindings.createStringBinding(() -> {
                ObjectiveKind k = objective();
                return k == null ? "" : ObjectiveHelp.describe(k) + "\n" + ObjectiveHelp.formula(k);
            }, vm.field(Settings.OBJECTIVE)));
            g.add(about, 0, g.getRowCount(), 2, 1);
        }
        if (s == Settings.NAME && input instanceof TextField f) {
            // the name the run gets when none is typed: the field shows it greyed
            f.promptTextProperty().bind(vm.defaultRunName());
        }
        mark();
    }

    /** The objective the form holds, null while it does not parse. */
    private ObjectiveKind objective() {
        try {
            return Settings.OBJECTIVE.parse(vm.field(Settings.OBJECTIVE).get());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** True while the chosen objective does not use this setting (lambda, temperature): disabled, not hidden. */
    private BooleanBinding unused(Setting<?> s) {
        return Bindings.createBooleanBinding(() -> {
            ObjectiveKind k = objective();
            return k != null && ((s == Settings.LAMBDA && !k.usesLambda()) || (s == Settings.TEMPERATURE && !k.usesTemperature()));
        }, vm.field(Settings.OBJECTIVE));
    }

    private Node control(Setting<?> s) {
        StringProperty text = vm.field(s);
        Control n = switch (s.type().kind()) {
            case CHOICE -> {
                ComboBox<Choice> box = new ComboBox<>();
                box.getItems().addAll(s.type().choices());
                box.setConverter(new StringConverter<>() {
                    @Override
                    public String toString(Choice c) {
                        return c == null ? "" : c.label();
                    }

                    @Override
                    public Choice fromString(String label) {
                        return box.getItems().stream().filter(c -> c.label().equals(label)).findFirst().orElse(null);
                    }
                });
                Runnable pull = () -> box.setValue(box.getItems().stream().filter(c -> c.key().equals(text.get()))
                        .findFirst().orElse(null));
                pull.run();
                listen(text, pull);
                box.valueProperty().addListener((o, a, b) -> {
                    if (b != null && !b.key().equals(text.get())) {
                        text.set(b.key());
                    }
                });
                box.setMaxWidth(Double.MAX_VALUE);
                yield box;
            }
            case BOOLEAN -> {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(text.get()));
                listen(text, () -> box.setSelected(Boolean.parseBoolean(text.get())));
                box.selectedProperty().addListener((o, a, b) -> text.set(Boolean.toString(b)));
                yield box;
            }
            default -> {
                TextField f = new TextField();
                f.textProperty().bindBidirectional(text);
                f.setPrefColumnCount(8);
                yield f;
            }
        };
        inputs.put(s, n);
        return n;
    }

    /** Lambda: a logarithmic slider (10^-4 to 1) beside its text field. */
    private HBox lambda() {
        StringProperty lambda = vm.field(Settings.LAMBDA);
        TextField field = new TextField();
        Slider slider = new Slider(-4, 0, Math.log10(0.0051));
        field.textProperty().bindBidirectional(lambda);
        field.setPrefColumnCount(7);
        slider.valueProperty().addListener((o, a, b) -> {
            if (slider.isValueChanging() || slider.isFocused()) {
                lambda.set(String.format(Locale.ROOT, "%.3g", Math.pow(10, b.doubleValue())));
            }
        });
        listen(lambda, () -> sync(slider, lambda.get()));
        sync(slider, lambda.get());
        HBox.setHgrow(slider, Priority.ALWAYS);
        inputs.put(Settings.LAMBDA, field);
        lambdaSlider = slider;
        field.setTooltip(HeatmapView.help("\u03bb weighs the redundancy term against the invariance term: "
                + "L = \u03a3\u1d62 (1 \u2212 C\u1d62\u1d62)\u00b2 + \u03bb \u03a3\u1d62 \u03a3\u2c7c\u2260\u1d62 C\u1d62\u2c7c\u00b2. "
                + "With D features there are D diagonal and D(D\u22121) off-diagonal entries, so \u03bb is about 1/D "
                + "(0.0051 in the paper). 0: only invariance, features may repeat each other. It acts on a going run "
                + "at the next step."));
        return new HBox(6, slider, field);
    }

    private static void sync(Slider slider, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (v > 0 && !slider.isValueChanging()) {
                slider.setValue(Math.log10(v));
            }
        } catch (RuntimeException ignored) {
            // the field shows the problem
        }
    }

    /** Marks every text field whose setting has a problem. */
    private void mark() {
        for (var e : inputs.entrySet()) {
            if (e.getValue() instanceof TextField f) {
                Controls.mark(f, vm.problemFor(e.getKey().key()));
            }
        }
    }
}
