package org.systemarena.eval.simulation;

import java.util.List;
import java.util.Locale;

/**
 * Prints, per regime, what its logs look like and every target's truth, so the docs can quote the figures (not a
 * test). Per regime: decision points per case, logged action shares and the smallest logged propensity over
 * {@code worlds} worlds (seeds 1..worlds, default 40), the observed conversion against the historical truth, each
 * target's truth with its Monte Carlo standard error, and the time of each truth and of one world.
 *
 * <p>The simulator needs nothing but the JDK, so the test classes alone make its classpath. From the repository
 * root:
 *
 * <pre>
 * mvn -o -q -pl arena-eval -am test-compile
 * java -cp arena-eval/target/test-classes org.systemarena.eval.simulation.SimulatorTruthTable [worlds]
 * </pre>
 */
public final class SimulatorTruthTable {
    private SimulatorTruthTable() {
    }

    public static void main(String[] args) {
        int worlds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        for (Regime regime : Regime.ALL) {
            print(regime, worlds);
        }
    }

    private static void print(Regime regime, int worlds) {
        List<String> actions = regime.actions();
        long[] taken = new long[actions.size()];
        long steps = 0;
        long cases = 0;
        double rewards = 0.0;
        double smallestPropensity = 1.0;
        long t0 = System.nanoTime();
        for (int seed = 1; seed <= worlds; seed++) {
            SimulatedLog log = LeadSimulator.simulate(regime, seed);
            for (int s = 0; s < log.steps(); s++) {
                taken[log.loggedAction(s)]++;
                smallestPropensity = Math.min(smallestPropensity, log.loggingProbability(s, log.loggedAction(s)));
            }
            steps += log.steps();
            cases += log.cases();
            rewards += log.observedConversion() * log.cases();
        }
        double msPerWorld = (System.nanoTime() - t0) / 1e6 / worlds;

        System.out.printf(Locale.ROOT, "%n== %s: %,d cases, horizon %s, actions %s, propensities %s%s%n",
                regime.name(), regime.cases(), regime.horizon(), actions,
                regime.propensitiesLogged() ? "logged" : "hidden",
                regime.distributionLogged() ? ", distribution logged" : "");
        System.out.printf(Locale.ROOT, "over %d worlds: %.3f decision points per case, %.2f ms per world%n", worlds,
                (double) steps / cases, msPerWorld);
        StringBuilder shares = new StringBuilder("logged shares:");
        for (int a = 0; a < actions.size(); a++) {
            shares.append(String.format(Locale.ROOT, " %s %.4f", actions.get(a), (double) taken[a] / steps));
        }
        System.out.println(shares + String.format(Locale.ROOT, "; smallest propensity of a logged action %.4f",
                smallestPropensity));
        TrueValue historical = GroundTruth.trueValue(regime, Target.historical(regime));
        double observed = rewards / cases;
        double observedSe = Math.sqrt(observed * (1 - observed) / cases);
        System.out.printf(Locale.ROOT, "observed conversion %.4f (SE %.4f) vs historical truth %.4f: %+.1f SE%n",
                observed, observedSe, historical.value(),
                (observed - historical.value()) / Math.hypot(observedSe, historical.standardError()));
        for (Target target : Target.forRegime(regime)) {
            long start = System.nanoTime();
            TrueValue truth = GroundTruth.compute(regime.horizon(), actions.size(), target.policy(),
                    GroundTruth.CASES, GroundTruth.SEED);
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "  %-46s %.4f  SE %.5f  %6.0f ms%n", target.name(), truth.value(),
                    truth.standardError(), ms);
        }
    }
}
