package org.systemarena.integrations.performance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.EventLog;
import org.systemarena.core.StringDictionary;

/**
 * Service and waiting times of a log with start and complete events (XES {@code lifecycle:transition}).
 *
 * <p>Within each case, every complete event is paired with the earliest unpaired start event of the same activity
 * (first in, first out) to form an interval [start, complete]; a complete event without a start is an instant
 * interval; start events never completed and other transitions are left out. Events without a transition count as
 * complete. Intervals are ordered by (start, complete), stably. The service time of an interval is complete - start;
 * the waiting time between two consecutive intervals a, b is max(start(b), complete(a)) - complete(a): the time b
 * waited after a finished, 0 when they overlap. This is the interval view PM4Py's reference figures use.
 */
public final class ServiceAndWaitingTimes {
    public static final String DEFAULT_LIFECYCLE_KEY = "lifecycle:transition";

    private final Map<String, DurationStats> serviceTimes;
    private final List<EdgeTimes> waitingTimes;
    private final long intervals;

    private ServiceAndWaitingTimes(Map<String, DurationStats> serviceTimes, List<EdgeTimes> waitingTimes,
                                   long intervals) {
        this.serviceTimes = serviceTimes;
        this.waitingTimes = waitingTimes;
        this.intervals = intervals;
    }

    /** Waiting times between two consecutive activities a -> b. */
    public record EdgeTimes(String source, String target, DurationStats stats) {
    }

    /** True when the log has at least one start event under the standard lifecycle key. */
    public static boolean hasLifecycle(EventLog log) {
        return hasLifecycle(log, DEFAULT_LIFECYCLE_KEY);
    }

    public static boolean hasLifecycle(EventLog log, String lifecycleKey) {
        AttributeTable payload = log.payload();
        int key = payload.keyDictionary().code(lifecycleKey);
        if (key == StringDictionary.NULL) {
            return false;
        }
        for (int r = 0; r < log.size(); r++) {
            if (transition(payload, r, key) == START) {
                return true;
            }
        }
        return false;
    }

    public static ServiceAndWaitingTimes of(EventLog log) {
        return of(log, DEFAULT_LIFECYCLE_KEY);
    }

    public static ServiceAndWaitingTimes of(EventLog log, String lifecycleKey) {
        AttributeTable payload = log.payload();
        int key = payload.keyDictionary().code(lifecycleKey);
        StringDictionary activities = log.activityColumn().dictionary();
        int codes = activities.size();
        // Per case scratch: open starts per activity as a FIFO of timestamps.
        long[][] openStarts = new long[codes][];
        int[] openHead = new int[codes];
        int[] openTail = new int[codes];
        long[][] serviceByCode = new long[codes][];
        int[] serviceCount = new int[codes];
        Map<Long, long[]> waitingByEdge = new LinkedHashMap<>(); // key src<<32|tgt
        Map<Long, int[]> waitingCount = new LinkedHashMap<>();
        long totalIntervals = 0;
        long[] ivStart = new long[16];
        long[] ivEnd = new long[16];
        int[] ivAct = new int[16];
        for (int c = 0; c < log.caseCount(); c++) {
            int n = 0;
            Arrays.fill(openHead, 0);
            Arrays.fill(openTail, 0);
            for (int r = log.caseStart(c), end = log.caseEnd(c); r < end; r++) {
                int act = log.activityCode(r);
                if (act == StringDictionary.NULL) {
                    continue;
                }
                int t = transition(payload, r, key);
                long ts = log.timestampMicros(r);
                if (t == START) {
                    if (openStarts[act] == null) {
                        openStarts[act] = new long[4];
                    }
                    if (openTail[act] == openStarts[act].length) {
                        openStarts[act] = Arrays.copyOf(openStarts[act], openTail[act] * 2);
                    }
                    openStarts[act][openTail[act]++] = ts;
                } else if (t == COMPLETE) {
                    long start = openHead[act] < openTail[act] ? openStarts[act][openHead[act]++] : ts;
                    if (n == ivStart.length) {
                        ivStart = Arrays.copyOf(ivStart, n * 2);
                        ivEnd = Arrays.copyOf(ivEnd, n * 2);
                        ivAct = Arrays.copyOf(ivAct, n * 2);
                    }
                    ivStart[n] = start;
                    ivEnd[n] = ts;
                    ivAct[n] = act;
                    n++;
                }
            }
            totalIntervals += n;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            final long[] s = ivStart;
            final long[] e = ivEnd;
            Arrays.sort(order, (a, b) -> s[a] != s[b] ? Long.compare(s[a], s[b]) : Long.compare(e[a], e[b]));
            for (int i = 0; i < n; i++) {
                int iv = order[i];
                int act = ivAct[iv];
                if (serviceByCode[act] == null) {
                    serviceByCode[act] = new long[8];
                }
                if (serviceCount[act] == serviceByCode[act].length) {
                    serviceByCode[act] = Arrays.copyOf(serviceByCode[act], serviceCount[act] * 2);
                }
                serviceByCode[act][serviceCount[act]++] = e[iv] - s[iv];
                if (i > 0) {
                    int prev = order[i - 1];
                    long wait = Math.max(s[iv], e[prev]) - e[prev];
                    long edge = ((long) ivAct[prev] << 32) | act;
                    int[] cnt = waitingCount.computeIfAbsent(edge, k -> new int[1]);
                    long[] vals = waitingByEdge.get(edge);
                    if (vals == null || cnt[0] == vals.length) {
                        vals = vals == null ? new long[8] : Arrays.copyOf(vals, vals.length * 2);
                        waitingByEdge.put(edge, vals);
                    }
                    vals[cnt[0]++] = wait;
                }
            }
        }
        Map<String, DurationStats> serviceTimes = new TreeMap<>();
        for (int code = 0; code < codes; code++) {
            if (serviceCount[code] > 0) {
                serviceTimes.put(activities.value(code), DurationStats.ofMicros(serviceByCode[code], 0, serviceCount[code]));
            }
        }
        List<EdgeTimes> waiting = new ArrayList<>();
        waitingByEdge.forEach((edge, vals) -> waiting.add(new EdgeTimes(activities.value((int) (edge >>> 32)),
                activities.value((int) (long) edge), DurationStats.ofMicros(vals, 0, waitingCount.get(edge)[0]))));
        waiting.sort((a, b) -> a.source().equals(b.source()) ? a.target().compareTo(b.target())
                : a.source().compareTo(b.source()));
        return new ServiceAndWaitingTimes(Collections.unmodifiableMap(new LinkedHashMap<>(serviceTimes)),
                List.copyOf(waiting), totalIntervals);
    }

    private static final int OTHER = 0;
    private static final int START = 1;
    private static final int COMPLETE = 2;

    private static int transition(AttributeTable payload, int row, int key) {
        if (key == StringDictionary.NULL) {
            return COMPLETE;
        }
        int e = payload.find(row, key);
        if (e < 0) {
            return COMPLETE;
        }
        Object v = payload.value(e);
        if (v == null) {
            return COMPLETE;
        }
        String s = v.toString();
        if (s.equalsIgnoreCase("start")) {
            return START;
        }
        return s.equalsIgnoreCase("complete") ? COMPLETE : OTHER;
    }

    /** Service time (complete - start) per activity, sorted by activity. */
    public Map<String, DurationStats> serviceTimes() {
        return serviceTimes;
    }

    /** Waiting time per pair of consecutive activities, sorted by (source, target). */
    public List<EdgeTimes> waitingTimes() {
        return waitingTimes;
    }

    /** The waiting times of one pair, or null when b never directly follows a. */
    public DurationStats waitingTime(String source, String target) {
        for (EdgeTimes e : waitingTimes) {
            if (e.source().equals(source) && e.target().equals(target)) {
                return e.stats();
            }
        }
        return null;
    }

    /** Number of intervals (activity executions) formed. */
    public long intervalCount() {
        return intervals;
    }
}
