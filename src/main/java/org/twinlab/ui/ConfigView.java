package org.twinlab.ui;

import java.io.File;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
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
import org.twinlab.train.Setting;
import org.twinlab.train.Settings;

/**
 * The left column: dataset with thumbnails, the two view pipelines with a live preview of their
 * effect, the model and the optimisation settings. Everything binds to the view model; the settings
 * that cannot change during a run are disabled while one goes. Thumbnails and preview are as wide as
 * the column, so they grow with it in presenter mode.
 */
final class ConfigView extends ScrollPane {
    private final WorkbenchViewModel vm;
    private final ImageView thumbnails = new ImageView();
    private final ImageView preview = new ImageView();
    /** The latest preview grid (originals, view A, view B): the lesson's views panel shows the same picture. */
    private final ObjectProperty<Image> previewImage = new SimpleObjectProperty<>();
    private final Label datasetInfo = new Label();
    private long previewSeed = 1;
    final ComboBox<String> dataset = new ComboBox<>();
    final SettingControls settings;
    final TextField lambdaField;
    final Slider lambdaSlider;
    final Button newSamples = new Button("New samples");
    /** True while the dataset has one channel: the colour operations do nothing then. */
    final BooleanBinding gray;

    ConfigView(WorkbenchViewModel vm) {
        this.vm = vm;
        this.settings = new SettingControls(vm);
        gray = Bindings.createBooleanBinding(() -> vm.datasetProperty().get() != null
                && vm.datasetProperty().get().shape().channels() == 1, vm.datasetProperty());
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        VBox box = new VBox(10, dataSection(), viewsSection(), settingsSection("MODEL", Setting.Group.MODEL),
                settingsSection("OBJECTIVE", Setting.Group.OBJECTIVE),
                settingsSection("OPTIMISATION", Setting.Group.OPTIMISATION), settingsSection("RUN", Setting.Group.RUN));
        box.setPadding(new Insets(8));
        setContent(box);
        setMinWidth(300);
        setPrefWidth(360);
        lambdaField = (TextField) settings.inputs.get(Settings.LAMBDA);
        lambdaSlider = settings.lambdaSlider;
        // pictures as wide as the column (less padding and the scroll bar)
        thumbnails.fitWidthProperty().bind(widthProperty().subtract(36));
        preview.fitWidthProperty().bind(widthProperty().subtract(36));
        preview.imageProperty().bind(previewImage);
        vm.datasetProperty().addListener(o -> datasetChanged());
        vm.viewA.addListener(o -> renderPreview());
        vm.viewB.addListener(o -> renderPreview());
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
        thumbnails.setSmooth(false);
        datasetInfo.setWrapText(true);
        return section("DATA", row, thumbnails, datasetInfo);
    }

    private VBox viewsSection() {
        TabPane tabs = new TabPane(new Tab("View A", new ViewEditor(vm.viewA, gray)), new Tab("View B", new ViewEditor(vm.viewB, gray)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.disableProperty().bind(vm.runningProperty());
        preview.setPreserveRatio(true);
        preview.setSmooth(false);
        newSamples.setOnAction(e -> newSamples());
        Label caption = new Label("originals, view A, view B");
        caption.getStyleClass().add("caption");
        return section("VIEWS", tabs, preview, new HBox(8, newSamples, caption));
    }

    /** Draws other images and other random views of them. */
    void newSamples() {
        previewSeed++;
        renderPreview();
    }

    ObjectProperty<Image> previewImage() {
        return previewImage;
    }

    /** A section of the form made from the settings table: one row per setting of the group. */
    private VBox settingsSection(String title, Setting.Group group) {
        GridPane g = Controls.form();
        for (Setting<?> s : WorkbenchViewModel.formSettings()) {
            if (s.group() == group) {
                settings.row(g, s);
            }
        }
        return section(title, g);
    }

    /** The text field of a setting on the form (tests type into it). */
    TextField text(Setting<?> s) {
        return (TextField) settings.inputs.get(s);
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
        previewImage.set(Images.toFx(AugmentPreview.render(d, a, AugmentPreview.pickIndices(d, 8, previewSeed), previewSeed, 1)));
    }
}
