package org.systemarena.integrations.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;

class PerformanceAnalyzerTest {
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    private static void at(EventLogBuilder b, String c, long hours, String type, String newState) {
        b.startEvent(c, T0.plusSeconds(hours * 3600)).eventType(type);
        if (newState != null) {
            b.payload("new_state", newState);
        }
    }

    /** Two tickets: open -> pending -> closed; hours chosen so every figure is easy to check by hand. */
    private static EventLog tickets() {
        EventLogBuilder b = EventLog.builder();
        at(b, "t1", 0, "entity.created", null);
        at(b, "t1", 1, "state.changed", "open");
        at(b, "t1", 5, "state.changed", "pending");
        at(b, "t1", 11, "state.changed", "closed");
        at(b, "t2", 0, "entity.created", null);
        at(b, "t2", 3, "state.changed", "open");
        at(b, "t2", 5, "state.changed", "pending");
        at(b, "t2", 7, "state.changed", "closed");
        return b.build();
    }

    @Test
    void timeInStateCountsStaysUntilTheNextChange() {
        TimeInState t = TimeInState.of(tickets());
        assertThat(t.byState().keySet()).containsExactly("open", "pending");
        // open: 4h and 2h; pending: 6h and 2h
        assertThat(t.byState().get("open").mean()).isEqualTo(3 * 3600.0);
        assertThat(t.byState().get("pending").max()).isEqualTo(6 * 3600.0);
        assertThat(t.byState().get("pending").stdev()).isCloseTo(Math.sqrt(8) * 3600, within(1e-6));
        assertThat(t.openStays()).containsEntry("closed", 2L);
    }

    @Test
    void bottlenecksRankedByTotalTime() {
        PerformanceReport report = new PerformanceAnalyzer().withTopBottlenecks(2).analyze(tickets());
        assertThat(report.caseDurations().stats().mean()).isEqualTo(9 * 3600.0);
        assertThat(report.serviceAndWaitingTimes()).isNull();
        // pending -> closed: 6h + 2h = 8h; open -> pending: 4h + 2h = 6h; created -> open: 1h + 3h = 4h
        assertThat(report.bottlenecks()).hasSize(2);
        Bottleneck first = report.bottlenecks().get(0);
        assertThat(first.source()).isEqualTo("state.changed:pending");
        assertThat(first.target()).isEqualTo("state.changed:closed");
        assertThat(first.stats().sum()).isEqualTo(8 * 3600.0);
        assertThat(first.shareOfTotal()).isCloseTo(8.0 / 18, within(1e-12));
        assertThat(report.bottlenecks().get(1).source()).isEqualTo("state.changed:open");
        assertThat(report.summary())
                .contains("2 cases")
                .contains("Case duration: mean 9.0h, median 9.0h, min 7.0h, max 11.0h (n=2)")
                .contains("open: mean 3.0h")
                .contains("1. state.changed:pending -> state.changed:closed: total 8.0h (44.4% of all)");
    }

    @Test
    void intervalsPairStartAndCompleteFirstInFirstOut() {
        EventLogBuilder b = EventLog.builder();
        // a starts twice, completes twice: FIFO pairs (0,3) and (1,4); b completes without start at 6
        b.startEvent("c", T0).eventType("x").eventType("x").activity("a").payload("lifecycle:transition", "start");
        b.startEvent("c", T0.plusSeconds(1)).eventType("x").eventType("x").activity("a").payload("lifecycle:transition", "start");
        b.startEvent("c", T0.plusSeconds(3)).eventType("x").eventType("x").activity("a").payload("lifecycle:transition", "complete");
        b.startEvent("c", T0.plusSeconds(4)).eventType("x").eventType("x").activity("a").payload("lifecycle:transition", "complete");
        b.startEvent("c", T0.plusSeconds(6)).eventType("x").eventType("x").activity("b").payload("lifecycle:transition", "complete");
        ServiceAndWaitingTimes t = ServiceAndWaitingTimes.of(b.build());
        assertThat(t.intervalCount()).isEqualTo(3);
        assertThat(t.serviceTimes().get("a").mean()).isEqualTo(3.0);
        assertThat(t.serviceTimes().get("b").mean()).isZero();
        // a[0,3] -> a[1,4]: overlap, wait 0; a[1,4] -> b[6,6]: wait 2
        assertThat(t.waitingTime("a", "a").max()).isZero();
        assertThat(t.waitingTime("a", "b").mean()).isEqualTo(2.0);
        assertThat(t.waitingTime("b", "a")).isNull();
    }

    @Test
    void durationStatsMatchHandComputedValues() {
        DurationStats s = DurationStats.ofMicros(new long[] {4_000_000, 1_000_000, 2_000_000, 3_000_000});
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.median()).isEqualTo(2.5);
        assertThat(s.sum()).isEqualTo(10.0);
        assertThat(s.stdev()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(DurationStats.ofMicros(new long[] {7_000_000}).stdev()).isNull();
        assertThat(DurationStats.ofSeconds(new double[] {1, 2, 9}).median()).isEqualTo(2.0);
    }
}
