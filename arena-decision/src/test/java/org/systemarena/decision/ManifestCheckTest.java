package org.systemarena.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.BehaviourModelSpec;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.OutcomeSpec;
import org.systemarena.core.manifest.Severity;
import org.systemarena.core.manifest.SourcePosition;

/** Manifest expressions are checked against the log before extraction, every problem reported at once. */
class ManifestCheckTest {
    private static Manifest manifest(String condition, String rule) {
        return TestManifests.of(List.of(
                        new DecisionPointSpec("r1", "decision.requested", condition, List.of(),
                                new SourcePosition("manifest.yaml", 12, 16)),
                        new DecisionPointSpec("r2", "decision.requested", "budget > ", List.of(),
                                new SourcePosition("manifest.yaml", 20, 16))),
                new OutcomeSpec(List.of("won"), List.of(), List.of(), null),
                List.of(new ConstraintSpec("c1", rule, Severity.WARNING, "m",
                        new SourcePosition("manifest.yaml", 30, 11))));
    }

    @Test
    void reportsEveryProblemWithFileLineColumnAndSuggestion() {
        Manifest m = manifest("budjet > 3 and total_event > 1 or event.budgte == 2",
                "policy_action('call', 7) > 2 and action.params.x > 1 and action_type == 'call' and statu == 'x'");
        String c = " in: budjet > 3 and total_event > 1 or event.budgte == 2";
        String r = " in: policy_action('call', 7) > 2 and action.params.x > 1 and action_type == 'call' and statu == 'x'";
        assertThat(DecisionPointExtractor.check(m, SnapshotValuesTest.log(), List.of())).containsExactly(
                "manifest.yaml:12:16: decision point 'r1' condition: unknown name 'budjet', did you mean 'budget'?" + c,
                "manifest.yaml:12:31: decision point 'r1' condition: unknown name 'total_event', did you mean "
                        + "'total_events'?" + c,
                "manifest.yaml:12:50: decision point 'r1' condition: unknown name 'event.budgte', did you mean "
                        + "'event.budget'?" + c,
                "manifest.yaml:20:25: decision point 'r2' condition: expected a value, a name or '(' but found end of "
                        + "expression in: budget > ",
                "manifest.yaml:30:11: constraint 'c1' rule: unknown function 'policy_action', did you mean "
                        + "'policy_actions'?" + r,
                "manifest.yaml:30:94: constraint 'c1' rule: unknown name 'statu', did you mean 'status'?" + r);
        assertThatThrownBy(() -> DecisionPointExtractor.of(m, SnapshotValuesTest.log()))
                .isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("6 problems in manifest test.yaml for this log:\n  manifest.yaml:12:16: ")
                .hasMessageContaining("manifest.yaml:30:94: constraint 'c1' rule: unknown name 'statu'");
    }

    @Test
    void knowsBuiltInsPayloadFieldsEventStateFeaturesAndConstraintNames() {
        Manifest m = TestManifests.of(List.of(DecisionPointSpec.of("r1", "decision.requested",
                        "days_since_last_contact > 1 and days_since_last_interaction > 1 and total_interactions > 0 "
                                + "and total_events > 0 and time_since_created_days > 0 "
                                + "and time_in_current_state_days > 0 and status == 'x' and event_type == 'y' "
                                + "and activity == 'z' and budget > 0 and source == 'web' and event.budget > 0 "
                                + "and event.channel == 'email' and event.event_id != 'a' and state.status == 'q' "
                                + "and state.stage > 1 and my_feature > 0", List.of())),
                new OutcomeSpec(List.of("won"), List.of(), List.of(), null),
                List.of(ConstraintSpec.of("c", "action_type == 'call' and action.params.delay_days < 2 "
                        + "and policy_actions('call', 7) >= 3 and budget > 10", Severity.CRITICAL, "m")));
        List<FeatureExtractor> features = List.of(FeatureExtractor.of("my_feature", v -> 1L));
        assertThat(DecisionPointExtractor.check(m, SnapshotValuesTest.log(), features)).isEmpty();
        assertThat(DecisionPointExtractor.check(m, SnapshotValuesTest.log(), List.of())).containsExactly(
                "<code>:1:399: decision point 'r1' condition: unknown name 'my_feature'"
                        + " in: " + m.decisionPoints().get(0).condition().substring(0, 200) + "... (412 characters)");
    }

    @Test
    void featureNamesMustNotClashOrRepeat() {
        Manifest m = TestManifests.of(List.of(), null);
        List<FeatureExtractor> fs = List.of(FeatureExtractor.of("status", v -> 1L),
                FeatureExtractor.of("event.x", v -> 1L), FeatureExtractor.of("f", v -> 1L),
                FeatureExtractor.of("f", v -> 2L));
        assertThat(DecisionPointExtractor.check(m, SnapshotValuesTest.log(), fs)).containsExactly(
                "feature 'status' clashes with a built-in snapshot name",
                "feature 'event.x' clashes with a built-in snapshot name",
                "feature 'f' is declared twice");
    }

    @Test
    void behaviourModelFeaturesMustBeSnapshotNamesOfTheLog() {
        List<String> names = List.of("budget", "budjet", "days_since_last_contact", "event.channel", "state.stage",
                "state.status", "my_feature", "totl_events", "zzz");
        List<SourcePosition> at = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            at.add(new SourcePosition("manifest.yaml", 40 + i, 7));
        }
        Manifest m = new Manifest("test", "1", null, null, List.of(), TestManifests.ACTIONS, null, null, null, null,
                new BehaviourModelSpec(names, at), "test.yaml");
        List<FeatureExtractor> features = List.of(FeatureExtractor.of("my_feature", v -> 1L));
        assertThat(DecisionPointExtractor.check(m, SnapshotValuesTest.log(), features)).containsExactly(
                "manifest.yaml:41:7: behaviour_model feature: unknown name 'budjet', did you mean 'budget'?",
                "manifest.yaml:47:7: behaviour_model feature: unknown name 'totl_events', did you mean "
                        + "'total_events'?",
                "manifest.yaml:48:7: behaviour_model feature: unknown name 'zzz'");
        assertThat(DecisionPointExtractor.check(m, SnapshotValuesTest.log(), List.of()))
                .contains("manifest.yaml:46:7: behaviour_model feature: unknown name 'my_feature'");
        assertThatThrownBy(() -> DecisionPointExtractor.of(m, SnapshotValuesTest.log(), features))
                .isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("3 problems in manifest test.yaml for this log:\n  manifest.yaml:41:7: ");
    }

    @Test
    void aMisspeltFeatureInAManifestFileIsReportedAtItsLineAndColumn() {
        Manifest m = org.systemarena.datasets.manifest.ManifestLoader.parse("name: x\n"
                + "allowed_actions: [call]\n"
                + "behaviour_model:\n"
                + "  features:\n"
                + "    - budget\n"
                + "    - \"total_event\"\n"
                + "    - event.chanel\n", "manifest.yaml");
        assertThat(DecisionPointExtractor.check(m, SnapshotValuesTest.log(), List.of())).containsExactly(
                "manifest.yaml:6:8: behaviour_model feature: unknown name 'total_event', did you mean 'total_events'?",
                "manifest.yaml:7:7: behaviour_model feature: unknown name 'event.chanel', did you mean "
                        + "'event.channel'?");
    }

    @Test
    void duplicateRuleNamesAreRejected() {
        Manifest m = TestManifests.of(List.of(DecisionPointSpec.of("a", "decision.requested", null, List.of()),
                DecisionPointSpec.of("a", "state.changed", null, List.of())), null);
        assertThatThrownBy(() -> DecisionPointExtractor.of(m, SnapshotValuesTest.log()))
                .isInstanceOf(ArenaException.class).hasMessageContaining("decision point name 'a' is used twice");
    }
}
