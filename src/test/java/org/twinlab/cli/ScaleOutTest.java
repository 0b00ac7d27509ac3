package org.twinlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.data.Split;
import org.twinlab.runs.RunFolder;
import org.twinlab.train.TrainConfig;

/**
 * {@code twinlab scale-out}: the bundle's data folder opens in Twinlab as an image folder with the run's images per
 * class, launch.sh and slurm.sh give main.py only flags its argparse has (with values of their types), the warm-up,
 * rate and image-size traps are handled, and the run folder is only read.
 */
class ScaleOutTest {
    /**
     * main.py's argparse, verbatim: facebookresearch/barlowtwins main.py at commit
     * 8e8d284ca0bc02f88b92328e53f9b901e86b4a3c (2022-02-22, "Update README.md"), lines 24-46.
     */
    static final String MAIN_PY_ARGPARSE = """
            parser = argparse.ArgumentParser(description='Barlow Twins Training')
            parser.add_argument('data', type=Path, metavar='DIR',
                                help='path to dataset')
            parser.add_argument('--workers', default=8, type=int, metavar='N',
                                help='number of data loader workers')
            parser.add_argument('--epochs', default=1000, type=int, metavar='N',
                                help='number of total epochs to run')
            parser.add_argument('--batch-size', default=2048, type=int, metavar='N',
                                help='mini-batch size')
            parser.add_argument('--learning-rate-weights', default=0.2, type=float, metavar='LR',
                                help='base learning rate for weights')
            parser.add_argument('--learning-rate-biases', default=0.0048, type=float, metavar='LR',
                                help='base learning rate for biases and batch norm parameters')
            parser.add_argument('--weight-decay', default=1e-6, type=float, metavar='W',
                                help='weight decay')
            parser.add_argument('--lambd', default=0.0051, type=float, metavar='L',
                                help='weight on off-diagonal terms')
            parser.add_argument('--projector', default='8192-8192-8192', type=str,
                                metavar='MLP', help='projector MLP')
            parser.add_argument('--print-freq', default=100, type=int, metavar='N',
                                help='print frequency')
            parser.add_argument('--checkpoint-dir', default='./checkpoint/', type=Path,
                                metavar='DIR', help='path to checkpoint directory')
            """;

    @TempDir
    static Path root;
    static Path bundle;
    static CommandLineTest.Outcome made;
    static Map<String, String> runBefore;

    /** flag -> type, from the copy above. */
    static Map<String, String> argparse() {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("add_argument\\('(--[a-z-]+)'.*?type=(\\w+)").matcher(MAIN_PY_ARGPARSE);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    @BeforeAll
    static void makeBundle() throws Exception {
        Path run = FaultFixtures.run();
        runBefore = Fault.files(run);
        bundle = root.resolve("bundle");
        made = CommandLineTest.run("scale-out", "--run", run.toString(), "--out", bundle.toString());
    }

    @Test
    void dataFolderOpensInTwinlabWithTheRunsClassCounts() throws Exception {
        assertEquals(0, made.code(), made.err());
        TrainConfig c = RunFolder.open(FaultFixtures.run()).config();
        Dataset original = DatasetCatalog.open(c.dataset());
        Dataset read = DatasetCatalog.readFolder(bundle.resolve("data"));
        assertEquals(original.classCount(), read.classCount());
        assertEquals(List.of(perClass(original.train(), original.classCount()), perClass(original.test(), original.classCount())),
                List.of(perClass(read.train(), read.classCount()), perClass(read.test(), read.classCount())),
                "train and val images per class, in Twinlab's label order");
        // the pixels themselves: image 0 of the run's train split, as written
        Path first = Files.list(bundle.resolve("data/train")).sorted().toList().get(original.train().label(0));
        var img = javax.imageio.ImageIO.read(first.resolve("0.png").toFile());
        assertEquals(original.shape().width(), img.getWidth());
        assertEquals(original.train().pixel(0, 0, 5, 7), img.getRaster().getSample(7, 5, 0));
        assertEquals(runBefore, Fault.files(FaultFixtures.run()), "the run folder only read");
    }

    private static List<Integer> perClass(Split s, int classes) {
        int[] n = new int[classes];
        for (int i = 0; i < s.size(); i++) {
            n[s.label(i)]++;
        }
        return java.util.Arrays.stream(n).boxed().toList();
    }

    /** The arguments main.py gets from a script's python line, after the data folder. */
    private static List<String> mainArgs(Path script, String launcher) throws Exception {
        String line = Files.readAllLines(script).stream().filter(l -> l.startsWith(launcher + " python \"$MAIN\""))
                .findFirst().orElseThrow(() -> new AssertionError(script + " has no '" + launcher + " python' line"));
        List<String> words = new ArrayList<>(List.of(line.replace("\"$@\"", "").trim().split("\\s+")));
        assertEquals("\"$HERE/data\"", words.get(launcher.split(" ").length + 2), "the data folder comes first");
        return words.subList(launcher.split(" ").length + 3, words.size());
    }

    @Test
    void launchAndSlurmGiveOnlyFlagsMainPyHas() throws Exception {
        assertEquals(0, made.code(), made.err());
        Map<String, String> types = argparse();
        assertEquals(10, types.size(), "the copy of main.py's argparse is whole (ten flags after the data folder)");
        for (var script : Map.of("launch.sh", "exec", "slurm.sh", "srun").entrySet()) {
            List<String> args = mainArgs(bundle.resolve(script.getKey()), script.getValue());
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i < args.size(); i += 2) {
                String flag = args.get(i);
                assertTrue(types.containsKey(flag), script.getKey() + ": main.py has no " + flag + " (it has " + types.keySet() + ")");
                String value = args.get(i + 1);
                switch (types.get(flag)) {
                    case "int" -> Integer.parseInt(value);
                    case "float" -> Double.parseDouble(value);
                    default -> assertFalse(value.startsWith("--"), flag + " has a value");
                }
                given.put(flag, value);
            }
            assertEquals("\"$HERE/checkpoint\"", given.get("--checkpoint-dir"), "checkpoints beside the script, never ./checkpoint");
            assertTrue(Integer.parseInt(given.get("--epochs")) > 10, "past main.py's 10 warm-up epochs: " + given);
            TrainConfig c = RunFolder.open(FaultFixtures.run()).config();
            assertEquals(Integer.toString(c.batchSize()), given.get("--batch-size"));
            assertEquals(String.join("-", java.util.Collections.nCopies(c.projectorDepth(), Integer.toString(c.projectorWidth()))),
                    given.get("--projector"));
            assertTrue(Files.isExecutable(bundle.resolve(script.getKey())));
        }
        String readme = Files.readString(bundle.resolve("README.md"));
        assertTrue(readme.contains("Epochs raised"), "the README says the epochs were raised");
        assertTrue(readme.contains("batch/256"), "and what main.py does to the rate");
        assertTrue(readme.contains("64 times the pixels"), "and what 224 px crops cost for 28 px images");
        assertTrue(made.out().contains("Epochs raised"), made.out());
        assertTrue(Files.readString(bundle.resolve("launch.sh")).contains("BATCH % GPUS"), "launch.sh checks the batch against the GPUs");
    }

    /**
     * launch.sh run as it stands, with a stand-in {@code python} on the PATH: asked for the GPU count it says 4, and
     * in place of main.py it runs main.py's own argparse (the copy above) on the arguments launch.sh gives, and prints
     * what it parsed. A 3-GPU machine is refused in one line before main.py starts.
     */
    @Test
    void launchShParsesWithMainPysArgparse() throws Exception {
        assertEquals(0, made.code(), made.err());
        Path python3 = Path.of("/usr/bin/python3");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(python3), "no /usr/bin/python3");
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path fakeRepo = Files.createDirectories(root.resolve("barlowtwins"));
        Files.writeString(fakeRepo.resolve("main.py"), "import argparse, sys\nfrom pathlib import Path\n"
                + MAIN_PY_ARGPARSE.stripIndent() + "args = parser.parse_args()\n"
                + "print(' '.join(f'{k}={v}' for k, v in sorted(vars(args).items())))\n");
        for (String gpus : new String[] {"4", "3"}) {
            Path python = bin.resolve("python");
            executable(python, "#!/bin/bash\nif [ \"$1\" = -c ]; then echo " + gpus + "; else exec "
                    + python3 + " \"$@\"; fi\n");
            ProcessBuilder pb = new ProcessBuilder("bash", bundle.resolve("launch.sh").toString()).redirectErrorStream(true);
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            pb.environment().put("BARLOWTWINS", fakeRepo.toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            int code = p.waitFor();
            TrainConfig c = RunFolder.open(FaultFixtures.run()).config();
            if (gpus.equals("4")) {
                assertEquals(0, code, out);
                assertTrue(out.contains("batch_size=" + c.batchSize()), out);
                assertTrue(out.contains("checkpoint_dir=" + bundle.toAbsolutePath().resolve("checkpoint")), out);
                assertTrue(out.contains("data=" + bundle.toAbsolutePath().resolve("data")), out);
                assertTrue(out.matches("(?s).*epochs=(1[1-9]|[2-9]\\d).*"), out);
            } else {
                assertEquals(2, code, out);
                assertEquals(1, out.lines().count(), out);
                assertTrue(out.contains("does not divide by the 3 GPUs"), out);
            }
        }
    }

    private static void executable(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void tooFewEpochsAreRefusedInOneLine() throws Exception {
        Path out = root.resolve("short");
        CommandLineTest.Outcome o = CommandLineTest.run("scale-out", "--run", FaultFixtures.run().toString(), "--out",
                out.toString(), "--epochs", "10");
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("warms up for a fixed 10 epochs"), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anotherImageSizeRunsACopyOfMainPyWithThatCrop() throws Exception {
        Path out = root.resolve("small");
        CommandLineTest.Outcome o = CommandLineTest.run("scale-out", "--run", FaultFixtures.run().toString(), "--out",
                out.toString(), "--epochs", "30", "--image-size", "28");
        assertEquals(0, o.code(), o.err());
        String launch = Files.readString(out.resolve("launch.sh"));
        assertTrue(launch.contains("s/RandomResizedCrop(224,/RandomResizedCrop(28,/g"), launch);
        assertTrue(launch.contains("--epochs 30 "), launch);
        // the sed line does what it says on main.py's own two crops
        String mainPyCrops = "            transforms.RandomResizedCrop(224, interpolation=Image.BICUBIC),\n".repeat(2);
        Process p = new ProcessBuilder("sed", "s/RandomResizedCrop(224,/RandomResizedCrop(28,/g").start();
        p.getOutputStream().write(mainPyCrops.getBytes());
        p.getOutputStream().close();
        assertEquals(mainPyCrops.replace("(224,", "(28,"), new String(p.getInputStream().readAllBytes()));
    }
}
