package org.systemarena.decision.expr;

import java.util.ArrayList;
import java.util.List;

import org.systemarena.decision.expr.Ast.CompareOp;
import org.systemarena.decision.expr.Lexer.Kind;
import org.systemarena.decision.expr.Lexer.Token;

/**
 * Recursive-descent parser with Python's precedence, loosest first: {@code or}, {@code and}, {@code not},
 * comparisons (chainable, including {@code in}, {@code not in}, {@code is}, {@code is not}), {@code + -},
 * {@code * / // %}, unary {@code - +}, then literals, names, calls, lists and parentheses.
 */
final class Parser {
    /**
     * How deep an expression may nest: parentheses, lists, calls, {@code not}, unary signs and each operator of an
     * arithmetic chain (a chain is a left-deep tree) count one level each. The checker, compiler and evaluator
     * recurse over the tree, so this bounds their stack on any input; no hand-written rule comes near it.
     */
    static final int MAX_DEPTH = 200;
    private static final String MIN_LONG_DIGITS = "9223372036854775808";

    private final SourceText source;
    private final List<Token> tokens;
    private int index;
    private int depth;

    private Parser(SourceText source) {
        this.source = source;
        this.tokens = Lexer.tokenize(source);
    }

    static Ast parse(SourceText source) {
        Parser parser = new Parser(source);
        if (parser.peek().kind() == Kind.END) {
            throw source.error(0, "expected an expression but found end of expression");
        }
        Ast ast = parser.or();
        Token end = parser.peek();
        if (end.kind() != Kind.END) {
            throw parser.unexpected(end, "an operator or end of expression");
        }
        return ast;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private Token advance() {
        return tokens.get(index++);
    }

    private boolean at(Kind kind) {
        return peek().kind() == kind;
    }

    private Token expect(Kind kind, String what) {
        if (!at(kind)) {
            throw unexpected(peek(), what);
        }
        return advance();
    }

    private void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw source.error(at.start(), "expression too deeply nested (more than " + MAX_DEPTH
                    + " levels of parentheses, calls, 'not', signs or chained operators)");
        }
    }

    private RuntimeException unexpected(Token found, String expected) {
        return source.error(found.start(), "expected " + expected + " but found " + found.describe(source.text()));
    }

    private Ast or() {
        enter(peek());
        Ast ast = orChain();
        depth--;
        return ast;
    }

    private Ast orChain() {
        Ast first = and();
        if (!at(Kind.OR)) {
            return first;
        }
        List<Ast> operands = new ArrayList<>(List.of(first));
        while (at(Kind.OR)) {
            advance();
            operands.add(and());
        }
        return new Ast.Or(operands, first.pos());
    }

    private Ast and() {
        Ast first = not();
        if (!at(Kind.AND)) {
            return first;
        }
        List<Ast> operands = new ArrayList<>(List.of(first));
        while (at(Kind.AND)) {
            advance();
            operands.add(not());
        }
        return new Ast.And(operands, first.pos());
    }

    private Ast not() {
        if (at(Kind.NOT)) {
            Token not = advance();
            enter(not);
            Ast operand = not();
            depth--;
            return new Ast.Not(operand, not.start());
        }
        return comparison();
    }

    private Ast comparison() {
        Ast first = sum();
        List<Ast> operands = null;
        List<CompareOp> ops = null;
        List<Integer> positions = null;
        while (true) {
            Token t = peek();
            CompareOp op = switch (t.kind()) {
                case EQ -> CompareOp.EQ;
                case NE -> CompareOp.NE;
                case LT -> CompareOp.LT;
                case LE -> CompareOp.LE;
                case GT -> CompareOp.GT;
                case GE -> CompareOp.GE;
                case IN -> CompareOp.IN;
                case IS -> peek(1).kind() == Kind.NOT ? CompareOp.IS_NOT : CompareOp.IS;
                case NOT -> peek(1).kind() == Kind.IN ? CompareOp.NOT_IN : null;
                default -> null;
            };
            if (op == null) {
                break;
            }
            advance();
            if (op == CompareOp.IS_NOT || op == CompareOp.NOT_IN) {
                advance();
            }
            Ast right;
            if (op == CompareOp.IS || op == CompareOp.IS_NOT) {
                // 'is' only tests for None: identity of other values means nothing in this language.
                Token none = expect(Kind.NONE, "'None' after '" + op.symbol + "'");
                right = new Ast.Literal(null, none.start());
            } else {
                right = sum();
            }
            if (operands == null) {
                operands = new ArrayList<>(List.of(first));
                ops = new ArrayList<>();
                positions = new ArrayList<>();
            }
            operands.add(right);
            ops.add(op);
            positions.add(t.start());
        }
        return operands == null ? first : new Ast.Comparison(operands, ops, positions, first.pos());
    }

    private Ast sum() {
        int entered = depth;
        Ast left = term();
        while (at(Kind.PLUS) || at(Kind.MINUS)) {
            Token op = advance();
            enter(op);
            Ast right = term();
            left = new Ast.Arithmetic(op.kind() == Kind.PLUS ? "+" : "-", left, right, left.pos(), op.start());
        }
        depth = entered;
        return left;
    }

    private Ast term() {
        int entered = depth;
        Ast left = unary();
        while (true) {
            String op = switch (peek().kind()) {
                case STAR -> "*";
                case SLASH -> "/";
                case DOUBLE_SLASH -> "//";
                case PERCENT -> "%";
                default -> null;
            };
            if (op == null) {
                depth = entered;
                return left;
            }
            Token t = advance();
            enter(t);
            Ast right = unary();
            left = new Ast.Arithmetic(op, left, right, left.pos(), t.start());
        }
    }

    private Ast unary() {
        if (at(Kind.MINUS) || at(Kind.PLUS)) {
            Token op = advance();
            Token next = peek();
            if (op.kind() == Kind.MINUS && next.kind() == Kind.INT && MIN_LONG_DIGITS.equals(next.value())) {
                advance();
                return new Ast.Literal(Long.MIN_VALUE, op.start());
            }
            enter(op);
            Ast operand = unary();
            depth--;
            return new Ast.Unary(op.kind() == Kind.MINUS ? '-' : '+', operand, op.start());
        }
        return primary();
    }

    private Ast primary() {
        Token t = peek();
        switch (t.kind()) {
            case INT:
                advance();
                try {
                    return new Ast.Literal(Long.parseLong((String) t.value()), t.start());
                } catch (NumberFormatException e) {
                    throw source.error(t.start(), "integer out of range (64-bit): " + t.value());
                }
            case DECIMAL:
            case STRING:
                advance();
                return new Ast.Literal(t.value(), t.start());
            case TRUE:
                advance();
                return new Ast.Literal(Boolean.TRUE, t.start());
            case FALSE:
                advance();
                return new Ast.Literal(Boolean.FALSE, t.start());
            case NONE:
                advance();
                return new Ast.Literal(null, t.start());
            case IDENT:
                return nameOrCall();
            case LPAREN:
                return parenthesised();
            case LBRACKET:
                return list();
            default:
                throw unexpected(t, "a value, a name or '('");
        }
    }

    private Ast nameOrCall() {
        Token first = advance();
        StringBuilder name = new StringBuilder((String) first.value());
        while (at(Kind.DOT)) {
            advance();
            Token segment = peek();
            // Keywords are fine after a dot (state.is, event.in): there they can only be a field name.
            if (!(segment.value() instanceof String s) || segment.kind() == Kind.STRING
                    || !Character.isLetter(s.charAt(0)) && s.charAt(0) != '_') {
                throw unexpected(segment, "a field name after '.'");
            }
            advance();
            name.append('.').append(s);
        }
        if (!at(Kind.LPAREN)) {
            return new Ast.Name(name.toString(), first.start());
        }
        if (name.indexOf(".") >= 0) {
            throw source.error(first.start(), "'" + name + "' cannot be called: values have no methods;"
                    + " only functions such as abs, min, max, len and coalesce can be called");
        }
        advance();
        List<Ast> args = new ArrayList<>();
        if (!at(Kind.RPAREN)) {
            args.add(or());
            while (at(Kind.COMMA)) {
                advance();
                args.add(or());
            }
        }
        expect(Kind.RPAREN, "',' or ')'");
        return new Ast.Call(name.toString(), args, first.start());
    }

    private Ast parenthesised() {
        Token open = advance();
        Ast inner = or();
        if (!at(Kind.COMMA)) {
            expect(Kind.RPAREN, "')'");
            return inner;
        }
        List<Ast> items = new ArrayList<>(List.of(inner));
        while (at(Kind.COMMA)) {
            advance();
            if (at(Kind.RPAREN)) {
                break;
            }
            items.add(or());
        }
        expect(Kind.RPAREN, "',' or ')'");
        return new Ast.ListLiteral(items, open.start());
    }

    private Ast list() {
        Token open = advance();
        List<Ast> items = new ArrayList<>();
        while (!at(Kind.RBRACKET)) {
            items.add(or());
            if (!at(Kind.COMMA)) {
                break;
            }
            advance();
        }
        expect(Kind.RBRACKET, "',' or ']'");
        return new Ast.ListLiteral(items, open.start());
    }
}
