package org.systemarena.eval.simulation;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A target's true conversion in a regime: its population value (expected reward over the lead distribution, the
 * world's luck and the target's own randomness), which is what a bootstrap interval over one log's cases aims at,
 * rather than the value on that log's particular cases.
 *
 * <p>Estimated by Monte Carlo on {@value #CASES} fresh cases from a fixed seed of its own, each walked once under
 * the target with the same rules as the logs ({@link LeadDynamics}). Along the walk the conversion and drop-out
 * chances are summed up rather than drawn (the case's expected reward given the target's actions and the gaps),
 * which removes most of the variance and keeps each case's value in [0, 1]; so the standard error is at most
 * {@code 0.5 / sqrt(CASES)} = 0.00079 whatever the target.
 *
 * <p>Results are cached for the life of the JVM, keyed by what the truth depends on: the horizon, the action set and
 * the policy (not the regime's name, size or what its log shows, so BASELINE and SMALL_LOG share truths).
 */
public final class GroundTruth {
    public static final int CASES = 400_000;
    /** Not a world seed anyone would pick; truth and worlds must not share streams. */
    static final long SEED = 0x7A2B_19C4_D3E5_F601L;

    private record Key(Horizon horizon, int actions, Policy policy) {
    }

    private static final Map<Key, TrueValue> CACHE = new ConcurrentHashMap<>();

    private GroundTruth() {
    }

    public static double trueConversion(Regime regime, Target target) {
        return trueValue(regime, target).value();
    }

    public static TrueValue trueValue(Regime regime, Target target) {
        return trueValue(regime, target.policy());
    }

    public static TrueValue trueValue(Regime regime, Policy policy) {
        Key key = new Key(regime.horizon(), regime.actions().size(), policy);
        return CACHE.computeIfAbsent(key, k -> compute(k.horizon(), k.actions(), k.policy(), CASES, SEED));
    }

    /** The Monte Carlo itself, uncached: for timing and for checking the estimate on other samples. */
    static TrueValue compute(Horizon h, int actions, Policy policy, int cases, long seed) {
        double[] p = new double[actions];
        SplittableRandom root = new SplittableRandom(seed);
        double sum = 0.0;
        double sumOfSquares = 0.0;
        for (int c = 0; c < cases; c++) {
            double v = expectedReward(h, policy, root.split(), p);
            sum += v;
            sumOfSquares += v * v;
        }
        double mean = sum / cases;
        double variance = Math.max(0.0, (sumOfSquares - cases * mean * mean) / (cases - 1));
        return new TrueValue(mean, Math.sqrt(variance / cases), cases);
    }

    private static double expectedReward(Horizon h, Policy policy, SplittableRandom r, double[] p) {
        Lead lead = Lead.draw(r);
        double days = lead.initialDaysSinceContact();
        double day = 0.0;
        double stillOpen = 1.0; // chance that no earlier check-in converted or lost the lead
        double value = 0.0;
        for (int t = 0; ; t++) {
            policy.probabilities(t, days, lead.budget(), lead.source(), p);
            int a = Actions.draw(p, r.nextDouble());
            double gapDraw = r.nextDouble();
            double convert = LeadDynamics.conversionChance(h, a, days, lead);
            value += stillOpen * convert;
            stillOpen *= (1.0 - convert) * (1.0 - LeadDynamics.dropOutChance(h, a, days));
            double next = LeadDynamics.nextDaysSinceContact(h, a, days, t, day, gapDraw);
            if (Double.isNaN(next)) {
                return value;
            }
            day += LeadDynamics.daysUntilNext(a, days, next);
            days = next;
        }
    }
}
