package org.systemarena.eval.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.systemarena.eval.behaviour.CategoricalFeature;
import org.systemarena.eval.behaviour.FeatureColumn;
import org.systemarena.eval.behaviour.NumericFeature;
import org.systemarena.eval.conversion.ConversionAnalysis;
import org.systemarena.eval.conversion.ConversionSettings;
import org.systemarena.eval.conversion.LoggedDecisions;
import org.systemarena.eval.conversion.PolicyConversion;
import org.systemarena.eval.estimate.BootstrapSettings;
import org.systemarena.eval.estimate.EpisodeSet;
import org.systemarena.eval.estimate.OffPolicyEstimate;
import org.systemarena.eval.estimate.EstimateWarning;
import org.systemarena.eval.estimate.PolicyComparison;
import org.systemarena.eval.verdict.Assessment;
import org.systemarena.eval.verdict.SupportMass;
import org.systemarena.eval.verdict.Verdict;

/**
 * Runs the verdict engine the reports use ({@link ConversionAnalysis}) on simulated worlds whose truth is known, and
 * counts how its answers fare: per (regime, target) how often the conversion was estimable, how often its interval
 * covered the truth, and per comparison with the historical (logging) policy how often each verdict came out and
 * whether better/worse had the true difference's sign. {@link VerdictGroundTruthTest} asserts on the counts;
 * {@link VerdictCoverageTable} prints them for docs/metrics.md.
 */
public final class VerdictSweep {
    /** What one (regime, target) pair did over the seeds. */
    static final class Tally {
        final String regime;
        final String target;
        final boolean deterministic;
        final double truth;
        final double trueDifference;
        int worlds;
        int estimable;
        int covered;
        int highConfidenceCovered;
        double absoluteError;
        final Map<String, Integer> reasons = new LinkedHashMap<>();
        final Map<Verdict.Outcome, Integer> verdicts = new LinkedHashMap<>();
        int rightSign;
        int differenceCovered;
        int conclusiveOrNdd;

        Tally(String regime, Target target, double truth, double trueDifference) {
            this.regime = regime;
            this.target = target.name();
            this.deterministic = target.deterministic();
            this.truth = truth;
            this.trueDifference = trueDifference;
            for (Verdict.Outcome o : Verdict.Outcome.values()) {
                verdicts.put(o, 0);
            }
        }

        int claims() {
            return verdicts.get(Verdict.Outcome.BETTER) + verdicts.get(Verdict.Outcome.WORSE);
        }
    }

    private VerdictSweep() {
    }

    /** Every target of the regime (historical included) over {@code seeds} worlds 1..seeds. */
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
            ConversionAnalysis analysis = ConversionAnalysis.of(decisions(log), ConversionSettings.of(
                    new BootstrapSettings(seed, resamples, BootstrapSettings.DEFAULT_CONFIDENCE, 2)));
            int k = targets.size();
            EpisodeSet[] episodes = new EpisodeSet[k];
            SupportMass[] mass = new SupportMass[k];
            for (int i = 0; i < k; i++) {
                double[] pi = log.targetProbabilities(targets.get(i));
                episodes[i] = analysis.episodes(pi, i == 0);
                mass[i] = analysis.supportMass(pi, i == 0);
            }
            // As the evaluator does: with no unpaired case, a comparison's sides are the stand-alone estimates.
            PolicyComparison[] comparisons = new PolicyComparison[k];
            for (int i = 1; i < k; i++) {
                comparisons[i] = analysis.estimator().compare(episodes[i], episodes[0]);
            }
            OffPolicyEstimate h = comparisons[1].baseline();
            PolicyConversion historical = new PolicyConversion(episodes[0], h, mass[0], analysis.assess(h, mass[0]));
            record(tallies.get(0), historical, null, null);
            for (int i = 1; i < k; i++) {
                OffPolicyEstimate e = comparisons[i].target();
                PolicyConversion target = new PolicyConversion(episodes[i], e, mass[i], analysis.assess(e, mass[i]));
                Verdict v = analysis.verdict(targets.get(i).name(), target, Target.HISTORICAL, historical,
                        comparisons[i]);
                record(tallies.get(i), target, comparisons[i], v);
            }
        }
        return tallies;
    }

    private static void record(Tally t, PolicyConversion p, PolicyComparison c, Verdict v) {
        t.worlds++;
        Assessment a = p.assessment();
        if (p.estimate().highConfidence().covers(t.truth)) {
            t.highConfidenceCovered++;
        }
        if (a.estimable()) {
            t.estimable++;
            t.covered += a.recommended().covers(t.truth) ? 1 : 0;
            t.absoluteError += Math.abs(a.recommended().value() - t.truth);
        } else {
            t.reasons.merge(a.notEstimable().reason().code(), 1, Integer::sum);
        }
        if (v == null) {
            return;
        }
        t.verdicts.merge(v.outcome(), 1, Integer::sum);
        if (!v.inconclusive()) {
            t.conclusiveOrNdd++;
            t.differenceCovered += v.difference().covers(t.trueDifference) ? 1 : 0;
        }
        if (v.outcome() == Verdict.Outcome.BETTER && t.trueDifference > 0
                || v.outcome() == Verdict.Outcome.WORSE && t.trueDifference < 0) {
            t.rightSign++;
        }
        if (c != null && c.warnings().stream().anyMatch(w -> w.code() == EstimateWarning.Code.UNPAIRED_CASES)) {
            throw new IllegalStateException("a simulated case was unusable for one policy only");
        }
    }

    /** The simulated log as the engine reads a replay's decision points (public for the model-based sweeps). */
    public static LoggedDecisions decisions(SimulatedLog log) {
        int cases = log.cases();
        int[] caseStart = new int[cases + 1];
        String[] ids = new String[cases];
        double[] reward = new double[cases];
        for (int c = 0; c < cases; c++) {
            caseStart[c + 1] = log.caseStart(c + 1);
            ids[c] = log.caseId(c);
            reward[c] = log.reward(c);
        }
        int n = log.steps();
        int m = log.actions().size();
        List<String> rules = List.of(SimulatedLog.FIRST_CONTACT, SimulatedLog.FOLLOW_UP);
        int[] rule = new int[n];
        int[] logged = new int[n];
        double[] propensity = new double[n];
        double[] distribution = log.distributionLogged() ? new double[n * m] : null;
        for (int s = 0; s < n; s++) {
            rule[s] = rules.indexOf(log.rule(s));
            logged[s] = log.loggedAction(s);
            propensity[s] = log.loggedPropensity(s);
            if (distribution != null) {
                for (int a = 0; a < m; a++) {
                    distribution[s * m + a] = log.loggingProbability(s, a);
                }
            }
        }
        List<FeatureColumn> features = new ArrayList<>();
        for (int f = 0; f < log.numericFeatureNames().size(); f++) {
            double[] v = new double[n];
            for (int s = 0; s < n; s++) {
                v[s] = log.numericFeature(s, f);
            }
            features.add(new NumericFeature(log.numericFeatureNames().get(f), v));
        }
        for (int f = 0; f < log.categoricalFeatureNames().size(); f++) {
            List<String> v = new ArrayList<>(n);
            for (int s = 0; s < n; s++) {
                v.add(log.categoricalFeature(s, f));
            }
            features.add(CategoricalFeature.fromValues(log.categoricalFeatureNames().get(f), v));
        }
        return LoggedDecisions.of(log.actions(), rules, caseStart, ids, reward, rule, logged, propensity,
                distribution, features);
    }
}
