package org.systemarena.test;

import static org.systemarena.test.ArenaAssertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.systemarena.core.manifest.Severity;
import org.systemarena.datasets.Workflow;
import org.systemarena.run.RunResult;
import org.systemarena.test.ArenaWorkflow;
import org.systemarena.test.PolicyInvariants;

/** docs/testing.md's example, as written there (TestingDocTest checks the doc shows this file's lines). */
@ArenaWorkflow(value = "examples/lead-followup", policyClasses = MoreCallsPolicy.class,
        baselines = {"historical:fallback=wait", "random:seed=7"})
class MoreCallsPolicyTest {
    @Test
    void keepsTheRules(RunResult run) {
        assertThat(run).policy("more-calls").hasNoViolations(Severity.VIOLATION).hasNoDecisionErrors();
    }

    @Test
    void isNotWorseThanTheRepsByMoreThanFivePoints(RunResult run) {
        assertThat(run).policy("more-calls").conversion().orSkipIfInconclusive()
                .isNotWorseThan("historical").by(0.05);
    }

    @Test
    void beatsRandom(RunResult run) {
        assertThat(run).policy("more-calls").conversion().isBetterThan("random");
    }

    @TestFactory
    List<DynamicTest> keepsItsInvariantsAtEveryDecisionPoint(Workflow workflow) {
        return PolicyInvariants.check(new MoreCallsPolicy(), workflow).dynamicTests();
    }
}
