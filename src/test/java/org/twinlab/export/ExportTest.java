package org.twinlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.data.Split;
import org.twinlab.eval.FeatureExtractor;
import org.twinlab.eval.Features;
import org.twinlab.export.chart.FigureSize;
import org.twinlab.model.TwinNetwork;

/** An export of a small trained run: what it holds, and that it comes back exactly, through both weight formats. */
@org.twinlab.Slow
class ExportTest {
    @TempDir
    static Path root;
    static Path run;
    static Path export;
    static ExportResult result;

    @BeforeAll
    static void trainAndExport() throws Exception {
        run = ExportFixtures.probedSmallCnnRun();
        export = root.resolve("export");
        result = Exporter.export(run, export, new ExportOptions(true, 300, new FigureSize(800, 500)));
    }

    @Test
    void theFolderHoldsEveryPartAndTheManifestListsThem() throws Exception {
        for (String f : List.of("encoder.safetensors", "encoder.py", "djl/encoder-0000.params", "djl/projector-0000.params",
                "projector/tensors.tsv", "projector/metadata.tsv", "projector/sprite.png", "projector/projector_config.pbtxt",
                "figures/loss.png", "figures/loss.svg", "figures/accuracy.png", "figures/correlation.png", "figures/pca.png",
                "figures/probe.png", "report.html", "recipe.md", "manifest.json")) {
            assertTrue(Files.isRegularFile(export.resolve(f)), f);
            assertTrue(result.files().contains(f), f + " in " + result.files());
        }
        Manifest m = Manifest.verify(export);
        assertEquals("small-cnn", m.architecture());
        assertEquals(128, m.featureDim());
        assertEquals("1x28x28", m.input().toString());
        assertEquals(16, m.step());
        assertEquals(result.files().size() - 1, m.files().size(), "every file but the manifest has a checksum");
        assertEquals(32, m.projector().width());
        assertEquals(0.0051, m.config().get("lambda").getAsDouble(), 1e-12);
        assertTrue(m.metrics().has("finalLoss"));
        BufferedImage loss = ImageIO.read(export.resolve("figures/loss.png").toFile());
        assertEquals(800, loss.getWidth());
        assertEquals(500, loss.getHeight());
        String recipe = Files.readString(export.resolve("recipe.md"));
        assertTrue(recipe.contains("--lambd 0.0051") && recipe.contains("--projector 32-32-32")
                && recipe.contains("--batch-size 16"), recipe);
        assertTrue(recipe.contains("**Encoder**") && recipe.contains("**Dataset**"), recipe);
    }

    @Test
    void tensorBoardFilesHaveOneRowPerPoint() throws Exception {
        List<String> tensors = Files.readAllLines(export.resolve("projector/tensors.tsv"));
        assertEquals(300, tensors.size());
        assertEquals(128, tensors.get(0).split("\t").length);
        List<String> meta = Files.readAllLines(export.resolve("projector/metadata.tsv"));
        assertEquals(301, meta.size(), "a header row and one row per point");
        assertEquals("label\tclass", meta.get(0));
        Dataset d = DatasetCatalog.open(DatasetCatalog.SAMPLE);
        assertEquals(d.test().label(0) + "\t" + d.classNames().get(d.test().label(0)), meta.get(1));
        BufferedImage sprite = ImageIO.read(export.resolve("projector/sprite.png").toFile());
        assertEquals(18 * 28, sprite.getWidth(), "ceil(sqrt(300)) thumbnails a row");
        String config = Files.readString(export.resolve("projector/projector_config.pbtxt"));
        assertTrue(config.contains("tensor_path: \"tensors.tsv\"") && config.contains("single_image_dim: 28"), config);
    }

    @Test
    void safetensorsAndDjlFilesGiveTheCheckpointsOutputsBack() throws Exception {
        Dataset d = DatasetCatalog.open(DatasetCatalog.SAMPLE);
        Split images = d.test().subset(java.util.stream.IntStream.range(0, 64).toArray());
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu());
             TwinNetwork original = RunArtifacts.open(run).loadNetwork(m, d.shape());
             ExportedEncoder viaSafetensors = ExportedEncoder.load(export);
             ExportedEncoder viaDjl = ExportedEncoder.loadDjl(export)) {
            Features want = FeatureExtractor.encoder(original, images, d.mean(), d.std(), m);
            Features a = viaSafetensors.features(images);
            Features b = viaDjl.features(images);
            float ab = ExportFixtures.maxAbsDiff(want.data(), a.data());
            float ad = ExportFixtures.maxAbsDiff(want.data(), b.data());
            System.out.printf("java round trip, small-cnn: safetensors %.3g, djl %.3g%n", ab, ad);
            assertTrue(ab <= 1e-5, "safetensors: " + ab);
            assertTrue(ad <= 1e-5, "djl: " + ad);
            // the projector comes back too
            float[] x = ExportFixtures.normalized(images, 64, d.mean(), d.std());
            try (NDManager s = m.newSubManager(); NDManager s2 = viaSafetensors.manager().newSubManager()) {
                NDArray in = s.create(x, new Shape(64, 1, 28, 28));
                float[] z0 = original.embed(in, false).toFloatArray();
                float[] z1 = viaSafetensors.project(s2.create(x, new Shape(64, 1, 28, 28))).toFloatArray();
                assertTrue(ExportFixtures.maxAbsDiff(z0, z1) <= 1e-5);
            }
            // and a new network can start from the exported encoder
            try (TwinNetwork fresh = new TwinNetwork(m, PyTorchArchitecture.of("small-cnn", "test").modelSpec(64, 2, true),
                    d.shape())) {
                viaSafetensors.copyEncoderInto(fresh);
                Features c = FeatureExtractor.encoder(fresh, images, d.mean(), d.std(), m);
                assertTrue(ExportFixtures.maxAbsDiff(want.data(), c.data()) <= 1e-5);
            }
        }
    }

    @Test
    void theReportIsOneFileWithItsImagesInside() throws Exception {
        String html = Files.readString(export.resolve("report.html"));
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"), "nothing to fetch");
        int images = html.split("src=\"data:image/png;base64,", -1).length - 1;
        assertEquals(5, images, "loss, accuracy, probe, C, PCA");
        assertTrue(html.contains("linear top-1") && html.contains("raw pixels") && html.contains("random encoder"));
    }

    @Test
    void aSecondExportReplacesAnEarlierOneButNotOtherFiles() throws Exception {
        Path again = root.resolve("again");
        Exporter.export(run, again, new ExportOptions(true, 20, new FigureSize(400, 300)));
        assertTrue(Files.isRegularFile(again.resolve("djl/projector-0000.params")));
        ExportResult second = Exporter.export(run, again, new ExportOptions(false, 20, new FigureSize(400, 300)));
        assertFalse(Files.exists(again.resolve("djl/projector-0000.params")), "the earlier export's extra file is gone");
        assertEquals(second.files().size(), Manifest.verify(again).files().size() + 1);

        Path other = root.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("notes.txt"), "mine");
        var e = assertThrows(ExportException.class, () -> Exporter.export(run, other, ExportOptions.defaults()));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        assertEquals(List.of(other.resolve("notes.txt")), Files.list(other).toList());

        Path file = root.resolve("a-file");
        Files.writeString(file, "x");
        e = assertThrows(ExportException.class, () -> Exporter.export(run, file, ExportOptions.defaults()));
        assertTrue(e.getMessage().contains("a file stands where"), e.getMessage());
        e = assertThrows(ExportException.class, () -> Exporter.export(run, Path.of("/proc/nope"), ExportOptions.defaults()));
        assertTrue(e.getMessage().startsWith("/proc/nope: cannot"), e.getMessage());
        e = assertThrows(ExportException.class, () -> Exporter.export(run, file.resolve("sub"), ExportOptions.defaults()));
        assertTrue(e.getMessage().contains("cannot create"), e.getMessage());
    }
}
