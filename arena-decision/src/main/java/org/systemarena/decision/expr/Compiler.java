package org.systemarena.decision.expr;

import java.util.List;
import java.util.Set;

import org.systemarena.decision.expr.Ast.CompareOp;

/** Turns the syntax tree into a tree of {@link Eval} nodes, checking what the grammar alone cannot. */
final class Compiler {
    /** Functions the language itself implements; every other call goes to {@link Bindings#call}. */
    static final Set<String> BUILT_INS = Set.of("abs", "len", "min", "max", "coalesce");

    private final SourceText src;

    private Compiler(SourceText src) {
        this.src = src;
    }

    static Eval compile(Ast ast, SourceText src) {
        return new Compiler(src).node(ast);
    }

    private Eval node(Ast ast) {
        if (ast instanceof Ast.Literal lit) {
            return new Eval.Const(src, lit.pos(), lit.value());
        } else if (ast instanceof Ast.Name name) {
            return new Eval.Name(src, name.pos(), name.name());
        } else if (ast instanceof Ast.Unary u) {
            return new ArithmeticEval.Unary(src, u.pos(), u.op() == '-', node(u.operand()));
        } else if (ast instanceof Ast.Arithmetic a) {
            int op = List.of(Ops.ARITHMETIC_SYMBOLS).indexOf(a.op());
            return new ArithmeticEval.Binary(src, a.pos(), op, a.opPos(), node(a.left()), node(a.right()));
        } else if (ast instanceof Ast.Comparison c) {
            return comparison(c);
        } else if (ast instanceof Ast.And and) {
            return new LogicEval.And(src, and.pos(), nodes(and.operands()));
        } else if (ast instanceof Ast.Or or) {
            return new LogicEval.Or(src, or.pos(), nodes(or.operands()));
        } else if (ast instanceof Ast.Not not) {
            return new LogicEval.Not(src, not.pos(), node(not.operand()));
        } else if (ast instanceof Ast.Call call) {
            return call(call);
        } else if (ast instanceof Ast.ListLiteral list) {
            throw src.error(list.pos(), "a list is only allowed after 'in' or 'not in'");
        }
        throw new IllegalStateException("unknown syntax node " + ast);
    }

    private Eval[] nodes(List<Ast> asts) {
        Eval[] out = new Eval[asts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node(asts.get(i));
        }
        return out;
    }

    private Eval comparison(Ast.Comparison c) {
        int n = c.ops().size();
        Eval[] operands = new Eval[n + 1];
        int[] codes = new int[n];
        for (int i = 0; i <= n; i++) {
            Ast operand = c.operands().get(i);
            boolean afterIn = i > 0 && (c.ops().get(i - 1) == CompareOp.IN || c.ops().get(i - 1) == CompareOp.NOT_IN);
            operands[i] = afterIn && operand instanceof Ast.ListLiteral list
                    ? new CompareEval.ListEval(src, list.pos(), nodes(list.items()))
                    : node(operand);
        }
        for (int i = 0; i < n; i++) {
            boolean withNone = isNone(c.operands().get(i)) || isNone(c.operands().get(i + 1));
            codes[i] = switch (c.ops().get(i)) {
                case EQ -> withNone ? CompareEval.IS_NULL : Ops.EQ;
                case NE -> withNone ? CompareEval.NOT_NULL : Ops.NE;
                case IS -> CompareEval.IS_NULL;
                case IS_NOT -> CompareEval.NOT_NULL;
                case LT -> Ops.LT;
                case LE -> Ops.LE;
                case GT -> Ops.GT;
                case GE -> Ops.GE;
                case IN -> CompareEval.IN;
                case NOT_IN -> CompareEval.NOT_IN;
            };
        }
        int[] positions = c.opPositions().stream().mapToInt(Integer::intValue).toArray();
        if (n == 1 && codes[0] <= Ops.GE && operands[0] instanceof Eval.Name name
                && operands[1] instanceof Eval.Const constant && constant.value != null) {
            return new CompareEval.NameVsConst(src, c.pos(), name.name, codes[0], positions[0], constant.value);
        }
        if (n == 1 && codes[0] <= Ops.GE) {
            return new CompareEval.Binary(src, c.pos(), codes[0], positions[0], operands[0], operands[1]);
        }
        if (n == 1 && (codes[0] == CompareEval.IS_NULL || codes[0] == CompareEval.NOT_NULL)) {
            boolean negate = codes[0] == CompareEval.NOT_NULL;
            if (isNone(c.operands().get(1))) {
                return new CompareEval.IsNull(src, c.pos(), negate, operands[0]);
            }
            if (isNone(c.operands().get(0))) {
                return new CompareEval.IsNull(src, c.pos(), negate, operands[1]);
            }
        }
        if (n == 1 && (codes[0] == CompareEval.IN || codes[0] == CompareEval.NOT_IN)
                && operands[1] instanceof CompareEval.ListEval list) {
            return new CompareEval.InList(src, c.pos(), operands[0], list, codes[0] == CompareEval.NOT_IN,
                    positions[0]);
        }
        return new CompareEval.Chain(src, c.pos(), operands, codes, positions);
    }

    private static boolean isNone(Ast ast) {
        return ast instanceof Ast.Literal lit && lit.value() == null;
    }

    private Eval call(Ast.Call call) {
        String name = call.name();
        Eval[] args = nodes(call.args());
        switch (name) {
            case "abs":
                arity(call, 1, 1);
                return new FunctionEval.Abs(src, call.pos(), args[0]);
            case "len":
                arity(call, 1, 1);
                return new FunctionEval.Len(src, call.pos(), args[0]);
            case "min":
            case "max":
                arity(call, 2, Integer.MAX_VALUE);
                return new FunctionEval.MinMax(src, call.pos(), name.equals("max"), args);
            case "coalesce":
                arity(call, 1, Integer.MAX_VALUE);
                return new FunctionEval.Coalesce(src, call.pos(), args);
            default:
                return new FunctionEval.Context(src, call.pos(), name, args);
        }
    }

    private void arity(Ast.Call call, int min, int max) {
        int given = call.args().size();
        if (given >= min && given <= max) {
            return;
        }
        String expected = min == max ? "exactly " + min : "at least " + min;
        throw src.error(call.pos(), call.name() + "() takes " + expected + " argument" + (min == 1 ? "" : "s")
                + " but " + given + (given == 1 ? " was" : " were") + " given");
    }
}
