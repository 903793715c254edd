package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arena run --require}: the exit code follows the verdict in results.json. */
class RequireGateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    /** A generated workflow large enough for a stochastic candidate to be estimable (4,000 leads). */
    static Path large;

    @BeforeAll
    static void generate() {
        large = tmp.resolve("large");
        assertThat(Cli.run("init", large.toString(), "--cases", "4000").exit()).isZero();
    }

    private static JsonNode verdict(Path out, String policy, String baseline) throws IOException {
        for (JsonNode c : JSON.readTree(Files.readString(out.resolve("results.json"))).path("comparisons")) {
            if (c.path("policy").asText().equals(policy) && c.path("baseline").asText().equals(baseline)) {
                return c.path("verdict");
            }
        }
        throw new AssertionError("no comparison " + policy + " vs " + baseline);
    }

    @Test
    void anInconclusiveVerdictExitsFourAndSaysWhy() throws IOException {
        Path out = tmp.resolve("example");
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--out", out.toString(), "--require", "not-worse");
        assertThat(r.exit()).isEqualTo(ArenaCli.INCONCLUSIVE);
        assertThat(r.err()).contains("inconclusive: policy 'threshold:days_since_last_contact' vs 'historical':"
                + " inconclusive (small_effective_sample), --require not-worse cannot be decided:");
        assertThat(verdict(out, "threshold:days_since_last_contact", "historical").path("verdict").asText())
                .isEqualTo("inconclusive");
        // Written all the same, and the console still ends with the report's path.
        assertThat(out.resolve("report.html")).exists();
        assertThat(r.outLines().get(r.outLines().size() - 1)).startsWith("HTML report: ");
    }

    @Test
    void theGateReadsTheVerdictItsMarginIsWrittenInto() throws IOException {
        Path out = tmp.resolve("gate");
        String[] run = {"run", large.toString(), "--out", out.toString(), "-p", "random:seed=7", "-b",
                "historical:fallback=wait", "--no-truth"};
        Cli.Result better = Cli.run(concat(run, "--require", "better"));
        JsonNode v = verdict(out, "random", "historical");
        assertThat(v.path("verdict").asText()).isIn("no_detectable_difference", "worse");
        double lower = v.path("difference").path("lower").asDouble();
        assertThat(lower).isBetween(-0.5, 0.0);
        assertThat(better.exit()).isEqualTo(ArenaCli.VIOLATIONS);
        assertThat(better.err()).contains("error: policy 'random' vs 'historical': ", "--require better is not met");

        // A margin wider than the difference's lower end passes; one narrower fails; both are recorded.
        double wide = Math.ceil(-lower * 100 + 1) / 100;
        Cli.Result pass = Cli.run(concat(run, "--require", "not-worse:" + wide));
        assertThat(pass.exit()).isZero();
        assertThat(pass.err()).isEmpty();
        JsonNode passed = verdict(out, "random", "historical");
        assertThat(passed.path("margin").asDouble()).isEqualTo(wide);
        assertThat(passed.path("non_inferior").asBoolean()).isTrue();
        double narrow = Math.floor(-lower * 100 - 1) / 100;
        Cli.Result fail = Cli.run(concat(run, "--require", "not-worse:" + Math.max(0.0, narrow)));
        assertThat(fail.exit()).isEqualTo(ArenaCli.VIOLATIONS);
        assertThat(verdict(out, "random", "historical").path("non_inferior").asBoolean()).isFalse();
    }

    @Test
    void badRequirementsAreInputErrors() {
        Cli.Result bad = Cli.run("run", Cli.EXAMPLE.toString(), "--out", tmp.resolve("bad").toString(), "--require",
                "much-better");
        assertThat(bad.exit()).isEqualTo(ArenaCli.INPUT_ERROR);
        assertThat(bad.err()).contains("requirement 'much-better' must be better, not-worse or not-worse:<margin>");
        Cli.Result margin = Cli.run("run", Cli.EXAMPLE.toString(), "--require", "not-worse:two");
        assertThat(margin.err()).contains("the margin 'two' is not a number");
        Cli.Result against = Cli.run("run", Cli.EXAMPLE.toString(), "--require", "better", "--against", "nobody");
        assertThat(against.exit()).isEqualTo(ArenaCli.INPUT_ERROR);
        assertThat(against.err()).contains("--against 'nobody' is not a baseline of this run; baselines: random,"
                + " historical");
        Cli.Result alone = Cli.run("run", Cli.EXAMPLE.toString(), "--against", "random");
        assertThat(alone.err()).contains("--against names the baseline of --require; give --require too");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
