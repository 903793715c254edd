package org.systemarena.policy;

import java.util.Map;
import java.util.Set;
import org.systemarena.core.ArenaException;

/** The registry entries of the baseline policies. */
final class BuiltInPolicies {
    private BuiltInPolicies() {
    }

    static String required(Map<String, String> options, String policy, String key) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            throw new ArenaException("policy '" + policy + "' needs option '" + key + "'");
        }
        return v;
    }

    static double number(Map<String, String> options, String policy, String key) {
        String v = required(options, policy, key);
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ArenaException("policy '" + policy + "' option '" + key + "' must be a number, got '" + v + "'");
        }
        if (!Double.isFinite(d)) {
            throw new ArenaException("policy '" + policy + "' option '" + key + "' must be a finite number, got '" + v
                    + "'");
        }
        return d;
    }

    public static final class Random implements PolicyProvider {
        @Override
        public Set<String> options() {
            return Set.of("seed");
        }

        @Override
        public String name() {
            return "random";
        }

        @Override
        public String description() {
            return "uniformly random among allowed actions; option seed (default 42)";
        }

        @Override
        public Policy create(Map<String, String> options) {
            String seed = options.getOrDefault("seed", "42");
            try {
                return RandomPolicy.withSeed(Long.parseLong(seed));
            } catch (NumberFormatException e) {
                throw new ArenaException("policy 'random' option 'seed' must be an integer, got '" + seed + "'");
            }
        }
    }

    public static final class Constant implements PolicyProvider {
        @Override
        public Set<String> options() {
            return Set.of("action");
        }

        @Override
        public String name() {
            return "constant";
        }

        @Override
        public String description() {
            return "always the same action; option action";
        }

        @Override
        public Policy create(Map<String, String> options) {
            return ConstantPolicy.of(required(options, "constant", "action"));
        }
    }

    public static final class Threshold implements PolicyProvider {
        @Override
        public Set<String> options() {
            return Set.of("field", "threshold", "above", "below");
        }

        @Override
        public String name() {
            return "threshold";
        }

        @Override
        public String description() {
            return "one value against a threshold; options field, threshold, above, below";
        }

        @Override
        public Policy create(Map<String, String> options) {
            return ThresholdPolicy.of(required(options, "threshold", "field"), number(options, "threshold", "threshold"),
                    required(options, "threshold", "above"), required(options, "threshold", "below"));
        }
    }

    public static final class Historical implements PolicyProvider {
        @Override
        public Set<String> options() {
            return Set.of("fallback");
        }

        @Override
        public String name() {
            return "historical";
        }

        @Override
        public String description() {
            return "replays the logged action; option fallback (action when none was logged)";
        }

        @Override
        public Policy create(Map<String, String> options) {
            String fallback = options.get("fallback");
            return fallback == null ? HistoricalPolicy.create() : HistoricalPolicy.withFallback(fallback);
        }
    }
}
