package org.twinlab.ui;

import java.io.File;
import java.util.Locale;
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
import org.twinlab.model.Encoders;
import org.twinlab.train.TrainConfig;

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
    final TextField batch = new TextField();
    final TextField width = new TextField();
    final TextField lr = new TextField();
    final TextField warmup = new TextField();
    final TextField epochs = new TextField();
    final TextField seed = new TextField();
    final TextField probeEvery = new TextField();
    final Button newSamples = new Button("New samples");

    ConfigView(WorkbenchViewModel vm) {
        this.vm = vm;
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        VBox box = new VBox(10, dataSection(), viewsSection(), modelSection(), optimSection());
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

    private VBox modelSection() {
        GridPane g = Controls.form();
        ComboBox<String> enc = new ComboBox<>();
        enc.getItems().addAll(Encoders.NAMES);
        enc.valueProperty().bindBidirectional(vm.encoder);
        Controls.row(g, "encoder", enc);
        width.textProperty().bindBidirectional(vm.width);
        Controls.row(g, "projector D", width);
        ComboBox<String> depth = new ComboBox<>();
        depth.getItems().addAll("1", "2", "3");
        depth.valueProperty().bindBidirectional(vm.depth);
        CheckBox bn = new CheckBox("BatchNorm");
        bn.selectedProperty().bindBidirectional(vm.projectorBatchNorm);
        Controls.row(g, "depth", new HBox(8, depth, bn));
        g.disableProperty().bind(vm.runningProperty());
        return section("MODEL", g);
    }

    private VBox optimSection() {
        GridPane g = Controls.form();
        lambdaField.textProperty().bindBidirectional(vm.lambda);
        lambdaField.setPrefColumnCount(7);
        // the slider is logarithmic: 10^-4 to 1
        lambdaSlider.valueProperty().addListener((o, a, b) -> {
            if (lambdaSlider.isValueChanging() || lambdaSlider.isFocused()) {
                vm.lambda.set(String.format(Locale.ROOT, "%.3g", Math.pow(10, b.doubleValue())));
            }
        });
        vm.lambda.addListener((o, a, b) -> syncLambdaSlider(b));
        syncLambdaSlider(vm.lambda.get());
        HBox.setHgrow(lambdaSlider, Priority.ALWAYS);
        Controls.row(g, "\u03bb (live)", new HBox(6, lambdaSlider, lambdaField));
        batch.textProperty().bindBidirectional(vm.batch);
        batch.disableProperty().bind(vm.runningProperty());
        Controls.row(g, "batch", batch);
        ComboBox<String> opt = new ComboBox<>();
        opt.getItems().addAll(TrainConfig.OPTIMIZERS);
        opt.valueProperty().bindBidirectional(vm.optimizer);
        opt.disableProperty().bind(vm.runningProperty());
        Controls.row(g, "optimizer", opt);
        lr.textProperty().bindBidirectional(vm.learningRate);
        Controls.row(g, "learning rate (live)", lr);
        warmup.textProperty().bindBidirectional(vm.warmupEpochs);
        warmup.disableProperty().bind(vm.runningProperty());
        Controls.row(g, "warm-up (epochs)", warmup);
        epochs.textProperty().bindBidirectional(vm.epochs);
        epochs.disableProperty().bind(vm.runningProperty());
        Controls.row(g, "epochs", epochs);
        seed.textProperty().bindBidirectional(vm.seed);
        seed.disableProperty().bind(vm.runningProperty());
        Controls.row(g, "seed", seed);
        probeEvery.textProperty().bindBidirectional(vm.probeEvery);
        probeEvery.disableProperty().bind(vm.runningProperty());
        Controls.row(g, "probe every (epochs)", probeEvery);
        return section("OPTIMISATION", g);
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
        Controls.mark(lambdaField, vm.problemFor("lambda"));
        Controls.mark(batch, vm.problemFor("batch size"));
        Controls.mark(width, vm.problemFor("projector width"));
        Controls.mark(lr, vm.problemFor("learning rate"));
        Controls.mark(warmup, vm.problemFor("warm-up epochs"));
        Controls.mark(epochs, vm.problemFor("epochs"));
        Controls.mark(seed, vm.problemFor("seed"));
        Controls.mark(probeEvery, vm.problemFor("probe interval"));
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
