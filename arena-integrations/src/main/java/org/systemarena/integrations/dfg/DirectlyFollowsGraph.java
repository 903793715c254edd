package org.systemarena.integrations.dfg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.systemarena.core.EventLog;
import org.systemarena.core.StringDictionary;

/**
 * The directly-follows graph of a log with frequencies: how often activity b directly follows activity a within a
 * case, how often each activity starts and ends a case, and how often it occurs. Every event counts as an occurrence
 * (a log with start and complete events counts both, as PM4Py does). Activities and edges are sorted by name.
 */
public final class DirectlyFollowsGraph {
    private final Map<String, Long> activityCounts;
    private final Map<String, Long> startActivities;
    private final Map<String, Long> endActivities;
    private final List<Edge> edges;
    private final Map<String, Map<String, Long>> bySource;

    private DirectlyFollowsGraph(Map<String, Long> activityCounts, Map<String, Long> startActivities,
                                 Map<String, Long> endActivities, List<Edge> edges) {
        this.activityCounts = activityCounts;
        this.startActivities = startActivities;
        this.endActivities = endActivities;
        this.edges = edges;
        Map<String, Map<String, Long>> m = new LinkedHashMap<>();
        for (Edge e : edges) {
            m.computeIfAbsent(e.source(), k -> new LinkedHashMap<>()).put(e.target(), e.count());
        }
        this.bySource = m;
    }

    /** An edge a -> b and the number of times b directly follows a. */
    public record Edge(String source, String target, long count) {
    }

    public static DirectlyFollowsGraph of(EventLog log) {
        DfgScan scan = DfgScan.of(log, false);
        StringDictionary dictionary = log.activityColumn().dictionary();
        List<Edge> edges = new ArrayList<>(scan.edgeCount);
        for (int e : scan.edgesByName(dictionary)) {
            edges.add(new Edge(dictionary.value(scan.edgeSource[e]), dictionary.value(scan.edgeTarget[e]),
                    scan.edgeCounts[e]));
        }
        return new DirectlyFollowsGraph(byName(dictionary, scan.activityCounts), byName(dictionary, scan.startCounts),
                byName(dictionary, scan.endCounts), List.copyOf(edges));
    }

    private static Map<String, Long> byName(StringDictionary dictionary, long[] counts) {
        TreeMap<String, Long> m = new TreeMap<>();
        for (int code = 0; code < counts.length; code++) {
            if (counts[code] > 0) {
                m.put(dictionary.value(code), counts[code]);
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** Activities present, sorted. */
    public List<String> activities() {
        return List.copyOf(activityCounts.keySet());
    }

    /** Occurrences per activity, sorted by name. */
    public Map<String, Long> activityCounts() {
        return activityCounts;
    }

    /** Cases starting with each activity, sorted by name. */
    public Map<String, Long> startActivities() {
        return startActivities;
    }

    /** Cases ending with each activity, sorted by name. */
    public Map<String, Long> endActivities() {
        return endActivities;
    }

    /** Edges sorted by (source, target). */
    public List<Edge> edges() {
        return edges;
    }

    /** How often {@code target} directly follows {@code source}; 0 when never. */
    public long edgeCount(String source, String target) {
        Map<String, Long> out = bySource.get(source);
        Long n = out == null ? null : out.get(target);
        return n == null ? 0 : n;
    }

    @Override
    public String toString() {
        return "DirectlyFollowsGraph[" + activityCounts.size() + " activities, " + edges.size() + " edges]";
    }
}
