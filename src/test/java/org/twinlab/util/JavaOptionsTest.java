package org.twinlab.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JVM's memory options live in one file, src/dist/java-options.args: jpackage reads it as an @argfile
 * for the package's launcher, and ./twinlab puts every one of its values on its java command, so the two
 * start the same JVM; no other -Xmx is given to either. Where an app image was built, its launcher config
 * holds the same options.
 */
class JavaOptionsTest {
    private static final Path FILE = Path.of("src/dist/java-options.args");

    /** The values of the file's --java-options lines. */
    static List<String> options() throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(FILE)) {
            String[] w = line.trim().split("\\s+");
            if (w.length == 2 && w[0].equals("--java-options")) {
                out.add(w[1]);
            } else {
                assertTrue(line.isBlank() || line.startsWith("#"), FILE + ": not an option line: " + line);
            }
        }
        return out;
    }

    @Test
    void theFileBoundsTheHeap() throws Exception {
        assertTrue(options().stream().anyMatch(o -> o.matches("-Xmx\\d+[mg]")), options().toString());
    }

    @Test
    void theLauncherPassesEveryOption() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "twinlab", "datasets").redirectErrorStream(true);
        pb.environment().put("TWINLAB_PRINT_COMMAND", "1");
        Process p = pb.start();
        List<String> words = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.waitFor(), String.join("\n", words));
        assertTrue(words.get(0).endsWith("/bin/java"), words.toString());
        int main = words.indexOf("org.twinlab.Twinlab");
        assertTrue(main > 0, words.toString());
        List<String> jvm = words.subList(1, main);
        assertTrue(jvm.containsAll(options()), "./twinlab's java command " + jvm + " lacks some of " + options());
        assertEquals(1, jvm.stream().filter(w -> w.startsWith("-Xmx")).count(), "one heap bound: " + jvm);
    }

    @Test
    void thePackageReadsTheSameFile() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<argument>@src/dist/java-options.args</argument>"), "the dist profile's jpackage");
        assertFalse(pom.contains("<argument>-Xmx"), "a heap bound given to jpackage outside the shared file");
        Path cfg = Path.of("target/dist/twinlab/lib/app/twinlab.cfg");
        if (Files.isRegularFile(cfg)) { // built by mvn -Pdist package: the launcher's own config
            List<String> lines = Files.readAllLines(cfg);
            for (String o : options()) {
                assertTrue(lines.contains("java-options=" + o), cfg + " lacks " + o + ": " + lines);
            }
        }
    }
}
