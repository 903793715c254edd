package org.systemarena.decision.expr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.systemarena.core.ArenaException;

/**
 * What an {@link Expression} can see while it is evaluated: the values of names and the context functions.
 * Implementations decide what exists (snapshot built-ins, case attributes, {@code event.x}, {@code state.x},
 * features, {@code action_type}, {@code action.params.x}, ...); the expression only asks.
 *
 * <p>Values must be of the {@link org.systemarena.core.Values} types ({@link String}, {@link Long}, {@link Double},
 * {@link Boolean}, {@link java.time.Instant}) or null; anything else is reported as a type error where it is used.
 * Implementations must be safe to use from the thread that evaluates; an {@link Expression} itself is immutable and
 * may be shared by many threads, each with its own bindings.
 */
public interface Bindings {

    /** Value of a name (e.g. {@code "budget"}, {@code "event.amount"}, {@code "state.stage"}), or null. */
    Object get(String name);

    /**
     * Calls a context function such as {@code policy_actions('send_email', 7)}. The built-in functions (abs, min,
     * max, len, coalesce) never reach this method. The default knows no functions.
     *
     * @param args the evaluated arguments, in order, unmodifiable
     */
    default Object call(String function, List<Object> args) {
        throw new ArenaException("unknown function '" + function + "'");
    }

    /** Bindings that know no names: every name is null. */
    static Bindings empty() {
        return name -> null;
    }

    /** Bindings backed by a map (null values allowed; absent names are null). The map is not copied. */
    static Bindings of(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        return values::get;
    }
}
