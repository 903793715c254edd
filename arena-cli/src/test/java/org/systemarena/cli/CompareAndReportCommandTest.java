package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareAndReportCommandTest {
    @TempDir
    static Path tmp;
    static Path a;
    static Path b;

    /** Two runs that differ only in the seed of the random baseline (and of the bootstrap). */
    @BeforeAll
    static void twoRuns() {
        a = tmp.resolve("a");
        b = tmp.resolve("b");
        assertThat(Cli.run("run", Cli.EXAMPLE.toString(), "-o", a.toString(), "-q").exit()).isZero();
        assertThat(Cli.run("run", Cli.EXAMPLE.toString(), "-o", b.toString(), "-q", "--seed", "7").exit()).isZero();
    }

    @Test
    void compareShowsEachPolicysHeadlinesAndDifferences() {
        Cli.Result r = Cli.run("compare", a.resolve("results.json").toString(), b.resolve("results.json").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.rows()).contains("observed conversion: a 57.3%, b 57.3%, b - a +0.0 pp",
                "policy threshold:days_since_last_contact:", "policy random:", "policy historical:",
                "decision points 1,649 1,649 +0", "agreement with logged 100.0% 100.0% +0.0 pp");
        // the threshold policy is deterministic: only its bootstrap intervals (not shown here) change with the seed
        int start = r.rows().indexOf("policy threshold:days_since_last_contact:");
        assertThat(r.rows().subList(start, start + 14)).allMatch(l -> !l.matches(".*[+-]\\d.*[1-9].*")
                || l.endsWith("+0") || l.endsWith("+0.0 pp") || l.endsWith("+0.000"));
    }

    @Test
    void comparingAFileWithItselfGivesZeroDifferences() {
        Path f = a.resolve("results.json");
        Cli.Result r = Cli.run("compare", f.toString(), f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.rows().stream().filter(l -> l.matches(".* ([+-][0-9.,]+( pp)?|n/a)$")))
                .hasSize(3 * Headlines.METRICS.size() + 1)
                .allMatch(l -> l.endsWith(" +0") || l.endsWith(" +0.0 pp") || l.endsWith(" +0.000")
                        || l.matches("\\s*conversion \\(recommended\\)\\s+n/a\\s+n/a\\s+n/a"));
    }

    @Test
    void reportRerendersTheSameHtml() throws IOException {
        Path out = tmp.resolve("again.html");
        Cli.Result r = Cli.run("report", a.resolve("results.json").toString(), "-o", out.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.outLines()).containsExactly("HTML report: " + out.toAbsolutePath().normalize());
        assertThat(Files.readString(out)).isEqualTo(Files.readString(a.resolve("report.html")));

        Path md = tmp.resolve("again.md");
        assertThat(Cli.run("report", a.resolve("results.json").toString(), "-f", "markdown", "-o", md.toString())
                .exit()).isZero();
        assertThat(Files.readString(md)).isEqualTo(Files.readString(a.resolve("report.md")));
    }

    @Test
    void reportDefaultsToReportHtmlBesideTheJson() throws IOException {
        Path dir = tmp.resolve("copy");
        Files.createDirectories(dir);
        Files.copy(a.resolve("results.json"), dir.resolve("results.json"));
        Cli.Result r = Cli.run("report", dir.resolve("results.json").toString());
        assertThat(r.exit()).isZero();
        assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo(Files.readString(a.resolve("report.html")));
    }

    @Test
    void notAReportIsAnInputErrorWithItsLocation() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\n  \"schema_version\": 1,\n  oops\n}\n");
        Cli.Result r = Cli.run("report", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("error: " + bad + ":3:").contains("not a JSON report");
    }
}
