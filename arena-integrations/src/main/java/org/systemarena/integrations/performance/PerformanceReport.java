package org.systemarena.integrations.performance;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.systemarena.integrations.dfg.PerformanceDfg;

/**
 * What {@link PerformanceAnalyzer} found: case durations, the time between directly-following events per pair,
 * service and waiting times when the log has start/complete events (null otherwise), time in state from
 * {@code state.changed} events (empty when there are none), and the transitions ranked as bottlenecks.
 */
public record PerformanceReport(CaseDurations caseDurations, PerformanceDfg directlyFollowsTimes,
                                ServiceAndWaitingTimes serviceAndWaitingTimes, TimeInState timeInState,
                                List<Bottleneck> bottlenecks) {

    public PerformanceReport {
        bottlenecks = List.copyOf(bottlenecks);
    }

    /** Plain-text summary for a console or a log file. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        DurationStats d = caseDurations.stats();
        sb.append("Performance analysis: ").append(caseDurations.cases().size()).append(" cases\n");
        sb.append("  Case duration: ").append(d.describe()).append('\n');
        if (serviceAndWaitingTimes != null) {
            sb.append("  Service time per activity (start -> complete):\n");
            serviceAndWaitingTimes.serviceTimes().forEach((activity, s) -> sb.append("    ").append(activity)
                    .append(": ").append(s.describe()).append('\n'));
        }
        if (!timeInState.byState().isEmpty()) {
            sb.append("  Time in state:\n");
            for (Map.Entry<String, DurationStats> e : timeInState.byState().entrySet()) {
                sb.append("    ").append(e.getKey()).append(": ").append(e.getValue().describe()).append('\n');
            }
        }
        sb.append(serviceAndWaitingTimes != null ? "  Bottlenecks (waiting time after a completes until b starts):\n"
                : "  Bottlenecks (time between directly-following events):\n");
        if (bottlenecks.isEmpty()) {
            sb.append("    none (no case has two events)\n");
        }
        for (Bottleneck b : bottlenecks) {
            sb.append(String.format(Locale.ROOT, "    %d. %s -> %s: total %s (%.1f%% of all), %s%n", b.rank(),
                    b.source(), b.target(), HumanDuration.format(b.stats().sum()), 100 * b.shareOfTotal(),
                    b.stats().describe()));
        }
        return sb.toString();
    }
}
