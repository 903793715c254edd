package org.systemarena.integrations.dfg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.integrations.performance.DurationStats;

class DirectlyFollowsGraphTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static EventLog log() {
        EventLogBuilder b = EventLog.builder();
        String[][] traces = {{"a", "b", "c"}, {"a", "c", "b", "b"}, {"a"}};
        long[][] seconds = {{0, 10, 30}, {0, 5, 6, 10}, {0}};
        for (int t = 0; t < traces.length; t++) {
            for (int i = 0; i < traces[t].length; i++) {
                b.startEvent("case" + t, T0.plusSeconds(seconds[t][i])).eventType("x").activity(traces[t][i]);
            }
        }
        return b.build();
    }

    @Test
    void countsEdgesStartsEndsAndOccurrences() {
        DirectlyFollowsGraph dfg = DirectlyFollowsGraph.of(log());
        assertThat(dfg.activityCounts()).isEqualTo(Map.of("a", 3L, "b", 3L, "c", 2L));
        assertThat(dfg.startActivities()).isEqualTo(Map.of("a", 3L));
        assertThat(dfg.endActivities()).isEqualTo(Map.of("a", 1L, "b", 1L, "c", 1L));
        assertThat(dfg.edges()).containsExactly(
                new DirectlyFollowsGraph.Edge("a", "b", 1), new DirectlyFollowsGraph.Edge("a", "c", 1),
                new DirectlyFollowsGraph.Edge("b", "b", 1), new DirectlyFollowsGraph.Edge("b", "c", 1),
                new DirectlyFollowsGraph.Edge("c", "b", 1));
    }

    @Test
    void performanceOfEachEdge() {
        PerformanceDfg dfg = PerformanceDfg.of(log());
        DurationStats ab = dfg.get("a", "b");
        assertThat(ab.count()).isEqualTo(1);
        assertThat(ab.mean()).isEqualTo(10.0);
        assertThat(ab.stdev()).isNull();
        assertThat(dfg.get("b", "c").mean()).isEqualTo(20.0);
        assertThat(dfg.get("c", "b").mean()).isEqualTo(1.0);
        assertThat(dfg.get("b", "b").mean()).isEqualTo(4.0);
        assertThat(dfg.get("c", "a")).isNull();
    }

    @Test
    void emptyLog() {
        DirectlyFollowsGraph dfg = DirectlyFollowsGraph.of(EventLog.empty());
        assertThat(dfg.edges()).isEmpty();
        assertThat(dfg.activities()).isEmpty();
    }
}
