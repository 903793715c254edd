package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arena run} on the bundled example (300 leads, 1,649 decision points). */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path defaults;
    static Cli.Result defaultRun;

    @BeforeAll
    static void runWithDefaults() {
        defaults = tmp.resolve("defaults");
        defaultRun = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "--out", defaults.toString());
    }

    /** A policy's traces, read from its Parquet file with {@code arena traces} (or a JSON Lines file as it is). */
    static List<JsonNode> traces(Path file) throws IOException {
        String text;
        if (file.getFileName().toString().endsWith(".parquet")) {
            Cli.Result r = Cli.run("traces", file.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            text = r.out();
        } else {
            text = Files.readString(file);
        }
        return text.lines().filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    @Test
    void defaultsRunThresholdAgainstRandomAndHistorical() throws IOException {
        assertThat(defaultRun.exit()).isZero();
        assertThat(defaultRun.err()).isEmpty();
        List<String> lines = defaultRun.outLines();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("HTML report: " + defaults.resolve("report.html")
                .toAbsolutePath().normalize());
        assertThat(defaultRun.rows()).contains(
                "lead-followup 1.0: 300 cases, 6,806 events; 1,649 decision points in 300 cases",
                "follow_up_check 1,386 1,071 315 0",
                "inbound_reply 578 578 0 0");
        assertThat(defaultRun.rows()).anyMatch(l -> l.startsWith("threshold:days_since_last_contact candidate 1,649 0 0 "));
        assertThat(defaultRun.rows()).anyMatch(l -> l.startsWith("random baseline 1,649 0 "));
        // Historical replays the logged actions: full agreement, and its SNIPS is the observed rate.
        assertThat(defaultRun.rows()).anyMatch(l -> l.startsWith("historical baseline 1,649 0 ")
                && l.contains(" 100.0% "));
        for (String f : List.of("results.json", "report.html", "report.md", "traces-random.parquet",
                "traces-historical.parquet", "traces-threshold_days_since_last_contact.parquet")) {
            assertThat(defaults.resolve(f)).isNotEmptyFile();
        }
        JsonNode results = JSON.readTree(defaults.resolve("results.json").toFile());
        assertThat(results.path("settings").path("baselines").toString()).isEqualTo("[\"random\",\"historical\"]");
        for (String policy : List.of("random", "historical", "threshold_days_since_last_contact")) {
            assertThat(traces(defaults.resolve("traces-" + policy + ".parquet"))).hasSize(1649);
        }
    }

    /** The threshold rule, re-applied to each trace's own snapshot summary. */
    @Test
    void modelVerdictsAreTriedUnlessSwitchedOff() throws IOException {
        // The default candidate's comparisons are inconclusive by the weights; the model-based fallback is tried and
        // declines (its obstacle is printed), and --no-model-verdicts neither tries it nor fits a model.
        JsonNode on = JSON.readTree(defaults.resolve("results.json").toFile());
        assertThat(on.path("settings").path("verdict_rule").path("model_based_fallback").asBoolean()).isTrue();
        assertThat(on.path("comparisons").get(0).path("verdict").path("model_based_obstacle").asText())
                .contains("model-extrapolated");
        assertThat(defaultRun.out()).contains("; no model-based verdict either: ");
        Path off = tmp.resolve("no-model");
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--no-model-verdicts", "--no-truth", "--out",
                off.toString(), "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode results = JSON.readTree(off.resolve("results.json").toFile());
        assertThat(results.path("settings").path("verdict_rule").path("model_based_fallback").asBoolean()).isFalse();
        for (JsonNode c : results.path("comparisons")) {
            assertThat(c.path("verdict").path("verdict").asText()).isEqualTo("inconclusive");
            assertThat(c.path("verdict").path("model_based_obstacle").isNull()).isTrue();
            assertThat(c.path("model_based").isNull()).isTrue();
        }
        for (JsonNode p : results.path("policies")) {
            assertThat(p.path("conversion").path("model_based").isNull()).as(p.path("name").asText()).isTrue();
        }
    }

    @Test
    void thresholdTracesFollowTheRule() throws IOException {
        for (JsonNode t : traces(defaults.resolve("traces-threshold_days_since_last_contact.parquet"))) {
            JsonNode days = t.path("snapshot").path("days_since_last_contact");
            String expected = days.isNumber() && days.asDouble() > 3 ? "make_call" : "wait";
            assertThat(t.path("action").asText()).as(t.path("decision_id").asText()).isEqualTo(expected);
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws IOException {
        Path two = tmp.resolve("threads2");
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "--out", two.toString(), "--threads", "2", "-q");
        assertThat(r.exit()).isZero();
        assertThat(r.outLines()).containsExactly("HTML report: " + two.resolve("report.html").toAbsolutePath()
                .normalize());
        assertThat(Files.readString(two.resolve("results.json"))).isEqualTo(
                Files.readString(defaults.resolve("results.json")));
        assertThat(Files.mismatch(two.resolve("traces-random.parquet"), defaults.resolve("traces-random.parquet")))
                .isEqualTo(-1L);
    }

    /** The limit is checked against the violations counted in the policy's own trace file. */
    @Test
    void maxViolationsExitsOneWhenExceeded() throws IOException {
        Path out = tmp.resolve("gate");
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "-p", "random", "--no-baselines", "--out",
                out.toString(), "--max-violations", "10", "--violation-severity", "warning", "-q");
        long violations = 0;
        long ofSeverityViolation = 0;
        for (JsonNode t : traces(out.resolve("traces-random.parquet"))) {
            for (JsonNode v : t.path("violations")) {
                violations++;
                ofSeverityViolation += v.path("severity").asText().equals("violation") ? 1 : 0;
            }
        }
        assertThat(violations).isGreaterThan(10);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly(String.format(java.util.Locale.ROOT, "error: policy 'random' has"
                + " %,d violations of severity warning or above, more than --max-violations 10", violations));
        assertThat(r.outLines()).last().asString().startsWith("HTML report: ");

        // random's violations are mostly warnings (escalate_small_budget), which the default severity does not count
        assertThat(ofSeverityViolation).isLessThan(violations / 10);
        Cli.Result ok = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "-p", "random", "--no-baselines", "--out",
                out.toString(), "--max-violations", Long.toString(ofSeverityViolation), "-q");
        assertThat(ok.exit()).isZero();
    }

    /** The console's violations column is the figure the gate counts, headed by the severity it starts at. */
    @Test
    void theConsoleShowsTheViolationsTheGateCounts() throws IOException {
        JsonNode random = null;
        for (JsonNode p : JSON.readTree(Files.readString(defaults.resolve("results.json"))).path("policies")) {
            random = p.path("name").asText().equals("random") ? p : random;
        }
        JsonNode bySeverity = random.path("violations").path("by_severity");
        long counted = bySeverity.path("violation").asLong() + bySeverity.path("critical").asLong();
        long all = counted + bySeverity.path("warning").asLong();
        assertThat(all).isGreaterThan(counted);
        assertThat(defaultRun.rows()).anyMatch(l -> l.startsWith("policy role valid failed violations (violation+)"))
                .anyMatch(l -> l.startsWith(String.format(java.util.Locale.ROOT, "random baseline 1,649 0 %,d ",
                        counted)));
        Cli.Result warnings = Cli.run("run", Cli.EXAMPLE.toString(), "--out", tmp.resolve("warnings").toString(),
                "--violation-severity", "warning", "--no-truth");
        assertThat(warnings.exit()).as(warnings.err()).isZero();
        assertThat(warnings.rows()).anyMatch(l -> l.startsWith("policy role valid failed violations (warning+)"))
                .anyMatch(l -> l.startsWith("random baseline 1,649 0 " + String.format(java.util.Locale.ROOT, "%,d",
                        all) + " "));
    }

    @Test
    void rulesFileProblemsAreListedWithPositions() throws IOException {
        Path rules = tmp.resolve("bad-rules.yaml");
        Files.writeString(rules, "name: big-quiet\nrules:\n  - when: \"budjet >= 50000\"\n    action: make_cal\n"
                + "otherwise: wait\n");
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "-p", "rules:" + rules, "--out",
                tmp.resolve("x").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("error: 2 problems in " + rules + ":",
                "  " + rules + ":4:13: 'action': action 'make_cal' is not declared in " + Cli.EXAMPLE.resolve(
                        "manifest.yaml") + " (did you mean 'make_call'?); declared: send_email, make_call, wait,"
                        + " escalate",
                "  " + rules + ":3:12: 'when': unknown name 'budjet', did you mean 'budget'? in: budjet >= 50000");
    }

    @Test
    void deeplyNestedExpressionsAreOneErrorInManifestsAndRulesFilesAlike() throws IOException {
        String deep = "(".repeat(10_000) + "budget > 1" + ")".repeat(10_000);
        Path rules = tmp.resolve("deep-rules.yaml");
        Files.writeString(rules, "name: deep\nrules:\n  - when: \"" + deep + "\"\n    action: make_call\n"
                + "otherwise: wait\n");
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "-p", "rules:" + rules, "--out",
                tmp.resolve("deep").toString());
        assertThat(r.exit()).isEqualTo(2);
        // Column 12 is the expression's first character; the '(' 200 further on opens level 201.
        assertThat(r.err()).contains(rules + ":3:212: expression too deeply nested (more than 200 levels")
                .doesNotContain("StackOverflowError", "\tat ");

        Path workflow = tmp.resolve("deep-workflow");
        Files.createDirectories(workflow.resolve("data"));
        Files.copy(Cli.EXAMPLE.resolve("data/events.parquet"), workflow.resolve("data/events.parquet"));
        String manifest = Files.readString(Cli.EXAMPLE.resolve("manifest.yaml"))
                .replace("condition: \"days_since_last_contact > 2\"", "condition: \"" + "not ".repeat(10_000)
                        + "days_since_last_contact > 2\"");
        Files.writeString(workflow.resolve("manifest.yaml"), manifest);
        Cli.Result m = Cli.run("validate", workflow.toString());
        assertThat(m.exit()).isEqualTo(2);
        assertThat(m.err()).contains("manifest.yaml:", ": expression too deeply nested (more than 200 levels")
                .doesNotContain("StackOverflowError", "\tat ");
    }

    @Test
    void rulesFilePolicyRuns() throws IOException {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, "name: big-quiet\nrules:\n  - when: \"budget >= 50000 and days_since_last_contact"
                + " > 3\"\n    action: make_call\notherwise: wait\n");
        Path out = tmp.resolve("rules-out");
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "-p", "rules:" + rules, "--no-baselines", "--out",
                out.toString());
        assertThat(r.exit()).isZero();
        List<JsonNode> traces = traces(out.resolve("traces-big-quiet.parquet"));
        assertThat(traces).hasSize(1649);
        for (JsonNode t : traces) {
            assertThat(t.path("action").asText()).isIn("make_call", "wait");
            assertThat(t.path("reasoning").asText()).isIn(
                    "rule 1: budget >= 50000 and days_since_last_contact > 3 -> make_call", "no rule held -> wait");
            // a quiet lead that did not get a call must have a small budget; the summary has the days
            if (t.path("action").asText().equals("make_call")) {
                assertThat(t.path("snapshot").path("days_since_last_contact").asDouble()).isGreaterThan(3);
            }
        }
    }

    @Test
    void thresholdFileRuns() throws IOException {
        Path file = tmp.resolve("quiet.yml");
        Files.writeString(file, "threshold:\n  field: days_since_last_contact\n  threshold: 5\n  above: send_email\n"
                + "  below: wait\n");
        Path out = tmp.resolve("threshold-out");
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "-p", file.toString(), "--no-baselines", "--out",
                out.toString(), "-q");
        assertThat(r.exit()).isZero();
        for (JsonNode t : traces(out.resolve("traces-quiet.parquet"))) {
            JsonNode days = t.path("snapshot").path("days_since_last_contact");
            assertThat(t.path("action").asText()).isEqualTo(days.isNumber() && days.asDouble() > 5 ? "send_email"
                    : "wait");
        }
    }

    @Test
    void policyClassByNameWithOptions() throws IOException {
        Path out = tmp.resolve("class-out");
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "-p",
                "org.systemarena.cli.testing.FixedActionPolicy:action=escalate", "--out", out.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.rows()).anyMatch(l -> l.startsWith("fixed-escalate candidate 1,649 0 "));
        assertThat(traces(out.resolve("traces-fixed-escalate.parquet"))).allMatch(t -> t.path("action").asText()
                .equals("escalate"));
    }

    @Test
    void policyClassesThatFailAreOneErrorNamingThemAndTheCause() {
        String base = "org.systemarena.cli.testing.BrokenPolicies$";
        Cli.Result init = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "-p", base + "FailingInit", "--out",
                tmp.resolve("broken").toString());
        assertThat(init.exit()).isEqualTo(2);
        assertThat(init.errLines()).containsExactly("error: policy class '" + base + "FailingInit' in '" + base
                + "FailingInit' failed to initialize: its static initializer threw IllegalStateException: model file"
                + " missing");
        Cli.Result constructor = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "-p", base + "FailingConstructor", "--out",
                tmp.resolve("broken").toString());
        assertThat(constructor.exit()).isEqualTo(2);
        assertThat(constructor.errLines()).containsExactly("error: policy class '" + base + "FailingConstructor'"
                + " failed to start: its constructor threw IllegalStateException: model file missing");
        Cli.Result nameless = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "-p", base + "Nameless", "--out",
                tmp.resolve("broken").toString());
        assertThat(nameless.exit()).isEqualTo(2);
        assertThat(nameless.errLines()).containsExactly("error: policy class '" + base + "Nameless': name() threw"
                + " UnsupportedOperationException: no name yet");
        Cli.Result asserting = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "-p", base + "Asserting", "--out",
                tmp.resolve("asserting").toString());
        assertThat(asserting.exit()).isZero();
        assertThat(asserting.rows()).anyMatch(l -> l.startsWith("asserting candidate 0 1,649 "));
        assertThat(asserting.errLines()).contains("warning: no true conversion for 'asserting': the re-simulation"
                + " failed: AssertionError: expected a budget");
    }

    @Test
    void aFailedRunLeavesNoResultsThatLookLikeItsOwn() throws IOException {
        Path out = tmp.resolve("stale");
        assertThat(Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "--out", out.toString()).exit()).isZero();
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThat(out.resolve("results.json")).exists();
        // The same folder, a run that fails at its first decision (fail-fast on a policy that throws).
        Cli.Result failed = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "--out", out.toString(), "--fail-fast", "-p",
                "org.systemarena.cli.testing.BrokenPolicies$Asserting");
        assertThat(failed.exit()).isEqualTo(2);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".arena-run-"));
        }
        // And a good run writes them all again, staging folder gone.
        assertThat(Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "--out", out.toString()).exit()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("results.json", "report.html",
                    "report.md", "notes.txt", "traces-historical.parquet");
        }
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".arena-run-"));
        }
    }

    @Test
    void anOutputTheRunCannotWriteIsAnErrorBeforeTheReplayInWords() throws IOException {
        // Was found only after the replay and the evaluation, as "java.nio.file.FileSystemException: /abs/...".
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--out", file.resolve("results").toString(), "-p",
                "org.systemarena.cli.testing.BrokenPolicies$Asserting");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("error: " + file.resolve("results") + ": cannot create the output"
                + " folder: " + file + " is a file, not a folder");
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(locked), "root writes anyway");
            Cli.Result denied = Cli.run("run", Cli.EXAMPLE.toString(), "--out", locked.resolve("out").toString());
            assertThat(denied.exit()).isEqualTo(2);
            assertThat(denied.errLines()).containsExactly("error: " + locked.resolve("out") + ": cannot create the"
                    + " output folder (permission denied: " + locked.resolve("out") + ")");
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void verboseRunsPrintTheirPhasesAndRunInfoHoldsWhatVaries() throws IOException {
        Path out = tmp.resolve("verbose");
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "--out", out.toString(), "-v");
        assertThat(r.exit()).isZero();
        assertThat(r.outLines()).anyMatch(l -> l.matches("Phases: load \\d+\\.\\d\\d s, replay \\d+\\.\\d\\d s, truth"
                + " \\d+\\.\\d\\d s, evaluate \\d+\\.\\d\\d s, write \\d+\\.\\d\\d s; total \\d+\\.\\d\\d s \\(also in"
                + " run-info.json\\)"));
        JsonNode info = JSON.readTree(Files.readString(out.resolve("run-info.json")));
        assertThat(info.path("phase_seconds").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("load", "replay", "truth", "evaluate", "write");
        assertThat(info.path("arguments").toString()).contains("--out", "-v");
        assertThat(info.path("started").asText()).endsWith("Z");
        // None of it is in results.json, which stays what a run without -v writes.
        assertThat(Files.readString(out.resolve("results.json"))).doesNotContain("phase_seconds", "started")
                .isEqualTo(Files.readString(defaults.resolve("results.json")));
    }

    @Test
    void theExampleShowsEachPolicysTrueConversionUnlessAskedNot() throws IOException {
        JsonNode r = JSON.readTree(Files.readString(defaults.resolve("results.json")));
        for (JsonNode p : r.path("policies")) {
            assertThat(p.path("conversion").path("truth").path("value").isNumber()).as(p.path("name").asText())
                    .isTrue();
            assertThat(p.path("conversion").path("truth").path("method").asText())
                    .startsWith("re-simulated by the generator that made this log");
        }
        // The deterministic threshold rule has one path per lead: exact.
        assertThat(r.path("policies").path(0).path("conversion").path("truth").path("standard_error").asDouble())
                .isZero();
        assertThat(defaultRun.outLines()).anyMatch(l -> l.startsWith("truth: each policy re-run on these cases"));
        Path out = tmp.resolve("no-truth");
        assertThat(Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "--out", out.toString(), "--no-truth").exit()).isZero();
        JsonNode without = JSON.readTree(Files.readString(out.resolve("results.json")));
        assertThat(without.path("policies").path(0).path("conversion").path("truth").isNull()).isTrue();
    }

    @Test
    void unknownPolicySuggestsARegistryName() {
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "-p", "thresold:field=x", "--out",
                tmp.resolve("y").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("error: unknown policy 'thresold' in 'thresold:field=x'"
                + " (did you mean 'threshold'?)");
    }

    @Test
    void thresholdOnAnUnknownFieldIsAnInputError() {
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "-p",
                "threshold:field=days_since_contact,threshold=3,above=make_call,below=wait", "--out",
                tmp.resolve("z").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("error: policy 'threshold:field=days_since_contact,threshold=3,"
                + "above=make_call,below=wait' option 'field': unknown name 'days_since_contact' (did you mean"
                + " 'days_since_last_contact'?) (not a built-in snapshot value or a column of the log)");
    }

    @Test
    void registryOptionsAreCheckedAgainstTheWorkflow() {
        // Both ran without a word: an ignored option, and a fallback no decision point could take.
        Cli.Result option = Cli.run("run", Cli.EXAMPLE.toString(), "-p", "constant:action=wait,colour=red", "--out",
                tmp.resolve("option").toString());
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.errLines()).containsExactly("error: policy 'constant' has no option 'colour' (its options:"
                + " action)");
        Cli.Result fallback = Cli.run("run", Cli.EXAMPLE.toString(), "-b", "historical:fallback=wiat", "--out",
                tmp.resolve("fallback").toString());
        assertThat(fallback.exit()).isEqualTo(2);
        assertThat(fallback.errLines()).containsExactly("error: policy 'historical:fallback=wiat' option 'fallback':"
                + " action 'wiat' is not declared in " + Cli.EXAMPLE.resolve("manifest.yaml") + " (did you mean"
                + " 'wait'?); declared: send_email, make_call, wait, escalate");
    }

    @Test
    void badNumbersAreInputErrors() {
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "--threads", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("error: --threads must be at least 1, got 0");
    }

    @Test
    void maxDecisionPointsTruncates() {
        Cli.Result r = Cli.run("run", Cli.EXAMPLE.toString(), "--traces", "parquet", "--max-decision-points", "100", "--out",
                tmp.resolve("cut").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.rows()).anyMatch(l -> l.contains("; 100 decision points in ")
                && l.endsWith("(truncated by --max-decision-points)"));
    }
}
