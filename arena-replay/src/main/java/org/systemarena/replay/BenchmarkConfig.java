package org.systemarena.replay;

import java.time.Duration;
import java.util.List;
import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.decision.FeatureExtractor;

/**
 * How a benchmark runs. Defaults: the manifest's decision rules and constraints, no custom features, errors counted
 * (not fail-fast), every decision point, one thread, no per-decision time-out. The replay draws no random number of
 * its own (a random policy has its own seed; the bootstrap's is {@code EvaluationConfig}'s), so there is no seed here.
 *
 * @param decisionRules rules to use instead of the manifest's (null: the manifest's)
 * @param constraints constraints to use instead of the manifest's (null: the manifest's)
 * @param maxDecisionPoints stop after this many decision points, counted in case order (0: no limit)
 * @param threads cases are replayed on this many threads; results are identical for any value
 * @param decisionTimeout a decision that takes longer is recorded as a time-out error (null: no limit; a time-out
 *                        runs each decision on a helper thread, which costs a few microseconds per decision)
 */
public record BenchmarkConfig(List<DecisionPointSpec> decisionRules, List<ConstraintSpec> constraints,
                              List<FeatureExtractor> features, boolean failFast, long maxDecisionPoints, int threads,
                              Duration decisionTimeout) {
    public BenchmarkConfig {
        decisionRules = decisionRules == null ? null : List.copyOf(decisionRules);
        constraints = constraints == null ? null : List.copyOf(constraints);
        features = features == null ? List.of() : List.copyOf(features);
        if (maxDecisionPoints < 0) {
            throw new ArenaException("maxDecisionPoints must be >= 0, got " + maxDecisionPoints);
        }
        if (threads < 1) {
            throw new ArenaException("threads must be >= 1, got " + threads);
        }
        if (decisionTimeout != null && (decisionTimeout.isNegative() || decisionTimeout.isZero())) {
            throw new ArenaException("decisionTimeout must be positive, got " + decisionTimeout);
        }
    }

    public static BenchmarkConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private List<DecisionPointSpec> decisionRules;
        private List<ConstraintSpec> constraints;
        private List<FeatureExtractor> features = List.of();
        private boolean failFast;
        private long maxDecisionPoints;
        private int threads = 1;
        private Duration decisionTimeout;

        private Builder() {
        }

        public Builder decisionRules(List<DecisionPointSpec> rules) {
            this.decisionRules = rules;
            return this;
        }

        public Builder constraints(List<ConstraintSpec> constraintSpecs) {
            this.constraints = constraintSpecs;
            return this;
        }

        public Builder features(List<FeatureExtractor> featureExtractors) {
            this.features = featureExtractors;
            return this;
        }

        public Builder failFast(boolean value) {
            this.failFast = value;
            return this;
        }

        public Builder maxDecisionPoints(long value) {
            this.maxDecisionPoints = value;
            return this;
        }

        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        public Builder decisionTimeout(Duration value) {
            this.decisionTimeout = value;
            return this;
        }

        public BenchmarkConfig build() {
            return new BenchmarkConfig(decisionRules, constraints, features, failFast, maxDecisionPoints, threads,
                    decisionTimeout);
        }
    }
}
