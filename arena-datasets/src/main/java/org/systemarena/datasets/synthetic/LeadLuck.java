package org.systemarena.datasets.synthetic;

/**
 * The random numbers of one lead, each addressed by what it is for: the lead's arrival, its {@code i}-th decision or
 * its {@code j}-th follow-up check, and a purpose within that step. Nothing is drawn in sequence, so a lead
 * re-simulated under other actions keeps every draw those actions do not reach (common random numbers): its
 * attributes, and at the {@code i}-th decision the same uniforms for the reply's chance and delay, the meeting, and
 * so on, whatever was done at the decisions before.
 *
 * <p>Each step is a SplitMix64 substream of the lead's stream (seed, lead); a purpose is a fixed position in it.
 */
final class LeadLuck {
    /** Draws made once per lead, before anything is decided. */
    enum Arrival {
        SHARES_ACCOUNT, EARLIER_ACCOUNT, REP, ARRIVAL_TIME, SOURCE, REGION, SIZE, BUDGET, FIRST_CONTACT_DELAY,
        FIRST_CHECK_DELAY
    }

    /** Draws of the {@code i}-th decision: the rep's choice, then how the lead reacts to the action taken. */
    enum AtDecision {
        REP_CHOICE, DECISION_DELAY, CONTACT_DELAY, MANAGER_CALL_DELAY, MEETING, MEETING_DELAY, LOST, LOST_DELAY, REPLY,
        REPLY_DELAY, NEXT_CHECK_DELAY, CONVERSION, CONVERSION_DELAY
    }

    /** Draws of the {@code j}-th follow-up check (counted from 0, a check that finds the lead gone cold included). */
    enum AtCheck {
        GOES_COLD, NEXT_CHECK_DELAY
    }

    private static final long ARRIVAL_STEP = 0;
    private static final long DECISION_STEP = 1;
    private static final long CHECK_STEP = 2;
    private static final long STEP_KINDS = 3;

    private final long leadState;
    private final long arrivalState;

    LeadLuck(long seed, int lead) {
        this.leadState = SplitMix64.streamState(seed, lead);
        this.arrivalState = step(ARRIVAL_STEP, 0);
    }

    double arrival(Arrival purpose) {
        return SplitMix64.uniformAt(arrivalState, purpose.ordinal());
    }

    double decision(int index, AtDecision purpose) {
        return SplitMix64.uniformAt(step(DECISION_STEP, index), purpose.ordinal());
    }

    double check(int index, AtCheck purpose) {
        return SplitMix64.uniformAt(step(CHECK_STEP, index), purpose.ordinal());
    }

    private long step(long kind, int index) {
        return SplitMix64.streamState(leadState, index * STEP_KINDS + kind);
    }

    /** Uniform in {@code [lo, hi]} from {@code u} in [0, 1); {@code hi - lo < 2^31}. */
    static long between(double u, long lo, long hi) {
        long n = hi - lo + 1;
        return lo + Math.min(n - 1, (long) (u * n));
    }

    /** Uniform in {@code [0, bound)} from {@code u} in [0, 1). */
    static int below(double u, int bound) {
        return (int) between(u, 0, bound - 1L);
    }
}
