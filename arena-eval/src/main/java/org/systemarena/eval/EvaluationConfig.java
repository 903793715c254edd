package org.systemarena.eval;

import java.util.List;
import java.util.Set;
import org.systemarena.core.ArenaException;
import org.systemarena.eval.behaviour.BehaviourSettings;
import org.systemarena.eval.conversion.ConversionSettings;
import org.systemarena.eval.estimate.BootstrapSettings;
import org.systemarena.eval.verdict.VerdictSettings;

/**
 * How an {@link Evaluation} is computed. Defaults: seed 42, 1,000 bootstrap
 * resamples, 95% intervals, one bootstrap thread, baselines = every result but the first (the order
 * {@code BenchmarkRunner.run(policy, baselines...)} returns), {@code historical} evaluated as the logging policy,
 * logged propensities when complete.
 *
 * @param seed                 seed of every bootstrap resample; the only source of randomness
 * @param resamples            bootstrap resamples per estimate (at least 1,000)
 * @param confidence           interval level
 * @param threads              bootstrap threads (0 = all processors); never changes a number
 * @param baselines            names of the baseline policies (null: every result but the first)
 * @param loggingPolicies      names of policies that replay the logging policy itself: their probability of the
 *                             logged action is the logged propensity, so every weight is 1 (on-policy)
 * @param estimateBehaviour    ignore logged propensities and always use the estimated behaviour model
 * @param behaviourSmoothing   additive smoothing of that model
 * @param verdict              thresholds of the verdict rule and the comparisons' non-inferiority margin
 * @param modelBased           whether a comparison the importance weights leave inconclusive may be decided by the
 *                             model-based (doubly robust) difference (default true; docs/metrics.md, section 10)
 */
public record EvaluationConfig(long seed, int resamples, double confidence, int threads, List<String> baselines,
                               Set<String> loggingPolicies, boolean estimateBehaviour, double behaviourSmoothing,
                               VerdictSettings verdict, boolean modelBased) {
    public EvaluationConfig {
        verdict = verdict == null ? VerdictSettings.DEFAULTS : verdict;
        baselines = baselines == null ? null : List.copyOf(baselines);
        loggingPolicies = loggingPolicies == null ? Set.of() : Set.copyOf(loggingPolicies);
        bootstrap(seed, resamples, confidence, threads);
        if (!(behaviourSmoothing > 0.0 && Double.isFinite(behaviourSmoothing))) {
            throw new ArenaException("behaviour model smoothing must be a finite number > 0, got "
                    + behaviourSmoothing);
        }
    }

    public static EvaluationConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What the conversion analysis needs of this config. */
    public ConversionSettings conversion() {
        return new ConversionSettings(bootstrap(), verdict, estimateBehaviour,
                BehaviourSettings.defaults(seed).withSmoothing(behaviourSmoothing));
    }

    public BootstrapSettings bootstrap() {
        return bootstrap(seed, resamples, confidence, threads);
    }

    private static BootstrapSettings bootstrap(long seed, int resamples, double confidence, int threads) {
        return new BootstrapSettings(seed, resamples, confidence, threads);
    }

    public static final class Builder {
        private long seed = 42;
        private int resamples = BootstrapSettings.MIN_RESAMPLES;
        private double confidence = BootstrapSettings.DEFAULT_CONFIDENCE;
        private int threads = 1;
        private List<String> baselines;
        private Set<String> loggingPolicies = Set.of("historical");
        private boolean estimateBehaviour;
        private double behaviourSmoothing = BehaviourSettings.DEFAULT_SMOOTHING;
        private VerdictSettings verdict = VerdictSettings.DEFAULTS;
        private boolean modelBased = true;

        private Builder() {
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder resamples(int value) {
            this.resamples = value;
            return this;
        }

        public Builder confidence(double value) {
            this.confidence = value;
            return this;
        }

        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        public Builder baselines(String... names) {
            this.baselines = List.of(names);
            return this;
        }

        public Builder baselines(List<String> names) {
            this.baselines = names;
            return this;
        }

        public Builder loggingPolicies(Set<String> names) {
            this.loggingPolicies = names;
            return this;
        }

        public Builder estimateBehaviour(boolean value) {
            this.estimateBehaviour = value;
            return this;
        }

        public Builder behaviourSmoothing(double value) {
            this.behaviourSmoothing = value;
            return this;
        }

        /** The verdict rule's thresholds (docs/metrics.md, "Verdicts"). */
        public Builder verdict(VerdictSettings value) {
            this.verdict = value;
            return this;
        }

        /** The non-inferiority margin of every comparison's verdict, e.g. 0.02 for two percentage points. */
        public Builder margin(double value) {
            this.verdict = verdict.withMargin(value);
            return this;
        }

        /** Whether inconclusive comparisons may fall back on the model-based verdict (default true). */
        public Builder modelBased(boolean value) {
            this.modelBased = value;
            return this;
        }

        public EvaluationConfig build() {
            return new EvaluationConfig(seed, resamples, confidence, threads, baselines, loggingPolicies,
                    estimateBehaviour, behaviourSmoothing, verdict, modelBased);
        }
    }
}
