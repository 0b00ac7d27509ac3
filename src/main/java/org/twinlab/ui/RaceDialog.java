package org.twinlab.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.twinlab.runs.RunRace;
import org.twinlab.train.Setting;
import org.twinlab.train.SettingType;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;
import org.twinlab.util.Choice;

/**
 * Race…: the form's run against one that differs in one or more settings (objective, λ, projector BatchNorm,
 * width, batch, augmentation). Each row starts at the form's value; changing it ticks the row. Race checks the
 * second run by the form's rules: a bad value, or no difference, is one line under the rows and the dialog stays.
 */
final class RaceDialog {
    static final ButtonType RACE = new ButtonType("Race", ButtonBar.ButtonData.OK_DONE);
    final Dialog<ButtonType> dialog = new Dialog<>();
    final Map<Setting<?>, CheckBox> ticks = new LinkedHashMap<>();
    final Map<Setting<?>, Control> inputs = new LinkedHashMap<>();
    final Label problem = new Label();

    /** {@code race} gets the second run's typed values once they pass. */
    RaceDialog(WorkbenchViewModel vm, Window owner, Consumer<Map<Setting<?>, String>> race) {
        dialog.setTitle("Race two runs");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.NONE);
        TrainConfig form = vm.config();
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        int row = 0;
        for (Setting<?> s : RunRace.SETTINGS) {
            String name = s == Settings.LAMBDA ? "\u03bb" : s.label();
            CheckBox tick = new CheckBox(name);
            String value = form == null ? "" : shown(s, form);
            Control input = input(s, value, () -> tick.setSelected(true));
            ticks.put(s, tick);
            inputs.put(s, input);
            g.addRow(row++, tick, input);
        }
        problem.getStyleClass().add("blocked");
        problem.setWrapText(true);
        problem.setMaxWidth(460);
        Label intro = new Label("Race the form's run against one that differs in:");
        VBox body = new VBox(10, intro, g, problem);
        body.setPadding(new javafx.geometry.Insets(12, 16, 4, 16));
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().addAll(RACE, ButtonType.CANCEL);
        dialog.getDialogPane().getStyleClass().add("race-dialog");
        Button go = (Button) dialog.getDialogPane().lookupButton(RACE);
        go.addEventFilter(ActionEvent.ACTION, e -> {
            Map<Setting<?>, String> changes = changes();
            String why = check(vm, changes);
            if (!why.isEmpty()) {
                problem.setText(why);
                e.consume(); // the dialog stays, the values in it too
            }
        });
        dialog.setResultConverter(b -> b);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == RACE) {
                race.accept(changes());
            }
        });
    }

    void show() {
        dialog.show();
    }

    /** The ticked rows' values, as typed. */
    Map<Setting<?>, String> changes() {
        Map<Setting<?>, String> m = new LinkedHashMap<>();
        ticks.forEach((s, t) -> {
            if (t.isSelected()) {
                m.put(s, text(inputs.get(s)));
            }
        });
        return m;
    }

    /** Empty when the second run can be made from the form's; else the one line that says why not. */
    private static String check(WorkbenchViewModel vm, Map<Setting<?>, String> changes) {
        TrainConfig form = vm.config();
        if (form == null) {
            return vm.problems().get().isEmpty() ? "the form is not ready" : "the form: "
                    + vm.problems().get().get(0).message();
        }
        try {
            vm.raceSecond(form, changes);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static <T> String shown(Setting<T> s, TrainConfig c) {
        T v = s.get(c);
        return v == null ? "" : s.format(v);
    }

    private static Control input(Setting<?> s, String value, Runnable edited) {
        SettingType.Kind k = s.type().kind();
        if (k == SettingType.Kind.CHOICE || k == SettingType.Kind.BOOLEAN) {
            ComboBox<String> box = new ComboBox<>();
            if (k == SettingType.Kind.BOOLEAN) {
                box.getItems().addAll("true", "false");
            } else {
                for (Choice c : s.type().choices()) {
                    box.getItems().add(c.key());
                }
            }
            box.setValue(value.isEmpty() && !box.getItems().isEmpty() ? box.getItems().get(0) : value);
            box.valueProperty().addListener(o -> edited.run());
            return box;
        }
        TextField f = new TextField(value);
        f.setPrefColumnCount(10);
        f.textProperty().addListener(o -> edited.run());
        return f;
    }

    private static String text(Control c) {
        return c instanceof ComboBox<?> b ? String.valueOf(b.getValue()) : ((TextField) c).getText();
    }
}
