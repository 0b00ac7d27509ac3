package org.twinlab.export;

import org.twinlab.data.Npy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.cli.TwinlabCommand;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.data.Split;
import org.twinlab.export.chart.FigureSize;

/**
 * A TorchScript encoder in Twinlab: modules traced here by the system's PyTorch (/usr/bin/python3, torch 1.13) give
 * the same features in Twinlab (embed, and the loader with a model.json that scales, repeats the gray and normalises)
 * as in PyTorch, to 1e-4 of the largest feature; they probe and inspect (C of the projector's outputs when the module
 * gives both); the export's own encoder.py traced by trace_encoder.py gives the export's features. The parity tests are
 * skipped only where /usr/bin/python3 cannot import torch. The damaged files (from the committed tiny-encoder.pt, made
 * by make_tiny_encoder.py beside it) are one line and exit 2 everywhere.
 */
class TorchScriptTest {
    static final int IMAGES = 40;
    @TempDir
    static Path root;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome twinlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TwinlabCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Traced here: gray.pt (N x 1 x 28 x 28 -> 24 features) and sized/model.pt (3 x 32 x 32, normalised, -> features
     * and projections), with PyTorch's own outputs for the first images of the sample's test split. */
    private static final String TRACE = """
            import sys, json, os, numpy as np, torch, torch.nn.functional as F
            d, imgs = sys.argv[1], np.load(sys.argv[2])
            torch.manual_seed(0)
            class Enc(torch.nn.Module):
                def __init__(s, cin):
                    super().__init__()
                    s.f = torch.nn.Sequential(torch.nn.Conv2d(cin, 16, 3, padding=1), torch.nn.BatchNorm2d(16), torch.nn.ReLU(),
                        torch.nn.Conv2d(16, 32, 3, stride=2), torch.nn.ReLU(), torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten(),
                        torch.nn.Linear(32, 24))
                    s.g = torch.nn.Linear(24, 12)
                    s.f[1].running_mean.uniform_(-0.2, 0.2); s.f[1].running_var.uniform_(0.5, 2.0)
                def forward(s, x):
                    f = s.f(x)
                    return f, s.g(f)
            class Features(torch.nn.Module):
                def __init__(s, e):
                    super().__init__(); s.e = e
                def forward(s, x):
                    return s.e.f(x)
            gray = Features(Enc(1)).eval()
            x = torch.from_numpy(imgs.astype(np.float32)[:, None] / 255.0)
            with torch.no_grad():
                torch.jit.trace(gray, torch.rand(2, 1, 28, 28)).save(os.path.join(d, "gray.pt"))
                np.save(os.path.join(d, "gray-f.npy"), gray(x).numpy())
                sized = Enc(3).eval()
                mean, std = [0.2, 0.3, 0.4], [0.5, 0.25, 0.3]
                os.makedirs(os.path.join(d, "sized"))
                torch.jit.trace(sized, torch.rand(2, 3, 32, 32)).save(os.path.join(d, "sized", "model.pt"))
                json.dump(dict(channels=3, height=32, width=32, mean=mean, std=std), open(os.path.join(d, "sized", "model.json"), "w"))
                y = F.interpolate(x.repeat(1, 3, 1, 1), size=(32, 32), mode="bilinear", align_corners=False)
                y = (y - torch.tensor(mean).view(1, 3, 1, 1)) / torch.tensor(std).view(1, 3, 1, 1)
                f, z = sized(y)
                np.save(os.path.join(d, "sized-f.npy"), f.numpy()); np.save(os.path.join(d, "sized-z.npy"), z.numpy())
            """;

    private static Path traced;

    /** The modules above, traced once. */
    static synchronized Path traced() throws Exception {
        assumeTrue(ExportFixtures.pythonHasTorch(), "/usr/bin/python3 cannot import torch and numpy");
        if (traced == null) {
            Path d = Files.createDirectories(root.resolve("traced"));
            Dataset sample = DatasetCatalog.open(DatasetCatalog.SAMPLE);
            ExportFixtures.writeImages(d.resolve("batch.npy"), sample.test(), IMAGES);
            var ran = ExportFixtures.run(List.of(ExportFixtures.PYTHON.toString(), "-c", TRACE, d.toString(),
                    d.resolve("batch.npy").toString()), d);
            assertEquals(0, ran.exitCode(), ran.output());
            traced = d;
        }
        return traced;
    }

    /** max |a - b| over max |b|: the error relative to the largest feature. */
    private static double relative(float[] a, float[] b) {
        double big = 0;
        for (float v : b) {
            big = Math.max(big, Math.abs(v));
        }
        return ExportFixtures.maxAbsDiff(a, b) / big;
    }

    @Test
    void embedGivesPyTorchsFeatures() throws Exception {
        Path d = traced();
        Path out = d.resolve("java-gray.npy");
        Outcome o = twinlab("embed", "--encoder", d.resolve("gray.pt").toString(), "--dataset", DatasetCatalog.SAMPLE,
                "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        Npy.FloatMatrix java = Npy.readFloatMatrix(out);
        Npy.FloatMatrix py = Npy.readFloatMatrix(d.resolve("gray-f.npy"));
        assertEquals(24, java.cols());
        assertEquals(DatasetCatalog.open(DatasetCatalog.SAMPLE).test().size(), java.rows());
        double err = relative(Arrays.copyOf(java.values(), IMAGES * 24), py.values());
        System.out.printf("TorchScript parity, gray 1 x 28 x 28 -> 24: max |Twinlab - PyTorch| / max |feature| = %.2e%n", err);
        assertTrue(err <= 1e-4, "relative error " + err);
    }

    @Test
    void modelJsonScalesRepeatsTheGrayAndNormalisesAsPyTorchDoes() throws Exception {
        Path d = traced();
        Split first = DatasetCatalog.open(DatasetCatalog.SAMPLE).test().subset(IntStream.range(0, IMAGES).toArray());
        try (TorchScriptEncoder enc = TorchScriptEncoder.load(d.resolve("sized/model.pt"), first.shape(),
                TorchScriptEncoder.Input.DEFAULT)) {
            assertEquals(new org.twinlab.data.ImageShape(3, 32, 32), enc.inputShape(), "model.json's input: "
                    + enc.describeInput());
            assertTrue(enc.hasProjector());
            float[] x = new float[IMAGES * first.shape().size()];
            for (int i = 0; i < IMAGES; i++) {
                first.copyImage(i, x, i * first.shape().size());
            }
            TorchScriptEncoder.Output o = enc.forward(x, IMAGES);
            double ef = relative(o.features(), Npy.readFloatMatrix(d.resolve("sized-f.npy")).values());
            double ez = relative(o.projections(), Npy.readFloatMatrix(d.resolve("sized-z.npy")).values());
            System.out.printf("TorchScript parity, gray 28 px -> 3 x 32 x 32 normalised: features %.2e, projections %.2e%n",
                    ef, ez);
            assertTrue(ef <= 1e-4, "features: relative error " + ef);
            assertTrue(ez <= 1e-4, "projections: relative error " + ez);
        }
    }

    @Test
    void itProbesAndInspects() throws Exception {
        Path d = traced();
        Outcome p = twinlab("probe", "--encoder", d.resolve("gray.pt").toString(), "--dataset", DatasetCatalog.SAMPLE, "--json");
        assertEquals(0, p.code(), p.err());
        JsonObject trained = JsonParser.parseString(p.out()).getAsJsonObject().getAsJsonObject("trained");
        assertTrue(trained.get("linearTop1").getAsDouble() > 0.2, "better than chance (0.1): " + p.out());

        Path c = root.resolve("c.png");
        Path pca = root.resolve("pca.png");
        Outcome i = twinlab("inspect", "--encoder", d.resolve("sized/model.pt").toString(), "--dataset", DatasetCatalog.SAMPLE,
                "--batch", "64", "--out", c.toString(), "--pca", pca.toString(), "--json");
        assertEquals(0, i.code(), i.err());
        JsonObject r = JsonParser.parseString(i.out()).getAsJsonObject();
        assertTrue(r.get("projected").getAsBoolean(), "C of the projector's outputs when the module gives both");
        assertEquals(12, r.get("dim").getAsInt());
        double diag = r.get("meanDiagonal").getAsDouble();
        assertTrue(diag > -1 && diag < 1, "a correlation: " + diag);
        assertTrue(r.get("effectiveRank").getAsDouble() >= 1, i.out());
        assertTrue(Files.size(c) > 1000 && Files.size(pca) > 1000);
        Files.copy(c, Files.createDirectories(Path.of("target/snapshots")).resolve("torchscript-inspect-c.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theExportsEncoderPyTracedByTraceEncoderGivesTheExportsFeatures() throws Exception {
        Path d = traced();
        Path run = ExportFixtures.trainedRun(root.resolve("runs"), "small-cnn", 2, false);
        Path export = root.resolve("export");
        Exporter.export(run, export, new ExportOptions(false, 16, new FigureSize(400, 300)));
        Path script = d.resolve("trace_encoder.py");
        Files.writeString(script, ScaleOutScripts.traceScript());
        assertTrue(ScaleOutScripts.traceScript().strip().lines().count() <= 6, "a five-line script (and its comment)");
        Path pt = root.resolve("from-export/model.pt");
        Files.createDirectories(pt.getParent());
        var ran = ExportFixtures.run(List.of(ExportFixtures.PYTHON.toString(), script.toString(), export.toString(),
                pt.toString()), root);
        assertEquals(0, ran.exitCode(), ran.output());
        assertTrue(Files.isRegularFile(pt.resolveSibling("model.json")));
        Outcome a = twinlab("embed", "--encoder", export.toString(), "--dataset", DatasetCatalog.SAMPLE, "--out",
                root.resolve("export-f.npy").toString());
        Outcome b = twinlab("embed", "--encoder", pt.toString(), "--dataset", DatasetCatalog.SAMPLE, "--out",
                root.resolve("traced-f.npy").toString());
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        double err = relative(Npy.readFloatMatrix(root.resolve("traced-f.npy")).values(),
                Npy.readFloatMatrix(root.resolve("export-f.npy")).values());
        System.out.printf("trace_encoder.py of the export's encoder.py vs the export in Twinlab: %.2e of the largest%n", err);
        assertTrue(err <= 1e-4, "relative error " + err);

        // inspect takes an export folder as well: C of its features (no projector exported), the same gauges
        Outcome i = twinlab("inspect", "--encoder", export.toString(), "--dataset", DatasetCatalog.SAMPLE, "--batch", "32",
                "--json");
        assertEquals(0, i.code(), i.err());
        JsonObject r = JsonParser.parseString(i.out()).getAsJsonObject();
        assertFalse(r.get("projected").getAsBoolean());
        assertEquals(128, r.get("dim").getAsInt(), "small-cnn's features");

        // encoder.py --project on an export without the projector: one line, exit 2, no traceback
        ExportFixtures.writeImages(root.resolve("b.npy"), DatasetCatalog.open(DatasetCatalog.SAMPLE).test(), 4);
        var proj = ExportFixtures.run(List.of(ExportFixtures.PYTHON.toString(), export.resolve("encoder.py").toString(),
                root.resolve("b.npy").toString(), root.resolve("z.npy").toString(), "--project"), root);
        assertEquals(2, proj.exitCode(), proj.output());
        assertEquals(1, proj.output().strip().lines().count(), proj.output());
        assertTrue(proj.output().contains("holds no projector"), proj.output());
        assertFalse(Files.exists(root.resolve("z.npy")));
    }

    /** A copy of the committed tiny-encoder.pt (1 x 28 x 28 -> 8) in a folder of its own, damaged by {@code damage}. */
    private interface Damage {
        void apply(Path pt) throws Exception;
    }

    private static Path tiny(String name, Damage damage) throws Exception {
        Path dir = Files.createDirectories(root.resolve("faults/" + name));
        Path pt = dir.resolve("model.pt");
        try (var in = TorchScriptTest.class.getResourceAsStream("tiny-encoder.pt")) {
            Files.copy(in, pt);
        }
        damage.apply(pt);
        return pt;
    }

    private record Case(String name, Damage damage, List<String> extra, String says) {
    }

    @TestFactory
    Stream<DynamicTest> aFileThatDoesNotFitIsOneLineAndExit2() {
        List<Case> cases = List.of(
                new Case("whole", pt -> { }, List.of(), null),
                new Case("text", pt -> Files.writeString(pt, "hello\n"), List.of(), "model.pt: not a TorchScript file"),
                new Case("empty", pt -> Files.write(pt, new byte[0]), List.of(), "this one is empty"),
                new Case("truncated", pt -> Files.write(pt, Arrays.copyOf(Files.readAllBytes(pt), (int) Files.size(pt) / 2)),
                        List.of(), "not a TorchScript file PyTorch can load, or truncated"),
                new Case("three channels", pt -> { }, List.of("--input-channels", "3"),
                        "model.pt: the module does not take 2 x 3 x 28 x 28 floats (Given groups=1"),
                new Case("model.json broken", pt -> Files.writeString(pt.resolveSibling("model.json"), "{\"height\": "),
                        List.of(), "model.json: not a model description"),
                new Case("mean of two", pt -> { }, List.of("--mean", "0.1,0.2"), "mean has 2 values for 1 channels"));
        return cases.stream().flatMap(k -> Stream.of("probe", "embed", "inspect").map(cmd -> DynamicTest.dynamicTest(
                cmd + ": " + k.name(), () -> {
                    Path pt = tiny(cmd + "-" + k.name().replace(' ', '-'), k.damage());
                    Path out = pt.resolveSibling("out.npy");
                    List<String> args = new java.util.ArrayList<>(List.of(cmd, "--encoder", pt.toString(), "--dataset",
                            DatasetCatalog.SAMPLE));
                    if (cmd.equals("embed")) {
                        args.addAll(List.of("--out", out.toString()));
                    }
                    if (cmd.equals("inspect")) {
                        args.addAll(List.of("--batch", "16"));
                    }
                    args.addAll(k.extra());
                    List<String> before;
                    try (var s = Files.list(pt.getParent())) {
                        before = s.map(Path::toString).sorted().toList();
                    }
                    Outcome o = twinlab(args.toArray(String[]::new));
                    if (k.says() == null) {
                        assertEquals(0, o.code(), o.err());
                        return;
                    }
                    assertEquals(2, o.code(), o.out() + o.err());
                    assertEquals(1, o.err().strip().lines().count(), o.err());
                    assertTrue(o.err().contains(k.says()), o.err());
                    assertFalse(o.err().contains("Exception"), o.err());
                    try (var s = Files.list(pt.getParent())) {
                        assertEquals(before, s.map(Path::toString).sorted().toList(), "nothing written");
                    }
                })));
    }
}
