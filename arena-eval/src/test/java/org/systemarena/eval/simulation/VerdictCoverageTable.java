package org.systemarena.eval.simulation;

import java.util.List;
import java.util.Locale;
import org.systemarena.eval.verdict.Verdict;

/**
 * Prints the verdict engine's record on the simulator, per regime and target: docs/metrics.md's coverage table.
 *
 * <pre>
 * mvn -o -q -pl arena-eval -am test-compile
 * java -cp "arena-eval/target/test-classes:arena-eval/target/classes:$(cat arena-eval/target/cp.txt)" \
 *     org.systemarena.eval.simulation.VerdictCoverageTable [seeds] [resamples]
 * </pre>
 * (arena-eval/target/cp.txt: {@code mvn -o -q -pl arena-eval dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt}.) Defaults: 40 seeds, 1,000 resamples, as the test runs.
 */
public final class VerdictCoverageTable {
    private VerdictCoverageTable() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        System.out.printf(Locale.ROOT, "%d seeds per regime, %d bootstrap resamples, 95%% intervals%n%n", seeds,
                resamples);
        System.out.println("| regime | target | truth | estimable | interval covers truth | mean abs. error"
                + " | high-confidence covers | not estimable because | vs historical: better / worse / n.d.d. /"
                + " inconclusive | claims with the true sign | difference interval covers |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Regime regime : Regime.ALL) {
            long start = System.nanoTime();
            List<VerdictSweep.Tally> tallies = VerdictSweep.run(regime, seeds, resamples);
            for (VerdictSweep.Tally t : tallies) {
                System.out.printf(Locale.ROOT, "| %s | %s%s | %.3f | %d/%d | %s | %s | %d/%d | %s | %s | %s | %s |%n",
                        t.regime, t.target, t.deterministic ? " (det.)" : "", t.truth, t.estimable, t.worlds,
                        t.estimable == 0 ? "-" : t.covered + "/" + t.estimable,
                        t.estimable == 0 ? "-" : String.format(Locale.ROOT, "%.3f", t.absoluteError / t.estimable),
                        t.highConfidenceCovered, t.worlds, t.reasons.isEmpty() ? "-" : t.reasons.toString(),
                        t.target.equals(Target.HISTORICAL) ? "-" : t.verdicts.get(Verdict.Outcome.BETTER) + " / "
                                + t.verdicts.get(Verdict.Outcome.WORSE) + " / "
                                + t.verdicts.get(Verdict.Outcome.NO_DETECTABLE_DIFFERENCE) + " / "
                                + t.verdicts.get(Verdict.Outcome.INCONCLUSIVE),
                        t.claims() == 0 ? "-" : t.rightSign + "/" + t.claims(),
                        t.conclusiveOrNdd == 0 ? "-" : t.differenceCovered + "/" + t.conclusiveOrNdd);
            }
            System.err.printf(Locale.ROOT, "%s: %.1f s%n", regime.name(), (System.nanoTime() - start) / 1e9);
        }
    }
}
