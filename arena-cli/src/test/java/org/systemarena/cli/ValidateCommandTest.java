package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    static Path tmp;
    static Path workflow;

    /** A small workflow from {@code arena init} (60 synthetic leads), copied and broken per test. */
    @BeforeAll
    static void scaffold() {
        workflow = tmp.resolve("wf");
        assertThat(Cli.run("init", workflow.toString()).exit()).isZero();
    }

    private static Path copyWith(String name, String from, String to) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("data"));
        Files.copy(workflow.resolve("data/events.parquet"), dir.resolve("data/events.parquet"));
        String manifest = Files.readString(workflow.resolve("manifest.yaml"));
        assertThat(manifest).contains(from);
        Files.writeString(dir.resolve("manifest.yaml"), manifest.replace(from, to));
        return dir;
    }

    /**
     * The counts match what `arena info` shows for the example: 1,386 timer.elapsed events and 578 inbound
     * interactions trigger; the 1,071 + 578 decision points are the log's 1,649 decision.executed events (the
     * generator logs one per decision).
     */
    @Test
    void theExampleIsValid() {
        Cli.Result r = Cli.run("validate", Cli.EXAMPLE.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.rows()).contains(
                "log: " + Cli.EXAMPLE.resolve("data/events.parquet") + ": 6,806 events in 300 cases",
                "expressions: 1 condition and 2 constraint rules use only known names",
                "follow_up_check timer.elapsed 1,386 1,071 315 0",
                "inbound_reply interaction.occurred:inbound 578 578 0 0",
                "logged actions: 1,649 of 1,649 decision points have one (1,649 with a propensity)",
                "valid: " + Cli.EXAMPLE);
    }

    @Test
    void loggedActionsARuleDoesNotAllowAreAWarningInValidateAndRunAlike() throws IOException {
        Path dir = copyWith("undeclared", "trigger: interaction.occurred:inbound\n    allowed_actions: [send_email,"
                + " make_call, wait, escalate]", "trigger: interaction.occurred:inbound\n    allowed_actions:"
                + " [send_email, make_call, wait]");
        Cli.Result v = Cli.run("validate", dir.toString());
        assertThat(v.exit()).isZero();
        assertThat(v.errLines()).singleElement().asString().matches("warning: decision point 'inbound_reply': the log"
                + " took 'escalate' \\([0-9]+ times?\\), which the rule does not allow; replaying the log \\(historical\\)"
                + " records a failed decision \\(disallowed action\\) at each, so declare the action or expect those"
                + " failures");
        String warning = v.errLines().get(0).substring("warning: ".length());
        Cli.Result r = Cli.run("run", dir.toString(), "--out", tmp.resolve("undeclared-out").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.outLines()).contains("  " + warning);
    }

    @Test
    void aTypoInAConditionIsReportedWithItsPositionAndASuggestion() throws IOException {
        Path dir = copyWith("typo", "days_since_last_contact > 2", "days_since_last_contcat > 2");
        Cli.Result r = Cli.run("validate", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("error: " + dir.resolve("manifest.yaml") + ":17:17: decision point"
                + " 'follow_up_check' condition: unknown name 'days_since_last_contcat', did you mean"
                + " 'days_since_last_contact'? in: days_since_last_contcat > 2", "invalid: 1 problem");
    }

    @Test
    void everyProblemIsListed() throws IOException {
        Path dir = copyWith("two", "policy_actions('send_email', 7) >= 3", "policy_action('send_email', 7) >= 3");
        String manifest = Files.readString(dir.resolve("manifest.yaml"))
                .replace("days_since_last_contact > 2", "budjet > 2");
        Files.writeString(dir.resolve("manifest.yaml"), manifest);
        Cli.Result r = Cli.run("validate", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(3).last().isEqualTo("invalid: 2 problems");
        assertThat(r.errLines().get(0)).startsWith("error: " + dir.resolve("manifest.yaml") + ":17:17: ")
                .contains("unknown name 'budjet', did you mean 'budget'?");
        assertThat(r.errLines().get(1)).startsWith("error: " + dir.resolve("manifest.yaml") + ":")
                .contains("constraint 'no_spam' rule").contains("policy_action").contains("did you mean 'policy_actions'");
    }

    @Test
    void aManifestErrorNamesLineAndColumn() throws IOException {
        Path dir = copyWith("key", "    condition: ", "    condtion: ");
        Cli.Result r = Cli.run("validate", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("error: " + dir.resolve("manifest.yaml") + ":17:5: ")
                .contains("'condtion'").contains("did you mean 'condition'");
        assertThat(r.errLines()).last().isEqualTo("invalid: 1 problem");
    }

    @Test
    void aMissingLogIsAnInputError() throws IOException {
        Path dir = tmp.resolve("nolog");
        Files.createDirectories(dir);
        Files.copy(workflow.resolve("manifest.yaml"), dir.resolve("manifest.yaml"));
        Cli.Result r = Cli.run("validate", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines().get(0)).isEqualTo("error: " + dir + ": no event log found (expected exactly one of"
                + " data/events.parquet, data/events.jsonl, data/events.json, data/events.csv)");
    }

    @Test
    void aMissingDirectoryIsAnInputError() {
        Cli.Result r = Cli.run("validate", tmp.resolve("nowhere").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + tmp.resolve("nowhere").resolve("manifest.yaml")
                + ": manifest not found");
    }
}
