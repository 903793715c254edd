package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arena run --traces} and {@code arena traces} on the bundled example. */
class TracesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path parquet;
    static Path jsonl;

    @BeforeAll
    static void runBothFormats() {
        parquet = tmp.resolve("parquet");
        jsonl = tmp.resolve("jsonl");
        assertThat(Cli.run("run", Cli.EXAMPLE.toString(), "-p", "random", "--no-baselines", "--no-truth", "-q",
                "--out", parquet.toString(), "--traces", "parquet").exit()).isZero();
        assertThat(Cli.run("run", Cli.EXAMPLE.toString(), "-p", "random", "--no-baselines", "--no-truth", "-q",
                "--out", jsonl.toString(), "--traces", "jsonl").exit()).isZero();
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void parquetPrintsAsTheJsonLinesAJsonlRunWrites() throws IOException {
        assertThat(files(parquet)).containsExactly("report.html", "report.md", "results.json", "run-info.json",
                "traces-random.parquet");
        assertThat(files(jsonl)).contains("traces-random.jsonl").doesNotContain("traces-random.parquet");
        Cli.Result r = Cli.run("traces", parquet.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String expected = Files.readString(jsonl.resolve("traces-random.jsonl"));
        assertThat(expected.lines()).hasSize(1649);
        assertThat(r.out()).isEqualTo(expected);
        assertThat(Files.size(parquet.resolve("traces-random.parquet"))).isLessThan(Files.size(
                jsonl.resolve("traces-random.jsonl")) / 5);
        assertThat(Files.readString(parquet.resolve("results.json"))).isEqualTo(
                Files.readString(jsonl.resolve("results.json")));
    }

    @Test
    void noTracesIsTheDefaultWithTheSameResults() throws IOException {
        Path none = tmp.resolve("none");
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "-p", "random", "--no-baselines", "--no-truth",
                "--out", none.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.outLines()).anyMatch(l -> l.endsWith("run-info.json, no traces (to inspect decisions:"
                + " --traces parquet, then arena traces)"));
        assertThat(files(none)).noneMatch(f -> f.startsWith("traces-"));
        assertThat(Files.readString(none.resolve("results.json"))).isEqualTo(
                Files.readString(parquet.resolve("results.json")));
        Cli.Result traces = Cli.run("traces", none.toString());
        assertThat(traces.exit()).isEqualTo(2);
        assertThat(traces.err()).contains(none.toString()).contains("no traces in this folder");
    }

    @Test
    void aCaseADecisionAndALimitSelectLines() throws IOException {
        List<String> all = Files.readString(jsonl.resolve("traces-random.jsonl")).lines().toList();
        String caseId = JSON.readTree(all.get(1000)).path("case_id").asText();
        List<String> ofCase = all.stream().filter(l -> l.contains("\"case_id\":\"" + caseId + "\"")).toList();
        assertThat(ofCase).hasSizeGreaterThan(1);
        Cli.Result r = Cli.run("traces", parquet.toString(), "--case", caseId);
        assertThat(r.outLines()).isEqualTo(ofCase);
        String decision = JSON.readTree(ofCase.get(1)).path("decision_id").asText();
        assertThat(Cli.run("traces", parquet.resolve("traces-random.parquet").toString(), "--decision", decision)
                .outLines()).containsExactly(ofCase.get(1));
        assertThat(Cli.run("traces", parquet.toString(), "--limit", "2").outLines()).isEqualTo(all.subList(0, 2));
        Cli.Result none = Cli.run("traces", parquet.toString(), "--case", "nobody");
        assertThat(none.exit()).isZero();
        assertThat(none.out()).isEmpty();
        assertThat(none.err().strip()).isEqualTo("No decision point of case 'nobody' in "
                + parquet.resolve("traces-random.parquet") + ".");
    }

    @Test
    void severalPoliciesNeedAPolicyByNameOrFileName() {
        Path three = tmp.resolve("three");
        assertThat(Cli.run("run", Cli.EXAMPLE.toString(), "--no-truth", "-q", "--out", three.toString(),
                "--traces", "Parquet").exit()).isZero();
        Cli.Result ambiguous = Cli.run("traces", three.toString());
        assertThat(ambiguous.exit()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("the folder holds traces of 3 policies: choose one with --policy"
                + " (historical, random, threshold_days_since_last_contact)");
        for (String name : List.of("threshold:days_since_last_contact", "threshold_days_since_last_contact")) {
            Cli.Result r = Cli.run("traces", three.toString(), "--policy", name, "--limit", "1");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("\"policy\":\"threshold:days_since_last_contact\"");
        }
        Cli.Result unknown = Cli.run("traces", three.toString(), "--policy", "greedy");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no traces of policy 'greedy' here; the folder holds historical, random,"
                + " threshold_days_since_last_contact");
    }

    @Test
    void jsonLinesTracesAndOtherFilesAreRefusedByName() {
        Cli.Result folder = Cli.run("traces", jsonl.toString());
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).contains("--traces jsonl").contains(jsonl.toString());
        Cli.Result results = Cli.run("traces", parquet.resolve("results.json").toString());
        assertThat(results.exit()).isEqualTo(2);
        assertThat(results.err()).contains(parquet.resolve("results.json") + " is not a Parquet file");
        Cli.Result bad = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "csv", "--out",
                tmp.resolve("bad").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--traces").contains("csv");
    }

    @Test
    void aLaterRunInAnotherFormatLeavesNoStaleTraces() throws IOException {
        Path dir = tmp.resolve("switch");
        assertThat(Cli.run("run", Cli.EXAMPLE.toString(), "-p", "random", "--no-baselines", "--no-truth", "-q",
                "--out", dir.toString(), "--traces", "parquet").exit()).isZero();
        assertThat(Cli.run("run", Cli.EXAMPLE.toString(), "-p", "random", "--no-baselines", "--no-truth", "-q",
                "--out", dir.toString(), "--traces", "jsonl").exit()).isZero();
        assertThat(files(dir)).contains("traces-random.jsonl").doesNotContain("traces-random.parquet");
        assertThat(Cli.run("run", Cli.EXAMPLE.toString(), "-p", "random", "--no-baselines", "--no-truth", "-q",
                "--out", dir.toString()).exit()).isZero();
        assertThat(files(dir)).noneMatch(f -> f.startsWith("traces-"));
    }
}
