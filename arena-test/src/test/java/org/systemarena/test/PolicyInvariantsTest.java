package org.systemarena.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.MultipleFailuresError;
import org.systemarena.core.ExampleDir;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.policy.Decision;
import org.systemarena.policy.HistoricalPolicy;
import org.systemarena.policy.Policy;

/** Policy invariants at every decision point of the bundled example (1,649 of them). */
class PolicyInvariantsTest {
    private static final Workflow WORKFLOW = Datasets.loadWorkflow(ExampleDir.DIR);

    @TestFactory
    List<DynamicTest> aWellBehavedPolicyKeepsAllThree() {
        return PolicyInvariants.check(new SoftenedRepsPolicy(), WORKFLOW).dynamicTests();
    }

    @Test
    void eachInvariantNamesItsCounterexamples() {
        PolicyInvariants sloppy = PolicyInvariants.check(new SloppyPolicy(), WORKFLOW);
        assertThat(sloppy.decisionPoints()).isEqualTo(1_649);
        assertThat(sloppy.exceptions()).isEmpty();
        sloppy.assertNoException();
        assertThatThrownBy(sloppy::assertAlwaysAllowedAction).isInstanceOf(AssertionError.class).hasMessage(
                "Expected 'sloppy' to decide an allowed action at every decision point, but it did not at "
                        + sloppy.disallowedActions().size() + " of 1,649 decision points; the first 3: "
                        + first(sloppy.disallowedActions()) + ".");
        assertThat(sloppy.disallowedActions()).allSatisfy(c -> {
            assertThat(c.rule()).isEqualTo("inbound_reply");
            assertThat(c.problem()).isEqualTo("action 'fax' is not allowed (allowed: send_email, make_call, wait,"
                    + " escalate)");
        });
        assertThat(sloppy.illFormedProbabilities()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.rule()).isEqualTo("follow_up_check");
            assertThat(c.problem()).startsWith("probabilities must sum to 1, got 0.9");
        });
        // One lead is quiet more than 20 days; the map's order is Map.copyOf's, which varies between JVMs.
        assertThatThrownBy(sloppy::assertWellFormedProbabilities).hasMessageStartingWith(
                "Expected 'sloppy' to give well-formed probabilities at every decision point, but it did not at 1 of"
                        + " 1,649 decision points: decision point lead-000045#14/follow_up_check (case lead-000045,"
                        + " rule follow_up_check): probabilities must sum to 1, got 0.9 for {");
        assertThatThrownBy(sloppy::assertAll).isInstanceOf(MultipleFailuresError.class)
                .satisfies(e -> assertThat(((MultipleFailuresError) e).getFailures()).hasSize(2));
    }

    @Test
    void anExceptionIsNamedWithItsDecisionPoint() {
        PolicyInvariants failing = PolicyInvariants.check(new FailingPolicy(), WORKFLOW);
        failing.assertAlwaysAllowedAction().assertWellFormedProbabilities();
        assertThat(failing.exceptions()).hasSize(556);
        assertThatThrownBy(failing::assertAll).isInstanceOf(AssertionError.class).hasMessage(
                "Expected 'failing' to throw at no decision point, but it threw at 556 of 1,649 decision points; the"
                        + " first 3: decision point lead-000001#1/inbound_reply (case lead-000001, rule inbound_reply):"
                        + " IllegalStateException: no rule for a budget of 3700; " + failing.exceptions().get(1) + "; "
                        + failing.exceptions().get(2) + ".");
    }

    @Test
    void probabilitiesOnActionsNotAllowedAreIllFormed() {
        Policy faxOnTheSide = new Policy() {
            @Override
            public String name() {
                return "fax-on-the-side";
            }

            @Override
            public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
                return Decision.of("make_call").withProbabilities(Map.of("make_call", 0.75, "fax", 0.25));
            }
        };
        PolicyInvariants p = PolicyInvariants.check(faxOnTheSide, WORKFLOW);
        assertThat(p.illFormedProbabilities()).hasSize(1_649).allSatisfy(c -> assertThat(c.problem()).isEqualTo(
                "probability 0.25 on 'fax', which is not allowed (allowed: send_email, make_call, wait, escalate)"));
        assertThat(p.disallowedActions()).isEmpty();
    }

    @Test
    void historicalIsNotAPolicyToCheck() {
        assertThatThrownBy(() -> PolicyInvariants.check(HistoricalPolicy.withFallback("wait"), WORKFLOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'historical' replays the log's own actions; its invariants are the log's, not a"
                        + " policy's");
    }

    private static String first(List<Counterexample> found) {
        return String.join("; ", found.stream().limit(3).map(Counterexample::toString).toList());
    }
}
