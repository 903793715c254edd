package org.systemarena.eval.conversion;

import java.util.Objects;
import org.systemarena.eval.estimate.BootstrapSettings;
import org.systemarena.eval.verdict.VerdictSettings;

/**
 * How conversion is estimated and judged.
 *
 * @param bootstrap          the bootstrap's seed, resamples, confidence and threads
 * @param verdict            the verdict rule's thresholds
 * @param estimateBehaviour  use the behaviour model for mu even when the log has propensities
 * @param behaviourSmoothing additive smoothing of the per-rule frequency model
 */
public record ConversionSettings(BootstrapSettings bootstrap, VerdictSettings verdict, boolean estimateBehaviour,
                                 double behaviourSmoothing) {
    public ConversionSettings {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(verdict, "verdict");
    }

    public static ConversionSettings of(BootstrapSettings bootstrap) {
        return new ConversionSettings(bootstrap, VerdictSettings.DEFAULTS, false, 1.0);
    }

    public ConversionSettings withVerdict(VerdictSettings value) {
        return new ConversionSettings(bootstrap, value, estimateBehaviour, behaviourSmoothing);
    }
}
