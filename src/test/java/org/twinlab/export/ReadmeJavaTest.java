package org.twinlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.data.Split;
import org.twinlab.export.chart.FigureSize;
import org.twinlab.model.Encoder;

/**
 * The README's Java/DJL block (the one after "In Java with DJL") compiles as it stands against Twinlab's classes and
 * DJL, and run on an export it gives the features Twinlab gives.
 */
class ReadmeJavaTest {
    @TempDir
    Path dir;

    static String javaBlock() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("In Java with DJL");
        assertTrue(at >= 0, "the README's DJL paragraph");
        int start = readme.indexOf("```java\n", at);
        int end = readme.indexOf("```", start + 8);
        assertTrue(start > at && end > start, "a ```java block after it");
        return readme.substring(start + 8, end);
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void theReadmesJavaBlockCompilesAndGivesTwinlabsFeatures() throws Exception {
        String source = javaBlock();
        Path src = dir.resolve("LoadEncoder.java");
        Files.writeString(src, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String cp = Stream.of(Encoder.class, Model.class).map(c -> {
            try {
                return location(c);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining(java.io.File.pathSeparator));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, null, null, List.of("-cp", cp, "-d", classes.toString()), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(src)).call();
        assertTrue(ok, "the README's Java block does not compile:\n" + errors + "\n" + source);

        Path run = ExportFixtures.trainedRun(dir.resolve("runs"), "small-cnn", 2, false);
        Path export = dir.resolve("my-encoder");
        Exporter.export(run, export, new ExportOptions(false, 16, new FigureSize(400, 300)));
        Dataset d = DatasetCatalog.open(DatasetCatalog.SAMPLE);
        int n = 8;
        Split first = d.test().subset(IntStream.range(0, n).toArray());
        try (ExportedEncoder enc = ExportedEncoder.load(export);
             URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            float[] x = ExportFixtures.normalized(first, n, enc.mean(), enc.std());
            Method features = loader.loadClass("LoadEncoder").getMethod("features", Path.class, float[].class, int.class);
            float[] fromReadme = (float[]) features.invoke(null, export, x, n);
            float[] twinlab = enc.features(first).data();
            assertEquals(twinlab.length, fromReadme.length);
            assertEquals(0f, ExportFixtures.maxAbsDiff(fromReadme, twinlab), 1e-5f);
        }
    }
}
