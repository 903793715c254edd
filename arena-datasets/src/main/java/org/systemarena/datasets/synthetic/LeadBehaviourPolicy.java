package org.systemarena.datasets.synthetic;

/**
 * The logged (behaviour) policy of the synthetic lead follow-up workflow: the exact probabilities with which reps pick
 * each {@link LeadAction}. Every {@code decision.executed} event carries the probability of its action, taken from
 * this table, as {@code propensity}; off-policy estimates can therefore be checked against ground truth.
 *
 * <p>The state is what a snapshot at the triggering event shows: the trigger, {@code days_since_last_contact} (days
 * since the last {@code interaction.occurred}, zero for an inbound trigger) and the lead's {@code budget}. Columns in
 * {@link LeadAction} order: send_email, make_call, wait, escalate.
 *
 * <pre>
 * trigger          days since contact   budget &lt; 10k            10k..50k                  &gt;= 50k
 * follow-up check  &lt;= 5                 .50 .15 .30 .05          .45 .25 .25 .05          .35 .35 .20 .10
 * follow-up check  (5, 10]              .45 .20 .30 .05          .35 .35 .20 .10          .25 .40 .15 .20
 * follow-up check  &gt; 10                 .30 .20 .45 .05          .25 .30 .30 .15          .15 .35 .20 .30
 * inbound          (any)                .55 .30 .10 .05          .40 .45 .10 .05          .25 .55 .05 .15
 * </pre>
 */
public final class LeadBehaviourPolicy {
    /** Budgets below this are "small" (the manifest's {@code escalate_small_budget} warning uses the same bound). */
    public static final long SMALL_BUDGET = 10_000;
    /** Budgets at or above this are "large". */
    public static final long LARGE_BUDGET = 50_000;

    private static final double[][][] FOLLOW_UP = {
        {{.50, .15, .30, .05}, {.45, .25, .25, .05}, {.35, .35, .20, .10}},
        {{.45, .20, .30, .05}, {.35, .35, .20, .10}, {.25, .40, .15, .20}},
        {{.30, .20, .45, .05}, {.25, .30, .30, .15}, {.15, .35, .20, .30}},
    };
    private static final double[][] INBOUND = {{.55, .30, .10, .05}, {.40, .45, .10, .05}, {.25, .55, .05, .15}};

    private LeadBehaviourPolicy() {
    }

    /** The probability of each action, in {@link LeadAction} order (a fresh array). */
    public static double[] probabilities(DecisionTrigger trigger, double daysSinceLastContact, long budget) {
        return row(trigger, daysSinceLastContact, budget).clone();
    }

    /** The probability that a rep picks {@code action} in this state: exactly the logged propensity. */
    public static double probability(LeadAction action, DecisionTrigger trigger, double daysSinceLastContact,
                                     long budget) {
        return row(trigger, daysSinceLastContact, budget)[action.ordinal()];
    }

    /** Draws an action from {@code u}, uniform in [0, 1). */
    static LeadAction sample(double[] probabilities, double u) {
        double cumulative = 0;
        LeadAction[] actions = LeadAction.values();
        for (int i = 0; i < actions.length - 1; i++) {
            cumulative += probabilities[i];
            if (u < cumulative) {
                return actions[i];
            }
        }
        return actions[actions.length - 1];
    }

    /** The shared table row; callers inside the package must not modify it. */
    static double[] row(DecisionTrigger trigger, double daysSinceLastContact, long budget) {
        int tier = budget < SMALL_BUDGET ? 0 : budget < LARGE_BUDGET ? 1 : 2;
        if (trigger == DecisionTrigger.INBOUND_INTERACTION) {
            return INBOUND[tier];
        }
        int recency = daysSinceLastContact <= 5 ? 0 : daysSinceLastContact <= 10 ? 1 : 2;
        return FOLLOW_UP[recency][tier];
    }
}
