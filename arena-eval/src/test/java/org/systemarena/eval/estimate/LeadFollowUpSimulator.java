package org.systemarena.eval.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded lead follow-up world with a known answer. Each case gets up to {@value #MAX_CHECK_INS} check-ins
 * (decision points); at each one a policy chooses call, email or wait from what it can see (days since the last
 * contact, the check-in number). The lead's hidden interest, the conversion and drop-out draws and the gaps between
 * check-ins are exogenous: pre-drawn uniforms per case, so a case can be re-run under any policy with the same luck
 * (common random numbers).
 *
 * <p>Actions change the trajectory itself: a call or email resets the days since contact, a wait lets them grow and
 * ends the case when the lead goes cold, an email can get a quick reply that brings the next check-in forward,
 * and conversions and drop-outs end the case early. So a target policy's trajectory has other decision points than
 * the logged one, and the episode weight only uses the logged trajectory's points.
 */
final class LeadFollowUpSimulator {
    static final int CALL = 0;
    static final int EMAIL = 1;
    static final int WAIT = 2;
    static final String[] ACTIONS = {"call", "email", "wait"};
    static final int MAX_CHECK_INS = 3;
    static final double COLD_AFTER_DAYS = 12.0;

    /** What a policy may see at a check-in. */
    record State(int checkIn, double daysSinceContact) {
        /** The logging policy depends on the state only through this bucket. */
        int bucket() {
            return daysSinceContact < 2 ? 0 : daysSinceContact < 5 ? 1 : 2;
        }
    }

    interface Policy {
        /** Fills {@code out[action]} with the probability of each action; they sum to 1. */
        void probabilities(State s, double[] out);
    }

    static final Policy LOGGING = (s, out) -> {
        switch (s.bucket()) {
            case 0 -> set(out, 0.30, 0.40, 0.30);
            case 1 -> set(out, 0.35, 0.35, 0.30);
            default -> set(out, 0.45, 0.35, 0.20);
        }
    };
    static final Policy ALWAYS_CALL = (s, out) -> set(out, 1, 0, 0);
    static final Policy ALWAYS_WAIT = (s, out) -> set(out, 0, 0, 1);
    static final Policy CALL_IF_5_DAYS_ELSE_WAIT = (s, out) -> {
        if (s.daysSinceContact() >= 5) {
            set(out, 1, 0, 0);
        } else {
            set(out, 0, 0, 1);
        }
    };
    static final Policy CALL_OR_EMAIL_50_50 = (s, out) -> set(out, 0.5, 0.5, 0);

    private static void set(double[] out, double call, double email, double wait) {
        out[CALL] = call;
        out[EMAIL] = email;
        out[WAIT] = wait;
    }

    // Per case: interest, initial days since contact, then per check-in: policy draw, conversion, drop, gap.
    private static final int PER_CHECK_IN = 4;
    private static final int WIDTH = 2 + PER_CHECK_IN * MAX_CHECK_INS;
    private final double[] u;
    private final int cases;

    LeadFollowUpSimulator(long seed, int cases) {
        this.cases = cases;
        this.u = new double[cases * WIDTH];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < u.length; i++) {
            u[i] = rng.nextDouble();
        }
    }

    int cases() {
        return cases;
    }

    private double interest(int c) {
        return 0.3 + 0.7 * u[c * WIDTH];
    }

    private double uniform(int c, int checkIn, int which) {
        return u[c * WIDTH + 2 + checkIn * PER_CHECK_IN + which];
    }

    State start(int c) {
        return new State(0, 1.0 + 9.0 * u[c * WIDTH + 1]);
    }

    /** Result of one action: the case ended with a reward, or continues at {@code next}. */
    private record Step(boolean ended, double reward, State next) {
    }

    private Step step(int c, State s, int action) {
        int t = s.checkIn();
        double d = s.daysSinceContact();
        double effect = switch (action) {
            case CALL -> d >= 5 ? 0.35 : 0.20;
            case EMAIL -> 0.15;
            default -> 0.05;
        };
        if (uniform(c, t, 1) < interest(c) * effect) {
            return new Step(true, 1.0, null);
        }
        double drop = switch (action) {
            case CALL -> d < 2 ? 0.30 : 0.05;
            case EMAIL -> 0.04;
            default -> 0.02;
        };
        if (uniform(c, t, 2) < drop) {
            return new Step(true, 0.0, null);
        }
        double gapDraw = uniform(c, t, 3);
        double gap = 1.0 + 6.0 * gapDraw;
        if (action == WAIT && d + gap > COLD_AFTER_DAYS) {
            return new Step(true, 0.0, null);
        }
        if (t + 1 == MAX_CHECK_INS) {
            return new Step(true, 0.0, null);
        }
        double nextDays;
        if (action == WAIT) {
            nextDays = d + gap;
        } else if (action == EMAIL && gapDraw < 0.2) {
            nextDays = 0.5; // quick reply: the next check-in comes half a day after the contact
        } else {
            nextDays = gap;
        }
        return new Step(false, 0.0, new State(t + 1, nextDays));
    }

    /** Case c as logged under {@code logging}, with the target's probability of each logged action. */
    LoggedCase logged(int c, Policy logging, Policy target, boolean withPropensities) {
        double[] mu = new double[3];
        double[] pi = new double[3];
        List<LoggedStep> steps = new ArrayList<>(MAX_CHECK_INS);
        State s = start(c);
        while (true) {
            logging.probabilities(s, mu);
            target.probabilities(s, pi);
            int a = draw(mu, uniform(c, s.checkIn(), 0));
            steps.add(LoggedStep.of("bucket" + s.bucket(), ACTIONS[a], 3, withPropensities ? mu[a] : Double.NaN,
                    pi[a]));
            Step next = step(c, s, a);
            if (next.ended()) {
                return LoggedCase.of("lead-" + c, next.reward(), steps);
            }
            s = next.next();
        }
    }

    List<LoggedCase> loggedCases(Policy logging, Policy target, boolean withPropensities) {
        List<LoggedCase> out = new ArrayList<>(cases);
        for (int c = 0; c < cases; c++) {
            out.add(logged(c, logging, target, withPropensities));
        }
        return out;
    }

    /**
     * The target's expected conversion on case c given the case's exogenous draws: every path of the target's own
     * choices, weighted by its probability (one path for a deterministic policy).
     */
    double expectedReward(int c, Policy target) {
        return value(c, start(c), target);
    }

    private double value(int c, State s, Policy target) {
        double[] pi = new double[3];
        target.probabilities(s, pi);
        double v = 0.0;
        for (int a = 0; a < 3; a++) {
            if (pi[a] == 0.0) {
                continue;
            }
            Step next = step(c, s, a);
            v += pi[a] * (next.ended() ? next.reward() : value(c, next.next(), target));
        }
        return v;
    }

    /** The target's true conversion over all cases of this world (common random numbers). */
    double trueConversion(Policy target) {
        double sum = 0.0;
        for (int c = 0; c < cases; c++) {
            sum += expectedReward(c, target);
        }
        return sum / cases;
    }

    private static int draw(double[] p, double uniform) {
        double acc = 0.0;
        for (int a = 0; a < p.length - 1; a++) {
            acc += p[a];
            if (uniform < acc) {
                return a;
            }
        }
        return p.length - 1;
    }
}
