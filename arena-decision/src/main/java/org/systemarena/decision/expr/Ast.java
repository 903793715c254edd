package org.systemarena.decision.expr;

import java.util.List;

/** The parsed form of an expression. {@code pos} is the 0-based offset of the node's first character. */
sealed interface Ast {
    int pos();

    /** A literal: Long, Double, String, Boolean or null. */
    record Literal(Object value, int pos) implements Ast {
    }

    /** A (possibly dotted) name such as {@code budget} or {@code event.amount}. */
    record Name(String name, int pos) implements Ast {
    }

    /** {@code -x} or {@code +x}. */
    record Unary(char op, Ast operand, int pos) implements Ast {
    }

    /** {@code + - * / // %}; {@code opPos} locates the operator. */
    record Arithmetic(String op, Ast left, Ast right, int pos, int opPos) implements Ast {
    }

    /** A (possibly chained) comparison {@code a op1 b op2 c}: operands.size() == ops.size() + 1. */
    record Comparison(List<Ast> operands, List<CompareOp> ops, List<Integer> opPositions, int pos) implements Ast {
        public Comparison {
            operands = List.copyOf(operands);
            ops = List.copyOf(ops);
            opPositions = List.copyOf(opPositions);
        }
    }

    record And(List<Ast> operands, int pos) implements Ast {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Ast> operands, int pos) implements Ast {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Ast operand, int pos) implements Ast {
    }

    /** {@code [a, b]} or {@code (a, b)}; only valid as the right operand of {@code in} / {@code not in}. */
    record ListLiteral(List<Ast> items, int pos) implements Ast {
        public ListLiteral {
            items = List.copyOf(items);
        }
    }

    /** A function call {@code name(args)}; {@code pos} locates the name. */
    record Call(String name, List<Ast> args, int pos) implements Ast {
        public Call {
            args = List.copyOf(args);
        }
    }

    enum CompareOp {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), NOT_IN("not in"), IS("is"),
        IS_NOT("is not");

        final String symbol;

        CompareOp(String symbol) {
            this.symbol = symbol;
        }
    }
}
