package org.systemarena.eval.truth;

import java.util.Locale;
import java.util.Objects;

/**
 * A policy's true conversion on the generator's leads: the mean, over the leads with at least one decision point, of
 * the probability that the lead ends positive when the policy decides at every decision point.
 *
 * @param value         the true conversion
 * @param standardError of {@code value} as an estimate of the exact expectation: 0 when {@link #EXACT}, else the
 *                      Monte Carlo standard error over the policy's own randomness (the leads' luck is fixed)
 * @param cases         leads with at least one decision point (the same for every policy)
 * @param method        {@link #EXACT} (every branch of the policy's choices enumerated on every lead) or
 *                      {@link #MONTE_CARLO} (sampled on the leads with too many branches)
 * @param draws         Monte Carlo draws of the policy's actions per sampled lead; 0 when exact
 * @param exactCases    leads whose branches were all enumerated ({@code cases} when exact)
 */
public record TrueConversion(double value, double standardError, int cases, String method, int draws,
                             int exactCases) {
    public static final String EXACT = "exact";
    public static final String MONTE_CARLO = "monte_carlo";

    public TrueConversion {
        Objects.requireNonNull(method, "method");
        if (!method.equals(EXACT) && !method.equals(MONTE_CARLO)) {
            throw new IllegalArgumentException("method must be exact or monte_carlo, got " + method);
        }
    }

    public boolean exact() {
        return method.equals(EXACT);
    }

    /** e.g. {@code 0.4821 (exact, 300 cases)} or {@code 0.3617 ± 0.0021 (monte carlo: 200 draws per case, ...)}. */
    public String summary() {
        if (exact()) {
            return String.format(Locale.ROOT, "%.4f (exact, %,d cases)", value, cases);
        }
        return String.format(Locale.ROOT, "%.4f ± %.4f (monte carlo: %,d draws per case on %,d cases, %,d enumerated)",
                value, standardError, draws, cases - exactCases, exactCases);
    }
}
