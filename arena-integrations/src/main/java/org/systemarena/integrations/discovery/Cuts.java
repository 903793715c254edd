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
        List<BitSet> merged = mergeUnusedSkips(dfg, sorted);
        return merged.size() > 1 ? merged : null;
    }

    /**
     * The strict sequence cut (Leemans, "Robust process mining with guarantees", 2017, the strict sequence cut built
     * on SKIPPABLE): a group is skippable when a directly-follows edge (or the start, or the end) jumps over it, and
     * each group of the sequence then becomes optional on its own. Two neighbouring groups are merged into one block
     * when the log never uses the freedom the split would add: a group that is entered only from its predecessor
     * (never from the start or a group before that) although the predecessor can be skipped joins the predecessor;
     * symmetrically, a group that is left only to its successor (never to the end or a later group) although the
     * successor can be skipped joins the successor. Repeated until nothing changes. Examples: roadtraffic's
     * {@code ->( 'Send Fine', X( tau, ->( 'Insert Fine Notification', ... ) ) )} (after an end activity, the rest is
     * one optional block), receipt's {@code ->( X( tau, ->( 'T07-5', X( tau, 'T09-2' ) ) ), X( tau, 'T09-4' ) )}
     * ('T09-2' only ever follows 'T07-5'), while receipt's {@code ->( X( tau, 'T08' ), X( tau, 'T07-1', 'T09-3' ),
     * ... )} stays three groups because 'T07-1' also starts traces.
     */
    private static List<BitSet> mergeUnusedSkips(ImDfg dfg, List<BitSet> groups) {
        List<BitSet> gs = new ArrayList<>();
        groups.forEach(g -> gs.add((BitSet) g.clone()));
        boolean changed = true;
        while (changed && gs.size() > 1) {
            changed = false;
            boolean[][] link = groupLinks(dfg, gs);
            int n = gs.size();
            boolean[] skippable = skippable(link, n);
            // Entered only through its predecessor, which can be skipped: one block with it.
            for (int q = 1; q < n && !changed; q++) {
                if (skippable[q - 1] && !linked(link, -1, q - 2, q, q)) {
                    gs.get(q - 1).or(gs.remove(q));
                    changed = true;
                }
            }
            // Left only to its successor, which can be skipped: one block with it.
            for (int p = 0; p < n - 1 && !changed; p++) {
                if (skippable[p + 1] && !linked(link, p, p, p + 2, n)) {
                    gs.get(p + 1).or(gs.remove(p));
                    changed = true;
                }
            }
        }
        return gs;
    }

    /** Group k (0..n-1) is skippable when a link goes from a position before it to one after it. */
    private static boolean[] skippable(boolean[][] link, int n) {
        boolean[] skippable = new boolean[n];
        for (int i = -1; i < n; i++) {
            for (int j = i + 2; j <= n; j++) {
                if (link[i + 1][j + 1]) {
                    for (int k = i + 1; k < j; k++) {
                        skippable[k] = true;
                    }
                }
            }
        }
        return skippable;
    }

    /** Some link from a position in [fromLo, fromHi] to one in [toLo, toHi] (-1 = start, n = end). */
    private static boolean linked(boolean[][] link, int fromLo, int fromHi, int toLo, int toHi) {
        for (int i = fromLo; i <= fromHi; i++) {
            for (int j = toLo; j <= toHi; j++) {
                if (link[i + 1][j + 1]) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * link[i + 1][j + 1]: some activity of group i directly precedes one of group j; row 0 is the start (links to
     * groups with a start activity), column n + 1 the end (linked from groups with an end activity).
     */
    private static boolean[][] groupLinks(ImDfg dfg, List<BitSet> groups) {
        int n = groups.size();
        int[] groupOf = new int[dfg.m];
        for (int g = 0; g < n; g++) {
            BitSet members = groups.get(g);
            for (int a = members.nextSetBit(0); a >= 0; a = members.nextSetBit(a + 1)) {
                groupOf[a] = g;
            }
        }
        boolean[][] link = new boolean[n + 2][n + 2];
        for (int a = 0; a < dfg.m; a++) {
            if (dfg.isStart(a)) {
                link[0][groupOf[a] + 1] = true;
            }
            if (dfg.isEnd(a)) {
                link[groupOf[a] + 1][n + 1] = true;
            }
            for (int b = 0; b < dfg.m; b++) {
                if (dfg.has(a, b)) {
                    link[groupOf[a] + 1][groupOf[b] + 1] = true;
                }
            }
        }
        return link;
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
