package org.systemarena.eval.simulation;

import java.util.SplittableRandom;

/**
 * Writes one world's log: every case of the regime walked under its logging policy.
 *
 * <p>Each case draws from its own stream, split off the seed's generator in case order, and always takes the same
 * draws in the same order (four for the lead, then four per check-in: action, conversion, drop-out, gap). So a seed
 * gives the same leads, with the same luck at each check-in, in every regime: two regimes' logs with one seed differ
 * only through what their logging policies and horizons do.
 */
public final class LeadSimulator {
    private LeadSimulator() {
    }

    public static SimulatedLog simulate(Regime regime, long seed) {
        Horizon h = regime.horizon();
        Policy logging = regime.logging();
        SimulatedLog.Builder log = new SimulatedLog.Builder(regime, seed);
        double[] p = new double[regime.actions().size()];
        SplittableRandom root = new SplittableRandom(seed);
        for (int c = 0; c < regime.cases(); c++) {
            SplittableRandom r = root.split();
            Lead lead = Lead.draw(r);
            log.startCase(c);
            double days = lead.initialDaysSinceContact();
            double day = 0.0;
            double reward = 0.0;
            for (int t = 0; ; t++) {
                logging.probabilities(t, days, lead.budget(), lead.source(), p);
                int a = Actions.draw(p, r.nextDouble());
                double conversionDraw = r.nextDouble();
                double dropDraw = r.nextDouble();
                double gapDraw = r.nextDouble();
                log.step(t, days, lead.budget(), lead.source(), a, p);
                if (conversionDraw < LeadDynamics.conversionChance(h, a, days, lead)) {
                    reward = 1.0;
                    break;
                }
                if (dropDraw < LeadDynamics.dropOutChance(h, a, days)) {
                    break;
                }
                double next = LeadDynamics.nextDaysSinceContact(h, a, days, t, day, gapDraw);
                if (Double.isNaN(next)) {
                    break;
                }
                day += LeadDynamics.daysUntilNext(a, days, next);
                days = next;
            }
            log.endCase(c, reward);
        }
        return log.build();
    }
}
