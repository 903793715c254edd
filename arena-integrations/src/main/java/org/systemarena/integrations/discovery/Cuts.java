package org.systemarena.integrations.discovery;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import org.systemarena.integrations.discovery.ProcessTree.Operator;

/**
 * Cut detection on a directly-follows graph, after Leemans, Fahland and van der Aalst, "Discovering block-structured
 * process models from event logs - a constructive approach" (2013): exclusive choice, sequence, concurrency and loop
 * cuts, tried in that order. Groups are sets of local activity indices of the {@link ImDfg}.
 */
final class Cuts {
    private Cuts() {
    }

    /** A cut: an operator and the partition of the alphabet into its children's alphabets (in child order). */
    record Cut(Operator operator, List<BitSet> groups) {
    }

    static Cut find(ImDfg dfg, MinimumSelfDistance msd) {
        if (dfg.m < 2) {
            return null;
        }
        List<BitSet> groups = xor(dfg);
        if (groups != null) {
            return new Cut(Operator.XOR, groups);
        }
        groups = sequence(dfg);
        if (groups != null) {
            return new Cut(Operator.SEQUENCE, groups);
        }
        groups = concurrency(dfg, msd);
        if (groups != null) {
            return new Cut(Operator.PARALLEL, groups);
        }
        groups = loop(dfg);
        if (groups != null) {
            return new Cut(Operator.LOOP, groups);
        }
        return null;
    }

    /** Connected components of the graph with edges taken as undirected. */
    static List<BitSet> xor(ImDfg dfg) {
        UnionFind uf = new UnionFind(dfg.m);
        for (int a = 0; a < dfg.m; a++) {
            for (int b = 0; b < dfg.m; b++) {
                if (dfg.has(a, b)) {
                    uf.union(a, b);
                }
            }
        }
        List<BitSet> groups = uf.groups();
        return groups.size() > 1 ? groups : null;
    }

    /**
     * Activities that reach each other (same strongly connected component) or cannot reach each other in either
     * direction share a group; groups are then ordered along the edges between them.
     */
    static List<BitSet> sequence(ImDfg dfg) {
        BitSet[] reach = dfg.reachability();
        UnionFind uf = new UnionFind(dfg.m);
        for (int a = 0; a < dfg.m; a++) {
            for (int b = a + 1; b < dfg.m; b++) {
                boolean ab = reach[a].get(b);
                boolean ba = reach[b].get(a);
                if (ab == ba) {
                    uf.union(a, b);
                }
            }
        }
        List<BitSet> groups = uf.groups();
        if (groups.size() < 2) {
            return null;
        }
        // A group comes before another when it reaches it: rank by how many activities reach the group and how many
        // it reaches.
        int[] rank = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            BitSet reached = new BitSet();
            BitSet reaching = new BitSet();
            BitSet members = groups.get(g);
            for (int a = members.nextSetBit(0); a >= 0; a = members.nextSetBit(a + 1)) {
                reached.or(reach[a]);
                for (int x = 0; x < dfg.m; x++) {
                    if (reach[x].get(a)) {
                        reaching.set(x);
                    }
                }
            }
            reached.andNot(members);
            reaching.andNot(members);
            rank[g] = reaching.cardinality() - reached.cardinality();
        }
        List<Integer> order = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            order.add(g);
        }
        order.sort(Comparator.comparingInt(g -> rank[g]));
        List<BitSet> sorted = new ArrayList<>();
        order.forEach(g -> sorted.add(groups.get(g)));
        List<BitSet> merged = mergeJointlySkipped(dfg, sorted);
        return merged.size() > 1 ? merged : null;
    }

    /**
     * Each group of a sequence becomes optional on its own when it is projected; that is only right when the graph
     * can skip it on its own. Groups that one edge skips together (an edge from an earlier to a later group, from the
     * start into a later group, or from a group to the end) are merged, so they stay optional together.
     */
    private static List<BitSet> mergeJointlySkipped(ImDfg dfg, List<BitSet> groups) {
        int n = groups.size();
        int[] groupOf = new int[dfg.m];
        for (int g = 0; g < n; g++) {
            BitSet members = groups.get(g);
            for (int a = members.nextSetBit(0); a >= 0; a = members.nextSetBit(a + 1)) {
                groupOf[a] = g;
            }
        }
        // joinNext[g]: group g and group g + 1 end up in one group. Position -1 is the start, n the end.
        boolean[] joinNext = new boolean[n];
        for (int a = 0; a < dfg.m; a++) {
            if (dfg.isStart(a)) {
                joinRange(joinNext, -1, groupOf[a]);
            }
            if (dfg.isEnd(a)) {
                joinRange(joinNext, groupOf[a], n);
            }
            for (int b = 0; b < dfg.m; b++) {
                if (dfg.has(a, b)) {
                    joinRange(joinNext, groupOf[a], groupOf[b]);
                }
            }
        }
        List<BitSet> out = new ArrayList<>();
        BitSet current = null;
        for (int g = 0; g < n; g++) {
            if (current == null) {
                current = (BitSet) groups.get(g).clone();
            } else {
                current.or(groups.get(g));
            }
            if (!joinNext[g]) {
                out.add(current);
                current = null;
            }
        }
        return out;
    }

    /** Groups strictly between {@code from} and {@code to}, when there are two or more, are joined. */
    private static void joinRange(boolean[] joinNext, int from, int to) {
        for (int g = from + 1; g < to - 1; g++) {
            joinNext[g] = true;
        }
    }

    /**
     * Activities not connected by edges in both directions (or where one witnesses the minimum self-distance of the
     * other) share a group; a group without a start or without an end activity is merged into the next group.
     */
    static List<BitSet> concurrency(ImDfg dfg, MinimumSelfDistance msd) {
        UnionFind uf = new UnionFind(dfg.m);
        for (int a = 0; a < dfg.m; a++) {
            for (int b = a + 1; b < dfg.m; b++) {
                if (!dfg.has(a, b) || !dfg.has(b, a) || (msd != null && msd.witnesses(a, b))) {
                    uf.union(a, b);
                }
            }
        }
        List<BitSet> groups = new ArrayList<>(uf.groups());
        groups.sort(Comparator.comparingInt(BitSet::cardinality));
        int i = 0;
        while (i < groups.size() && groups.size() > 1) {
            BitSet g = groups.get(i);
            if (hasStart(dfg, g) && hasEnd(dfg, g)) {
                i++;
                continue;
            }
            int j = (i + 1) % groups.size();
            groups.get(j).or(g);
            groups.remove(i);
        }
        return groups.size() > 1 ? groups : null;
    }

    /**
     * The do-part holds every start and end activity; each remaining connected component is a redo candidate, merged
     * into the do-part when it is entered from other than end activities, left to other than start activities, or
     * not connected to all of them.
     */
    static List<BitSet> loop(ImDfg dfg) {
        int m = dfg.m;
        boolean anyEdge = false;
        for (long e : dfg.edges) {
            if (e > 0) {
                anyEdge = true;
                break;
            }
        }
        if (!anyEdge) {
            return null;
        }
        BitSet startOrEnd = new BitSet();
        for (int a = 0; a < m; a++) {
            if (dfg.isStart(a) || dfg.isEnd(a)) {
                startOrEnd.set(a);
            }
        }
        UnionFind uf = new UnionFind(m);
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                if (dfg.has(a, b) && !startOrEnd.get(a) && !startOrEnd.get(b)) {
                    uf.union(a, b);
                }
            }
        }
        List<BitSet> groups = new ArrayList<>();
        groups.add((BitSet) startOrEnd.clone());
        for (BitSet component : uf.groups()) {
            if (!component.intersects(startOrEnd)) {
                groups.add(component);
            }
        }
        // Edges leaving a start activity that is not an end activity stay inside the do-part.
        for (int a = 0; a < m; a++) {
            if (dfg.isStart(a) && !dfg.isEnd(a)) {
                for (int b = 0; b < m; b++) {
                    if (dfg.has(a, b)) {
                        mergeIntoDo(groups, b);
                    }
                }
            }
        }
        // Edges entering an end activity that is not a start activity come from the do-part.
        for (int b = 0; b < m; b++) {
            if (dfg.isEnd(b) && !dfg.isStart(b)) {
                for (int a = 0; a < m; a++) {
                    if (dfg.has(a, b)) {
                        mergeIntoDo(groups, a);
                    }
                }
            }
        }
        // A redo activity that goes back to a start activity must go back to all of them.
        for (int g = 1; g < groups.size(); ) {
            if (violatesStartCompleteness(dfg, groups.get(g))) {
                groups.get(0).or(groups.remove(g));
            } else {
                g++;
            }
        }
        // A redo activity entered from an end activity must be entered from all of them.
        for (int g = 1; g < groups.size(); ) {
            if (violatesEndCompleteness(dfg, groups.get(g))) {
                groups.get(0).or(groups.remove(g));
            } else {
                g++;
            }
        }
        return groups.size() > 1 ? groups : null;
    }

    private static void mergeIntoDo(List<BitSet> groups, int activity) {
        for (int g = 1; g < groups.size(); g++) {
            if (groups.get(g).get(activity)) {
                groups.get(0).or(groups.remove(g));
                return;
            }
        }
    }

    private static boolean violatesStartCompleteness(ImDfg dfg, BitSet group) {
        for (int x = group.nextSetBit(0); x >= 0; x = group.nextSetBit(x + 1)) {
            boolean toSome = false;
            boolean toAll = true;
            for (int s = 0; s < dfg.m; s++) {
                if (dfg.isStart(s)) {
                    if (dfg.has(x, s)) {
                        toSome = true;
                    } else {
                        toAll = false;
                    }
                }
            }
            if (toSome && !toAll) {
                return true;
            }
        }
        return false;
    }

    private static boolean violatesEndCompleteness(ImDfg dfg, BitSet group) {
        for (int y = group.nextSetBit(0); y >= 0; y = group.nextSetBit(y + 1)) {
            boolean fromSome = false;
            boolean fromAll = true;
            for (int e = 0; e < dfg.m; e++) {
                if (dfg.isEnd(e)) {
                    if (dfg.has(e, y)) {
                        fromSome = true;
                    } else {
                        fromAll = false;
                    }
                }
            }
            if (fromSome && !fromAll) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasStart(ImDfg dfg, BitSet g) {
        for (int a = g.nextSetBit(0); a >= 0; a = g.nextSetBit(a + 1)) {
            if (dfg.isStart(a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasEnd(ImDfg dfg, BitSet g) {
        for (int a = g.nextSetBit(0); a >= 0; a = g.nextSetBit(a + 1)) {
            if (dfg.isEnd(a)) {
                return true;
            }
        }
        return false;
    }

    /** Disjoint sets over 0..n-1; groups come out ordered by their smallest member. */
    static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }

        List<BitSet> groups() {
            List<BitSet> groups = new ArrayList<>();
            int[] groupOfRoot = new int[parent.length];
            java.util.Arrays.fill(groupOfRoot, -1);
            for (int i = 0; i < parent.length; i++) {
                int r = find(i);
                if (groupOfRoot[r] < 0) {
                    groupOfRoot[r] = groups.size();
                    groups.add(new BitSet());
                }
                groups.get(groupOfRoot[r]).set(i);
            }
            return groups;
        }
    }
}
