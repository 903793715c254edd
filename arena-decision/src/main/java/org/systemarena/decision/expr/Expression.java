package org.systemarena.decision.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.systemarena.core.manifest.SourcePosition;

/**
 * A condition, rule or constraint of the expression language (see docs/expressions.md), parsed once and compiled
 * into a tree of small evaluator objects. Immutable and thread-safe: one instance may be evaluated concurrently
 * with different {@link Bindings}.
 *
 * <pre>{@code
 * Expression e = Expression.parse("days_since_last_contact > 3 and budget is not None and budget > 5000");
 * boolean fire = e.test(Bindings.of(Map.of("days_since_last_contact", 4.5, "budget", 8000L)));
 * }</pre>
 *
 * Every error, at parse time or evaluation time, is an {@link org.systemarena.core.ArenaException} whose message
 * names the file, line and column of the offending token and quotes the expression.
 */
public final class Expression {
    private final String text;
    private final SourceText source;
    private final Eval root;
    private final List<Reference> references;
    private final Set<String> names;
    private final Set<String> functions;

    /** A name or function call in the text, kept for {@link ExpressionChecker}. */
    record Reference(boolean call, String name, int offset, int arity) {
    }

    private Expression(String text, SourceText source, Eval root, List<Reference> references) {
        this.text = text;
        this.source = source;
        this.root = root;
        this.references = List.copyOf(references);
        Set<String> n = new LinkedHashSet<>();
        Set<String> f = new LinkedHashSet<>();
        for (Reference r : references) {
            (r.call() ? f : n).add(r.name());
        }
        this.names = Collections.unmodifiableSet(n);
        this.functions = Collections.unmodifiableSet(f);
    }

    /** Parses and compiles; positions in errors are relative to the text (line 1, column 1). */
    public static Expression parse(String text) {
        return parse(text, SourcePosition.UNKNOWN);
    }

    /**
     * Parses and compiles; positions in errors are relative to {@code where}, the position of the first character
     * of {@code text} in its file (e.g. a manifest value).
     */
    public static Expression parse(String text, SourcePosition where) {
        Objects.requireNonNull(text, "expression text");
        SourceText source = new SourceText(text, where);
        Ast ast = Parser.parse(source);
        Eval root = Compiler.compile(ast, source);
        List<Reference> refs = new ArrayList<>();
        collect(ast, refs);
        return new Expression(text, source, root, refs);
    }

    /** The value: a String, Long, Double, Boolean, Instant or null. */
    public Object evaluate(Bindings bindings) {
        return root.eval(Objects.requireNonNull(bindings, "bindings"));
    }

    /**
     * Condition semantics: true or false; null counts as false; any other value is an error naming it.
     */
    public boolean test(Bindings bindings) {
        return root.truth(Objects.requireNonNull(bindings, "bindings"), Eval.CONDITION);
    }

    /** The names referenced, in order of first appearance (e.g. "budget", "event.amount", "state.stage"). */
    public Set<String> names() {
        return names;
    }

    /** The names of the functions called, built-in ones included, in order of first appearance. */
    public Set<String> functions() {
        return functions;
    }

    public String text() {
        return text;
    }

    List<Reference> references() {
        return references;
    }

    SourceText source() {
        return source;
    }

    @Override
    public String toString() {
        return text;
    }

    private static void collect(Ast ast, List<Reference> out) {
        if (ast instanceof Ast.Name name) {
            out.add(new Reference(false, name.name(), name.pos(), 0));
        } else if (ast instanceof Ast.Unary u) {
            collect(u.operand(), out);
        } else if (ast instanceof Ast.Arithmetic a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else if (ast instanceof Ast.Comparison c) {
            c.operands().forEach(o -> collect(o, out));
        } else if (ast instanceof Ast.And and) {
            and.operands().forEach(o -> collect(o, out));
        } else if (ast instanceof Ast.Or or) {
            or.operands().forEach(o -> collect(o, out));
        } else if (ast instanceof Ast.Not not) {
            collect(not.operand(), out);
        } else if (ast instanceof Ast.ListLiteral list) {
            list.items().forEach(o -> collect(o, out));
        } else if (ast instanceof Ast.Call call) {
            out.add(new Reference(true, call.name(), call.pos(), call.args().size()));
            call.args().forEach(o -> collect(o, out));
        }
    }
}
