package org.systemarena.integrations.discovery;

import java.util.List;
import java.util.Objects;

/**
 * A block-structured process model: activity leaves, silent leaves (tau) and operator nodes. {@link #toString()}
 * prints PM4Py's text notation, e.g. {@code ->( 'a', X( tau, 'b' ), +( 'c', *( 'd', tau ) ) )}.
 */
public sealed interface ProcessTree permits ProcessTree.Activity, ProcessTree.Silent, ProcessTree.Operation {

    /** Operators and their symbols in the text notation. */
    enum Operator {
        /** Children in order. */
        SEQUENCE("->"),
        /** Exactly one child. */
        XOR("X"),
        /** All children, interleaved. */
        PARALLEL("+"),
        /** The first child (do), then any number of times a second child (redo) followed by the first again. */
        LOOP("*");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** True when the order of the children carries no meaning. */
        public boolean isCommutative() {
            return this == XOR || this == PARALLEL;
        }
    }

    /** A visible activity. */
    record Activity(String label) implements ProcessTree {
        public Activity {
            Objects.requireNonNull(label, "label");
        }

        @Override
        public String toString() {
            return '\'' + label + '\'';
        }
    }

    /** The silent step. */
    record Silent() implements ProcessTree {
        @Override
        public String toString() {
            return "tau";
        }
    }

    /** An operator applied to two or more children (a loop has exactly two: do and redo). */
    record Operation(Operator operator, List<ProcessTree> children) implements ProcessTree {
        public Operation {
            Objects.requireNonNull(operator, "operator");
            children = List.copyOf(children);
            if (children.isEmpty()) {
                throw new IllegalArgumentException(operator.symbol() + " needs at least one child");
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(operator.symbol()).append("( ");
            for (int i = 0; i < children.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(children.get(i));
            }
            return sb.append(" )").toString();
        }
    }

    static ProcessTree tau() {
        return new Silent();
    }

    static ProcessTree activity(String label) {
        return new Activity(label);
    }

    static ProcessTree sequence(ProcessTree... children) {
        return new Operation(Operator.SEQUENCE, List.of(children));
    }

    static ProcessTree xor(ProcessTree... children) {
        return new Operation(Operator.XOR, List.of(children));
    }

    static ProcessTree parallel(ProcessTree... children) {
        return new Operation(Operator.PARALLEL, List.of(children));
    }

    static ProcessTree loop(ProcessTree body, ProcessTree redo) {
        return new Operation(Operator.LOOP, List.of(body, redo));
    }

    static ProcessTree of(Operator operator, List<ProcessTree> children) {
        return new Operation(operator, children);
    }

    /** Parses PM4Py's text notation (what {@link #toString()} prints). */
    static ProcessTree parse(String text) {
        return ProcessTreeText.parse(text);
    }

    /**
     * A text form in which the children of X and + are sorted, so two trees that differ only in the order of
     * commutative children have equal canonical forms.
     */
    default String canonical() {
        return ProcessTreeText.canonical(this);
    }

    /** Visible activity labels, in order of first appearance (depth first). */
    default List<String> labels() {
        return ProcessTreeText.labels(this);
    }
}
