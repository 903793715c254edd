package org.systemarena.integrations.dfg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.systemarena.core.EventLog;
import org.systemarena.core.StringDictionary;
import org.systemarena.integrations.performance.DurationStats;

/**
 * The directly-follows graph with, per edge a -> b, statistics of ts(b) - ts(a) in seconds over every occurrence of
 * b directly following a in a case (mean, median, min, max, sum, sample stdev). Edges sorted by (source, target).
 */
public final class PerformanceDfg {
    private final List<EdgePerformance> edges;
    private final Map<String, EdgePerformance> byKey;

    private PerformanceDfg(List<EdgePerformance> edges) {
        this.edges = List.copyOf(edges);
        Map<String, EdgePerformance> m = new LinkedHashMap<>();
        edges.forEach(e -> m.put(key(e.source(), e.target()), e));
        this.byKey = m;
    }

    /** An edge and the statistics of the time between its two events. */
    public record EdgePerformance(String source, String target, DurationStats stats) {
    }

    public static PerformanceDfg of(EventLog log) {
        DfgScan scan = DfgScan.of(log, true);
        StringDictionary dictionary = log.activityColumn().dictionary();
        List<EdgePerformance> edges = new ArrayList<>(scan.edgeCount);
        for (int e : scan.edgesByName(dictionary)) {
            edges.add(new EdgePerformance(dictionary.value(scan.edgeSource[e]), dictionary.value(scan.edgeTarget[e]),
                    DurationStats.ofMicros(scan.durations, scan.offsets[e], scan.offsets[e + 1])));
        }
        return new PerformanceDfg(edges);
    }

    public List<EdgePerformance> edges() {
        return edges;
    }

    /** The statistics of an edge, or null when {@code target} never directly follows {@code source}. */
    public DurationStats get(String source, String target) {
        EdgePerformance e = byKey.get(key(source, target));
        return e == null ? null : e.stats();
    }

    private static String key(String source, String target) {
        return source + '\u0000' + target;
    }
}
