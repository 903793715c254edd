package org.systemarena.decision.expr;

/** {@code and}, {@code or}, {@code not}: short-circuit, boolean results; null operands count as false. */
final class LogicEval {
    static final String AND_OPERAND = "the operand of 'and'";
    static final String OR_OPERAND = "the operand of 'or'";
    static final String NOT_OPERAND = "the operand of 'not'";

    private LogicEval() {
    }

    static final class And extends Eval {
        private final Eval[] operands;

        And(SourceText src, int pos, Eval[] operands) {
            super(src, pos);
            this.operands = operands;
        }

        @Override
        Object eval(Bindings b) {
            return truth(b, CONDITION);
        }

        @Override
        boolean truth(Bindings b, String role) {
            for (Eval operand : operands) {
                if (!operand.truth(b, AND_OPERAND)) {
                    return false;
                }
            }
            return true;
        }
    }

    static final class Or extends Eval {
        private final Eval[] operands;

        Or(SourceText src, int pos, Eval[] operands) {
            super(src, pos);
            this.operands = operands;
        }

        @Override
        Object eval(Bindings b) {
            return truth(b, CONDITION);
        }

        @Override
        boolean truth(Bindings b, String role) {
            for (Eval operand : operands) {
                if (operand.truth(b, OR_OPERAND)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class Not extends Eval {
        private final Eval operand;

        Not(SourceText src, int pos, Eval operand) {
            super(src, pos);
            this.operand = operand;
        }

        @Override
        Object eval(Bindings b) {
            return truth(b, CONDITION);
        }

        @Override
        boolean truth(Bindings b, String role) {
            return !operand.truth(b, NOT_OPERAND);
        }
    }
}
