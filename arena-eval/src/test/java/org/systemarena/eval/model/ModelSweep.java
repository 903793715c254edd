package org.systemarena.eval.model;

import java.util.ArrayList;
import java.util.List;
import org.systemarena.eval.conversion.ConversionAnalysis;
import org.systemarena.eval.conversion.ConversionSettings;
import org.systemarena.eval.conversion.LoggedDecisions;
import org.systemarena.eval.conversion.PolicyConversion;
import org.systemarena.eval.estimate.BootstrapSettings;
import org.systemarena.eval.estimate.EpisodeSet;
import org.systemarena.eval.estimate.Estimate;
import org.systemarena.eval.estimate.OffPolicyEstimate;
import org.systemarena.eval.estimate.PolicyComparison;
import org.systemarena.eval.simulation.GroundTruth;
import org.systemarena.eval.simulation.LeadSimulator;
import org.systemarena.eval.simulation.Regime;
import org.systemarena.eval.simulation.SimulatedLog;
import org.systemarena.eval.simulation.Target;
import org.systemarena.eval.simulation.VerdictSweep;
import org.systemarena.eval.verdict.SupportMass;
import org.systemarena.eval.verdict.Verdict;
import org.systemarena.eval.verdict.VerdictRule;

/**
 * Runs the model-based estimators beside the importance-sampling verdict engine on simulated worlds whose truth is
 * known ({@link GroundTruth}), the way the evaluator would: mu from {@link ConversionAnalysis}, every target compared
 * with the logging policy. Per (regime, target) it tallies DR's coverage and error, SNIPS's error, and the paired DR
 * differences' signs, over all worlds and over the worlds where the IS verdict is inconclusive.
 * {@link ModelGroundTruthTest} asserts on the tallies; {@link ModelCoverageTable} prints them.
 */
final class ModelSweep {
    /** One (regime, target) over the seeds. */
    static final class Tally {
        final String regime;
        final String target;
        final boolean deterministic;
        final double truth;
        final double trueDifference;
        int worlds;
        /** DR given (not undefined by a not-modelled action). */
        int drDefined;
        int checkFailed;
        int drCovered;
        int dmCovered;
        int wdrCovered;
        double drError;
        double dmError;
        double wdrError;
        /** Worlds where both DR and SNIPS are defined: their errors, for a like-for-like comparison. */
        int paired;
        double pairedDrError;
        double pairedSnipsError;
        int snipsUndefined;
        /** The same over the worlds whose IS verdict against the logging policy is inconclusive. */
        int inconclusive;
        int inconclusiveDrDefined;
        int inconclusiveCovered;
        int inconclusivePaired;
        double inconclusiveDrError;
        double inconclusiveSnipsError;
        /** Paired DR differences with the logging policy whose interval excludes 0, and those with the true sign. */
        int claims;
        int rightSign;
        int differenceCovered;
        int differences;
        /** The verdict rule's own verdicts against the logging policy: decided by the weights, by the model. */
        int weightClaims;
        int weightRightSign;
        int modelVerdicts;
        int modelClaims;
        int modelRightSign;
        int modelCovered;
        /** Model-based difference intervals wholly below, and wholly above, the true difference. */
        int modelBelow;
        int modelAbove;
        int stillInconclusive;

        Tally(String regime, Target target, double truth, double trueDifference) {
            this.regime = regime;
            this.target = target.name();
            this.deterministic = target.deterministic();
            this.truth = truth;
            this.trueDifference = trueDifference;
        }

        double drMae() {
            return drError / drDefined;
        }

        double pairedDrMae() {
            return pairedDrError / paired;
        }

        double pairedSnipsMae() {
            return pairedSnipsError / paired;
        }
    }

    private ModelSweep() {
    }

    static List<Tally> run(Regime regime, int seeds, int resamples) {
        List<Target> targets = Target.forRegime(regime);
        double historicalTruth = GroundTruth.trueConversion(regime, targets.get(0));
        List<Tally> tallies = new ArrayList<>();
        for (Target t : targets) {
            double truth = GroundTruth.trueConversion(regime, t);
            tallies.add(new Tally(regime.name(), t, truth, truth - historicalTruth));
        }
        for (long seed = 1; seed <= seeds; seed++) {
            SimulatedLog log = LeadSimulator.simulate(regime, seed);
            LoggedDecisions decisions = VerdictSweep.decisions(log);
            BootstrapSettings bootstrap = new BootstrapSettings(seed, resamples, BootstrapSettings.DEFAULT_CONFIDENCE,
                    2);
            ConversionAnalysis analysis = ConversionAnalysis.of(decisions, ConversionSettings.of(bootstrap));
            double[] mu = new double[decisions.size()];
            for (int s = 0; s < mu.length; s++) {
                mu[s] = analysis.mu(s);
            }
            ModelBasedEstimator estimator = ModelBasedEstimator.of(decisions, mu, ModelSettings.defaults(seed),
                    bootstrap);
            int k = targets.size();
            EpisodeSet[] episodes = new EpisodeSet[k];
            SupportMass[] mass = new SupportMass[k];
            ModelBasedResult[] results = new ModelBasedResult[k];
            for (int i = 0; i < k; i++) {
                double[] pi = log.targetProbabilities(targets.get(i));
                episodes[i] = analysis.episodes(pi, i == 0);
                mass[i] = analysis.supportMass(pi, i == 0);
                results[i] = estimator.evaluate(pi, i == 0);
            }
            PolicyComparison[] comparisons = new PolicyComparison[k];
            for (int i = 1; i < k; i++) {
                comparisons[i] = analysis.estimator().compare(episodes[i], episodes[0]);
            }
            OffPolicyEstimate h = comparisons[1].baseline();
            PolicyConversion historical = new PolicyConversion(episodes[0], h, mass[0], analysis.assess(h, mass[0]));
            record(tallies.get(0), results[0], h, false, null);
            for (int i = 1; i < k; i++) {
                OffPolicyEstimate e = comparisons[i].target();
                PolicyConversion target = new PolicyConversion(episodes[i], e, mass[i], analysis.assess(e, mass[i]));
                Verdict v = analysis.verdict(targets.get(i).name(), target, Target.HISTORICAL, historical,
                        comparisons[i]);
                ModelBasedComparison c = estimator.compare(results[i], results[0]);
                record(tallies.get(i), results[i], e, v.inconclusive(), c);
                recordVerdict(tallies.get(i), VerdictRule.withModel(v, targets.get(i).name(), Target.HISTORICAL,
                        comparisons[i], c, analysis.settings().verdict()));
            }
        }
        return tallies;
    }

    private static void recordVerdict(Tally t, Verdict v) {
        if (v.inconclusive()) {
            t.stillInconclusive++;
            return;
        }
        boolean claim = v.outcome() != Verdict.Outcome.NO_DETECTABLE_DIFFERENCE;
        boolean right = claim && (v.outcome() == Verdict.Outcome.BETTER) == (t.trueDifference > 0);
        if (v.estimator().equals(VerdictRule.ESTIMATOR)) {
            t.weightClaims += claim ? 1 : 0;
            t.weightRightSign += right ? 1 : 0;
            return;
        }
        t.modelVerdicts++;
        t.modelClaims += claim ? 1 : 0;
        t.modelRightSign += right ? 1 : 0;
        t.modelCovered += v.difference().covers(t.trueDifference) ? 1 : 0;
        t.modelBelow += v.difference().upper() < t.trueDifference ? 1 : 0;
        t.modelAbove += v.difference().lower() > t.trueDifference ? 1 : 0;
    }

    private static void record(Tally t, ModelBasedResult r, OffPolicyEstimate is, boolean inconclusive,
            ModelBasedComparison c) {
        t.worlds++;
        double snips = is.snips().value();
        boolean snipsDefined = !Double.isNaN(snips);
        t.snipsUndefined += snipsDefined ? 0 : 1;
        t.inconclusive += inconclusive ? 1 : 0;
        Estimate dr = r.dr();
        if (!dr.isDefined()) {
            return;
        }
        t.drDefined++;
        t.checkFailed += r.modelCheck().passed() ? 0 : 1;
        boolean covers = dr.covers(t.truth);
        double error = Math.abs(dr.value() - t.truth);
        t.drCovered += covers ? 1 : 0;
        t.dmCovered += r.dm().covers(t.truth) ? 1 : 0;
        t.wdrCovered += r.wdr().covers(t.truth) ? 1 : 0;
        t.drError += error;
        t.dmError += Math.abs(r.dm().value() - t.truth);
        t.wdrError += Math.abs(r.wdr().value() - t.truth);
        if (snipsDefined) {
            t.paired++;
            t.pairedDrError += error;
            t.pairedSnipsError += Math.abs(snips - t.truth);
        }
        if (inconclusive) {
            t.inconclusiveDrDefined++;
            t.inconclusiveCovered += covers ? 1 : 0;
            if (snipsDefined) {
                t.inconclusivePaired++;
                t.inconclusiveDrError += error;
                t.inconclusiveSnipsError += Math.abs(snips - t.truth);
            }
        }
        if (c != null && c.drDifference().isDefined()) {
            Estimate d = c.drDifference();
            t.differences++;
            t.differenceCovered += d.covers(t.trueDifference) ? 1 : 0;
            if (d.lower() > 0 || d.upper() < 0) {
                t.claims++;
                t.rightSign += Math.signum(d.value()) == Math.signum(t.trueDifference) ? 1 : 0;
            }
        }
    }
}
