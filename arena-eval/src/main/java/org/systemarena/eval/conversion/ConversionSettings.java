package org.systemarena.eval.conversion;

import java.util.Objects;
import org.systemarena.eval.behaviour.BehaviourSettings;
import org.systemarena.eval.estimate.BootstrapSettings;
import org.systemarena.eval.verdict.VerdictSettings;

/**
 * How conversion is estimated and judged.
 *
 * @param bootstrap         the bootstrap's seed, resamples, confidence and threads
 * @param verdict           the verdict rule's thresholds
 * @param estimateBehaviour use the behaviour model for mu even when the log has propensities
 * @param behaviour         how the behaviour model is fitted
 */
public record ConversionSettings(BootstrapSettings bootstrap, VerdictSettings verdict, boolean estimateBehaviour,
                                 BehaviourSettings behaviour) {
    /**
     * Most decisions per model when the model only serves as the support check's reference (the log has
     * propensities): which actions are near impossible where shows from far fewer decisions than a model whose
     * probabilities weigh every case needs (200,000 by default), and the reference is fitted on every run.
     */
    public static final int REFERENCE_TRAINING_ROWS = 10_000;

    public ConversionSettings {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(behaviour, "behaviour");
    }

    /** Default verdict thresholds and behaviour model (its folds seeded like the bootstrap). */
    public static ConversionSettings of(BootstrapSettings bootstrap) {
        return new ConversionSettings(bootstrap, VerdictSettings.DEFAULTS, false,
                BehaviourSettings.defaults(bootstrap.seed()));
    }

    public ConversionSettings withVerdict(VerdictSettings value) {
        return new ConversionSettings(bootstrap, value, estimateBehaviour, behaviour);
    }

    public ConversionSettings withEstimatedBehaviour(boolean value) {
        return new ConversionSettings(bootstrap, verdict, value, behaviour);
    }
}
