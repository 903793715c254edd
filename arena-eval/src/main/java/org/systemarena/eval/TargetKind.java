package org.systemarena.eval;

/** What kind of target policy an estimate weighs, which decides how its importance weights behave. */
public enum TargetKind {
    /** The logging policy itself (e.g. {@code historical}): pi = mu, every weight 1. */
    LOGGING,
    /** Probability 1 on the chosen action: weight 0 on every case where it disagrees with the log once. */
    DETERMINISTIC,
    /** Probabilities spread over actions: weights are products of pi / mu. */
    STOCHASTIC
}
