package org.systemarena.datasets.synthetic;

/**
 * Where a re-simulated lead stopped ({@link LeadResimulator#run}): at a decision that awaits an action, or at its end.
 *
 * @param lead                  the lead's index (0 for {@code lead-000001})
 * @param caseId                its case id
 * @param decisions             decisions taken before the stop (the awaiting one is decision number {@code decisions})
 * @param events                events written for the lead so far
 * @param trigger               what prompted the awaiting decision; null when the lead ended
 * @param triggerEvent          the trigger's position among the lead's events (its sequence number); -1 when ended
 * @param daysSinceLastContact  as the rep policy sees the awaiting decision (0 for an inbound trigger); NaN when ended
 * @param budget                the lead's budget
 */
public record LeadStop(int lead, String caseId, int decisions, int events, DecisionTrigger trigger, int triggerEvent,
                       double daysSinceLastContact, long budget) {
    static LeadStop ended(int lead, String caseId, int decisions, int events, long budget) {
        return new LeadStop(lead, caseId, decisions, events, null, -1, Double.NaN, budget);
    }

    static LeadStop at(int lead, String caseId, int decisions, int events, DecisionTrigger trigger, int triggerEvent,
                       double days, long budget) {
        return new LeadStop(lead, caseId, decisions, events, trigger, triggerEvent, days, budget);
    }

    public boolean ended() {
        return trigger == null;
    }

    /**
     * The reps' probabilities of each action at the awaiting decision, in {@link LeadAction} order: the
     * {@link LeadBehaviourPolicy} row, a fresh array.
     */
    public double[] repProbabilities() {
        if (ended()) {
            throw new IllegalStateException(caseId + " ended after " + decisions + " decisions: no decision awaits");
        }
        return LeadBehaviourPolicy.probabilities(trigger, daysSinceLastContact, budget);
    }
}
