package org.systemarena.integrations.discovery;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Splitting a log along a cut into one sublog per child. The splits tolerate traces that do not fit the cut (IMf
 * finds cuts on a filtered graph): an exclusive-choice split sends a trace to the group holding most of its events,
 * as IMf publishes it (the events of other groups are dropped as noise); on a tie, to the group whose activities it
 * covers best, so a rare branch keeps its traces (receipt IMf keeps its one trace with 'T13' this way),
 * a sequence split cuts each trace where the fewest events end up on the wrong side, and a loop split sends each
 * redo stretch to the redo group sharing most activities with it. Groups are sets of global activity codes.
 */
final class Splits {
    private Splits() {
    }

    static List<ImLog> xor(ImLog log, List<BitSet> groups) {
        List<ImLog.Builder> out = builders(groups.size());
        for (int t = 0; t < log.traces.length; t++) {
            BitSet present = new BitSet();
            for (int a : log.traces[t]) {
                present.set(a);
            }
            int best = 0;
            long bestEvents = -1;
            double bestShare = -1;
            for (int g = 0; g < groups.size(); g++) {
                BitSet group = groups.get(g);
                long events = 0;
                for (int a : log.traces[t]) {
                    if (group.get(a)) {
                        events++;
                    }
                }
                BitSet shared = (BitSet) present.clone();
                shared.and(group);
                double share = (double) shared.cardinality() / group.cardinality();
                if (events > bestEvents || (events == bestEvents && share > bestShare)) {
                    bestEvents = events;
                    bestShare = share;
                    best = g;
                }
            }
            out.get(best).add(ImLog.filter(log.traces[t], groups.get(best)), log.counts[t]);
        }
        return build(out);
    }

    static List<ImLog> sequence(ImLog log, List<BitSet> groups) {
        List<ImLog.Builder> out = builders(groups.size());
        for (int t = 0; t < log.traces.length; t++) {
            int[] trace = log.traces[t];
            int from = 0;
            BitSet done = new BitSet();
            for (int g = 0; g < groups.size(); g++) {
                BitSet group = groups.get(g);
                int to = g == groups.size() - 1 ? trace.length : splitPoint(trace, group, from, done);
                int[] part = ImLog.filter(java.util.Arrays.copyOfRange(trace, from, to), group);
                out.get(g).add(part, log.counts[t]);
                from = to;
                done.or(group);
            }
        }
        return build(out);
    }

    /**
     * The end of this group's stretch: the position after {@code from} that minimises the events of later groups
     * inside the stretch minus the events of this group inside it (events of earlier groups are ignored).
     */
    private static int splitPoint(int[] trace, BitSet group, int from, BitSet done) {
        int cost = 0;
        int best = 0;
        int bestPosition = from;
        for (int i = from; i < trace.length; i++) {
            if (group.get(trace[i])) {
                cost--;
            } else if (!done.get(trace[i])) {
                cost++;
            }
            if (cost < best) {
                best = cost;
                bestPosition = i + 1;
            }
        }
        return bestPosition;
    }

    /**
     * Each trace projected on each group, as the published split defines it (a multiset projection: traces with the
     * same projection add up their cases). PM4Py 2.7.14 keeps only the last such trace's count (its issue #535), which
     * changes IMf's empty-trace share and filtered graphs in the branches; we do not reproduce that.
     */
    static List<ImLog> parallel(ImLog log, List<BitSet> groups) {
        List<ImLog> out = new ArrayList<>(groups.size());
        for (BitSet g : groups) {
            out.add(log.project(g));
        }
        return out;
    }

    /** Child 0 is the do-part, children 1.. the redo groups. */
    static List<ImLog> loop(ImLog log, List<BitSet> groups) {
        List<ImLog.Builder> out = builders(groups.size());
        BitSet body = groups.get(0);
        BitSet redo = new BitSet();
        for (int g = 1; g < groups.size(); g++) {
            redo.or(groups.get(g));
        }
        for (int t = 0; t < log.traces.length; t++) {
            int[] trace = log.traces[t];
            long n = log.counts[t];
            List<Integer> bodyPart = new ArrayList<>();
            List<Integer> redoPart = new ArrayList<>();
            for (int a : trace) {
                if (body.get(a)) {
                    if (!redoPart.isEmpty()) {
                        addRedo(out, groups, redoPart, n);
                        redoPart.clear();
                    }
                    bodyPart.add(a);
                } else if (redo.get(a)) {
                    if (!bodyPart.isEmpty()) {
                        out.get(0).add(toArray(bodyPart), n);
                        bodyPart.clear();
                    }
                    redoPart.add(a);
                }
            }
            if (!redoPart.isEmpty()) {
                addRedo(out, groups, redoPart, n);
            }
            out.get(0).add(toArray(bodyPart), n);
        }
        return build(out);
    }

    private static void addRedo(List<ImLog.Builder> out, List<BitSet> groups, List<Integer> part, long n) {
        BitSet activities = new BitSet();
        part.forEach(activities::set);
        int best = 1;
        int bestShared = -1;
        for (int g = 1; g < groups.size(); g++) {
            BitSet shared = (BitSet) activities.clone();
            shared.and(groups.get(g));
            if (shared.cardinality() > bestShared) {
                bestShared = shared.cardinality();
                best = g;
            }
        }
        out.get(best).add(toArray(part), n);
    }

    private static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    private static List<ImLog.Builder> builders(int n) {
        List<ImLog.Builder> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new ImLog.Builder());
        }
        return list;
    }

    private static List<ImLog> build(List<ImLog.Builder> builders) {
        List<ImLog> logs = new ArrayList<>(builders.size());
        builders.forEach(b -> logs.add(b.build()));
        return logs;
    }
}
