package org.systemarena.integrations.dfg;

import java.util.Arrays;
import org.systemarena.core.EventLog;
import org.systemarena.core.StringDictionary;

/**
 * One pass over a columnar log collecting directly-follows pairs by activity code: per edge a dense id, its source and
 * target codes and its count; optionally the time between the two events of every pair, grouped by edge. Rows with
 * no activity are skipped (they neither start nor end a pair).
 */
final class DfgScan {
    final int dictionarySize;
    final long[] activityCounts; // by activity code
    final long[] startCounts;
    final long[] endCounts;
    int edgeCount;
    int[] edgeSource;
    int[] edgeTarget;
    long[] edgeCounts;
    /** With durations: micros of edge e in {@code durations[offsets[e], offsets[e + 1])}. */
    int[] offsets;
    long[] durations;

    private DfgScan(int dictionarySize) {
        this.dictionarySize = dictionarySize;
        this.activityCounts = new long[dictionarySize];
        this.startCounts = new long[dictionarySize];
        this.endCounts = new long[dictionarySize];
    }

    static DfgScan of(EventLog log, boolean withDurations) {
        StringDictionary dictionary = log.activityColumn().dictionary();
        DfgScan scan = new DfgScan(dictionary.size());
        LongIntMap ids = new LongIntMap(64);
        int[] edgeOfPair = withDurations ? new int[log.size()] : null; // edge id of (row, next non-null row)
        int pairs = 0;
        int[] src = new int[64];
        int[] tgt = new int[64];
        long[] cnt = new long[64];
        for (int c = 0, cases = log.caseCount(); c < cases; c++) {
            int prev = -1;
            for (int r = log.caseStart(c), end = log.caseEnd(c); r < end; r++) {
                int code = log.activityCode(r);
                if (code == StringDictionary.NULL) {
                    continue;
                }
                scan.activityCounts[code]++;
                if (prev < 0) {
                    scan.startCounts[code]++;
                } else {
                    int e = ids.getOrAssign(((long) prev << 32) | code);
                    if (e == src.length) {
                        src = Arrays.copyOf(src, e * 2);
                        tgt = Arrays.copyOf(tgt, e * 2);
                        cnt = Arrays.copyOf(cnt, e * 2);
                    }
                    src[e] = prev;
                    tgt[e] = code;
                    cnt[e]++;
                    if (edgeOfPair != null) {
                        edgeOfPair[pairs++] = e;
                    }
                }
                prev = code;
            }
            if (prev >= 0) {
                scan.endCounts[prev]++;
            }
        }
        scan.edgeCount = ids.size();
        scan.edgeSource = src;
        scan.edgeTarget = tgt;
        scan.edgeCounts = cnt;
        if (withDurations) {
            scan.collectDurations(log, edgeOfPair);
        }
        return scan;
    }

    private void collectDurations(EventLog log, int[] edgeOfPair) {
        offsets = new int[edgeCount + 1];
        for (int e = 0; e < edgeCount; e++) {
            offsets[e + 1] = offsets[e] + (int) edgeCounts[e];
        }
        int[] fill = Arrays.copyOf(offsets, edgeCount);
        durations = new long[offsets[edgeCount]];
        int pair = 0;
        for (int c = 0, cases = log.caseCount(); c < cases; c++) {
            long prevTs = 0;
            boolean havePrev = false;
            for (int r = log.caseStart(c), end = log.caseEnd(c); r < end; r++) {
                if (log.activityCode(r) == StringDictionary.NULL) {
                    continue;
                }
                long ts = log.timestampMicros(r);
                if (havePrev) {
                    durations[fill[edgeOfPair[pair++]]++] = ts - prevTs;
                }
                prevTs = ts;
                havePrev = true;
            }
        }
    }

    /** Edge ids ordered by (source name, target name). */
    Integer[] edgesByName(StringDictionary dictionary) {
        Integer[] order = new Integer[edgeCount];
        for (int e = 0; e < edgeCount; e++) {
            order[e] = e;
        }
        Arrays.sort(order, (a, b) -> {
            int c = dictionary.value(edgeSource[a]).compareTo(dictionary.value(edgeSource[b]));
            return c != 0 ? c : dictionary.value(edgeTarget[a]).compareTo(dictionary.value(edgeTarget[b]));
        });
        return order;
    }
}
