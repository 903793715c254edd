package org.systemarena.eval.simulation;

import static org.systemarena.eval.simulation.Actions.set;

/** The behaviour policies that write the regimes' logs. None of them ever escalates. */
public final class LoggingPolicies {
    /**
     * The baseline's reps: by days since the last contact (under 2, 2 to 5, 5 or more) they favour email, then an
     * even mix, then calls; referrals and budgets of 50k or more get called more (0.1 moved from wait to call).
     * Every action keeps at least 0.1 everywhere.
     */
    public static final Policy BY_DAYS_SOURCE_AND_BUDGET = (checkIn, days, budget, source, out) -> {
        double call;
        double email;
        double wait;
        if (days < 2) {
            call = 0.15;
            email = 0.45;
            wait = 0.40;
        } else if (days < 5) {
            call = 0.35;
            email = 0.35;
            wait = 0.30;
        } else {
            call = 0.50;
            email = 0.30;
            wait = 0.20;
        }
        if (source == LeadSource.REFERRAL || budget >= 50.0) {
            call += 0.10;
            wait -= 0.10;
        }
        set(out, call, email, wait);
    };

    /** Email 97% of the time, call and wait 1.5% each, whatever the state. */
    public static final Policy MOSTLY_EMAIL = (checkIn, days, budget, source, out) -> set(out, 0.015, 0.97, 0.015);

    /**
     * A softmax of a linear function of every observable feature, wait being the reference (logit 0):
     *
     * <pre>
     * call  = 0.0 + 0.18 (days - 5)               + 0.4 ln(budget / 20) + 0.6 [referral] - 0.3 [web]
     * email = 0.3 - 0.10 (days - 5) + 0.2 checkIn                                       + 0.6 [web]
     * </pre>
     *
     * The coefficients are strong enough that action frequencies per decision rule are clearly wrong as
     * propensities (off by about 0.1 per action on average, and IPS with them far off the truth), yet mild enough
     * that importance weights with the true propensities stay usable: 99% of the probabilities are above 0.05
     * (measured in the tests). Stronger coefficients made even true-propensity IPS of deterministic targets miss
     * the truth over 40 worlds, through rare huge weights.
     */
    public static final Policy SOFTMAX_OF_FEATURES = (checkIn, days, budget, source, out) -> {
        double logBudget = Math.log(budget / Lead.MEDIAN_BUDGET);
        double web = source == LeadSource.WEB ? 1.0 : 0.0;
        double referral = source == LeadSource.REFERRAL ? 1.0 : 0.0;
        double call = Math.exp(0.18 * (days - 5) + 0.4 * logBudget + 0.6 * referral - 0.3 * web);
        double email = Math.exp(0.3 - 0.10 * (days - 5) + 0.2 * checkIn + 0.6 * web);
        double total = call + email + 1.0;
        set(out, call / total, email / total, 1.0 / total);
    };

    private LoggingPolicies() {
    }
}
