package org.systemarena.integrations.xes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.systemarena.core.EventLog;

class XesReaderTest {

    static Stream<Arguments> referenceLogs() {
        return Pm4pyFixtures.XES_LOGS.stream().map(l -> Arguments.of(l[0], l[1]));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("referenceLogs")
    void countsMatchPm4pySummary(String name, String file) {
        EventLog log = Xes.read(Pm4pyFixtures.path("input_logs/" + file));
        JsonNode summary = Pm4pyFixtures.json("outputs/" + name + "/summary.json");

        assertThat(log.caseCount()).isEqualTo(summary.get("n_cases").asInt());
        assertThat(log.size()).isEqualTo(summary.get("n_events").asInt());
        assertThat(counts(log, "activity")).isEqualTo(jsonCounts(summary.get("activity_counts")));
        assertThat(counts(log, "lifecycle")).isEqualTo(jsonCounts(summary.get("lifecycle_transition_counts")));
        assertThat(startOrEnd(log, true)).isEqualTo(jsonCounts(summary.get("start_activities")));
        assertThat(startOrEnd(log, false)).isEqualTo(jsonCounts(summary.get("end_activities")));
    }

    @Test
    void mapsTheMinimalLogField() {
        EventLog log = Xes.read(Pm4pyFixtures.path("formats/handwritten/minimal.xes"));
        assertThat(log.caseIds()).containsExactly("case-1", "case-2");
        assertThat(log.size()).isEqualTo(6);
        int first = log.caseStart(0);
        assertThat(log.activity(first)).isEqualTo("submit");
        assertThat(log.eventType(first)).isEqualTo("xes.event");
        assertThat(log.actor(first).id()).isEqualTo("alice");
        assertThat(log.timestamp(first)).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(log.payload().map(first)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "lifecycle:transition", "complete", "amount", 120.5, "case:outcome", "approved"));
        assertThat(log.payload().get(first + 3, "automated")).isEqualTo(false);
        assertThat(log.payload().get(log.caseStart(1), "priority")).isEqualTo(2L);
        assertThat(log.payload().get(log.caseStart(1), "case:outcome")).isEqualTo("rejected");
        assertThat(log.actor(first + 3).id()).isNull();
    }

    @Test
    void convertsOffsetsByDefaultAndReplacesThemInPm4pyMode() {
        var path = Pm4pyFixtures.path("input_logs/running-example.xes");
        EventLog correct = Xes.read(path);
        EventLog pm4py = Xes.read(path, XesOptions.pm4pyTimestamps());
        int row = correct.caseView("3").orElseThrow().start();
        // <date key="time:timestamp" value="2010-12-30T14:32:00.000+01:00"/>, first event of trace "3"
        assertThat(correct.timestamp(row)).isEqualTo(Instant.parse("2010-12-30T13:32:00Z"));
        int row2 = pm4py.caseView("3").orElseThrow().start();
        assertThat(pm4py.timestamp(row2)).isEqualTo(Instant.parse("2010-12-30T14:32:00Z"));
    }

    private static Map<String, Integer> counts(EventLog log, String what) {
        Map<String, Integer> m = new TreeMap<>();
        for (int r = 0; r < log.size(); r++) {
            Object v = what.equals("activity") ? log.activity(r) : log.payload().get(r, "lifecycle:transition");
            if (v != null) {
                m.merge(v.toString(), 1, Integer::sum);
            }
        }
        return m;
    }

    private static Map<String, Integer> startOrEnd(EventLog log, boolean start) {
        Map<String, Integer> m = new TreeMap<>();
        for (int c = 0; c < log.caseCount(); c++) {
            m.merge(log.activity(start ? log.caseStart(c) : log.caseEnd(c) - 1), 1, Integer::sum);
        }
        return m;
    }

    static Map<String, Integer> jsonCounts(JsonNode node) {
        Map<String, Integer> m = new TreeMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asInt()));
        return m;
    }
}
