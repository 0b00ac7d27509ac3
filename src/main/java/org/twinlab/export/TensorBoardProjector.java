package org.twinlab.export;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.twinlab.data.ImageShape;
import org.twinlab.data.Split;
import org.twinlab.eval.Features;
import org.twinlab.runs.AtomicFiles;

/**
 * The files TensorBoard's embedding projector reads from a log directory: {@code tensors.tsv} (one
 * row of tab-separated features per image), {@code metadata.tsv} (a header row, then label and class
 * name), {@code sprite.png} (the images in a square grid, row by row) and
 * {@code projector_config.pbtxt} tying them together. Open with {@code tensorboard --logdir DIR/projector}.
 */
final class TensorBoardProjector {
    static final String DIR = "projector";
    /** TensorBoard's limit on a sprite's side. */
    private static final int MAX_SPRITE = 8192;

    private TensorBoardProjector() {
    }

    static void write(Path dir, Features features, Split images, List<String> classNames, String tensorName,
                      List<Path> written) throws IOException {
        Path tensors = dir.resolve("tensors.tsv");
        AtomicFiles.write(tensors, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            float[] d = features.data();
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < features.n(); i++) {
                row.setLength(0);
                for (int j = 0; j < features.dim(); j++) {
                    if (j > 0) {
                        row.append('\t');
                    }
                    row.append(d[i * features.dim() + j]);
                }
                w.write(row.append('\n').toString());
            }
            w.flush();
        });
        written.add(tensors);

        Path metadata = dir.resolve("metadata.tsv");
        StringBuilder meta = new StringBuilder("label\tclass\n");
        int[] labels = features.labels();
        for (int i = 0; i < features.n(); i++) {
            String name = labels[i] < classNames.size() ? classNames.get(labels[i]) : Integer.toString(labels[i]);
            meta.append(labels[i]).append('\t').append(name.replaceAll("[\\t\\r\\n]", " ")).append('\n');
        }
        AtomicFiles.writeString(metadata, meta.toString());
        written.add(metadata);

        ImageShape s = images.shape();
        int perRow = (int) Math.ceil(Math.sqrt(Math.max(1, features.n())));
        double scale = Math.min(1.0, (double) MAX_SPRITE / (perRow * Math.max(s.width(), s.height())));
        int tw = Math.max(1, (int) Math.floor(s.width() * scale));
        int th = Math.max(1, (int) Math.floor(s.height() * scale));
        BufferedImage sprite = new BufferedImage(perRow * tw, perRow * th, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < features.n(); i++) {
            int ox = (i % perRow) * tw;
            int oy = (i / perRow) * th;
            for (int y = 0; y < th; y++) {
                for (int x = 0; x < tw; x++) {
                    int sy = Math.min(s.height() - 1, (int) (y / scale));
                    int sx = Math.min(s.width() - 1, (int) (x / scale));
                    int r = images.pixel(i, 0, sy, sx);
                    int g = s.channels() == 3 ? images.pixel(i, 1, sy, sx) : r;
                    int b = s.channels() == 3 ? images.pixel(i, 2, sy, sx) : r;
                    sprite.setRGB(ox + x, oy + y, r << 16 | g << 8 | b);
                }
            }
        }
        Path spritePng = dir.resolve("sprite.png");
        AtomicFiles.write(spritePng, out -> ImageIO.write(sprite, "png", out));
        written.add(spritePng);

        Path config = dir.resolve("projector_config.pbtxt");
        AtomicFiles.writeString(config, "embeddings {\n"
                + "  tensor_name: \"" + tensorName.replace("\"", "'") + "\"\n"
                + "  tensor_path: \"tensors.tsv\"\n"
                + "  metadata_path: \"metadata.tsv\"\n"
                + "  sprite {\n"
                + "    image_path: \"sprite.png\"\n"
                + "    single_image_dim: " + tw + "\n"
                + "    single_image_dim: " + th + "\n"
                + "  }\n"
                + "}\n");
        written.add(config);
    }
}
