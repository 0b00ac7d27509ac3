package org.twinlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.export.ExportException;
import org.twinlab.export.ExportFixtures;
import org.twinlab.export.ExportedEncoder;
import org.twinlab.data.Npy;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.runs.Json;

/** export, embed and probe --encoder from the command line, and the one-line errors of every kind of bad input. */
@org.twinlab.Slow
class ExportCommandsTest {
    @TempDir
    static Path root;
    static Path run;
    static Path export;
    static Path batch;

    /** Exit 2 and one line on stderr that says {@code mention}, no stack trace or class name. */
    static void refused(String mention, String... args) {
        CommandLineTest.Outcome o = CommandLineTest.run(args);
        String line = o.err().strip();
        assertEquals(2, o.code(), String.join(" ", args) + ": " + o.err());
        assertFalse(line.contains("\n"), "one line: " + line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), "no stack trace: " + line);
        assertTrue(line.startsWith("twinlab: "), line);
        assertTrue(line.contains(mention), "'" + mention + "' in: " + line);
    }

    @BeforeAll
    static void trainAndExport() throws Exception {
        run = ExportFixtures.trainedRun(root.resolve("runs"), "small-cnn", 8, false);
        export = root.resolve("export");
        CommandLineTest.Outcome o = CommandLineTest.run("export", "--run", run.toString(), "--out", export.toString(), "--points", "50",
                "--figure-size", "640x400", "--json");
        assertEquals(0, o.code(), o.err());
        JsonObject j = Json.GSON.fromJson(o.out().strip(), JsonObject.class);
        assertEquals("small-cnn", j.get("architecture").getAsString());
        assertEquals(50, j.get("points").getAsInt());
        batch = root.resolve("batch.npy");
        ExportFixtures.writeImages(batch, DatasetCatalog.open(DatasetCatalog.SAMPLE).test(), 12);
    }

    @Test
    void embedWritesNpyAndCsvWithOneRowPerImage() throws Exception {
        Path npy = root.resolve("features.npy");
        CommandLineTest.Outcome o = CommandLineTest.run("embed", "--encoder", export.toString(), "--images", batch.toString(), "--out", npy.toString());
        assertEquals(0, o.code(), o.err());
        Npy.FloatMatrix m = Npy.readFloatMatrix(npy);
        assertEquals(12, m.rows());
        assertEquals(128, m.cols());

        Path data = ExportFixtures.idxSubset(root.resolve("small-set"), 300, 100);
        Path csv = root.resolve("features.csv");
        o = CommandLineTest.run("embed", "--encoder", export.toString(), "--dataset", data.toString(), "--split", "train",
                "--out", csv.toString());
        assertEquals(0, o.code(), o.err());
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(301, rows.size(), "a header and one row per train image");
        assertTrue(rows.get(0).startsWith("label,f0,f1,"), rows.get(0));
        assertEquals(129, rows.get(1).split(",").length);

        refused("already exists", "embed", "--encoder", export.toString(), "--images", batch.toString(), "--out", npy.toString());
        refused("must end in .npy or .csv", "embed", "--encoder", export.toString(), "--images", batch.toString(),
                "--out", root.resolve("f.txt").toString());
        refused("--split goes with --dataset", "embed", "--encoder", export.toString(), "--images", batch.toString(),
                "--split", "train", "--out", root.resolve("g.npy").toString());
    }

    @Test
    void probeOfAnExportedEncoderOnAnotherDatasetOfItsShape() throws Exception {
        Path data = ExportFixtures.idxSubset(root.resolve("probe-set"), 400, 200);
        CommandLineTest.Outcome o = CommandLineTest.run("probe", "--encoder", export.toString(), "--dataset", data.toString(), "--json");
        assertEquals(0, o.code(), o.err());
        JsonObject j = Json.GSON.fromJson(o.out().strip(), JsonObject.class);
        assertTrue(j.getAsJsonObject("trained").get("linearTop1").getAsDouble() > 0.4, o.out());
        assertTrue(j.getAsJsonObject("pixels").get("linearTop1").getAsDouble() > 0.4, o.out());
        refused("--encoder needs --dataset", "probe", "--encoder", export.toString());
        refused("--dataset goes with --encoder", "probe", "--run", run.toString(), "--dataset", data.toString());

        Path colour = root.resolve("colour-set");
        for (String cls : new String[] {"red", "blue"}) {
            Files.createDirectories(colour.resolve(cls));
            for (int i = 0; i < 4; i++) {
                BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(cls.equals("red") ? Color.RED : Color.BLUE);
                g.fillRect(i, i, 20, 20);
                g.dispose();
                ImageIO.write(img, "png", colour.resolve(cls).resolve(i + ".png").toFile());
            }
        }
        refused("the encoder takes 1x28x28 images", "probe", "--encoder", export.toString(), "--dataset", colour.toString());
    }

    @Test
    void damagedExportsEachSayWhatIsWrong() throws Exception {
        Path flipped = copy("flipped");
        byte[] w = Files.readAllBytes(flipped.resolve("encoder.safetensors"));
        w[w.length - 7] ^= 0x01;
        Files.write(flipped.resolve("encoder.safetensors"), w);
        expectBroken(flipped, "encoder.safetensors: SHA-256 does not match manifest.json");

        Path deleted = copy("deleted");
        Files.delete(deleted.resolve("projector/sprite.png"));
        expectBroken(deleted, "sprite.png: missing (manifest.json lists it)");

        Path edited = copy("edited");
        editManifest(edited, "\"architecture\": \"small-cnn\"", "\"architecture\": \"mlp\"");
        expectBroken(edited, "manifest.json: does not match its own checksum");

        Path unknown = copy("unknown");
        editManifest(unknown, "\"architecture\": \"small-cnn\"", "\"architecture\": \"vit-b16\"");
        unseal(unknown);
        expectBroken(unknown, "unknown architecture 'vit-b16' (this Twinlab knows small-cnn, small-cnn-4, resnet18, mlp)");

        Path other = copy("other");
        editManifest(other, "\"architecture\": \"small-cnn\"", "\"architecture\": \"mlp\"");
        unseal(other);
        expectBroken(other, "encoder.safetensors: holds a small-cnn encoder but manifest.json names mlp");

        Path noManifest = copy("no-manifest");
        Files.delete(noManifest.resolve("manifest.json"));
        expectBroken(noManifest, "not a Twinlab export (no manifest.json)");

        expectBroken(root.resolve("nowhere"), "no such export folder");
    }

    private static void expectBroken(Path dir, String mention) {
        ExportException e = assertThrows(ExportException.class, () -> ExportedEncoder.load(dir).close());
        assertTrue(e.getMessage().contains(mention), e.getMessage());
        refused(mention, "embed", "--encoder", dir.toString(), "--images", batch.toString(),
                "--out", root.resolve("x-" + dir.getFileName() + ".npy").toString());
    }

    private static Path copy(String name) throws Exception {
        Path to = root.resolve(name);
        try (var files = Files.walk(export)) {
            for (Path p : files.toList()) {
                Path t = to.resolve(export.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    /** The manifest without its own checksum, as exports before it had one: read, its content checked field by field. */
    private static void unseal(Path dir) throws Exception {
        Path m = dir.resolve("manifest.json");
        JsonObject o = Json.GSON.fromJson(Files.readString(m), JsonObject.class);
        o.remove("checksum");
        Files.writeString(m, Json.GSON.toJson(o));
    }

    private static void editManifest(Path dir, String from, String to) throws Exception {
        Path m = dir.resolve("manifest.json");
        String text = Files.readString(m);
        assertTrue(text.contains(from), text);
        Files.writeString(m, text.replace(from, to));
    }

    @Test
    void badImageBatchesAreOneLineEach() throws Exception {
        Path colour = root.resolve("colour.npy");
        ExportFixtures.writeNpy(colour, "|u1", "2, 32, 32, 3", new byte[2 * 32 * 32 * 3]);
        Path floats = root.resolve("floats.npy");
        ExportFixtures.writeNpy(floats, "<f4", "2, 28, 28", new byte[2 * 28 * 28 * 4]);
        Path cut = root.resolve("cut.npy");
        ExportFixtures.writeNpy(cut, "|u1", "5, 28, 28", new byte[3 * 28 * 28]);
        Path text = root.resolve("text.npy");
        Files.writeString(text, "hello");
        String[][] cases = {{colour.toString(), "images of shape 2 x 32 x 32 x 3, but the encoder takes N x 28 x 28"},
            {floats.toString(), "holds <f4 values, not uint8"}, {cut.toString(), "truncated"},
            {text.toString(), "not a NumPy .npy file"}, {root.resolve("absent.npy").toString(), "no such file"}};
        for (String[] c : cases) {
            refused(c[1], "embed", "--encoder", export.toString(), "--images", c[0], "--out", root.resolve("o.npy").toString());
        }
        assertFalse(Files.exists(root.resolve("o.npy")), "nothing written");
    }

    @Test
    void exportRefusesImpossibleRequestsBeforeAnyWork() throws Exception {
        refused("cannot create the export folder", "export", "--run", run.toString(), "--out", "/proc/nope");
        refused("figure size", "export", "--run", run.toString(), "--out", root.resolve("e2").toString(), "--figure-size", "big");
        refused("--points", "export", "--run", run.toString(), "--out", root.resolve("e3").toString(), "--points", "-1");
        refused("no such run folder", "export", "--run", root.resolve("no-run").toString(), "--out", root.resolve("e4").toString());
        Path notEmpty = Files.createDirectories(root.resolve("busy"));
        Files.writeString(notEmpty.resolve("thesis.tex"), "mine");
        refused("not empty", "export", "--run", run.toString(), "--out", notEmpty.toString());
        assertEquals("mine", Files.readString(notEmpty.resolve("thesis.tex")));
        for (String e : new String[] {"e2", "e3", "e4"}) {
            assertFalse(Files.exists(root.resolve(e)), e + " was not created");
        }
    }

    /** "Open encoder" then a new run from it: the run's first probe is of the exported encoder, not a random one. */
    @Test
    void aNewRunStartsFromAnExportedEncoder() throws Exception {
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager();
             org.twinlab.export.ExportedEncoder enc = org.twinlab.export.ExportedEncoder.load(export);
             org.twinlab.model.TwinNetwork fresh = new org.twinlab.model.TwinNetwork(m,
                     new org.twinlab.model.ModelSpec(org.twinlab.model.Encoder.SMALL_CNN, 64, 3, true), enc.inputShape())) {
            org.twinlab.train.EncoderInitializer.find().initialize(export, fresh);
            ai.djl.ndarray.NDArray x = m.randomNormal(new ai.djl.ndarray.types.Shape(3, 1, 28, 28));
            org.junit.jupiter.api.Assertions.assertArrayEquals(enc.network().features(x.toDevice(enc.manager().getDevice(),
                    false)).toFloatArray(), fresh.features(x).toFloatArray(), 1e-6f, "the encoder's weights, exactly");
        }
        Path runs = root.resolve("from-export");
        CommandLineTest.Outcome o = CommandLineTest.run("train", "--init-encoder", export.toString(), "--steps", "2",
                "--batch", "64", "--width", "32", "--probe-every", "0", "--run-dir", runs.toString(), "--json");
        assertEquals(0, o.code(), o.err());
        Path folder = Path.of(Json.GSON.fromJson(o.out().strip(), JsonObject.class).get("runFolder").getAsString());
        assertTrue(java.nio.file.Files.readString(folder.resolve("probe.csv")).contains(",initial,"),
                "the step-0 probe is of the initial encoder");
        assertTrue(java.nio.file.Files.readString(folder.resolve("config.json")).contains(export.toString()),
                "config.json records where the encoder came from");
        refused("initial encoder " + root.resolve("nope") + ":", "train", "--init-encoder", root.resolve("nope").toString(),
                "--run-dir", runs.toString());
        refused("holds a small-cnn, the run trains a mlp", "train", "--init-encoder", export.toString(), "--encoder", "mlp",
                "--run-dir", runs.toString());
    }

    @Test
    void everyNewCommandHasHelp() {
        for (String cmd : new String[] {"export", "embed", "probe"}) {
            CommandLineTest.Outcome o = CommandLineTest.run(cmd, "--help");
            assertEquals(0, o.code(), cmd);
            assertTrue(o.out().contains("--encoder") || o.out().contains("--run"), o.out());
        }
        assertTrue(CommandLineTest.run("export", "--help").out().contains("--with-projector"));
        assertTrue(CommandLineTest.run("embed", "--help").out().contains("--images"));
    }
}
