package org.systemarena.agents;

import java.util.Map;
import java.util.Set;
import org.systemarena.core.ArenaException;

/** Reading a policy spec's string options, with one error per bad value naming the policy kind and option. */
final class AgentOptions {
    private final String kind;
    private final Map<String, String> options;

    AgentOptions(String kind, Map<String, String> options) {
        this.kind = kind;
        this.options = options;
    }

    static final Set<String> COMMON = Set.of("name", "history", "timeout_ms", "cassette", "cassette_mode",
            "max_calls", "max_cost");

    double decimal(String key, double fallback) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        double d;
        try {
            d = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new ArenaException("policy '" + kind + "' option '" + key + "' must be a number, got '" + v + "'");
        }
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new ArenaException("policy '" + kind + "' option '" + key + "' must be a number >= 0, got '" + v
                    + "'");
        }
        return d;
    }

    String required(String key) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            throw new ArenaException("policy '" + kind + "' needs option '" + key + "'");
        }
        return v.strip();
    }

    String text(String key, String fallback) {
        String v = options.get(key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    long number(String key, long fallback, long min, long max) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new ArenaException("policy '" + kind + "' option '" + key + "' must be a whole number, got '" + v
                    + "'");
        }
        if (n < min || n > max) {
            throw new ArenaException("policy '" + kind + "' option '" + key + "' must be between " + min + " and "
                    + max + ", got " + n);
        }
        return n;
    }

    int integer(String key, int fallback, int min, int max) {
        return (int) number(key, fallback, min, max);
    }
}
