package org.systemarena.integrations.performance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.systemarena.core.EventLog;
import org.systemarena.core.Timestamps;

/** Per case: first and last timestamp and the time between them (0 for a case with one event). */
public record CaseDurations(List<CaseDuration> cases, DurationStats stats) {

    public CaseDurations {
        cases = List.copyOf(cases);
    }

    /** One case's span. */
    public record CaseDuration(String caseId, Instant start, Instant end, double seconds) {
    }

    /** Cases in case-id order. */
    public static CaseDurations of(EventLog log) {
        int n = log.caseCount();
        List<CaseDuration> list = new ArrayList<>(n);
        long[] micros = new long[n];
        for (int c = 0; c < n; c++) {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (int r = log.caseStart(c), to = log.caseEnd(c); r < to; r++) {
                first = Math.min(first, log.timestampMicros(r));
                last = Math.max(last, log.timestampMicros(r));
            }
            micros[c] = last - first;
            list.add(new CaseDuration(log.caseId(c), Timestamps.fromMicros(first), Timestamps.fromMicros(last),
                    micros[c] / 1e6));
        }
        list.sort(Comparator.comparing(CaseDuration::caseId));
        return new CaseDurations(list, DurationStats.ofMicros(micros, 0, n));
    }

    /** Durations in seconds, ascending. */
    public double[] sortedSeconds() {
        return cases.stream().mapToDouble(CaseDuration::seconds).sorted().toArray();
    }
}
