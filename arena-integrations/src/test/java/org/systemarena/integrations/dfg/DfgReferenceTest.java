package org.systemarena.integrations.dfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.systemarena.core.EventLog;
import org.systemarena.integrations.discovery.Pm4pyReference;
import org.systemarena.integrations.performance.DurationStats;

/** Frequency and performance DFGs equal PM4Py's dfg_frequency.json and dfg_performance.json on every reference log. */
class DfgReferenceTest {

    static List<String> logs() {
        return Pm4pyReference.LOGS;
    }

    @ParameterizedTest
    @MethodSource("logs")
    void frequencyDfgEqualsPm4py(String name) {
        JsonNode expected = Pm4pyReference.json(name, "dfg_frequency.json");
        DirectlyFollowsGraph dfg = DirectlyFollowsGraph.of(Pm4pyReference.log(name));

        Map<String, Long> expectedEdges = new HashMap<>();
        expected.get("edges").forEach(e -> expectedEdges.put(e.get("source").asText() + " -> " + e.get("target").asText(),
                e.get("count").asLong()));
        Map<String, Long> actualEdges = new HashMap<>();
        dfg.edges().forEach(e -> actualEdges.put(e.source() + " -> " + e.target(), e.count()));
        assertThat(actualEdges).isEqualTo(expectedEdges);
        assertThat(dfg.startActivities()).isEqualTo(counts(expected.get("start_activities")));
        assertThat(dfg.endActivities()).isEqualTo(counts(expected.get("end_activities")));
        assertThat(dfg.edgeCount("no such", "activity")).isZero();
    }

    @ParameterizedTest
    @MethodSource("logs")
    void activityCountsEqualPm4pySummary(String name) {
        EventLog log = Pm4pyReference.log(name);
        DirectlyFollowsGraph dfg = DirectlyFollowsGraph.of(log);
        assertThat(dfg.activityCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(log.size());
        assertThat(dfg.startActivities().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(log.caseCount());
    }

    @ParameterizedTest
    @MethodSource("logs")
    void performanceDfgEqualsPm4pyToTheMillisecond(String name) {
        JsonNode expected = Pm4pyReference.json(name, "dfg_performance.json");
        PerformanceDfg dfg = PerformanceDfg.of(Pm4pyReference.log(name));
        assertThat(dfg.edges()).hasSize(expected.get("edges").size());
        for (JsonNode e : expected.get("edges")) {
            String source = e.get("source").asText();
            String target = e.get("target").asText();
            DurationStats s = dfg.get(source, target);
            assertThat(s).as(source + " -> " + target).isNotNull();
            assertThat(s.mean()).as("mean " + source + " -> " + target).isCloseTo(e.get("mean").asDouble(), within(1e-3));
            assertThat(s.median()).as("median").isCloseTo(e.get("median").asDouble(), within(1e-3));
            assertThat(s.min()).as("min").isCloseTo(e.get("min").asDouble(), within(1e-3));
            assertThat(s.max()).as("max").isCloseTo(e.get("max").asDouble(), within(1e-3));
            assertThat(s.sum()).as("sum").isCloseTo(e.get("sum").asDouble(), within(1e-3));
            if (e.get("stdev").isNull()) {
                assertThat(s.stdev()).as("stdev " + source + " -> " + target).isNull();
            } else {
                assertThat(s.stdev()).as("stdev " + source + " -> " + target)
                        .isCloseTo(e.get("stdev").asDouble(), within(1e-3));
            }
        }
    }

    static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> m = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asLong()));
        return m;
    }
}
