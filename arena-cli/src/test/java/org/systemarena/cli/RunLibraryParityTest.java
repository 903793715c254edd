package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.run.Run;
import org.systemarena.run.RunConfig;
import org.systemarena.run.RunResult;

/**
 * {@code arena run} is a thin adapter over {@link Run}: the command on the bundled example and the library call with
 * the same config write byte-identical results.json and reports, here with different thread counts as well.
 */
class RunLibraryParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void theCommandAndTheLibraryWriteTheSameResultsWhateverTheThreads() throws IOException {
        Path cli = tmp.resolve("cli");
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--out", cli.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();

        Path library = tmp.resolve("library");
        RunResult result = Run.of(RunConfig.builder(Cli.EXAMPLE).output(library).threads(2).build()).execute();

        String json = Files.readString(cli.resolve("results.json"));
        assertThat(Files.readString(library.resolve("results.json"))).isEqualTo(json).isEqualTo(result.resultsJson());
        assertThat(Files.readString(library.resolve("report.md")))
                .isEqualTo(Files.readString(cli.resolve("report.md")));
        assertThat(Files.readString(library.resolve("report.html")))
                .isEqualTo(Files.readString(cli.resolve("report.html")));
        assertThat(result.gate().passed()).isTrue();
        assertThat(result.files().results()).isEqualTo(library.resolve("results.json"));

        // What differs is in run-info.json: the threads and the command line, and the times.
        JsonNode cliInfo = JSON.readTree(Files.readString(cli.resolve("run-info.json")));
        JsonNode libraryInfo = JSON.readTree(Files.readString(library.resolve("run-info.json")));
        assertThat(cliInfo.path("threads").asInt()).isEqualTo(1);
        assertThat(libraryInfo.path("threads").asInt()).isEqualTo(2);
        assertThat(cliInfo.path("arguments").toString()).contains("--quiet");
        assertThat(libraryInfo.path("arguments").isEmpty()).isTrue();
        for (JsonNode info : java.util.List.of(cliInfo, libraryInfo)) {
            assertThat(info.path("results_sha256").asText()).isEqualTo(sha256(cli.resolve("results.json")));
            assertThat(info.path("ended").asText()).endsWith("Z");
            assertThat(info.path("phase_seconds").size()).isEqualTo(5);
        }
    }

    @Test
    void resultsSayWhatTheyWereComputedFrom() throws IOException {
        Path out = tmp.resolve("provenance");
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--out", out.toString(), "--quiet", "--seed", "7",
                "-p", "constant:action=wait", "-b", "random", "--no-truth");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode p = JSON.readTree(Files.readString(out.resolve("results.json"))).path("provenance");
        assertThat(p.path("tool").asText()).isEqualTo("system-arena");
        assertThat(p.path("version").asText()).isEqualTo(org.systemarena.run.Version.get()).isNotBlank();
        assertThat(p.path("seed").asLong()).isEqualTo(7);
        JsonNode inputs = p.path("inputs");
        assertThat(inputs).extracting(i -> i.path("file").asText()).containsExactly("manifest.yaml",
                "data/events.parquet", "data/generator.json");
        for (JsonNode i : inputs) {
            Path file = Cli.EXAMPLE.resolve(i.path("file").asText());
            assertThat(i.path("bytes").asLong()).isEqualTo(Files.size(file));
            assertThat(i.path("sha256").asText()).isEqualTo(sha256(file));
        }
        assertThat(p.path("manifest_sha256").asText()).isEqualTo(sha256(Cli.EXAMPLE.resolve("manifest.yaml")));
        assertThat(p.path("policies").get(0).toString()).isEqualTo("{\"name\":\"constant:wait\",\"role\":\"candidate\","
                + "\"spec\":\"constant:action=wait\",\"kind\":\"registry\",\"class\":\"org.systemarena.policy"
                + ".ConstantPolicy\",\"options\":{\"action\":\"wait\"}}");
        // The run's seed is the random baseline's, recorded as its option, so the row can be made again.
        assertThat(p.path("policies").get(1).path("options").toString()).isEqualTo("{\"seed\":\"7\"}");
        assertThat(p.path("policies").get(1).path("class").asText()).isEqualTo("org.systemarena.policy.RandomPolicy");
        assertThat(Files.readString(out.resolve("report.md"))).contains("## Provenance", "| manifest.yaml | manifest |",
                "| constant:wait | candidate | constant:action=wait | registry |"
                        + " org.systemarena.policy.ConstantPolicy | action=wait |");
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
