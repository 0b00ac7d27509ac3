package org.twinlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.export.chart.FigureSize;
import org.twinlab.export.chart.Palette;

/**
 * report.html opens in a real browser (Debian's headless chromium, no network) and shows its figures:
 * the screenshot, kept in target/snapshots/report.png, holds the loss curve's colour. Skipped only
 * where chromium is not installed.
 */
@org.twinlab.Slow
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    @TempDir
    Path dir;

    @Test
    void theReportRendersWithItsFigures() throws Exception {
        org.twinlab.Tools.require(Files.isExecutable(CHROMIUM), "no chromium at " + CHROMIUM);
        Path run = ExportFixtures.probedSmallCnnRun();
        Path export = dir.resolve("export");
        Exporter.export(run, export, new ExportOptions(false, 500, new FigureSize(1200, 750)));
        Path snapshots = Files.createDirectories(Path.of(System.getProperty("twinlab.snapshots", "target/snapshots")));
        Path shot = snapshots.resolve("report.png");
        Files.deleteIfExists(shot);
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        var ran = ExportFixtures.run(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--screenshot=" + shot.toAbsolutePath(), "--window-size=1280,2000",
                export.resolve("report.html").toUri().toString()), dir);
        assertEquals(0, ran.exitCode(), ran.output());
        BufferedImage img = ImageIO.read(shot.toFile());
        assertEquals(1280, img.getWidth());
        assertEquals(2000, img.getHeight());
        // the invariance term's colour (its loss curve, the first figure) is drawn only inside the figures
        int blue = Palette.lossTerm(0).getRGB() & 0xffffff;
        int hits = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                if (Math.abs(((rgb >> 16) & 0xff) - ((blue >> 16) & 0xff)) < 24
                        && Math.abs(((rgb >> 8) & 0xff) - ((blue >> 8) & 0xff)) < 24
                        && Math.abs((rgb & 0xff) - (blue & 0xff)) < 24) {
                    hits++;
                }
            }
        }
        assertTrue(hits > 200, "figure pixels in the screenshot: " + hits);
    }
}
