package org.systemarena.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.ArenaException;
import org.systemarena.eval.Evaluation;
import org.systemarena.eval.EvaluationConfig;
import org.systemarena.eval.TinyLog;
import org.systemarena.policy.HistoricalPolicy;
import org.systemarena.replay.BenchmarkConfig;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.BenchmarkRunner;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportTest {
    private static Evaluation evaluate(int threads) {
        List<BenchmarkResult> results = BenchmarkRunner.of(TinyLog.manifest(), TinyLog.log(),
                BenchmarkConfig.builder().threads(threads).build()).runAll(TinyLog.policies());
        return Evaluation.of(results, EvaluationConfig.builder().seed(11).threads(threads)
                .baselines("mixer").verdict(TinyLog.LENIENT).build());
    }

    @Test
    void jsonIsByteIdenticalAcrossRunsAndThreadCounts() {
        String one = JsonReport.write(evaluate(1));
        assertThat(JsonReport.write(evaluate(1))).isEqualTo(one);
        assertThat(JsonReport.write(evaluate(2))).isEqualTo(one);
        assertThat(one).startsWith("{\n  \"schema_version\": 3,\n  \"generator\": ").endsWith("}\n");
    }

    @Test
    void jsonHoldsTheFiguresWithFixedFormatting() {
        JsonNode root = ReportReader.parse(JsonReport.write(evaluate(1)), "tiny").root();
        assertThat(root.path("observed_conversion").path("rate").asText()).isEqualTo("0.666666666667");
        JsonNode caller = root.path("policies").path(0);
        assertThat(caller.path("name").asText()).isEqualTo("caller");
        assertThat(caller.path("role").asText()).isEqualTo("candidate");
        assertThat(caller.path("conversion").path("snips").path("value").asText()).isEqualTo("1");
        assertThat(caller.path("conversion").path("ips").path("value").asText()).isEqualTo("0.666666666667");
        assertThat(caller.path("conversion").path("target").asText()).isEqualTo("deterministic");
        assertThat(caller.path("agreement").path("confusion").toString()).isEqualTo("[[0,1,0,0],[0,2,0,0],[0,1,0,0],[0,0,0,0]]");
        assertThat(caller.path("ranking").path("periods").path(0).path("start").asText())
                .isEqualTo("2024-05-02T00:00:00Z");
        JsonNode emailer = root.path("policies").path(2);
        assertThat(emailer.path("conversion").path("snips").path("value").isNull()).isTrue();
        assertThat(emailer.path("violations").path("per_1000").asText()).isEqualTo("250");
        assertThat(emailer.path("violations").path("by_severity").toString())
                .isEqualTo("{\"warning\":1,\"violation\":1,\"critical\":0}");
        assertThat(root.path("leaderboard").path(0).path("policy").asText()).isEqualTo("mixer");
        assertThat(root.path("leaderboard").path(0).path("recommended").path("value").asText()).isEqualTo("0.84375");
        assertThat(caller.path("conversion").path("recommended").isNull()).isTrue();
        assertThat(caller.path("conversion").path("not_estimable_reason").path("code").asText())
                .isEqualTo("small_effective_sample");
        assertThat(caller.path("conversion").path("support").path("cases_with_weight").asInt()).isEqualTo(1);
        assertThat(caller.path("conversion").path("support").path("mean_weight").path("value").asText())
                .isEqualTo("0.666666666667");
        assertThat(emailer.path("conversion").path("support").path("unsupported_mass").asText()).isEqualTo("0.25");
        assertThat(emailer.path("conversion").path("support").path("unsupported_actions").path(0).path("why")
                .asText()).isEqualTo("never_logged");
        JsonNode verdict = root.path("comparisons").path(0).path("verdict");
        assertThat(verdict.path("verdict").asText()).isEqualTo("inconclusive");
        assertThat(verdict.path("reason").asText()).isEqualTo("small_effective_sample");
        assertThat(verdict.path("not_estimable").asText()).isEqualTo("caller");
        assertThat(verdict.path("difference").isNull()).isTrue();
        assertThat(root.path("comparisons").size()).isEqualTo(4);
        // The manifest's description has markup characters: escaped in the text, intact when parsed.
        assertThat(root.path("workflow").path("description").asText()).isEqualTo("four <leads> & a test");
    }

    @Test
    void jsonEscapesMarkupCharacters() {
        String json = JsonReport.write(evaluate(1));
        assertThat(json).doesNotContain("<", ">", "&").contains("four \\u003Cleads\\u003E \\u0026 a test");
    }

    @Test
    void numbersAreFormattedIndependentlyOfDoubleToString() {
        assertThat(JsonNumbers.format(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(JsonNumbers.format(2.0 / 3)).isEqualTo("0.666666666667");
        assertThat(JsonNumbers.format(250.0)).isEqualTo("250");
        assertThat(JsonNumbers.format(-0.0)).isEqualTo("0");
        assertThat(JsonNumbers.format(1e-9 / 3)).isEqualTo("3.33333333333E-10");
        assertThat(JsonNumbers.format(123456789012345678.0)).isEqualTo("1.23456789012E+17");
        assertThat(JsonNumbers.format(Double.NaN)).isNull();
        assertThat(JsonNumbers.format(Double.NEGATIVE_INFINITY)).isNull();
    }

    @Test
    void rereadReportRendersTheSameAndRewritesTheSameJson(@TempDir Path dir) throws Exception {
        Evaluation e = evaluate(1);
        ReportDocument direct = ReportDocument.of(e);
        Path file = dir.resolve("results.json");
        Files.writeString(file, direct.json());
        ReportDocument reread = ReportReader.read(file);
        assertThat(reread.source()).isEqualTo(file.toString());
        assertThat(HtmlReport.render(reread)).isEqualTo(HtmlReport.render(direct));
        assertThat(MarkdownReport.render(reread)).isEqualTo(MarkdownReport.render(direct));
    }

    @Test
    void htmlIsWellFormedWithFourChartsAndTheJsonEmbedded() throws Exception {
        ReportDocument doc = ReportDocument.of(evaluate(1));
        String html = HtmlReport.render(doc);
        // Self-contained: nothing is fetched (the only URIs are the XHTML and SVG namespace names, and the table
        // of contents' links to anchors in the page).
        assertThat(html.replaceAll("href=\"#sec-[a-z0-9-]+\"", "")).doesNotContain("src=", "href=", "url(",
                "@import").contains("<!DOCTYPE html>");
        Document xml = parse(html);
        NodeList svgs = xml.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertThat(svgs.getLength()).isEqualTo(4);
        assertThat(List.of(id(svgs, 0), id(svgs, 1), id(svgs, 2), id(svgs, 3)))
                .containsExactly("chart-conversion", "chart-actions", "chart-violations", "chart-precision");
        NodeList scripts = xml.getElementsByTagName("script");
        assertThat(scripts.getLength()).isEqualTo(1);
        Element script = (Element) scripts.item(0);
        assertThat(script.getAttribute("type")).isEqualTo("application/json");
        assertThat(script.getAttribute("id")).isEqualTo(HtmlReport.JSON_ELEMENT_ID);
        assertThat(script.getTextContent()).isEqualTo(doc.json());
        // The conversion chart: the recommended estimate and the high-confidence interval of the two estimable
        // policies (mixer, historical), the reason for the other three, and the observed rate's line.
        Element conversion = (Element) svgs.item(0);
        assertThat(conversion.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength())
                .isEqualTo(2);
        assertThat(conversion.getTextContent()).contains("n/a: small effective sample", "n/a: unsupported actions",
                "observed 66.7%");
        assertThat(conversion.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line").getLength())
                .isEqualTo(5 + 2 * 2 + 1); // 5 grid lines, 2 intervals and 2 high-confidence lines, the observed line
        assertThat(xml.getDocumentElement().getTextContent()).contains("four <leads> & a test",
                "Observed conversion: 66.7%");
        // The table of contents lists every section, each link pointing at its heading.
        Element nav = (Element) xml.getElementsByTagName("nav").item(0);
        NodeList links = nav.getElementsByTagName("a");
        NodeList headings = xml.getElementsByTagName("h2");
        List<String> linked = new java.util.ArrayList<>();
        for (int i = 0; i < links.getLength(); i++) {
            Element a = (Element) links.item(i);
            String target = a.getAttribute("href").substring(1);
            Element h = xml.getElementById(target) != null ? xml.getElementById(target) : byId(headings, target);
            assertThat(h).as("target of %s", a.getAttribute("href")).isNotNull();
            assertThat(h.getTextContent()).isEqualTo(a.getTextContent());
            linked.add(a.getTextContent());
        }
        assertThat(linked).startsWith("Verdicts", "Leaderboard (by recommended conversion estimate)",
                "Conversion estimates").contains("Policy caller (candidate)", "Policy mixer (baseline)")
                .doesNotHaveDuplicates().hasSize(headings.getLength() - 1); // all but the contents' own heading
    }

    private static Element byId(NodeList nodes, String id) {
        for (int i = 0; i < nodes.getLength(); i++) {
            if (((Element) nodes.item(i)).getAttribute("id").equals(id)) {
                return (Element) nodes.item(i);
            }
        }
        return null;
    }

    @Test
    void chartLabelsWrapKeepingEveryCharacter() {
        assertThat(Charts.wrap("threshold:days_since_last_contact_and_then_some_more", 20))
                .containsExactly("threshold:days_", "since_last_contact_", "and_then_some_more");
        assertThat(Charts.wrap("abcdefghijklmnopqrstuvwxyz", 10)).containsExactly("abcdefghij", "klmnopqrst",
                "uvwxyz");
        assertThat(Charts.wrap("short", 10)).containsExactly("short");
        // A name the label column cannot hold is wrapped in the chart, never cut with an ellipsis.
        String longName = "threshold:days_since_last_contact_with_a_name_far_longer_than_the_label_column_allows";
        List<BenchmarkResult> results = BenchmarkRunner.of(TinyLog.manifest(), TinyLog.log())
                .runAll(List.of(TinyLog.named(longName, TinyLog.policies().get(0)),
                        HistoricalPolicy.withFallback("wait")));
        String html = HtmlReport.render(ReportDocument.of(Evaluation.of(results)));
        assertThat(html).doesNotContain("\u2026").contains("<tspan");
        int charts = 0;
        for (String chart : html.split("<svg ")) {
            if (chart.startsWith("xmlns")) {
                // The lines of a wrapped label are consecutive tspans: their text, tags removed, is the whole name.
                String text = chart.substring(0, chart.indexOf("</svg>")).replaceAll("<title>.*?</title>", "")
                        .replaceAll("<[^>]+>", "");
                assertThat(text).as(chart.substring(0, 40)).contains(longName);
                charts++;
            }
        }
        assertThat(charts).isEqualTo(4);
    }

    @Test
    void essHasOneDecimalAndPropensitiesAreNamedOnce() {
        String md = MarkdownReport.render(ReportDocument.of(evaluate(1)));
        assertThat(md).contains("Propensities: logged.").doesNotContain("logged (logged propensities)");
        int rows = 0;
        for (String row : md.split("\n")) {
            if (row.matches("\\| [12] \\| (mixer|historical) .*")) {
                assertThat(row).matches(".*\\| \\d+\\.\\d \\| \\d+ \\|$");
                rows++;
            }
        }
        assertThat(rows).isEqualTo(2);
    }

    @Test
    void htmlEscapesHostileNames() throws Exception {
        HistoricalPolicy h = HistoricalPolicy.withFallback("wait");
        List<BenchmarkResult> results = BenchmarkRunner.of(TinyLog.manifest(), TinyLog.log())
                .runAll(List.of(TinyLog.named("</script><b a=\"x\">&amp;'", TinyLog.policies().get(0)), h));
        Evaluation e = Evaluation.of(results);
        ReportDocument doc = ReportDocument.of(e);
        String html = HtmlReport.render(doc);
        Document xml = parse(html);
        assertThat(xml.getElementsByTagName("b").getLength()).isZero();
        assertThat(xml.getElementsByTagName("script").item(0).getTextContent()).isEqualTo(doc.json());
        assertThat(xml.getDocumentElement().getTextContent()).contains("</script><b a=\"x\">&amp;'");
        assertThat(MarkdownReport.render(doc)).contains("| 1 | </script><b a=\"x\">&amp;' |");
    }

    @Test
    void aKnownTruthIsShownBesideTheEstimateAndNowhereElse() {
        List<BenchmarkResult> results = BenchmarkRunner.of(TinyLog.manifest(), TinyLog.log(),
                BenchmarkConfig.defaults()).runAll(TinyLog.policies());
        EvaluationConfig config = EvaluationConfig.builder().seed(11).baselines("mixer").verdict(TinyLog.LENIENT)
                .build();
        Evaluation with = Evaluation.of(results, config,
                java.util.Map.of("mixer", new org.systemarena.eval.KnownTruth(0.8, 0.0125, "simulated for a test")));
        Evaluation without = Evaluation.of(results, config);
        ReportDocument doc = ReportDocument.of(with);
        JsonNode mixer = doc.root().path("policies").path(1);
        assertThat(mixer.path("conversion").path("truth").toString())
                .isEqualTo("{\"value\":0.8,\"standard_error\":0.0125,\"method\":\"simulated for a test\"}");
        assertThat(doc.root().path("policies").path(0).path("conversion").path("truth").isNull()).isTrue();
        // The estimates do not move.
        assertThat(with.policy("mixer").orElseThrow().conversion().estimate())
                .isEqualTo(without.policy("mixer").orElseThrow().conversion().estimate());
        assertThat(MarkdownReport.render(doc)).contains("| rank | policy | conversion [95% CI] | true conversion"
                + " (simulated) |", "| 1 | mixer | 84.4% [", " | 80.0% \u00b1 1.3 pp |",
                "True conversion, simulated for a test: 80.0% \u00b1 1.3 pp.");
        assertThat(HtmlReport.render(doc)).contains("class=\"truth\"", "true conversion (simulated)");
        assertThat(MarkdownReport.render(ReportDocument.of(without))).doesNotContain("true conversion");
        // An exact truth whose method says so is not called exact twice.
        String exact = MarkdownReport.render(ReportDocument.of(Evaluation.of(results, config, java.util.Map.of("mixer",
                new org.systemarena.eval.KnownTruth(0.8, 0.0, "re-simulated, exact")))));
        assertThat(exact).contains(" | 80.0% (exact) |", "True conversion, re-simulated, exact: 80.0%.")
                .doesNotContain("exact: 80.0% (exact)");
    }

    @Test
    void markdownExplainsTheEstimates() {
        String md = MarkdownReport.render(ReportDocument.of(evaluate(1)));
        assertThat(md).contains("# Evaluation: tiny 1", "**Observed conversion: 66.7%** (2 of 3 cases",
                "## Verdicts", "- caller vs mixer: INCONCLUSIVE (small effective sample). 'caller' cannot be estimated:",
                "## Leaderboard (by recommended conversion estimate)", "| 1 | mixer | 84.4% [",
                "| 3 | caller | n/a (small effective sample) | - |", "| 4 | emailer | n/a (unsupported actions) |",
                "## Why the estimates differ", "'caller' is deterministic", "'mixer' is stochastic",
                "'historical' replays the logging policy", "every weight is 1",
                "| historical | mixer | no detectable difference | -17.7 pp [-26.7 pp, +4.0 pp] | 3 |",
                "Precision@1 per 1d: micro 0.500, macro 0.500",
                "| no_spam | violation | 1 |", "warning (zero_total_weight)",
                "note: 1 of 3 cases have a decision point where an error voided");
    }

    @Test
    void readerNamesFileLineColumnAndValue() {
        assertThatThrownBy(() -> ReportReader.parse("{\n  \"schema_version\": 1,\n  \"x\": [1, }", "bad.json"))
                .isInstanceOf(ArenaException.class).hasMessageStartingWith("bad.json:3:");
        assertThatThrownBy(() -> ReportReader.parse("{\n  \"generator\": \"x\",\n  \"schema_version\": 99\n}",
                "future.json"))
                .isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("future.json:3:21, column 'schema_version', value '99'")
                .hasMessageContaining("unsupported schema_version");
        assertThatThrownBy(() -> ReportReader.parse("[]", "array.json"))
                .isInstanceOf(ArenaException.class).hasMessageContaining("must be a JSON object");
        String json = JsonReport.write(evaluate(1)).replace("\"leaderboard\":", "\"leader_board\":");
        assertThatThrownBy(() -> ReportReader.parse(json, "old.json"))
                .isInstanceOf(ArenaException.class).hasMessageContaining("old.json, column 'leaderboard'")
                .hasMessageContaining("lacks the 'leaderboard' section");
    }

    private static String id(NodeList nodes, int i) {
        return ((Element) nodes.item(i)).getAttribute("id");
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}
