package org.systemarena.eval.estimate;

/** Whether an episode enters the estimate, and if not, why. */
enum EpisodeStatus {
    USABLE, MISSING_LOGGED_ACTION, MISSING_PROPENSITY, INVALID_PROPENSITY
}
