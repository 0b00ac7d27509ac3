package org.twinlab.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.layout.GridPane;
import org.twinlab.augment.ViewConfig;

/**
 * Edits one view's augmentation pipeline: range sliders for the crop's scale and ratio and the blur's
 * sigma, sliders for probabilities and jitter strengths. Writes a new ViewConfig to the property on
 * every change; rebuilt when the property is set from outside (reset, open settings).
 */
final class ViewEditor extends GridPane {
    private final ObjectProperty<ViewConfig> config;
    private final ObservableBooleanValue gray;
    private boolean building;

    /** @param gray true while the data has one channel: saturation, hue and grayscale do nothing then, and say so */
    ViewEditor(ObjectProperty<ViewConfig> config, ObservableBooleanValue gray) {
        this.config = config;
        this.gray = gray;
        setHgap(8);
        setVgap(4);
        config.addListener((o, a, b) -> {
            if (!building && b != null) {
                build(b);
            }
        });
        if (config.get() != null) {
            build(config.get());
        }
    }

    private void set(ViewConfig v) {
        building = true;
        try {
            config.set(v);
        } finally {
            building = false;
        }
    }

    private void build(ViewConfig v) {
        getChildren().clear();
        getColumnConstraints().setAll(Controls.form().getColumnConstraints());
        Controls.row(this, "crop scale", Controls.range(0.05, 1, v.crop().scaleMin(), v.crop().scaleMax(), "%.2f",
                (lo, hi) -> set(config.get().withCrop(new ViewConfig.Crop(lo, hi, config.get().crop().ratioMin(),
                        config.get().crop().ratioMax())))));
        Controls.row(this, "crop ratio", Controls.range(0.5, 2, v.crop().ratioMin(), v.crop().ratioMax(), "%.2f",
                (lo, hi) -> set(config.get().withCrop(new ViewConfig.Crop(config.get().crop().scaleMin(),
                        config.get().crop().scaleMax(), lo, hi)))));
        Controls.row(this, "flip p", Controls.slider(0, 1, v.flipP(), "%.2f", x -> set(config.get().withFlipP(x))));
        ViewConfig.Jitter j = v.jitter();
        Controls.row(this, "jitter p", Controls.slider(0, 1, j.p(), "%.2f", x -> set(jitter(x, -1, -1, -1, -1))));
        Controls.row(this, "brightness", Controls.slider(0, 1, j.brightness(), "%.2f", x -> set(jitter(-1, x, -1, -1, -1))));
        Controls.row(this, "contrast", Controls.slider(0, 1, j.contrast(), "%.2f", x -> set(jitter(-1, -1, x, -1, -1))));
        colour("saturation", Controls.slider(0, 1, j.saturation(), "%.2f", x -> set(jitter(-1, -1, -1, x, -1))));
        colour("hue", Controls.slider(0, 0.5, j.hue(), "%.2f", x -> set(jitter(-1, -1, -1, -1, x))));
        colour("grayscale p", Controls.slider(0, 1, v.grayscaleP(), "%.2f", x -> set(config.get().withGrayscaleP(x))));
        javafx.scene.control.Label note = new javafx.scene.control.Label("gray images: saturation, hue and grayscale do nothing");
        note.getStyleClass().add("caption");
        note.setWrapText(true);
        note.visibleProperty().bind(gray);
        note.managedProperty().bind(gray);
        add(note, 0, getRowCount(), 2, 1);
        Controls.row(this, "blur p", Controls.slider(0, 1, v.blur().p(), "%.2f", x -> set(config.get().withBlur(
                new ViewConfig.Blur(x, config.get().blur().sigmaMin(), config.get().blur().sigmaMax())))));
        Controls.row(this, "blur sigma", Controls.range(0.1, 3, v.blur().sigmaMin(), v.blur().sigmaMax(), "%.1f",
                (lo, hi) -> set(config.get().withBlur(new ViewConfig.Blur(config.get().blur().p(), lo, hi)))));
        Controls.row(this, "solarize p", Controls.slider(0, 1, v.solarize().p(), "%.2f", x -> set(config.get().withSolarize(
                new ViewConfig.Solarize(x, config.get().solarize().threshold())))));
    }

    /** A row that acts on colour alone: disabled while the data is gray (the note under these rows says why). */
    private void colour(String name, javafx.scene.layout.HBox control) {
        javafx.scene.control.Label label = Controls.row(this, name, control);
        label.disableProperty().bind(gray);
        control.disableProperty().bind(gray);
    }

    /** The current jitter with the given parts replaced (negative keeps the current value). */
    private ViewConfig jitter(double p, double b, double c, double s, double h) {
        ViewConfig.Jitter j = config.get().jitter();
        return config.get().withJitter(new ViewConfig.Jitter(p < 0 ? j.p() : p, b < 0 ? j.brightness() : b,
                c < 0 ? j.contrast() : c, s < 0 ? j.saturation() : s, h < 0 ? j.hue() : h));
    }
}
