package org.twinlab.ui;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.twinlab.augment.AugmentConfig;
import org.twinlab.augment.AugmentPreview;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.model.ObjectiveKind;
import org.twinlab.train.Setting;
import org.twinlab.train.Settings;
import org.twinlab.util.Choice;

/**
 * The left column: dataset with thumbnails, the two view pipelines with a live preview of their
 * effect, the model and the optimisation settings. Everything binds to the view model; the settings
 * that cannot change during a run are disabled while one goes.
 */
final class ConfigView extends ScrollPane {
    private final WorkbenchViewModel vm;
    private final ImageView thumbnails = new ImageView();
    private final ImageView preview = new ImageView();
    private final Label datasetInfo = new Label();
    private long previewSeed = 1;
    final ComboBox<String> dataset = new ComboBox<>();
    final TextField lambdaField = new TextField();
    final Slider lambdaSlider = new Slider(-4, 0, Math.log10(0.0051));
    private final Map<Setting<?>, Node> controls = new LinkedHashMap<>();
    final Button newSamples = new Button("New samples");

    ConfigView(WorkbenchViewModel vm) {
        this.vm = vm;
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        VBox box = new VBox(10, dataSection(), viewsSection(), settingsSection("MODEL", Setting.Group.MODEL),
                settingsSection("OBJECTIVE", Setting.Group.OBJECTIVE),
                settingsSection("OPTIMISATION", Setting.Group.OPTIMISATION), settingsSection("RUN", Setting.Group.RUN));
        box.setPadding(new Insets(8));
        setContent(box);
        setMinWidth(300);
        setPrefWidth(360);
        vm.datasetProperty().addListener(o -> datasetChanged());
        vm.viewA.addListener(o -> renderPreview());
        vm.viewB.addListener(o -> renderPreview());
        vm.problems().addListener(o -> markFields());
        markFields();
    }

    private VBox section(String title, javafx.scene.Node... content) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        VBox v = new VBox(6, t);
        v.getChildren().addAll(content);
        return v;
    }

    private VBox dataSection() {
        dataset.getItems().addAll(DatasetCatalog.names());
        dataset.valueProperty().bindBidirectional(vm.datasetName);
        dataset.setOnAction(e -> {
            String v = dataset.getValue();
            if (v != null && (vm.datasetProperty().get() == null || !v.equals(vm.datasetProperty().get().name()))) {
                vm.loadDataset(v);
            }
        });
        dataset.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(dataset, Priority.ALWAYS);
        Button open = new Button("Open folder\u2026");
        open.setOnAction(e -> {
            DirectoryChooser ch = new DirectoryChooser();
            ch.setTitle("A dataset folder: IDX files, CIFAR binaries or one sub-folder of images per class");
            File f = ch.showDialog(getScene().getWindow());
            if (f != null) {
                vm.loadDataset(f.getAbsolutePath());
            }
        });
        // the button keeps its whole label at 1280x800; the combo gives up the width instead
        open.setMinWidth(Region.USE_PREF_SIZE);
        dataset.setMinWidth(100);
        HBox row = new HBox(6, dataset, open);
        row.disableProperty().bind(vm.runningProperty());
        thumbnails.setPreserveRatio(true);
        thumbnails.setFitWidth(330);
        datasetInfo.setWrapText(true);
        return section("DATA", row, thumbnails, datasetInfo);
    }

    private VBox viewsSection() {
        TabPane tabs = new TabPane(new Tab("View A", new ViewEditor(vm.viewA)), new Tab("View B", new ViewEditor(vm.viewB)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.disableProperty().bind(vm.runningProperty());
        preview.setPreserveRatio(true);
        preview.setFitWidth(330);
        newSamples.setOnAction(e -> {
            previewSeed++;
            renderPreview();
        });
        Label caption = new Label("originals, view A, view B");
        caption.getStyleClass().add("caption");
        return section("VIEWS", tabs, preview, new HBox(8, newSamples, caption));
    }

    /** A section of the form made from the settings table: one row per setting of the group. */
    private VBox settingsSection(String title, Setting.Group group) {
        GridPane g = Controls.form();
        for (Setting<?> s : WorkbenchViewModel.formSettings()) {
            if (s.group() != group) {
                continue;
            }
            Node control = s == Settings.LAMBDA ? lambdaControl() : control(s);
            String label = (s == Settings.LAMBDA ? "\u03bb" : s.label()) + (s.live() ? " (live)" : "");
            Controls.row(g, label, control);
            Node tip = s == Settings.LAMBDA ? lambdaField : control;
            if (tip instanceof Control c && c.getTooltip() == null) {
                c.setTooltip(new Tooltip(s.help()));
            }
            if (!s.live()) {
                control.disableProperty().bind(vm.runningProperty().or(unused(s)));
            } else {
                control.disableProperty().bind(unused(s));
            }
        }
        return section(title, g);
    }

    /** True while the chosen objective does not use this setting (lambda, temperature): disabled, not hidden. */
    private javafx.beans.binding.BooleanBinding unused(Setting<?> s) {
        StringProperty objective = vm.field(Settings.OBJECTIVE);
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            ObjectiveKind k;
            try {
                k = Settings.OBJECTIVE.parse(objective.get());
            } catch (RuntimeException e) {
                return false;
            }
            return (s == Settings.LAMBDA && !k.usesLambda()) || (s == Settings.TEMPERATURE && !k.usesTemperature());
        }, objective);
    }

    private Node control(Setting<?> s) {
        StringProperty text = vm.field(s);
        Node n = switch (s.type().kind()) {
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
                text.addListener(o -> pull.run());
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
                text.addListener((o, a, b) -> box.setSelected(Boolean.parseBoolean(b)));
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
        controls.put(s, n);
        return n;
    }

    private HBox lambdaControl() {
        StringProperty lambda = vm.field(Settings.LAMBDA);
        lambdaField.textProperty().bindBidirectional(lambda);
        lambdaField.setPrefColumnCount(7);
        // the slider is logarithmic: 10^-4 to 1
        lambdaSlider.valueProperty().addListener((o, a, b) -> {
            if (lambdaSlider.isValueChanging() || lambdaSlider.isFocused()) {
                lambda.set(String.format(Locale.ROOT, "%.3g", Math.pow(10, b.doubleValue())));
            }
        });
        lambda.addListener((o, a, b) -> syncLambdaSlider(b));
        syncLambdaSlider(lambda.get());
        HBox.setHgrow(lambdaSlider, Priority.ALWAYS);
        controls.put(Settings.LAMBDA, lambdaField);
        return new HBox(6, lambdaSlider, lambdaField);
    }

    /** The text field of a setting on the form (tests type into it). */
    TextField text(Setting<?> s) {
        return (TextField) controls.get(s);
    }

    private void syncLambdaSlider(String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (v > 0 && !lambdaSlider.isValueChanging()) {
                lambdaSlider.setValue(Math.log10(v));
            }
        } catch (RuntimeException ignored) {
            // the field shows the problem
        }
    }

    private void markFields() {
        for (var e : controls.entrySet()) {
            if (e.getValue() instanceof TextField f) {
                Controls.mark(f, vm.problemFor(e.getKey().key()));
            }
        }
    }

    private void datasetChanged() {
        Dataset d = vm.datasetProperty().get();
        if (d == null) {
            return;
        }
        int n = Math.min(10, Math.max(d.classCount(), 6));
        thumbnails.setImage(Images.toFx(AugmentPreview.originals(d, AugmentPreview.pickIndices(d, n, 0), 1)));
        datasetInfo.setText(String.format(Locale.ROOT, "%,d train + %,d test images, %s, %d classes: %s",
                d.train().size(), d.test().size(), d.shape(), d.classCount(), String.join(", ", d.classNames())));
        renderPreview();
    }

    /** Redraws the preview grid from the current views: cheap (a few images), so on every change. */
    void renderPreview() {
        Dataset d = vm.datasetProperty().get();
        if (d == null || vm.viewA.get() == null || vm.viewB.get() == null) {
            return;
        }
        AugmentConfig a = new AugmentConfig(vm.viewA.get(), vm.viewB.get());
        if (!a.problems().isEmpty()) {
            return;
        }
        preview.setImage(Images.toFx(AugmentPreview.render(d, a, AugmentPreview.pickIndices(d, 8, previewSeed), previewSeed, 1)));
    }
}
