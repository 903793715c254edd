package org.systemarena.eval.estimate;

import java.util.Arrays;
import java.util.Objects;
import org.systemarena.core.ArenaException;

/**
 * One case as one off-policy episode: for each decision point of the case's <em>logged</em> trajectory, the target
 * policy's probability of the logged action {@code pi(a_logged | s)} and the logging policy's propensity
 * {@code mu(a_logged | s)}, plus the case's reward (1 when the case outcome is positive, else 0; any value in
 * [0, 1] is accepted).
 *
 * <p>A target probability of {@code NaN} means the decision point has no logged action (so pi of it is unknown); a
 * propensity of {@code NaN} means the log has none. Such episodes, and episodes with a propensity outside (0, 1],
 * are kept here and excluded by the estimator with a warning, because that is a property of the log, not a
 * programming error. A target probability outside [0, 1] is a programming error and rejected.
 *
 * <p>The arrays are copied in and out, so an episode is immutable.
 */
public record Episode(String caseId, double[] targetProbabilities, double[] loggedPropensities, double reward) {
    public Episode {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(targetProbabilities, "targetProbabilities");
        Objects.requireNonNull(loggedPropensities, "loggedPropensities");
        if (targetProbabilities.length != loggedPropensities.length) {
            throw new ArenaException("case '" + caseId + "': " + targetProbabilities.length
                    + " target probabilities but " + loggedPropensities.length + " logged propensities");
        }
        if (targetProbabilities.length == 0) {
            throw new ArenaException("case '" + caseId + "': an episode needs at least one decision point");
        }
        if (!(reward >= 0.0 && reward <= 1.0)) {
            throw new ArenaException("case '" + caseId + "': reward must be in [0, 1], got " + reward);
        }
        for (int i = 0; i < targetProbabilities.length; i++) {
            double p = targetProbabilities[i];
            if (!Double.isNaN(p) && !(p >= 0.0 && p <= 1.0)) {
                throw new ArenaException("case '" + caseId + "', decision point " + i
                        + ": target probability must be in [0, 1] (or NaN when no action was logged), got " + p);
            }
        }
        targetProbabilities = targetProbabilities.clone();
        loggedPropensities = loggedPropensities.clone();
    }

    public static Episode of(String caseId, double reward, double[] targetProbabilities, double[] loggedPropensities) {
        return new Episode(caseId, targetProbabilities, loggedPropensities, reward);
    }

    @Override
    public double[] targetProbabilities() {
        return targetProbabilities.clone();
    }

    @Override
    public double[] loggedPropensities() {
        return loggedPropensities.clone();
    }

    public int decisionPoints() {
        return targetProbabilities.length;
    }

    /**
     * Whether actions and propensities allow a weight; the first problem wins. (The estimator also rejects a weight
     * that overflows, which only the weight itself can show.)
     */
    EpisodeStatus status() {
        for (int i = 0; i < targetProbabilities.length; i++) {
            if (Double.isNaN(targetProbabilities[i])) {
                return EpisodeStatus.MISSING_LOGGED_ACTION;
            }
        }
        for (int i = 0; i < loggedPropensities.length; i++) {
            if (Double.isNaN(loggedPropensities[i])) {
                return EpisodeStatus.MISSING_PROPENSITY;
            }
        }
        for (int i = 0; i < loggedPropensities.length; i++) {
            if (!isValidPropensity(loggedPropensities[i])) {
                return EpisodeStatus.INVALID_PROPENSITY;
            }
        }
        return EpisodeStatus.USABLE;
    }

    /** A propensity of a logged action must be in (0, 1]: the action was taken, so it had a chance. */
    static boolean isValidPropensity(double mu) {
        return mu > 0.0 && mu <= 1.0;
    }

    /** Importance weight: product over decision points of pi / mu. Only meaningful for usable episodes. */
    double weight() {
        double w = 1.0;
        for (int i = 0; i < targetProbabilities.length; i++) {
            w *= targetProbabilities[i] / loggedPropensities[i];
        }
        return w;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Episode e && caseId.equals(e.caseId)
                && Double.compare(reward, e.reward) == 0
                && Arrays.equals(targetProbabilities, e.targetProbabilities)
                && Arrays.equals(loggedPropensities, e.loggedPropensities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseId, reward, Arrays.hashCode(targetProbabilities), Arrays.hashCode(loggedPropensities));
    }

    @Override
    public String toString() {
        return "Episode[caseId=" + caseId + ", pi=" + Arrays.toString(targetProbabilities)
                + ", mu=" + Arrays.toString(loggedPropensities) + ", reward=" + reward + "]";
    }
}
