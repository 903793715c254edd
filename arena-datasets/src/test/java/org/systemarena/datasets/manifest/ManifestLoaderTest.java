package org.systemarena.datasets.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.core.Action;
import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.BehaviourModelSpec;
import org.systemarena.core.manifest.CaseConfig;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.HistoricalActionSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.OutcomeSpec;
import org.systemarena.core.manifest.RankingSpec;
import org.systemarena.core.manifest.Severity;
import org.systemarena.core.manifest.SourcePosition;
import org.systemarena.datasets.Datasets;

class ManifestLoaderTest {
    private static final String M = "m.yaml";

    private static Manifest parse(String yaml) {
        return ManifestLoader.parse(yaml, M);
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(ManifestLoaderTest.class.getResource("full-manifest.yaml").toURI());
    }

    @Test
    void loadsEverySectionWithPositions() throws URISyntaxException {
        Path file = fixture();
        String f = file.toString();
        Manifest m = Datasets.loadManifest(file);
        assertThat(m.name()).isEqualTo("lead-followup");
        assertThat(m.version()).isEqualTo("1.0");
        assertThat(m.description()).isEqualTo("Follow up on sales leads.");
        assertThat(m.caseConfig()).isEqualTo(new CaseConfig("lead_id", "ts", "kind", null, "seq"));
        assertThat(m.decisionPoints()).containsExactly(
                new DecisionPointSpec("follow_up_check", "timer.elapsed", "days_since_last_contact > 2",
                        List.of("send_email", "make_call", "wait"), new SourcePosition(f, 16, 17)),
                new DecisionPointSpec("inbound_reply", "interaction.occurred:inbound", null, List.of(), null),
                new DecisionPointSpec("big_budget", "entity.created", "budget >= 10000 and region == 'EMEA'",
                        List.of(), new SourcePosition(f, 22, 16)));
        assertThat(m.allowedActions()).containsExactly(
                new Action("send_email", Map.of("template", "string", "max_per_week", 3L, "urgent", false,
                        "ratio", 0.5, "tags", List.of("a", "b")), "Send a follow-up email"),
                Action.of("make_call"), Action.of("wait"), Action.of("escalate"));
        assertThat(m.outcomes()).isEqualTo(new OutcomeSpec(List.of("converted", "meeting_booked"),
                List.of("went_cold"), List.of(), Duration.ofDays(30)));
        assertThat(m.constraints()).containsExactly(
                new ConstraintSpec("no_spam", "action_type == 'send_email' and policy_actions('send_email', 7) >= 3",
                        Severity.VIOLATION, "More than three emails in a week", new SourcePosition(f, 39, 12)),
                new ConstraintSpec("escalate_small_budget", "action_type == 'escalate' and budget < 10000\n",
                        Severity.WARNING, null, new SourcePosition(f, 44, 7)),
                new ConstraintSpec("default_severity", "false", Severity.VIOLATION, null,
                        new SourcePosition(f, 48, 12)));
        assertThat(m.historicalAction()).isEqualTo(new HistoricalActionSpec("decision.executed", "chosen", "p",
                "probs"));
        assertThat(m.ranking()).isEqualTo(new RankingSpec(5, Duration.ofHours(12)));
        assertThat(m.behaviourModel()).isEqualTo(new BehaviourModelSpec(
                List.of("budget", "days_since_last_contact", "event.channel"),
                List.of(new SourcePosition(f, 62, 7), new SourcePosition(f, 63, 8), new SourcePosition(f, 64, 7))));
        assertThat(m.source()).isEqualTo(f);
    }

    @Test
    void minimalManifestGetsDefaults() {
        Manifest m = parse("name: x\n");
        assertThat(m.caseConfig()).isEqualTo(CaseConfig.defaults());
        assertThat(m.historicalAction()).isEqualTo(HistoricalActionSpec.defaults());
        assertThat(m.ranking()).isEqualTo(RankingSpec.defaults());
        assertThat(m.historicalAction().distributionField()).isNull();
        assertThat(m.behaviourModel()).isEqualTo(BehaviourModelSpec.defaults());
        assertThat(m.behaviourModel().usesDefaults()).isTrue();
        assertThat(parse("name: x\nbehaviour_model: {features: []}\n").behaviourModel().usesDefaults()).isTrue();
        assertThat(parse("name: x\nbehaviour_model: {}\n").behaviourModel().usesDefaults()).isTrue();
        assertThat(m.decisionPoints()).isEmpty();
        assertThat(m.version()).isNull();
    }

    @Test
    void decisionPointsMayDeclareActionsWhenNoTopLevelListExists() {
        Manifest m = parse("name: x\ndecision_points:\n  - {name: a, trigger: t, allowed_actions: [call, mail]}\n");
        assertThat(m.actionsFor(m.decisionPoints().get(0))).containsExactly(Action.of("call"), Action.of("mail"));
    }

    @Test
    void theExampleManifestLoads() {
        Path example = Path.of("../examples/lead-followup/manifest.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(example), "example not generated yet");
        Manifest m = Datasets.loadManifest(example);
        assertThat(m.name()).isEqualTo("lead-followup");
        assertThat(m.decisionPoints()).isNotEmpty();
        assertThat(m.decisionPoints().stream().filter(d -> d.condition() != null))
                .allSatisfy(d -> assertThat(d.conditionPosition().line()).isPositive());
    }

    private static void fails(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ArenaException.class).hasMessage(message);
    }

    @Test
    void unknownKeySuggestsTheClosest() {
        fails("name: x\ndecision_points:\n  - name: a\n    trigger: t\n    condtion: \"x > 1\"\n",
                "m.yaml:5:5: unknown key 'condtion' in decision point (did you mean 'condition'?) "
                        + "(allowed: allowed_actions, condition, name, trigger)");
        fails("name: x\nrankng: {k: 3}\n", "m.yaml:2:1: unknown key 'rankng' in the manifest (did you mean 'ranking'?) "
                + "(allowed: allowed_actions, behaviour_model, case, constraints, decision_points, description, "
                + "historical_action, name, outcomes, ranking, version)");
        // six letters short of distribution_field: a third of the longer name (core.input.Suggestions)
        fails("name: x\nhistorical_action: {distribution: probs}\n", "m.yaml:2:21: unknown key 'distribution' in "
                + "historical_action (did you mean 'distribution_field'?) (allowed: distribution_field, event_type, "
                + "field, propensity_field)");
        fails("name: x\nhistorical_action: {distributon_field: probs}\n", "m.yaml:2:21: unknown key "
                + "'distributon_field' in historical_action (did you mean 'distribution_field'?) "
                + "(allowed: distribution_field, event_type, field, propensity_field)");
        fails("name: x\nbehavior_model: {features: [a]}\n", "m.yaml:2:1: unknown key 'behavior_model' in the "
                + "manifest (did you mean 'behaviour_model'?) (allowed: allowed_actions, behaviour_model, case, "
                + "constraints, decision_points, description, historical_action, name, outcomes, ranking, version)");
        fails("name: x\nbehaviour_model: {feature: [a]}\n", "m.yaml:2:19: unknown key 'feature' in behaviour_model "
                + "(did you mean 'features'?) (allowed: features)");
    }

    @Test
    void theNewKeysCheckTheirValues() {
        fails("name: x\nhistorical_action: {distribution_field: [a, b]}\n",
                "m.yaml:2:41: historical_action.distribution_field must be a single value, got a list");
        fails("name: x\nhistorical_action: {distribution_field: ''}\n",
                "m.yaml:2:41: historical_action.distribution_field must not be empty");
        fails("name: x\nhistorical_action: {field: chosen, distribution_field: chosen}\n",
                "m.yaml:2:56: historical_action.distribution_field 'chosen' must differ from field 'chosen' and "
                        + "propensity_field 'propensity'");
        fails("name: x\nhistorical_action: {distribution_field: propensity}\n",
                "m.yaml:2:41: historical_action.distribution_field 'propensity' must differ from field 'action' and "
                        + "propensity_field 'propensity'");
        fails("name: x\nbehaviour_model: [budget]\n", "m.yaml:2:18: behaviour_model must be a mapping, got a list");
        fails("name: x\nbehaviour_model: {features: budget}\n",
                "m.yaml:2:29: behaviour_model.features must be a list, got a string 'budget'");
        fails("name: x\nbehaviour_model: {features: [budget, {a: 1}]}\n",
                "m.yaml:2:38: behaviour_model.features entry must be a single value, got a mapping");
        fails("name: x\nbehaviour_model: {features: [budget, null]}\n",
                "m.yaml:2:38: behaviour_model.features must not contain null");
        fails("name: x\nbehaviour_model: {features: [budget, ' ']}\n",
                "m.yaml:2:38: behaviour_model.features must not contain an empty name");
        fails("name: x\nbehaviour_model:\n  features:\n    - budget\n    - status\n    - budget\n",
                "m.yaml:6:7: behaviour_model.features lists 'budget' twice (first at line 4)");
    }

    @Test
    void wrongTypesAreErrors() {
        fails("name: x\ndecision_points: {a: 1}\n", "m.yaml:2:18: the manifest.decision_points must be a list, "
                + "got a mapping");
        fails("name: x\ncase: [a]\n", "m.yaml:2:7: case must be a mapping, got a list");
        fails("name: x\nranking: {k: ten}\n", "m.yaml:2:14: ranking.k must be an integer, got a string 'ten'");
        fails("name: [x]\n", "m.yaml:1:7: the manifest.name must be a single value, got a list");
        fails("name: x\ndecision_points:\n  - name: a\n    trigger: t\n    condition: {x: 1}\n",
                "m.yaml:5:16: condition of 'a' must be a single value, got a mapping");
    }

    @Test
    void missingRequiredKeysAreErrors() {
        fails("version: 1\n", "m.yaml:1:1: the manifest needs 'name'");
        fails("name: x\ndecision_points:\n  - name: a\n", "m.yaml:3:5: decision point needs 'trigger'");
        fails("name: x\nconstraints:\n  - name: c\n    rule: null\n",
                "m.yaml:4:5: constraint needs 'rule' (it is null)");
        fails("name: x\nallowed_actions:\n  - description: d\n", "m.yaml:3:5: allowed action needs 'action'");
    }

    @Test
    void badDurationsAndSeveritiesAreErrors() {
        fails("name: x\noutcomes: {horizon: 30}\n", "m.yaml:2:21: outcomes.horizon must be a duration like 30d, 12h "
                + "or P30D, got an integer '30' (a unit is required)");
        fails("name: x\nranking: {period: 3 days}\n", "m.yaml:2:19: ranking.period: bad duration '3 days' (expected "
                + "e.g. 30d, 12h, 90m, 45s, 500ms, 2w or ISO-8601 like P30D)");
        fails("name: x\nconstraints:\n  - {name: c, rule: r, severity: critcal}\n",
                "m.yaml:3:34: constraint 'c': unknown severity 'critcal' (did you mean 'critical'?) "
                        + "(expected warning, violation or critical)");
        fails("name: x\nranking: {k: 0}\n", "m.yaml:2:14: ranking.k must be positive, got '0'");
    }

    @Test
    void duplicatesAreErrors() {
        fails("name: x\ndecision_points:\n  - {name: a, trigger: t}\n  - {name: a, trigger: u}\n",
                "m.yaml:4:12: duplicate decision point name 'a' (first at line 3)");
        fails("name: x\nconstraints:\n  - {name: c, rule: r}\n  - {name: c, rule: s}\n",
                "m.yaml:4:12: duplicate constraint name 'c' (first at line 3)");
        fails("name: x\nallowed_actions: [call, call]\n", "m.yaml:2:25: duplicate action 'call' (first declared at "
                + "line 2)");
        fails("name: x\nname: y\n", "m.yaml:2:1: duplicate key 'name' in the manifest (first at line 1)");
        fails("name: x\noutcomes: {positive: [won], negative: [won]}\n",
                "m.yaml:2:40: outcome 'won' is listed as both positive and negative");
    }

    @Test
    void undeclaredActionOfADecisionPointIsAnError() {
        fails("name: x\nallowed_actions: [send_email, wait]\ndecision_points:\n"
                        + "  - {name: a, trigger: t, allowed_actions: [send_emial]}\n",
                "m.yaml:4:45: decision point 'a' allows action 'send_emial', which allowed_actions does not declare "
                        + "(did you mean 'send_email'?) (declared: send_email, wait)");
    }

    @Test
    void unsafeYamlIsRejected() {
        fails("name: !!javax.script.ScriptEngineManager [x]\n",
                "m.yaml:1:7: invalid YAML: Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager");
        fails("name: !custom x\n", "m.yaml:1:7: YAML tag '!custom' is not allowed in a manifest");
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 8; i++) {
            bomb.append((char) ('b' + i)).append(": &").append((char) ('b' + i)).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*" + (char) ('a' + i))))
                    .append("]\n");
        }
        // The 21st alias is the third of line 4 (d's list): the limits' errors name where they were reached.
        fails(bomb.toString(), "m.yaml:4:16: invalid YAML: more than 20 aliases to lists or mappings");
        fails("name: x\ndescription: " + "[".repeat(40) + "]".repeat(40) + "\n",
                "m.yaml:2:45: invalid YAML: lists and mappings nested more than 32 deep");
        fails("name: \"a\u0007\"\n", "m.yaml:1:9: invalid YAML: character U+0007 is not allowed in YAML text");
        fails("name: x\n---\nname: y\n", "m.yaml:2:1: invalid YAML: expected a single document in the stream: "
                + "but found another document");
        fails("name: [x\n", "m.yaml:2:1: invalid YAML: while parsing a flow sequence: expected ',' or ']', but got "
                + "<stream end>");
        fails("", "m.yaml: manifest is empty");
        fails("name: x\nranking:\n  <<: {k: 3}\n", "m.yaml:3:3: YAML merge keys (<<) are not supported");
    }

    @Test
    void anExplicitlyEmptyActionListIsAnError() {
        fails("name: x\nallowed_actions: [send_email, wait]\ndecision_points:\n"
                        + "  - {name: a, trigger: t, allowed_actions: []}\n",
                "m.yaml:4:44: decision point 'a': allowed_actions is empty, so no action could be taken; list at least"
                        + " one, or leave the key out to allow every declared action");
    }

    @Test
    void oversizeAndNonUtf8ManifestsAreRejectedBeforeParsing(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        // 1.1 MB of comments, then one 1.1 MB scalar: both refused by size, at once (was: accepted, and 53 s).
        Path comments = dir.resolve("comments.yaml");
        java.nio.file.Files.writeString(comments, "name: x\n" + "# padding\n".repeat(110_000));
        long started = System.nanoTime();
        assertThatThrownBy(() -> Datasets.loadManifest(comments)).isInstanceOf(ArenaException.class)
                .hasMessage(comments + ": manifest is too large (1,100,008 bytes; a manifest is at most 1,048,576"
                        + " bytes, comments included)");
        Path scalar = dir.resolve("scalar.yaml");
        java.nio.file.Files.writeString(scalar, "name: " + "x".repeat(1_100_000) + "\n");
        assertThatThrownBy(() -> Datasets.loadManifest(scalar)).hasMessageContaining("manifest is too large");
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(5_000);
        // Latin-1 'é' (0xE9) on line 2: named by line, column and byte offset.
        Path latin1 = dir.resolve("latin1.yaml");
        java.nio.file.Files.write(latin1, "name: x\ndescription: caf\u00e9\n".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Datasets.loadManifest(latin1)).isInstanceOf(ArenaException.class)
                .hasMessage(latin1 + ":2:17: manifest is not valid UTF-8: byte 0xE9 at byte offset 24 (save the file"
                        + " as UTF-8)");
    }

    @Test
    void writtenButEmptyOrOutOfRangeValuesAreErrors() {
        // A blank condition was read as none: a decision point at every trigger.
        fails("name: x\ndecision_points:\n  - {name: a, trigger: t, condition: \"  \"}\n",
                "m.yaml:3:38: decision point 'a': condition is empty; write one, or leave the key out for a decision"
                        + " point at every trigger");
        // 10^20 days was Long.MAX_VALUE milliseconds: no horizon, and an overflow (exit 3) as a ranking period.
        fails("name: x\noutcomes: {horizon: 99999999999999999999d}\n", "m.yaml:2:21: outcomes.horizon: duration"
                + " '99999999999999999999d' is longer than 100 years (36,525 days), longer than any log");
        fails("name: x\nranking: {period: P99999D}\n", "m.yaml:2:19: ranking.period: duration 'P99999D' is longer"
                + " than 100 years (36,525 days), longer than any log");
        // Was accepted here and refused by the evaluation, with no file or line.
        fails("name: x\nranking: {period: PT0.0005S}\n", "m.yaml:2:19: ranking.period must be a whole number of"
                + " milliseconds, got 'PT0.0005S'");
    }

    @Test
    void quotedValuesStayOnTheMessagesLine() {
        fails("name: x\nranking:\n  k: |\n    ten\n    or so\n", "m.yaml:3:6: ranking.k must be an integer, got a"
                + " string 'ten\\nor so\\n'");
    }

    @Test
    void aFolderNamedLikeTheManifestIsNamedAsOne(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path folder = java.nio.file.Files.createDirectory(dir.resolve("manifest.yaml"));
        assertThatThrownBy(() -> Datasets.loadManifest(folder)).isInstanceOf(ArenaException.class)
                .hasMessage(folder + ": manifest is a folder, not a file");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = Path.of("no/such/manifest.yaml");
        assertThatThrownBy(() -> Datasets.loadManifest(missing)).isInstanceOf(ArenaException.class)
                .hasMessage(missing + ": manifest not found");
    }
}
