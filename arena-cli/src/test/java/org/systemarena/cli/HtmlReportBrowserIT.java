package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opens in a real browser, at the 1300 px width the report's layout defects were seen at: headless
 * Chromium renders it to a PNG that must show more than a blank page, and lays out a copy of it with a measuring
 * script injected (report-layout-probe.js), whose figures say that the table of contents leads to every section,
 * the charts span the text column, and no chart text is cut, clipped or drawn over another. Skipped (never failed)
 * when /usr/bin/chromium is not installed; CI installs it.
 */
class HtmlReportBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final int WIDTH = 1300;
    private static final String LONGEST_POLICY = "threshold:days_since_last_contact";

    /** One run of the example for the three checks. */
    @TempDir
    static Path tmp;
    private static Path html;

    @BeforeAll
    static void runTheExample() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: " + CHROMIUM + " is not installed (apt-get install -y"
                + " chromium) so the report cannot be rendered in a browser");
        Path out = tmp.resolve("results");
        Jar.Run run = Jar.arena(Jar.repoRoot(), "run", "examples/lead-followup", "--out", out.toString(), "-q");
        assertThat(run.exit()).as(run.err()).isZero();
        html = out.resolve("report.html");
    }

    @Test
    void chromiumRendersTheReport() throws Exception {
        Path png = tmp.resolve("report.png");
        Jar.Run shot = chromium("--screenshot=" + png, "--window-size=" + WIDTH + ",2000", html);
        assertThat(png).as("chromium exit %d, stderr:%n%s", shot.exit(), shot.err()).isRegularFile();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(WIDTH);
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

    @Test
    void theTableOfContentsLeadsToEverySection() throws Exception {
        JsonNode layout = layout();
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : layout.path("toc")) {
            assertThat(entry.path("target").asText()).as("element of %s", entry.path("href").asText())
                    .isEqualTo("h2");
            assertThat(entry.path("targetText").asText()).isEqualTo(entry.path("text").asText());
            entries.add(entry.path("text").asText());
        }
        assertThat(entries).containsExactly("Verdicts", "Leaderboard (by recommended conversion estimate)",
                "Conversion estimates", "Why the estimates differ",
                "Comparisons with baselines (paired bootstrap over the same cases)", "Action distribution",
                "Violations by constraint", "Precision@10 per period", "Decision rules",
                "Policy " + LONGEST_POLICY + " (candidate)", "Policy random (baseline)",
                "Policy historical (baseline)", "Provenance");
    }

    @Test
    void chartsSpanTheColumnAndNoTextIsCutClippedOrOverlapping() throws Exception {
        JsonNode layout = layout();
        double column = layout.path("column").asDouble();
        assertThat(column).isGreaterThan(900);
        List<String> ids = new ArrayList<>();
        for (JsonNode chart : layout.path("charts")) {
            String id = chart.path("id").asText();
            ids.add(id);
            JsonNode svg = chart.path("box");
            assertThat(svg.path("w").asDouble()).as("%s width of the %.0f px column", id, column)
                    .isGreaterThanOrEqualTo(0.9 * column);
            List<JsonNode> texts = new ArrayList<>();
            chart.path("texts").forEach(texts::add);
            assertThat(texts).as(id).isNotEmpty();
            for (JsonNode t : texts) {
                String text = t.path("text").asText();
                assertThat(text).as(id).doesNotContain("\u2026", "...");
                JsonNode b = t.path("box");
                assertThat(b.path("x").asDouble()).as("%s: '%s' starts inside the chart", id, text)
                        .isGreaterThanOrEqualTo(svg.path("x").asDouble() - 0.5);
                assertThat(b.path("x").asDouble() + b.path("w").asDouble()).as("%s: '%s' ends inside", id, text)
                        .isLessThanOrEqualTo(svg.path("x").asDouble() + svg.path("w").asDouble() + 0.5);
                assertThat(b.path("y").asDouble()).as("%s: '%s' top", id, text)
                        .isGreaterThanOrEqualTo(svg.path("y").asDouble() - 0.5);
                assertThat(b.path("y").asDouble() + b.path("h").asDouble()).as("%s: '%s' bottom", id, text)
                        .isLessThanOrEqualTo(svg.path("y").asDouble() + svg.path("h").asDouble() + 0.5);
            }
            for (int i = 0; i < texts.size(); i++) {
                for (int j = i + 1; j < texts.size(); j++) {
                    assertThat(overlap(texts.get(i).path("box"), texts.get(j).path("box")))
                            .as("%s: '%s' and '%s' overlap", id, texts.get(i).path("text").asText(),
                                    texts.get(j).path("text").asText())
                            .isFalse();
                }
            }
            List<String> shown = texts.stream().map(t -> t.path("text").asText()).toList();
            // Every policy (or constraint) name in full, as one label, however many lines it wraps onto.
            switch (id) {
                case "chart-conversion", "chart-actions", "chart-precision" -> assertThat(shown).as(id)
                        .contains(LONGEST_POLICY, "random", "historical");
                case "chart-violations" -> assertThat(shown).as(id).contains("escalate_small_budget [warning]",
                        "no_spam [violation]", LONGEST_POLICY);
                default -> throw new AssertionError("unexpected chart " + id);
            }
            if (id.equals("chart-violations")) {
                // The candidate never violates: its zero counts are shown, each beside its own bar.
                assertThat(shown.stream().filter("0"::equals).count()).isEqualTo(2);
                // Counts near one another stand apart, not stacked line on line (4 px between their boxes).
                List<JsonNode> counts = texts.stream().filter(t -> t.path("text").asText().matches("\\d+")).toList();
                for (int i = 0; i < counts.size(); i++) {
                    for (int j = i + 1; j < counts.size(); j++) {
                        JsonNode a = counts.get(i).path("box");
                        JsonNode c = counts.get(j).path("box");
                        boolean near = Math.abs(a.path("x").asDouble() - c.path("x").asDouble()) < 40;
                        double gap = Math.max(c.path("y").asDouble() - a.path("y").asDouble() - a.path("h").asDouble(),
                                a.path("y").asDouble() - c.path("y").asDouble() - c.path("h").asDouble());
                        if (near) {
                            assertThat(gap).as("gap between counts %s and %s", counts.get(i).path("text").asText(),
                                    counts.get(j).path("text").asText()).isGreaterThanOrEqualTo(4);
                        }
                    }
                }
            }
            if (id.equals("chart-precision")) {
                assertThat(shown).contains("Precision@10", "0.50");
            }
        }
        assertThat(ids).containsExactly("chart-conversion", "chart-actions", "chart-violations", "chart-precision");
    }

    /** Two text boxes share more than a pixel's sliver in both directions. */
    private static boolean overlap(JsonNode a, JsonNode b) {
        double w = Math.min(a.path("x").asDouble() + a.path("w").asDouble(), b.path("x").asDouble()
                + b.path("w").asDouble()) - Math.max(a.path("x").asDouble(), b.path("x").asDouble());
        double h = Math.min(a.path("y").asDouble() + a.path("h").asDouble(), b.path("y").asDouble()
                + b.path("h").asDouble()) - Math.max(a.path("y").asDouble(), b.path("y").asDouble());
        return w > 1 && h > 1;
    }

    /** The page's layout as Chromium computed it, measured by the probe script in a copy of the report. */
    private static JsonNode layout() throws Exception {
        String probe;
        try (InputStream in = HtmlReportBrowserIT.class.getResourceAsStream("report-layout-probe.js")) {
            probe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String page = Files.readString(html);
        assertThat(page).contains("</body>");
        Path probed = tmp.resolve("probed-report.html");
        Files.writeString(probed, page.replace("</body>", "<script>" + probe + "</script>\n</body>"));
        Jar.Run dump = chromium("--dump-dom", "--window-size=" + WIDTH + ",4000", probed);
        Matcher m = Pattern.compile("<pre id=\"layout-probe\">(.*?)</pre>", Pattern.DOTALL).matcher(dump.out());
        assertThat(m.find()).as("chromium exit %d, stderr:%n%s", dump.exit(), dump.err()).isTrue();
        String json = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", "\u00a0").replace("&amp;", "&");
        return new ObjectMapper().readTree(json);
    }

    private static Jar.Run chromium(String action, String window, Path page) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        return Jar.exec(tmp, List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, action, window, page.toUri().toString()), 180);
    }
}
