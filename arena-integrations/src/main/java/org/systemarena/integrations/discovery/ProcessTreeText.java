package org.systemarena.integrations.discovery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.systemarena.core.ArenaException;
import org.systemarena.integrations.discovery.ProcessTree.Activity;
import org.systemarena.integrations.discovery.ProcessTree.Operation;
import org.systemarena.integrations.discovery.ProcessTree.Operator;
import org.systemarena.integrations.discovery.ProcessTree.Silent;

/** Parser and canonical form of the process-tree text notation. */
final class ProcessTreeText {
    private final String text;
    private int pos;

    private ProcessTreeText(String text) {
        this.text = text;
    }

    static ProcessTree parse(String text) {
        ProcessTreeText p = new ProcessTreeText(text.strip());
        ProcessTree tree = p.node();
        p.skipSpaces();
        if (p.pos != p.text.length()) {
            throw p.error("unexpected text after the tree");
        }
        return tree;
    }

    private ProcessTree node() {
        skipSpaces();
        if (text.startsWith("tau", pos)) {
            pos += 3;
            return new Silent();
        }
        if (pos < text.length() && text.charAt(pos) == '\'') {
            // A label ends at the quote that is followed by a delimiter, so labels may contain quotes.
            int end = pos + 1;
            while (true) {
                end = text.indexOf('\'', end);
                if (end < 0) {
                    throw error("unterminated label");
                }
                int next = end + 1;
                while (next < text.length() && text.charAt(next) == ' ') {
                    next++;
                }
                if (next == text.length() || text.charAt(next) == ',' || text.charAt(next) == ')') {
                    break;
                }
                end++;
            }
            String label = text.substring(pos + 1, end);
            pos = end + 1;
            return new Activity(label);
        }
        Operator op = null;
        for (Operator o : Operator.values()) {
            if (text.startsWith(o.symbol() + "(", pos)) {
                op = o;
                break;
            }
        }
        if (op == null) {
            throw error("expected tau, a quoted label or an operator (->, X, +, *)");
        }
        pos += op.symbol().length() + 1;
        List<ProcessTree> children = new ArrayList<>();
        while (true) {
            children.add(node());
            skipSpaces();
            if (pos >= text.length()) {
                throw error("missing ')'");
            }
            char c = text.charAt(pos++);
            if (c == ')') {
                break;
            }
            if (c != ',') {
                throw error("expected ',' or ')'");
            }
        }
        return new Operation(op, children);
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ArenaException error(String message) {
        String shown = text.length() > 200 ? text.substring(Math.max(0, pos - 40), Math.min(text.length(), pos + 40))
                : text;
        return new ArenaException("process tree text, position " + (pos + 1) + ": " + message + " in '" + shown + "'");
    }

    static String canonical(ProcessTree tree) {
        if (tree instanceof Operation op) {
            List<String> parts = new ArrayList<>();
            for (ProcessTree child : op.children()) {
                parts.add(canonical(child));
            }
            if (op.operator().isCommutative()) {
                parts.sort(null);
            }
            return op.operator().symbol() + "( " + String.join(", ", parts) + " )";
        }
        return tree.toString();
    }

    static List<String> labels(ProcessTree tree) {
        Set<String> out = new LinkedHashSet<>();
        collect(tree, out);
        return List.copyOf(out);
    }

    private static void collect(ProcessTree tree, Set<String> out) {
        if (tree instanceof Activity a) {
            out.add(a.label());
        } else if (tree instanceof Operation op) {
            op.children().forEach(c -> collect(c, out));
        }
    }
}
