package org.systemarena.eval.simulation;

/**
 * A decision policy of the lead world (logging or target). It sees only what a check-in's snapshot shows, never the
 * lead's hidden interest, and gives a distribution over the regime's actions.
 *
 * <p>The state comes as primitive arguments rather than a state object because the truth's Monte Carlo calls a
 * policy millions of times. A parameterised policy should be a record, so two equal policies share one cached truth
 * ({@link GroundTruth} keys its cache on the policy).
 */
@FunctionalInterface
public interface Policy {
    /**
     * Fills {@code out[a]} with the probability of action {@code a} (indices of {@link Actions}; {@code out.length}
     * is the regime's number of actions). The entries are non-negative and sum to 1.
     */
    void probabilities(int checkIn, double daysSinceContact, double budget, LeadSource source, double[] out);
}
