package org.systemarena.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.core.manifest.OutcomeCategory;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;

/** The bundled example (examples/lead-followup) through the extractor and through the from-scratch reference. */
class ExampleWorkflowTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "lead-followup");

    @Test
    void extractorAgreesWithTheReferenceOnTheBundledExample() {
        Workflow w = Datasets.loadWorkflow(EXAMPLE);
        Extraction x = DecisionPointExtractor.of(w.manifest(), w.log()).extractAll();
        ReferenceExtractor.Result ref = ReferenceExtractor.extract(w.manifest(), w.log().events(), Map.of());
        ExtractionChecks.assertSame(x, ref, w.log());

        // The example is meant to exercise every label: make sure it still does.
        assertThat(x.cases()).hasSize(300);
        assertThat(x.errorCount()).isZero();
        assertThat(x.counts()).extracting(RuleCounts::rule).containsExactly("follow_up_check", "inbound_reply");
        assertThat(x.counts()).allSatisfy(c -> assertThat(c.decisionPoints()).isPositive());
        assertThat(x.counts().get(0).conditionFalse()).isPositive();
        assertThat(x.decisionPoints()).anySatisfy(p -> assertThat(p.loggedPropensity()).isNotNull());
        assertThat(x.decisionPoints()).anySatisfy(
                p -> assertThat(p.outcomeCategory()).isEqualTo(OutcomeCategory.POSITIVE));
        assertThat(x.decisionPoints()).anySatisfy(
                p -> assertThat(p.outcomeCategory()).isEqualTo(OutcomeCategory.NEGATIVE));
    }
}
