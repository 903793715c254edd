package org.systemarena.eval.estimate;

import java.util.Objects;
import org.systemarena.core.ArenaException;

/**
 * One decision point of a logged trajectory, before propensities are settled.
 *
 * @param stateKey           key of the (discretised) state the behaviour model conditions on, e.g. the decision
 *                           rule's name, or rule plus a bucket of a snapshot value ({@code "follow_up|dsc=3-7"})
 * @param loggedAction       the action the log says was taken, or null when the log has none
 * @param allowedActionCount how many actions were allowed at this point (the smoothing's denominator)
 * @param loggedPropensity   the log's probability of the logged action, {@code NaN} when absent
 * @param targetProbability  the target policy's probability of the logged action; forced to {@code NaN} when no
 *                           action was logged
 */
public record LoggedStep(String stateKey, String loggedAction, int allowedActionCount, double loggedPropensity,
        double targetProbability) {
    public LoggedStep {
        Objects.requireNonNull(stateKey, "stateKey");
        if (allowedActionCount < 1) {
            throw new ArenaException("state '" + stateKey + "': allowed action count must be >= 1, got "
                    + allowedActionCount);
        }
        if (loggedAction == null) {
            targetProbability = Double.NaN;
        }
    }

    public static LoggedStep of(String stateKey, String loggedAction, int allowedActionCount, double loggedPropensity,
            double targetProbability) {
        return new LoggedStep(stateKey, loggedAction, allowedActionCount, loggedPropensity, targetProbability);
    }

    boolean hasValidPropensity() {
        return Episode.isValidPropensity(loggedPropensity);
    }
}
