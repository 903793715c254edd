package org.systemarena.eval.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.systemarena.datasets.Workflow;
import org.systemarena.eval.Evaluation;
import org.systemarena.eval.ExampleWorkflow;
import org.systemarena.eval.verdict.RecommendedEstimate;
import org.systemarena.policy.Policy;

/**
 * The bundled example's three default policies and their truths (docs/metrics.md, "The bundled example's truth"):
 * figures pinned so a change to the generator or to how the truth is computed shows, and the estimates the log
 * supports hold their policy's truth.
 */
class ExampleTruthTest {
    private static final List<Policy> POLICIES = List.of(ExampleWorkflow.threshold(), ExampleWorkflow.random(),
            ExampleWorkflow.historical());
    private static Workflow workflow;
    private static LeadFollowupTruth truth;
    private static final java.util.Map<String, TrueConversion> TRUTHS = new java.util.HashMap<>();

    @BeforeAll
    static void load() {
        workflow = ExampleWorkflow.load();
        truth = LeadFollowupTruth.forWorkflow(workflow.dir(), workflow.log()).orElseThrow();
        for (Policy p : POLICIES) {
            TRUTHS.put(p.name(), truth.trueConversion(p));
        }
    }

    @Test
    void theDefaultPoliciesTruths() {
        assertThat(TRUTHS.get("threshold:days_since_last_contact").summary()).isEqualTo("0.4700 (exact, 300 cases)");
        assertThat(TRUTHS.get("random").summary()).isEqualTo("0.4700 ± 0.0023 (monte carlo: 100 draws per case on"
                + " 282 cases, 18 enumerated)");
        assertThat(TRUTHS.get("historical").summary()).isEqualTo("0.5501 ± 0.0022 (monte carlo: 100 draws per case"
                + " on 282 cases, 18 enumerated)");
    }

    @Test
    void theEstimatesTheLogSupportsHoldTheirTruth() {
        Evaluation evaluation = Evaluation.of(ExampleWorkflow.replay(workflow));
        int estimable = 0;
        for (Policy p : POLICIES) {
            RecommendedEstimate e = evaluation.policy(p.name()).orElseThrow().conversion().assessment().recommended();
            if (e == null) {
                continue;
            }
            double v = TRUTHS.get(p.name()).value();
            assertThat(e.covers(v)).as(p.name() + " truth " + v + " in [" + e.lower() + ", " + e.upper() + "]")
                    .isTrue();
            estimable++;
        }
        assertThat(estimable).isEqualTo(2);
        // The observed conversion is one draw of the reps' policy per lead, near its truth.
        assertThat(evaluation.observed().rate()).isCloseTo(TRUTHS.get("historical").value(), within(0.05));
    }
}
