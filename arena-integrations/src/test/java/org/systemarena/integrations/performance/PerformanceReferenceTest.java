package org.systemarena.integrations.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.systemarena.integrations.discovery.Pm4pyReference;

/** Case durations and interval service/waiting times equal PM4Py's reference figures. */
class PerformanceReferenceTest {

    static List<String> logs() {
        return Pm4pyReference.LOGS;
    }

    static List<String> lifecycleLogs() {
        return Pm4pyReference.LIFECYCLE_LOGS;
    }

    @ParameterizedTest
    @MethodSource("logs")
    void caseDurationsEqualPm4py(String name) {
        JsonNode expected = Pm4pyReference.json(name, "case_durations.json");
        CaseDurations durations = CaseDurations.of(Pm4pyReference.log(name));
        JsonNode sorted = expected.get("all_case_durations_sorted");
        double[] actual = durations.sortedSeconds();
        assertThat(actual).hasSize(sorted.size());
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).isCloseTo(sorted.get(i).asDouble(), within(1e-3));
        }
        JsonNode perCase = expected.get("per_case");
        assertThat(durations.cases()).hasSize(perCase.size());
        for (CaseDurations.CaseDuration d : durations.cases()) {
            JsonNode e = perCase.get(d.caseId());
            assertThat(e).as(d.caseId()).isNotNull();
            // The reference stores start and end as whole epoch seconds (truncated).
            assertThat(d.start().getEpochSecond()).isEqualTo(e.get("start").asLong());
            assertThat(d.end().getEpochSecond()).isEqualTo(e.get("end").asLong());
            assertThat(d.seconds()).isCloseTo(e.get("duration").asDouble(), within(1e-3));
        }
    }

    @ParameterizedTest
    @MethodSource("lifecycleLogs")
    void serviceAndWaitingTimesEqualPm4py(String name) {
        JsonNode expected = Pm4pyReference.json(name, "interval_service_and_waiting_times.json");
        ServiceAndWaitingTimes times = ServiceAndWaitingTimes.of(Pm4pyReference.log(name));
        assertThat(times.serviceTimes().keySet()).containsExactlyInAnyOrderElementsOf(
                () -> expected.get("service_time_mean").fieldNames());
        expected.get("service_time_mean").fields().forEachRemaining(f -> assertThat(
                times.serviceTimes().get(f.getKey()).mean()).as("service mean " + f.getKey())
                .isCloseTo(f.getValue().asDouble(), within(1e-3)));
        expected.get("service_time_median").fields().forEachRemaining(f -> assertThat(
                times.serviceTimes().get(f.getKey()).median()).as("service median " + f.getKey())
                .isCloseTo(f.getValue().asDouble(), within(1e-3)));
        JsonNode edges = expected.get("waiting_time_dfg");
        assertThat(times.waitingTimes()).hasSize(edges.size());
        for (JsonNode e : edges) {
            String label = e.get("source").asText() + " -> " + e.get("target").asText();
            DurationStats s = times.waitingTime(e.get("source").asText(), e.get("target").asText());
            assertThat(s).as(label).isNotNull();
            assertThat(s.mean()).as("mean " + label).isCloseTo(e.get("mean").asDouble(), within(1e-3));
            assertThat(s.median()).as("median " + label).isCloseTo(e.get("median").asDouble(), within(1e-3));
            assertThat(s.min()).as("min " + label).isCloseTo(e.get("min").asDouble(), within(1e-3));
            assertThat(s.max()).as("max " + label).isCloseTo(e.get("max").asDouble(), within(1e-3));
            assertThat(s.sum()).as("sum " + label).isCloseTo(e.get("sum").asDouble(), within(1e-3));
            if (e.get("stdev").isNull()) {
                assertThat(s.stdev()).as("stdev " + label).isNull();
            } else {
                assertThat(s.stdev()).as("stdev " + label).isCloseTo(e.get("stdev").asDouble(), within(1e-3));
            }
        }
    }
}
