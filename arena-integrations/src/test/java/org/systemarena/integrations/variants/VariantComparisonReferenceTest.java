package org.systemarena.integrations.variants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.systemarena.integrations.dfg.DirectlyFollowsGraph;
import org.systemarena.integrations.discovery.Pm4pyReference;

/** Groups split by end activity equal PM4Py's variant_comparison_by_outcome.json. */
class VariantComparisonReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"running-example", "reviewing", "roadtraffic100traces"})
    void groupsEqualPm4py(String name) {
        JsonNode expected = Pm4pyReference.json(name, "variant_comparison_by_outcome.json");
        VariantComparison comparison = VariantComparison.compare(Pm4pyReference.log(name), CaseClassifier.byEndActivity(
                expected.get("success_end_activity").asText(), expected.get("failure_end_activity").asText()));
        check(comparison.successful(), expected.get("success"));
        check(comparison.unsuccessful(), expected.get("failure"));
        int total = Pm4pyReference.log(name).caseCount();
        assertThat(comparison.unclassifiedCases())
                .isEqualTo(total - comparison.successful().caseCount() - comparison.unsuccessful().caseCount());
        assertThat(comparison.summary()).contains("successful: " + comparison.successful().caseCount() + " cases");
    }

    private static void check(GroupProfile group, JsonNode expected) {
        assertThat(group.caseCount()).isEqualTo(expected.get("n_cases").asInt());
        JsonNode d = expected.get("case_duration_seconds");
        assertThat(group.caseDuration().mean()).isCloseTo(d.get("mean").asDouble(), within(1e-3));
        assertThat(group.caseDuration().median()).isCloseTo(d.get("median").asDouble(), within(1e-3));
        assertThat(group.caseDuration().min()).isCloseTo(d.get("min").asDouble(), within(1e-3));
        assertThat(group.caseDuration().max()).isCloseTo(d.get("max").asDouble(), within(1e-3));
        assertThat(VariantsReferenceTest.asMap(group.variants())).isEqualTo(VariantsReferenceTest.expectedMap(expected));
        Map<String, Long> expectedEdges = new HashMap<>();
        expected.get("dfg").forEach(e -> expectedEdges.put(e.get("source").asText() + " -> " + e.get("target").asText(),
                e.get("count").asLong()));
        Map<String, Long> actualEdges = new HashMap<>();
        List<DirectlyFollowsGraph.Edge> edges = group.dfg().edges();
        edges.forEach(e -> actualEdges.put(e.source() + " -> " + e.target(), e.count()));
        assertThat(actualEdges).isEqualTo(expectedEdges);
    }
}
