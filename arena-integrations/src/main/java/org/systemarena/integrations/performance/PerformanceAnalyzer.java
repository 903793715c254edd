package org.systemarena.integrations.performance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.integrations.dfg.PerformanceDfg;

/**
 * Performance analysis of an event log: {@code new PerformanceAnalyzer().analyze(log).summary()}.
 *
 * <p>Bottlenecks are the transitions a -> b on which cases spent the most time in total (sum over all occurrences);
 * with start/complete events the waiting times of {@link ServiceAndWaitingTimes} are ranked, otherwise the time
 * between directly-following events.
 */
public final class PerformanceAnalyzer {
    private final int topBottlenecks;

    public PerformanceAnalyzer() {
        this(5);
    }

    private PerformanceAnalyzer(int topBottlenecks) {
        if (topBottlenecks < 0) {
            throw new ArenaException("PerformanceAnalyzer: number of bottlenecks must be >= 0, got " + topBottlenecks);
        }
        this.topBottlenecks = topBottlenecks;
    }

    /** How many bottlenecks to report (default 5). */
    public PerformanceAnalyzer withTopBottlenecks(int n) {
        return new PerformanceAnalyzer(n);
    }

    public PerformanceReport analyze(EventLog log) {
        CaseDurations durations = CaseDurations.of(log);
        PerformanceDfg dfTimes = PerformanceDfg.of(log);
        ServiceAndWaitingTimes intervals = ServiceAndWaitingTimes.hasLifecycle(log) ? ServiceAndWaitingTimes.of(log)
                : null;
        record Candidate(String source, String target, DurationStats stats) {
        }
        List<Candidate> candidates = new ArrayList<>();
        if (intervals != null) {
            intervals.waitingTimes().forEach(e -> candidates.add(new Candidate(e.source(), e.target(), e.stats())));
        } else {
            dfTimes.edges().forEach(e -> candidates.add(new Candidate(e.source(), e.target(), e.stats())));
        }
        double total = candidates.stream().mapToDouble(c -> c.stats().sum()).sum();
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.stats().sum())
                .thenComparingDouble(c -> -c.stats().mean())
                .thenComparing(Candidate::source).thenComparing(Candidate::target));
        List<Bottleneck> bottlenecks = new ArrayList<>();
        for (int i = 0; i < Math.min(topBottlenecks, candidates.size()); i++) {
            Candidate c = candidates.get(i);
            bottlenecks.add(new Bottleneck(i + 1, c.source(), c.target(), c.stats(),
                    total > 0 ? c.stats().sum() / total : 0));
        }
        return new PerformanceReport(durations, dfTimes, intervals, TimeInState.of(log), bottlenecks);
    }
}
