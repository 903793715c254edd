package org.systemarena.eval.simulation;

import static org.systemarena.eval.simulation.Actions.set;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A named policy to evaluate against the log. {@code deterministic} says that it puts all its probability on one
 * action at every state (the tests check it on the logged steps).
 */
public record Target(String name, boolean deterministic, Policy policy) {
    public static final Target ALWAYS_CALL = new Target("always call", true,
            (checkIn, days, budget, source, out) -> set(out, 1, 0, 0));
    public static final Target ALWAYS_WAIT = new Target("always wait", true,
            (checkIn, days, budget, source, out) -> set(out, 0, 0, 1));
    public static final Target CALL_IF_5_DAYS_ELSE_WAIT = new Target("call if >= 5 days since contact else wait", true,
            (checkIn, days, budget, source, out) -> set(out, days >= 5 ? 1 : 0, 0, days >= 5 ? 0 : 1));
    /** Only for regimes with escalate. */
    public static final Target ESCALATE_IF_5_DAYS_ELSE_WAIT = new Target(
            "escalate if >= 5 days since contact else wait", true,
            (checkIn, days, budget, source, out) -> set(out, 0, 0, days >= 5 ? 0 : 1, days >= 5 ? 1 : 0));
    /** Uniform over the regime's actions: in a regime with escalate, a quarter of it goes to escalate. */
    public static final Target UNIFORM_RANDOM = new Target("uniform random", false,
            (checkIn, days, budget, source, out) -> Arrays.fill(out, 1.0 / out.length));
    public static final Target CALL_OR_EMAIL_50_50 = new Target("call or email 50/50", false,
            (checkIn, days, budget, source, out) -> set(out, 0.5, 0.5, 0));

    public static final String HISTORICAL = "historical";
    public static final String SOFTENED_LOGGING = "softened logging";

    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
    }

    /** The regime's logging policy itself: the "historical" baseline every comparison can be made against. */
    public static Target historical(Regime regime) {
        return new Target(HISTORICAL, false, regime.logging());
    }

    /** 0.8 x the regime's logging policy + 0.2 x uniform over call, email and wait: a mild change, fully supported. */
    public static Target softenedLogging(Regime regime) {
        return new Target(SOFTENED_LOGGING, false, new Softened(regime.logging(), 0.8));
    }

    /** The targets that make sense in the regime, the historical one first. */
    public static List<Target> forRegime(Regime regime) {
        List<Target> targets = new ArrayList<>(List.of(historical(regime), softenedLogging(regime), ALWAYS_CALL,
                ALWAYS_WAIT, CALL_IF_5_DAYS_ELSE_WAIT, UNIFORM_RANDOM, CALL_OR_EMAIL_50_50));
        if (regime.hasEscalate()) {
            targets.add(ESCALATE_IF_5_DAYS_ELSE_WAIT);
        }
        return List.copyOf(targets);
    }

    /** A record, not a lambda, so that two softened versions of one policy are equal and share a cached truth. */
    record Softened(Policy base, double baseWeight) implements Policy {
        @Override
        public void probabilities(int checkIn, double days, double budget, LeadSource source, double[] out) {
            base.probabilities(checkIn, days, budget, source, out);
            double rest = (1.0 - baseWeight) / 3.0;
            for (int a = 0; a < out.length; a++) {
                out[a] = baseWeight * out[a] + (a <= Actions.WAIT ? rest : 0.0);
            }
        }
    }
}
