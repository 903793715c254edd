package org.systemarena.eval.simulation;

import java.util.List;

/**
 * The lead world's actions, by index into a regime's action list. The order is fixed and escalate comes last, so a
 * regime without it simply has the first three and every policy can write call, email and wait by the same index.
 */
public final class Actions {
    public static final int CALL = 0;
    public static final int EMAIL = 1;
    public static final int WAIT = 2;
    /** Only in regimes that have it ({@link #WITH_ESCALATE}). */
    public static final int ESCALATE = 3;

    public static final List<String> BASIC = List.of("call", "email", "wait");
    public static final List<String> WITH_ESCALATE = List.of("call", "email", "wait", "escalate");

    private Actions() {
    }

    /** Writes a distribution over call, email and wait; escalate, where the regime has it, gets 0. */
    static void set(double[] out, double call, double email, double wait) {
        out[CALL] = call;
        out[EMAIL] = email;
        out[WAIT] = wait;
        if (out.length > ESCALATE) {
            out[ESCALATE] = 0.0;
        }
    }

    /** Writes a distribution that may escalate; fails in a regime without escalate rather than drop its share. */
    static void set(double[] out, double call, double email, double wait, double escalate) {
        if (out.length <= ESCALATE) {
            if (escalate != 0.0) {
                throw new IllegalArgumentException("this regime has no escalate action");
            }
            set(out, call, email, wait);
            return;
        }
        set(out, call, email, wait);
        out[ESCALATE] = escalate;
    }

    /** The action drawn by a uniform in [0, 1) from distribution {@code p} (inverse CDF, in action order). */
    static int draw(double[] p, double uniform) {
        double acc = 0.0;
        int last = p.length - 1;
        while (last > 0 && p[last] == 0.0) {
            last--; // never land on a zero-probability action through rounding of the cumulative sum
        }
        for (int a = 0; a < last; a++) {
            acc += p[a];
            if (uniform < acc) {
                return a;
            }
        }
        return last;
    }
}
