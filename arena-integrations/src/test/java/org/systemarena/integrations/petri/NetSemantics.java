package org.systemarena.integrations.petri;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.systemarena.integrations.petri.PetriNet.Arc;
import org.systemarena.integrations.petri.PetriNet.Place;
import org.systemarena.integrations.petri.PetriNet.Transition;

/** Straightforward firing semantics of an accepting net, for tests: trace replay and a soundness check. */
final class NetSemantics {
    private final AcceptingPetriNet net;
    private final Map<Place, Integer> index = new HashMap<>();
    private final List<Transition> transitions;
    private final int[][] pre;
    private final int[][] post;

    NetSemantics(AcceptingPetriNet net) {
        this.net = net;
        List<Place> places = net.net().places();
        for (int i = 0; i < places.size(); i++) {
            index.put(places.get(i), i);
        }
        transitions = net.net().transitions();
        pre = new int[transitions.size()][places.size()];
        post = new int[transitions.size()][places.size()];
        for (Arc a : net.net().arcs()) {
            if (a.source() instanceof Place p) {
                pre[transitions.indexOf((Transition) a.target())][index.get(p)] += a.weight();
            } else {
                post[transitions.indexOf((Transition) a.source())][index.get((Place) a.target())] += a.weight();
            }
        }
    }

    int[] marking(Marking m) {
        int[] tokens = new int[index.size()];
        m.tokens().forEach((p, n) -> tokens[index.get(p)] = n);
        return tokens;
    }

    boolean enabled(int t, int[] m) {
        for (int p = 0; p < m.length; p++) {
            if (m[p] < pre[t][p]) {
                return false;
            }
        }
        return true;
    }

    int[] fire(int t, int[] m) {
        int[] next = m.clone();
        for (int p = 0; p < m.length; p++) {
            next[p] += post[t][p] - pre[t][p];
        }
        return next;
    }

    /** True when the net can produce exactly this sequence of labels (with any silent steps) and reach the final marking. */
    boolean accepts(List<String> trace) {
        int[] end = marking(net.finalMarking());
        record State(int position, List<Integer> tokens) {
        }
        ArrayDeque<State> queue = new ArrayDeque<>();
        Set<State> seen = new HashSet<>();
        State start = new State(0, box(marking(net.initialMarking())));
        queue.add(start);
        seen.add(start);
        while (!queue.isEmpty()) {
            State s = queue.poll();
            int[] m = unbox(s.tokens());
            if (s.position() == trace.size() && Arrays.equals(m, end)) {
                return true;
            }
            for (int t = 0; t < transitions.size(); t++) {
                if (!enabled(t, m)) {
                    continue;
                }
                Transition tr = transitions.get(t);
                int pos = s.position();
                if (!tr.isSilent()) {
                    if (pos == trace.size() || !tr.label().equals(trace.get(pos))) {
                        continue;
                    }
                    pos++;
                }
                State next = new State(pos, box(fire(t, m)));
                if (seen.add(next)) {
                    if (seen.size() > 2_000_000) {
                        throw new IllegalStateException("state space too large");
                    }
                    queue.add(next);
                }
            }
        }
        return false;
    }

    /**
     * Soundness of a workflow net, by exploring the reachability graph: every reachable marking can reach the final
     * marking, the final marking is the only reachable marking with a token in the sink, and every transition fires
     * in some reachable marking. Throws when more than {@code maxStates} markings are reachable.
     */
    boolean isSound(int maxStates) {
        int[] end = marking(net.finalMarking());
        Map<List<Integer>, Integer> id = new HashMap<>();
        List<List<Integer>> states = new ArrayList<>();
        List<List<Integer>> successors = new ArrayList<>();
        boolean[] fired = new boolean[transitions.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        List<Integer> init = box(marking(net.initialMarking()));
        id.put(init, 0);
        states.add(init);
        successors.add(new ArrayList<>());
        queue.add(0);
        int sink = -1;
        for (int p = 0; p < end.length; p++) {
            if (end[p] > 0) {
                sink = p;
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            int[] m = unbox(states.get(s));
            if (m[sink] > 0 && !Arrays.equals(m, end)) {
                return false;
            }
            for (int t = 0; t < transitions.size(); t++) {
                if (enabled(t, m)) {
                    fired[t] = true;
                    List<Integer> next = box(fire(t, m));
                    Integer n = id.get(next);
                    if (n == null) {
                        n = states.size();
                        if (n > maxStates) {
                            throw new IllegalStateException("more than " + maxStates + " reachable markings");
                        }
                        id.put(next, n);
                        states.add(next);
                        successors.add(new ArrayList<>());
                        queue.add(n);
                    }
                    successors.get(s).add(n);
                }
            }
        }
        for (boolean f : fired) {
            if (!f) {
                return false;
            }
        }
        // Backward reachability from the final marking.
        Integer finalId = id.get(box(end));
        if (finalId == null) {
            return false;
        }
        List<List<Integer>> predecessors = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            predecessors.add(new ArrayList<>());
        }
        for (int s = 0; s < states.size(); s++) {
            for (int n : successors.get(s)) {
                predecessors.get(n).add(s);
            }
        }
        boolean[] canFinish = new boolean[states.size()];
        ArrayDeque<Integer> back = new ArrayDeque<>();
        canFinish[finalId] = true;
        back.add(finalId);
        while (!back.isEmpty()) {
            for (int p : predecessors.get(back.poll())) {
                if (!canFinish[p]) {
                    canFinish[p] = true;
                    back.add(p);
                }
            }
        }
        for (boolean b : canFinish) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> box(int[] m) {
        return Arrays.stream(m).boxed().toList();
    }

    private static int[] unbox(List<Integer> m) {
        return m.stream().mapToInt(Integer::intValue).toArray();
    }
}
