package org.systemarena.integrations.performance;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventType;
import org.systemarena.core.StringDictionary;

/**
 * Time spent in each state, from {@code state.changed} events: a case enters the state named by the event's
 * {@code new_state} payload and stays until its next state change. The stay in the last state of a case has no end
 * in the log; it is counted in {@link #openStays()} and left out of the statistics.
 */
public record TimeInState(Map<String, DurationStats> byState, Map<String, Long> openStays) {

    public static final String NEW_STATE_KEY = "new_state";

    public TimeInState {
        byState = Collections.unmodifiableMap(new LinkedHashMap<>(byState));
        openStays = Collections.unmodifiableMap(new LinkedHashMap<>(openStays));
    }

    public static TimeInState of(EventLog log) {
        int type = log.eventTypeColumn().dictionary().code(EventType.STATE_CHANGED.name());
        AttributeTable payload = log.payload();
        int key = payload.keyDictionary().code(NEW_STATE_KEY);
        Map<String, long[]> values = new TreeMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Long> open = new TreeMap<>();
        if (type == StringDictionary.NULL || key == StringDictionary.NULL) {
            return new TimeInState(Map.of(), Map.of());
        }
        for (int c = 0; c < log.caseCount(); c++) {
            String state = null;
            long since = 0;
            for (int r = log.caseStart(c), end = log.caseEnd(c); r < end; r++) {
                if (log.eventTypeCode(r) != type) {
                    continue;
                }
                int e = payload.find(r, key);
                Object next = e < 0 ? null : payload.value(e);
                if (next == null) {
                    continue;
                }
                long ts = log.timestampMicros(r);
                if (state != null) {
                    int[] n = counts.computeIfAbsent(state, s -> new int[1]);
                    long[] v = values.computeIfAbsent(state, s -> new long[8]);
                    if (n[0] == v.length) {
                        v = Arrays.copyOf(v, v.length * 2);
                        values.put(state, v);
                    }
                    v[n[0]++] = ts - since;
                }
                state = next.toString();
                since = ts;
            }
            if (state != null) {
                open.merge(state, 1L, Long::sum);
            }
        }
        Map<String, DurationStats> stats = new LinkedHashMap<>();
        values.forEach((s, v) -> stats.put(s, DurationStats.ofMicros(v, 0, counts.get(s)[0])));
        return new TimeInState(stats, open);
    }

    public boolean isEmpty() {
        return byState.isEmpty() && openStays.isEmpty();
    }
}
