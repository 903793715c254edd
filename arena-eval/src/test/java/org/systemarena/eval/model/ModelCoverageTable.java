package org.systemarena.eval.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.systemarena.eval.simulation.Regime;

/**
 * Prints the model-based estimators' record on the simulator, per regime and target (docs/metrics.md, section 9).
 *
 * <pre>
 * mvn -o -q -pl arena-eval -am test-compile
 * java -cp "arena-eval/target/test-classes:arena-eval/target/classes:$(cat arena-eval/target/cp.txt)" \
 *     org.systemarena.eval.model.ModelCoverageTable [seeds] [resamples]
 * </pre>
 * Defaults: 40 seeds, 1,000 resamples, as {@link ModelGroundTruthTest} runs.
 */
public final class ModelCoverageTable {
    private ModelCoverageTable() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : ModelGroundTruthTest.SEEDS;
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        List<Regime> regimes = args.length > 2 ? Regime.ALL.stream().filter(r -> r.name().equals(args[2])).toList()
                : Regime.ALL;
        System.out.printf(Locale.ROOT, "%d seeds per regime, %d bootstrap resamples, 95%% intervals%n%n", seeds,
                resamples);
        System.out.println("| regime | target | truth | DR given | model check failed | DR covers | DR MAE"
                + " | SNIPS MAE (same worlds) | IS inconclusive | DR covers there | DR / SNIPS MAE there"
                + " | DR difference: claims with the true sign | DR difference covers | DM covers, MAE"
                + " | WDR covers, MAE | verdicts by the weights: claims with the true sign"
                + " | by the model: verdicts, claims with the true sign, interval covers (misses below, above)"
                + " | still inconclusive |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<GroundTruthBars.Outcome> bars = new ArrayList<>();
        for (Regime regime : regimes) {
            long start = System.nanoTime();
            List<ModelSweep.Tally> tallies = ModelSweep.run(regime, seeds, resamples);
            bars.addAll(GroundTruthBars.judge(tallies));
            for (ModelSweep.Tally t : tallies) {
                boolean given = t.drDefined > 0;
                boolean compared = !t.target.equals(org.systemarena.eval.simulation.Target.HISTORICAL);
                System.out.printf(Locale.ROOT, "| %s | %s%s | %.3f | %d/%d | %s | %s | %s | %s | %d | %s | %s | %s | %s"
                                + " | %s | %s | %s | %s | %s |%n",
                        t.regime, t.target, t.deterministic ? " (det.)" : "", t.truth, t.drDefined, t.worlds,
                        given ? t.checkFailed + "" : "-",
                        given ? t.drCovered + "/" + t.drDefined : "-",
                        given ? fmt(t.drMae()) : "-",
                        t.paired == 0 ? "-" : fmt(t.pairedDrMae()) + " vs " + fmt(t.pairedSnipsMae())
                                + (t.snipsUndefined > 0 ? " (SNIPS undefined in " + t.snipsUndefined + ")" : ""),
                        t.inconclusive,
                        t.inconclusiveDrDefined == 0 ? "-" : t.inconclusiveCovered + "/" + t.inconclusiveDrDefined,
                        t.inconclusivePaired == 0 ? "-" : fmt(t.inconclusiveDrError / t.inconclusivePaired) + " / "
                                + fmt(t.inconclusiveSnipsError / t.inconclusivePaired),
                        t.claims == 0 ? "-" : t.rightSign + "/" + t.claims,
                        t.differences == 0 ? "-" : t.differenceCovered + "/" + t.differences,
                        given ? t.dmCovered + "/" + t.drDefined + ", " + fmt(t.dmError / t.drDefined) : "-",
                        given ? t.wdrCovered + "/" + t.drDefined + ", " + fmt(t.wdrError / t.drDefined) : "-",
                        compared ? t.weightRightSign + "/" + t.weightClaims : "-",
                        compared ? t.modelVerdicts + ", " + t.modelRightSign + "/" + t.modelClaims + ", "
                                + t.modelCovered + "/" + t.modelVerdicts + " (" + t.modelBelow + ", " + t.modelAbove
                                + ")" : "-",
                        compared ? t.stillInconclusive + "" : "-");
            }
            System.err.printf(Locale.ROOT, "%s: %.1f s%n", regime.name(), (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "%nBars not met (%d of %d):%n", bars.stream().filter(o -> !o.met()).count(),
                bars.size());
        bars.stream().filter(o -> !o.met()).forEach(o -> System.out.println("- " + o.key() + ": " + o.figures()));
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }
}
