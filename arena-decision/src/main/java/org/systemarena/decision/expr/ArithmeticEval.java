package org.systemarena.decision.expr;

/** Binary arithmetic and unary minus/plus. Null operands give null. */
final class ArithmeticEval {
    private ArithmeticEval() {
    }

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
            Object l = left.eval(b);
            Object r = right.eval(b);
            if (l instanceof Long x && r instanceof Long y) {
                return Ops.longs(op, x, y, src, opPos);
            }
            return Ops.arithmetic(op, l, r, src, opPos);
        }
    }

    static final class Unary extends Eval {
        private final boolean negate;
        private final Eval operand;

        Unary(SourceText src, int pos, boolean negate, Eval operand) {
            super(src, pos);
            this.negate = negate;
            this.operand = operand;
        }

        @Override
        Object eval(Bindings b) {
            Object v = operand.eval(b);
            if (v == null) {
                return null;
            }
            if (v instanceof Long x) {
                if (!negate) {
                    return x;
                }
                if (x == Long.MIN_VALUE) {
                    throw src.error(pos, "integer overflow: -(" + Describe.value(x) + ") does not fit in 64 bits");
                }
                return -x;
            }
            if (v instanceof Double d) {
                return negate ? -d : d;
            }
            throw src.error(pos, "cannot apply unary '" + (negate ? '-' : '+') + "' to " + Describe.value(v));
        }
    }
}
