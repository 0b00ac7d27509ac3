package org.twinlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.twinlab.model.Encoder;
import org.twinlab.cli.TwinlabCommand;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.data.Npy;
import org.twinlab.data.Split;
import org.twinlab.eval.FeatureExtractor;
import org.twinlab.model.TwinNetwork;
import org.twinlab.export.chart.FigureSize;

/**
 * The exported encoder.py, run by the system's PyTorch on a uint8 .npy batch, gives the features
 * {@code twinlab embed} gives for the same file, for every encoder, and the projector's outputs too.
 * Skipped only where /usr/bin/python3 cannot import torch.
 */
@org.twinlab.Slow
class PyTorchParityTest {
    static final int IMAGES = 40;
    @TempDir
    static Path root;

    @BeforeAll
    static void needsPyTorch() {
        org.twinlab.Tools.require(ExportFixtures.pythonHasTorch(), "/usr/bin/python3 cannot import torch and numpy");
    }

    @ParameterizedTest
    @EnumSource(Encoder.class)
    void encoderPyMatchesEmbed(Encoder each) throws Exception {
        String encoder = each.key();
        long t0 = System.nanoTime();
        Path run = ExportFixtures.trainedRun(root.resolve("runs"), encoder, 2, false);
        System.out.printf("%s: trained in %.1f s%n", encoder, (System.nanoTime() - t0) / 1e9);
        Path export = root.resolve("export-" + encoder);
        Exporter.export(run, export, new ExportOptions(true, 16, new FigureSize(400, 300)));
        Dataset d = DatasetCatalog.open(DatasetCatalog.SAMPLE);
        Path batch = root.resolve("batch-" + encoder + ".npy");
        ExportFixtures.writeImages(batch, d.test(), IMAGES);

        Path javaOut = root.resolve("java-" + encoder + ".npy");
        StringWriter err = new StringWriter();
        int code = TwinlabCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "embed",
                "--encoder", export.toString(), "--images", batch.toString(), "--out", javaOut.toString());
        assertEquals(0, code, err.toString());

        // encoder.py's own command line, twice in one Python process (importing torch takes seconds)
        Path pyOut = root.resolve("py-" + encoder + ".npy");
        Path pyProj = root.resolve("py-proj-" + encoder + ".npy");
        String script = "import sys; sys.path.insert(0, sys.argv[1]); import encoder; "
                + "sys.exit(encoder.main(sys.argv[2:4]) or encoder.main([sys.argv[2], sys.argv[4], '--project']))";
        var ran = ExportFixtures.run(List.of(ExportFixtures.PYTHON.toString(), "-c", script, export.toString(),
                batch.toString(), pyOut.toString(), pyProj.toString()), root);
        assertEquals(0, ran.exitCode(), ran.output());
        Npy.FloatMatrix embedded = Npy.readFloatMatrix(javaOut);
        Npy.FloatMatrix py = Npy.readFloatMatrix(pyOut);
        assertEquals(IMAGES, py.rows());
        assertEquals(embedded.cols(), py.cols());
        float features = ExportFixtures.maxAbsDiff(embedded.values(), py.values());

        float[] javaProj;
        float javaSafetensors;
        float javaDjl;
        Split images = d.test().subset(java.util.stream.IntStream.range(0, IMAGES).toArray());
        try (ExportedEncoder enc = ExportedEncoder.load(export); ExportedEncoder djl = ExportedEncoder.loadDjl(export);
             NDManager m = enc.manager().newSubManager();
             TwinNetwork original = RunArtifacts.open(run).loadNetwork(m, d.shape())) {
            float[] x = ExportFixtures.normalized(d.test(), IMAGES, enc.mean(), enc.std());
            javaProj = enc.project(m.create(x, new Shape(IMAGES, 1, 28, 28))).toFloatArray();
            // Java to Java: the checkpoint's own network against both exported weight files
            float[] want = FeatureExtractor.encoder(original, images, enc.mean(), enc.std(), m).data();
            javaSafetensors = ExportFixtures.maxAbsDiff(want, enc.features(images).data());
            javaDjl = ExportFixtures.maxAbsDiff(want, djl.features(images).data());
        }
        System.out.printf("java -> java, %s: safetensors max |diff| %.3g, djl %.3g%n", encoder, javaSafetensors, javaDjl);
        assertTrue(javaSafetensors <= 1e-5 && javaDjl <= 1e-5, encoder + ": " + javaSafetensors + ", " + javaDjl);
        float projector = ExportFixtures.maxAbsDiff(javaProj, Npy.readFloatMatrix(pyProj).values());
        float scale = 0;
        for (float z : javaProj) {
            scale = Math.max(scale, Math.abs(z));
        }
        System.out.printf("java -> pytorch, %s: features max |diff| %.3g (max |feature| %.3g), projector %.3g (max |z| %.3g)%n",
                encoder, features, maxAbs(embedded.values()), projector, scale);
        assertTrue(features < 1e-4, encoder + " features differ by " + features);
        // projector outputs are not normalised (|z| up to tens): the same float32 rounding, relative to their size
        assertTrue(projector < 1e-4 * Math.max(1, scale), encoder + " projector outputs differ by " + projector);
    }

    private static float maxAbs(float[] v) {
        float m = 0;
        for (float x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
