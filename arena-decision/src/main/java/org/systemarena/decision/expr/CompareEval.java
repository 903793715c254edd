package org.systemarena.decision.expr;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Comparisons. Any null operand makes a comparison false, except against the None literal ({@code is None},
 * {@code == None}, {@code is not None}, {@code != None}), which tests for null. Chains {@code a < b < c} mean
 * {@code a < b and b < c} with b evaluated once, as in Python.
 */
final class CompareEval {
    /** Codes beyond {@link Ops#EQ}..{@link Ops#GE}. */
    static final int IN = 6;
    static final int NOT_IN = 7;
    static final int IS_NULL = 8;
    static final int NOT_NULL = 9;

    private CompareEval() {
    }

    /** One link of a comparison, with the right node available so list literals need not be materialised. */
    static boolean test(int code, Object left, Eval rightNode, Object right, Bindings b, SourceText src, int opPos) {
        switch (code) {
            case IS_NULL:
                return left == null && right == null;
            case NOT_NULL:
                return left != null || right != null;
            case IN:
            case NOT_IN:
                if (rightNode instanceof ListEval list) {
                    return list.membership(left, code == NOT_IN, b, opPos);
                }
                return in(left, right, code == NOT_IN, src, opPos);
            default:
                if (left == null || right == null) {
                    return false;
                }
                return Ops.compare(code, left, right, src, opPos);
        }
    }

    /** {@code needle in hay} for a computed right operand: a string (substring test) or a list value. */
    static boolean in(Object needle, Object hay, boolean negate, SourceText src, int opPos) {
        String op = negate ? "not in" : "in";
        if (hay instanceof String s) {
            if (needle == null) {
                return false;
            }
            if (needle instanceof String n) {
                return s.contains(n) != negate;
            }
            throw src.error(opPos, "cannot apply '" + op + "' to " + Describe.value(needle) + " and "
                    + Describe.value(hay) + ": only a string can be found in a string");
        }
        if (hay == null) {
            return false;
        }
        if (hay instanceof List<?> list) {
            if (needle == null) {
                return !negate && list.contains(null);
            }
            return Ops.contains(list, needle, src, opPos) != negate;
        }
        throw src.error(opPos, "'" + op + "' needs a list or a string on the right but got " + Describe.value(hay));
    }

    /** {@code a op b} with op one of == != < <= > >=. */
    static final class Binary extends Eval {
        private final int op;
        private final int opPos;
        private final Eval left;
        private final Eval right;

        Binary(SourceText src, int pos, int op, int opPos, Eval left, Eval right) {
            super(src, pos);
            this.op = op;
            this.opPos = opPos;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Bindings b) {
            return truth(b, CONDITION);
        }

        @Override
        boolean truth(Bindings b, String role) {
            Object l = left.eval(b);
            if (l == null) {
                // Evaluate the right side anyway so its errors are never hidden by a null on the left.
                right.eval(b);
                return false;
            }
            Object r = right.eval(b);
            if (r == null) {
                return false;
            }
            if (l instanceof Long x && r instanceof Long y) {
                long p = x;
                long q = y;
                return switch (op) {
                    case Ops.EQ -> p == q;
                    case Ops.NE -> p != q;
                    case Ops.LT -> p < q;
                    case Ops.LE -> p <= q;
                    case Ops.GT -> p > q;
                    default -> p >= q;
                };
            }
            return Ops.compare(op, l, r, src, opPos);
        }
    }

    /**
     * {@code name op literal}, the commonest condition ({@code days_since_last_contact > 3}): one node instead of
     * three, and the literal's numeric form computed once.
     */
    static final class NameVsConst extends Eval {
        private final String name;
        private final int op;
        private final int opPos;
        private final Object constant;
        private final boolean numeric;
        private final double asDouble;

        NameVsConst(SourceText src, int pos, String name, int op, int opPos, Object constant) {
            super(src, pos);
            this.name = name;
            this.op = op;
            this.opPos = opPos;
            this.constant = constant;
            this.numeric = Ops.exactAsDouble(constant);
            this.asDouble = numeric ? ((Number) constant).doubleValue() : 0;
        }

        @Override
        Object eval(Bindings b) {
            return truth(b, CONDITION);
        }

        @Override
        boolean truth(Bindings b, String role) {
            Object v = lookup(b, name, src, pos);
            if (v == null) {
                return false;
            }
            if (numeric) {
                if (v instanceof Double d) {
                    return Ops.compareDoubles(op, d, asDouble);
                }
                if (v instanceof Long x && Ops.exactAsDouble(x)) {
                    return Ops.compareDoubles(op, x, asDouble);
                }
            }
            return Ops.compare(op, v, constant, src, opPos);
        }
    }

    /** {@code x is None}, {@code x == None} (and their negations). */
    static final class IsNull extends Eval {
        private final boolean negate;
        private final Eval operand;
        /** The name when the operand is a plain name: looked up directly, one call less. */
        private final String name;

        IsNull(SourceText src, int pos, boolean negate, Eval operand) {
            super(src, pos);
            this.negate = negate;
            this.operand = operand;
            this.name = operand instanceof Eval.Name n ? n.name : null;
        }

        @Override
        Object eval(Bindings b) {
            return truth(b, CONDITION);
        }

        @Override
        boolean truth(Bindings b, String role) {
            Object v = name != null ? lookup(b, name, src, operand.pos) : operand.eval(b);
            return (v == null) != negate;
        }
    }

    /** A general comparison: a chain, or a single {@code in} / {@code not in}. */
    static final class Chain extends Eval {
        private final Eval[] operands;
        private final int[] codes;
        private final int[] opPositions;

        Chain(SourceText src, int pos, Eval[] operands, int[] codes, int[] opPositions) {
            super(src, pos);
            this.operands = operands;
            this.codes = codes;
            this.opPositions = opPositions;
        }

        @Override
        Object eval(Bindings b) {
            return truth(b, CONDITION);
        }

        @Override
        boolean truth(Bindings b, String role) {
            Object left = operands[0].eval(b);
            int last = codes.length - 1;
            for (int i = 0; i <= last; i++) {
                Eval rightNode = operands[i + 1];
                int code = codes[i];
                boolean listTest = (code == IN || code == NOT_IN) && rightNode instanceof ListEval;
                // A list literal after 'in' is only materialised when the chain goes on to compare it again.
                Object right = listTest && i == last ? null : rightNode.eval(b);
                if (!test(code, left, rightNode, right, b, src, opPositions[i])) {
                    return false;
                }
                left = right;
            }
            return true;
        }
    }

    /** {@code x in [...]} / {@code x not in [...]} on its own (not in a chain): the needle, then the list. */
    static final class InList extends Eval {
        private final Eval needle;
        private final ListEval list;
        private final boolean negate;
        private final int opPos;

        InList(SourceText src, int pos, Eval needle, ListEval list, boolean negate, int opPos) {
            super(src, pos);
            this.needle = needle;
            this.list = list;
            this.negate = negate;
            this.opPos = opPos;
        }

        @Override
        Object eval(Bindings b) {
            return truth(b, CONDITION);
        }

        @Override
        boolean truth(Bindings b, String role) {
            return list.membership(needle.eval(b), negate, b, opPos);
        }
    }

    /** A list literal {@code [a, b]} or tuple {@code (a, b)}, only ever the right operand of in / not in. */
    static final class ListEval extends Eval {
        private final Eval[] items;
        /** The item values when every item is a literal (the usual case), so membership allocates nothing. */
        private final Object[] constants;

        ListEval(SourceText src, int pos, Eval[] items) {
            super(src, pos);
            this.items = items;
            Object[] values = new Object[items.length];
            for (int i = 0; i < items.length; i++) {
                if (!(items[i] instanceof Eval.Const c)) {
                    values = null;
                    break;
                }
                values[i] = c.value;
            }
            this.constants = values;
        }

        @Override
        Object eval(Bindings b) {
            Object[] values = new Object[items.length];
            for (int i = 0; i < items.length; i++) {
                values[i] = items[i].eval(b);
            }
            return Collections.unmodifiableList(Arrays.asList(values));
        }

        /**
         * Membership as in Python: every item is evaluated (left to right, so no error is hidden), then compared
         * in order until one matches. A null needle is only found among null items, and is never "not in".
         */
        boolean membership(Object needle, boolean negate, Bindings b, int opPos) {
            if (constants != null) {
                boolean found = false;
                for (Object v : constants) {
                    if (matches(needle, v, opPos)) {
                        found = true;
                        break;
                    }
                }
                return result(found, needle, negate);
            }
            switch (items.length) {
                case 1:
                    return result(matches(needle, items[0].eval(b), opPos), needle, negate);
                case 2: {
                    Object first = items[0].eval(b);
                    Object second = items[1].eval(b);
                    boolean found = matches(needle, first, opPos) || matches(needle, second, opPos);
                    return result(found, needle, negate);
                }
                default: {
                    Object[] values = new Object[items.length];
                    for (int i = 0; i < items.length; i++) {
                        values[i] = items[i].eval(b);
                    }
                    boolean found = false;
                    for (Object v : values) {
                        if (matches(needle, v, opPos)) {
                            found = true;
                            break;
                        }
                    }
                    return result(found, needle, negate);
                }
            }
        }

        private static boolean result(boolean found, Object needle, boolean negate) {
            return negate ? needle != null && !found : found;
        }

        private boolean matches(Object needle, Object item, int opPos) {
            if (needle == null || item == null) {
                return needle == null && item == null;
            }
            if (needle instanceof String s && item instanceof String t) {
                return s.equals(t);
            }
            return Ops.compare(Ops.EQ, needle, item, src, opPos);
        }
    }
}
