package org.systemarena.eval.simulation;

import static org.systemarena.eval.simulation.Actions.CALL;
import static org.systemarena.eval.simulation.Actions.EMAIL;
import static org.systemarena.eval.simulation.Actions.ESCALATE;
import static org.systemarena.eval.simulation.Actions.WAIT;

/**
 * The rules of the lead world, shared by the logged worlds ({@link LeadSimulator}) and the truth
 * ({@link GroundTruth}) so the two cannot drift apart. At each check-in the chosen action may convert the lead
 * (reward 1, case over), else make it drop out (reward 0, case over), else the case moves to its next check-in:
 *
 * <ul>
 *   <li>a call works better after a pause of five days or more, but a call within two days of the last contact
 *       annoys (high drop-out);
 *   <li>an email works better on web leads, and one time in five gets a quick reply that brings the next check-in
 *       forward to half a day after the contact;
 *   <li>a wait barely converts and lets the days since contact grow; a wait that would take them past
 *       {@value #COLD_AFTER_DAYS} ends the case (the lead went cold);
 *   <li>an escalation (a senior rep steps in) converts best, above all after a pause, at a higher drop-out risk.
 * </ul>
 */
final class LeadDynamics {
    static final double COLD_AFTER_DAYS = 12.0;
    static final double QUICK_REPLY_CHANCE = 0.2;
    static final double QUICK_REPLY_DAYS = 0.5;

    private LeadDynamics() {
    }

    static double conversionChance(Horizon h, int action, double daysSinceContact, Lead lead) {
        double effect = switch (action) {
            case CALL -> daysSinceContact >= 5 ? 0.35 : 0.20;
            case EMAIL -> lead.source() == LeadSource.WEB ? 0.18 : 0.12;
            case WAIT -> 0.05;
            case ESCALATE -> daysSinceContact >= 5 ? 0.55 : 0.30;
            default -> throw new IllegalArgumentException("no action " + action);
        };
        return h.effectPerCheckIn() * lead.interest() * effect;
    }

    static double dropOutChance(Horizon h, int action, double daysSinceContact) {
        double drop = switch (action) {
            case CALL -> daysSinceContact < 2 ? 0.30 : 0.05;
            case EMAIL -> 0.04;
            case WAIT -> 0.02;
            case ESCALATE -> 0.10;
            default -> throw new IllegalArgumentException("no action " + action);
        };
        return h.effectPerCheckIn() * drop;
    }

    /**
     * Days since the last contact at the next check-in, or {@code NaN} when the case ends here without converting:
     * the lead went cold, or the horizon is reached. {@code gapDraw} is the check-in's uniform for the gap (and for
     * an email's quick reply).
     */
    static double nextDaysSinceContact(Horizon h, int action, double daysSinceContact, int checkIn, double day,
            double gapDraw) {
        double gap = h.minGapDays() + (h.maxGapDays() - h.minGapDays()) * gapDraw;
        if (action == WAIT && daysSinceContact + gap > COLD_AFTER_DAYS) {
            return Double.NaN;
        }
        if (checkIn + 1 >= h.maxCheckIns()) {
            return Double.NaN;
        }
        double next;
        if (action == WAIT) {
            next = daysSinceContact + gap;
        } else if (action == EMAIL && gapDraw < QUICK_REPLY_CHANCE) {
            next = QUICK_REPLY_DAYS;
        } else {
            next = gap;
        }
        if (day + daysUntilNext(action, daysSinceContact, next) > h.days()) {
            return Double.NaN;
        }
        return next;
    }

    /** Calendar days from this check-in to the next: a contact restarts the clock, a wait does not. */
    static double daysUntilNext(int action, double daysSinceContact, double nextDaysSinceContact) {
        return action == WAIT ? nextDaysSinceContact - daysSinceContact : nextDaysSinceContact;
    }
}
