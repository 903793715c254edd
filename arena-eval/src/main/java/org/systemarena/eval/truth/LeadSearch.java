package org.systemarena.eval.truth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.systemarena.datasets.synthetic.LeadAction;

/**
 * One lead's tree of paths under a target policy: a node is the actions taken so far, and is resolved by simulating
 * the lead along them (by {@link PathRounds}), which either reaches a decision (the target's probabilities give the
 * node's children) or the lead's end (its reward). The search asks for one node at a time ({@link #next}).
 *
 * <p>It first enumerates every path with positive probability; once there would be more than
 * {@code maxExactPaths}, it samples instead: {@code draws} walks from the root, each drawing the target's action at
 * every node from uniforms of its own, and each resolved node is kept, so walks that share a prefix share its
 * simulation. The lead's luck is the generator's in both cases; only the policy's choices are averaged over.
 */
final class LeadSearch {
    private static final LeadAction[] ACTIONS = LeadAction.values();

    /** A node: the path from the root, and once resolved either the probabilities of its children or a reward. */
    static final class Node {
        final Node parent;
        final LeadAction action;
        final int depth;
        final double reach; // exact mode: the path's probability under the target
        double[] probabilities; // null until resolved as a decision, and for an end
        Node[] children;
        boolean resolved;
        boolean end;
        double reward;
        boolean requested;
        int[] waiting = new int[0]; // sampling: the draws stopped here until it is resolved
        int waitingCount;

        Node(Node parent, LeadAction action, double reach) {
            this.parent = parent;
            this.action = action;
            this.depth = parent == null ? 0 : parent.depth + 1;
            this.reach = reach;
        }

        /** The actions from the root to this node. */
        List<LeadAction> path() {
            LeadAction[] out = new LeadAction[depth];
            for (Node n = this; n.parent != null; n = n.parent) {
                out[n.depth - 1] = n.action;
            }
            return Arrays.asList(out);
        }

        Node child(LeadAction a) {
            if (children == null) {
                children = new Node[ACTIONS.length];
            }
            Node c = children[a.ordinal()];
            if (c == null) {
                c = new Node(this, a, reach * probabilities[a.ordinal()]);
                children[a.ordinal()] = c;
            }
            return c;
        }

        void await(int draw) {
            if (waitingCount == waiting.length) {
                waiting = Arrays.copyOf(waiting, Math.max(4, 2 * waitingCount));
            }
            waiting[waitingCount++] = draw;
        }
    }

    final int lead;
    private final int draws;
    private final int maxExactPaths;
    private final long seed;
    private final Node root = new Node(null, null, 1.0);
    private final ArrayDeque<Node> queue = new ArrayDeque<>();
    private final List<Node> leaves = new ArrayList<>();
    private boolean sampling;
    private int paths = 1; // enumeration: leaves found plus nodes still to resolve
    private double[] drawRewards;
    private int drawsDone;
    private int resolvedNodes;

    LeadSearch(int lead, TruthSettings settings) {
        this.lead = lead;
        this.draws = settings.draws();
        this.maxExactPaths = settings.maxExactPaths();
        this.seed = settings.seed();
        request(root);
    }

    /** The next node to resolve, or null when the search is done. */
    Node next() {
        return queue.peekFirst();
    }

    boolean done() {
        return queue.isEmpty();
    }

    /** False when the lead ended before its first decision: it has no decision point and takes no part. */
    boolean hasDecision() {
        return root.resolved && !root.end;
    }

    boolean exact() {
        return !sampling;
    }

    int resolvedNodes() {
        return resolvedNodes;
    }

    /** The node is a decision with these probabilities (in {@link LeadAction} order, summing to 1). */
    void decision(Node node, double[] probabilities) {
        resolve(node);
        node.probabilities = probabilities;
        if (!sampling) {
            int children = 0;
            for (double p : probabilities) {
                children += p > 0 ? 1 : 0;
            }
            paths += children - 1;
            if (paths > maxExactPaths) {
                startSampling();
                return;
            }
            for (LeadAction a : ACTIONS) {
                if (probabilities[a.ordinal()] > 0) {
                    request(node.child(a));
                }
            }
        } else {
            resume(node);
        }
    }

    /** The node is the lead's end, with this reward. */
    void end(Node node, double reward) {
        resolve(node);
        node.end = true;
        node.reward = reward;
        if (!sampling) {
            leaves.add(node);
        } else {
            resume(node);
        }
    }

    private void resolve(Node node) {
        if (queue.peekFirst() != node) {
            throw new IllegalStateException("resolved a node that was not asked for");
        }
        queue.pollFirst();
        node.resolved = true;
        resolvedNodes++;
    }

    private void request(Node node) {
        if (!node.requested) {
            node.requested = true;
            queue.addLast(node);
        }
    }

    private void startSampling() {
        sampling = true;
        leaves.clear();
        // Nodes queued for the enumeration may never be reached by a draw: drop them and let the draws ask.
        for (Node n : queue) {
            n.requested = false;
        }
        queue.clear();
        drawRewards = new double[draws];
        for (int j = 0; j < draws; j++) {
            walk(j, root);
        }
    }

    /** Continues the draws that stopped at {@code node}. */
    private void resume(Node node) {
        int[] stopped = Arrays.copyOf(node.waiting, node.waitingCount);
        node.waiting = new int[0];
        node.waitingCount = 0;
        for (int j : stopped) {
            walk(j, node);
        }
    }

    /** Walks draw {@code j} down from {@code node} until an end, or a node still to resolve (where it waits). */
    private void walk(int j, Node node) {
        Node n = node;
        while (n.resolved && !n.end) {
            n = n.child(sample(n.probabilities, TruthDraws.uniform(seed, lead, j, n.depth)));
        }
        if (n.resolved) {
            drawRewards[j] = n.reward;
            drawsDone++;
        } else {
            n.await(j);
            request(n);
        }
    }

    private static LeadAction sample(double[] p, double u) {
        double cumulative = 0;
        LeadAction last = null;
        for (LeadAction a : ACTIONS) {
            if (p[a.ordinal()] > 0) {
                cumulative += p[a.ordinal()];
                last = a;
                if (u < cumulative) {
                    return a;
                }
            }
        }
        return last; // rounding left u above the total
    }

    /** The lead's probability of a positive end under the target (exact), or its mean over the draws. */
    double value() {
        requireDone();
        if (!sampling) {
            double v = 0;
            for (Node leaf : leaves) {
                v += leaf.reach * leaf.reward;
            }
            return v;
        }
        double sum = 0;
        for (double r : drawRewards) {
            sum += r;
        }
        return sum / draws;
    }

    /** The variance of {@link #value} as an estimate: 0 when exact, else the draws' sample variance over draws. */
    double variance() {
        requireDone();
        if (!sampling) {
            return 0;
        }
        double mean = value();
        double ss = 0;
        for (double r : drawRewards) {
            ss += (r - mean) * (r - mean);
        }
        return ss / (draws - 1) / draws;
    }

    private void requireDone() {
        if (!done() || (sampling && drawsDone != draws)) {
            throw new IllegalStateException("search of lead " + lead + " is not done");
        }
    }
}
