package org.systemarena.integrations.discovery;

import java.util.ArrayList;
import java.util.List;
import org.systemarena.integrations.discovery.ProcessTree.Operation;
import org.systemarena.integrations.discovery.ProcessTree.Operator;
import org.systemarena.integrations.discovery.ProcessTree.Silent;

/**
 * Language-preserving simplification of a discovered tree: a child with the same operator as its parent (sequence,
 * choice, parallel) is merged into the parent, tau children of sequence and parallel are dropped, a choice keeps one
 * tau, and an operator left with one child is replaced by it.
 */
final class TreeFolding {
    private TreeFolding() {
    }

    static ProcessTree fold(ProcessTree tree) {
        if (!(tree instanceof Operation op)) {
            return tree;
        }
        List<ProcessTree> children = new ArrayList<>();
        for (ProcessTree child : op.children()) {
            ProcessTree folded = fold(child);
            if (op.operator() != Operator.LOOP && folded instanceof Operation inner
                    && inner.operator() == op.operator()) {
                children.addAll(inner.children());
            } else {
                children.add(folded);
            }
        }
        if (op.operator() == Operator.LOOP) {
            return ProcessTree.of(Operator.LOOP, children);
        }
        List<ProcessTree> kept = new ArrayList<>();
        boolean tauSeen = false;
        for (ProcessTree child : children) {
            if (child instanceof Silent) {
                if (op.operator() == Operator.XOR && !tauSeen) {
                    kept.add(child);
                }
                tauSeen = true;
            } else {
                kept.add(child);
            }
        }
        if (kept.isEmpty()) {
            return ProcessTree.tau();
        }
        return kept.size() == 1 ? kept.get(0) : ProcessTree.of(op.operator(), kept);
    }
}
