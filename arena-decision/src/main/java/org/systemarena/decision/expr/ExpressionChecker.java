package org.systemarena.decision.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.systemarena.core.ArenaException;
import org.systemarena.core.input.Suggestions;
import org.systemarena.core.manifest.SourcePosition;

/**
 * Checks the names and functions of an {@link Expression} against what a context provides, reporting every
 * problem at once with its position and a "did you mean" suggestion, e.g.
 * {@code unknown name 'budjet' at 1:21, did you mean 'budget'?}.
 *
 * <p>A name is known when the set holds it exactly; when the set holds a pattern {@code prefix.*} that matches
 * it (e.g. {@code action.params.*}); or, for {@code event.x} and {@code state.x}, when the set holds {@code x}
 * itself. The built-in functions (abs, len, min, max, coalesce; their arity is checked when parsing) are always
 * allowed; context functions are allowed with the given arity (negative = any number of arguments).
 */
public final class ExpressionChecker {
    private static final List<String> FIELD_PREFIXES = List.of("event.", "state.");

    private final Set<String> exact;
    private final List<String> wildcardPrefixes;
    private final Map<String, Integer> functions;

    private ExpressionChecker(Set<String> exact, List<String> wildcardPrefixes, Map<String, Integer> functions) {
        this.exact = exact;
        this.wildcardPrefixes = wildcardPrefixes;
        this.functions = functions;
    }

    /**
     * @param knownNames       names usable in the expression; entries ending in {@code .*} accept any suffix
     * @param contextFunctions allowed context functions and their arity (negative = any); may be empty
     */
    public static ExpressionChecker of(Set<String> knownNames, Map<String, Integer> contextFunctions) {
        Set<String> exact = new LinkedHashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String n : Objects.requireNonNull(knownNames, "knownNames")) {
            if (n.endsWith(".*")) {
                prefixes.add(n.substring(0, n.length() - 1));
            } else {
                exact.add(n);
            }
        }
        Map<String, Integer> fns = new LinkedHashMap<>(Objects.requireNonNull(contextFunctions, "contextFunctions"));
        for (String builtIn : Compiler.BUILT_INS) {
            if (fns.containsKey(builtIn)) {
                throw new ArenaException("context function '" + builtIn + "' would hide the built-in function");
            }
        }
        return new ExpressionChecker(Set.copyOf(exact), List.copyOf(prefixes), Map.copyOf(fns));
    }

    /** A checker for names only (no context functions). */
    public static ExpressionChecker of(Set<String> knownNames) {
        return of(knownNames, Map.of());
    }

    /**
     * One problem in one expression, quoted as messages quote it (at most 200 characters, on one line).
     * {@code message} includes the position, e.g.
     * {@code unknown name 'budjet' at 14:40, did you mean 'budget'?}; {@code position} is where in its file the
     * offending token is (line and column relative to the position the expression was parsed with).
     */
    public record Problem(String message, String expression, SourcePosition position) {
        public Problem {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(position, "position");
        }

        /** e.g. {@code manifest.yaml: unknown name 'budjet' at 14:40, did you mean 'budget'? in: budjet > 3}. */
        public String describe() {
            return position.file() + ": " + message + " in: " + expression;
        }
    }

    /** Every problem of the expression, in text order; empty when it is fine. */
    public List<Problem> check(Expression expression) {
        SourceText src = expression.source();
        List<Problem> problems = new ArrayList<>();
        for (Expression.Reference ref : expression.references()) {
            String message = ref.call() ? checkCall(ref) : checkName(ref.name());
            if (message == null) {
                continue;
            }
            int line = src.line(ref.offset());
            int column = src.column(ref.offset());
            String at = " at " + line + ":" + column;
            int comma = message.indexOf(", did you mean");
            String full = comma < 0 ? message + at : message.substring(0, comma) + at + message.substring(comma);
            problems.add(new Problem(full, src.quoted(), new SourcePosition(src.file(), line, column)));
        }
        return List.copyOf(problems);
    }

    /** Throws an ArenaException listing every problem (one per line) when there is any. */
    public void requireValid(Expression expression) {
        List<Problem> problems = check(expression);
        if (!problems.isEmpty()) {
            throw new ArenaException(problems.stream().map(Problem::describe).collect(Collectors.joining("\n")));
        }
    }

    /**
     * Null when {@code name} is known, else what is wrong with it, e.g. {@code unknown name 'budjet', did you mean
     * 'budget'?} (for names written outside an expression, such as a manifest's behaviour-model features).
     */
    public String checkName(String name) {
        if (isKnown(name)) {
            return null;
        }
        return "unknown name '" + name + "'" + didYouMean(name, nameCandidates(name));
    }

    private boolean isKnown(String name) {
        if (exact.contains(name)) {
            return true;
        }
        for (String prefix : wildcardPrefixes) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                return true;
            }
        }
        for (String prefix : FIELD_PREFIXES) {
            if (name.startsWith(prefix) && exact.contains(name.substring(prefix.length()))) {
                return true;
            }
        }
        return false;
    }

    private Set<String> nameCandidates(String name) {
        Set<String> candidates = new TreeSet<>(exact);
        for (String prefix : FIELD_PREFIXES) {
            if (name.startsWith(prefix)) {
                for (String known : exact) {
                    candidates.add(prefix + known);
                }
            }
        }
        return candidates;
    }

    private String checkCall(Expression.Reference ref) {
        if (Compiler.BUILT_INS.contains(ref.name())) {
            return null;
        }
        Integer arity = functions.get(ref.name());
        if (arity == null) {
            Set<String> candidates = new TreeSet<>(functions.keySet());
            candidates.addAll(Compiler.BUILT_INS);
            return "unknown function '" + ref.name() + "'" + didYouMean(ref.name(), candidates);
        }
        if (arity >= 0 && arity != ref.arity()) {
            return "function '" + ref.name() + "' takes " + arity + " argument" + (arity == 1 ? "" : "s") + " but "
                    + ref.arity() + (ref.arity() == 1 ? " was" : " were") + " given";
        }
        return null;
    }

    private static String didYouMean(String wrong, Set<String> candidates) {
        String best = Suggestions.closest(wrong, candidates);
        return best == null ? "" : ", did you mean '" + best + "'?";
    }
}
