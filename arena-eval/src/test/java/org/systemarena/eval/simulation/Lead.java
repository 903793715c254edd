package org.systemarena.eval.simulation;

import java.util.SplittableRandom;

/**
 * One case's fixed draws: the observable budget and source, the days since the last contact at its first check-in,
 * and the hidden interest that drives its outcomes. Interest rises with the budget and is higher for referrals, so
 * the observable features carry part of it: a policy that reacts to them is confounded with the outcome, which is
 * what makes a behaviour model that ignores the state wrong.
 */
record Lead(double interest, double budget, LeadSource source, double initialDaysSinceContact) {
    /** Median budget, in thousands. */
    static final double MEDIAN_BUDGET = 20.0;
    /** Standard deviation of the log budget. */
    static final double LOG_BUDGET_SD = 0.8;

    /** Draws a lead from a case's own stream; always four draws, in this order, whatever the regime. */
    static Lead draw(SplittableRandom r) {
        double interestDraw = r.nextDouble();
        double budget = MEDIAN_BUDGET * Math.exp(LOG_BUDGET_SD * r.nextGaussian());
        double sourceDraw = r.nextDouble();
        LeadSource source = sourceDraw < 0.5 ? LeadSource.WEB
                : sourceDraw < 0.75 ? LeadSource.REFERRAL : LeadSource.EVENT;
        double initialDays = 1.0 + 9.0 * r.nextDouble();
        double bonus = switch (source) {
            case REFERRAL -> 0.15;
            case EVENT -> 0.05;
            case WEB -> 0.0;
        };
        double interest = 0.2 + 0.55 * interestDraw + bonus + 0.1 * Math.log(budget / MEDIAN_BUDGET);
        return new Lead(Math.min(1.0, Math.max(0.05, interest)), budget, source, initialDays);
    }
}
