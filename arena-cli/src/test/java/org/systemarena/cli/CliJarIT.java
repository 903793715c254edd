package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar, run with {@code java -jar} from the repository root as bin/arena does. */
class CliJarIT {
    @TempDir
    Path tmp;

    @Test
    void runOnTheExampleWritesTheReportAndEndsWithItsPath() throws Exception {
        Path out = tmp.resolve("results");
        Jar.Run r = Jar.arena(Jar.repoRoot(), "run", "examples/lead-followup", "--out", out.toString(), "--traces",
                "parquet");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.outLines();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("HTML report: " + out.resolve("report.html"));
        assertThat(out.resolve("report.html")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("report.html"))).startsWith("<!DOCTYPE html>")
                .contains("Evaluation: lead-followup");
        // The library call with the same config writes the same results.json as the jar (bin/arena).
        Path library = tmp.resolve("library");
        org.systemarena.run.Run.of(org.systemarena.run.RunConfig.builder(Jar.repoRoot().resolve(
                "examples/lead-followup")).output(library).build()).execute();
        assertThat(Files.readString(out.resolve("results.json"))).isNotEmpty()
                .isEqualTo(Files.readString(library.resolve("results.json")));
        // Parquet traces written and read back by the shaded jar (its Snappy codec and service files).
        Jar.Run traces = Jar.arena(Jar.repoRoot(), "traces", out.toString(), "--policy", "historical", "--limit", "2");
        assertThat(traces.exit()).as(traces.err()).isZero();
        assertThat(traces.outLines()).hasSize(2).allMatch(l -> l.startsWith("{\"decision_id\":\"")
                && l.contains("\"policy\":\"historical\""));
    }

    /** The registry's providers come from META-INF/services, which the shaded jar must have merged. */
    @Test
    void registryPoliciesResolveInTheShadedJar() throws Exception {
        Jar.Run r = Jar.arena(Jar.repoRoot(), "run", "examples/lead-followup", "-p", "nosuch");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).endsWith("use a registry name (constant, historical, http, process, random, threshold),"
                + " rules:<file.yaml>, or a Policy class name");
    }

    @Test
    void validateOnABrokenConditionExitsTwoWithPositionAndSuggestion() throws Exception {
        Path wf = tmp.resolve("broken");
        Files.createDirectories(wf.resolve("data"));
        Path example = Jar.repoRoot().resolve("examples/lead-followup");
        Files.copy(example.resolve("data/events.parquet"), wf.resolve("data/events.parquet"));
        Files.writeString(wf.resolve("manifest.yaml"), Files.readString(example.resolve("manifest.yaml"))
                .replace("\"days_since_last_contact > 2\"", "\"days_since_last_contact > 2 and budjet > 0\""));
        Jar.Run r = Jar.arena(tmp, "validate", "broken");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: broken/manifest.yaml:17:49: decision point 'follow_up_check' condition:"
                + " unknown name 'budjet', did you mean 'budget'? in: days_since_last_contact > 2 and budjet > 0\n"
                + "invalid: 1 problem\n");
    }

    @Test
    void inputErrorsAreOneLineWithoutAStackTrace() throws Exception {
        Jar.Run r = Jar.arena(tmp, "run", "no-such-dir");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: no-such-dir: workflow directory not found\n");
        Jar.Run verbose = Jar.arena(tmp, "run", "no-such-dir", "--verbose");
        assertThat(verbose.exit()).isEqualTo(2);
        assertThat(verbose.err()).startsWith("error: no-such-dir: workflow directory not found\n")
                .contains("org.systemarena.core.ArenaException").contains("\tat ");
    }
}
