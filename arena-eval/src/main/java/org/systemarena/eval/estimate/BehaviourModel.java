package org.systemarena.eval.estimate;

/**
 * An estimate of the logging policy, {@code mu_hat(action | state key)}, used when the log lacks propensities.
 * Implementations must return a value in (0, 1] for every (key, action) they were fitted on.
 */
public interface BehaviourModel {
    double propensity(String stateKey, String action);

    /** One sentence for reports: what the model is and what it was fitted on. */
    String describe();
}
