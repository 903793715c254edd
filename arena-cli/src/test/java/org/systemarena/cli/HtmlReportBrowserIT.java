package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opens in a real browser: headless Chromium renders it to a PNG that must show more than a blank
 * page. Skipped (never failed) when /usr/bin/chromium is not installed; CI installs it.
 */
class HtmlReportBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path tmp;

    @Test
    void chromiumRendersTheReport() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: " + CHROMIUM + " is not installed (apt-get install -y"
                + " chromium) so the report cannot be rendered in a browser");
        Path out = tmp.resolve("results");
        Jar.Run run = Jar.arena(Jar.repoRoot(), "run", "examples/lead-followup", "--out", out.toString(), "-q");
        assertThat(run.exit()).as(run.err()).isZero();
        Path html = out.resolve("report.html");
        Path png = tmp.resolve("report.png");
        Path profile = Files.createDirectory(tmp.resolve("chromium-profile"));
        Jar.Run shot = Jar.exec(tmp, List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1280,2000",
                html.toUri().toString()), 180);
        assertThat(png).as("chromium exit %d, stderr:%n%s", shot.exit(), shot.err()).isRegularFile();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(2000);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        // Text, tables and four charts: a blank or error page has a handful of colours at most.
        assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
    }
}
