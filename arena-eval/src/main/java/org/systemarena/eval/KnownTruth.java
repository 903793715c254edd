package org.systemarena.eval;

import java.util.Objects;

/**
 * A policy's true conversion on the evaluated log, when something outside the log knows it: a simulator that made
 * the log and can re-run its cases under the policy. Reports show it beside the estimates, labelled with where it
 * came from; nothing in the estimates uses it.
 *
 * @param value         the true conversion (mean over the cases with a decision point of the probability that the
 *                      case ends positive under the policy)
 * @param standardError its Monte Carlo standard error (0 when computed exactly)
 * @param method        how it was computed, one phrase for reports (e.g. "re-simulated by the synthetic generator,
 *                      exact")
 */
public record KnownTruth(double value, double standardError, String method) {
    public KnownTruth {
        Objects.requireNonNull(method, "method");
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException("a true conversion is in [0, 1], got " + value);
        }
        if (!(standardError >= 0.0)) {
            throw new IllegalArgumentException("a standard error is >= 0, got " + standardError);
        }
    }
}
