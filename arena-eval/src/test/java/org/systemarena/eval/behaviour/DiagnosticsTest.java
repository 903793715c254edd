package org.systemarena.eval.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
    private static final List<String> ACTIONS = List.of("call", "email", "wait");

    /** 400 cases of 2 steps, one rule; the action depends on score and flag. */
    private static BehaviourData data(int cases) {
        int n = cases * 2;
        SplittableRandom random = new SplittableRandom(23);
        int[] caseOf = new int[n];
        int[] action = new int[n];
        double[] score = new double[n];
        double[] flag = new double[n];
        double[] legacy = new double[n];
        double[] tenure = new double[n];
        int[] id = new int[n];
        int[] country = new int[n];
        int[] region = new int[n];
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            caseOf[s] = s / 2;
            score[s] = random.nextInt(20) == 0 ? Double.NaN : random.nextGaussian();
            flag[s] = random.nextInt(2);
            legacy[s] = Double.NaN;
            tenure[s] = 3.0;
            id[s] = s;
            ids.add("id-" + s);
            region[s] = Math.min(29, (int) Math.abs(random.nextGaussian() * 6));
            double u = (Double.isNaN(score[s]) ? 0 : score[s]) + flag[s] + random.nextGaussian() * 0.5;
            action[s] = u < 0 ? 0 : u < 1 ? 1 : 2;
        }
        List<String> regions = new ArrayList<>();
        for (int l = 0; l < 30; l++) {
            regions.add("r" + l);
        }
        return BehaviourData.of(cases, caseOf, List.of("triage"), new int[n], ACTIONS, action, List.of(
                NumericFeature.of("score", score), NumericFeature.of("flag", flag),
                new CategoricalFeature("customer_id", id, ids),
                new CategoricalFeature("country", country, List.of("nl")),
                NumericFeature.of("legacy", legacy), NumericFeature.of("tenure", tenure),
                new CategoricalFeature("region", region, regions)));
    }

    @Test
    void featuresUsedAndDroppedAreReportedWithWidthsAndReasons() {
        BehaviourData data = data(400);
        BehaviourFit fit = CrossFittedBehaviourModel.fit(data, BehaviourSettings.defaults(4).withMaxLevels(5));
        RuleDiagnostics rule = fit.diagnostics().rules().get(0);
        assertThat(rule.features()).containsExactly(new FeatureUse("score", "numeric", 6),
                new FeatureUse("flag", "numeric", 3), new FeatureUse("region", "categorical", 6));
        assertThat(rule.dropped()).containsExactly(
                new DroppedFeature("customer_id", "identifier-like (800 distinct values in 800 decisions)"),
                new DroppedFeature("country", "constant"), new DroppedFeature("legacy", "all values missing"),
                new DroppedFeature("tenure", "constant"));
        assertThat(rule.steps()).isEqualTo(800);
        assertThat(rule.decisions()).isEqualTo(800);
        assertThat(rule.folds()).isEqualTo(5);
        assertThat(rule.subsampled()).isFalse();
        assertThat(rule.fits()).allSatisfy(f -> {
            assertThat(f.trainingDecisions()).isEqualTo(640);
            assertThat(f.converged()).isTrue();
            assertThat(f.gradientNorm()).isLessThanOrEqualTo(1e-8);
            assertThat(f.columns()).isEqualTo(1 + 6 + 3 + 6);
        });

        // The reported log loss is that of the probabilities the fit returns.
        double logLoss = 0;
        for (int s = 0; s < data.steps(); s++) {
            logLoss -= Math.log(fit.probability(s, data.loggedAction(s))) / data.steps();
        }
        assertThat(rule.logLoss()).isCloseTo(logLoss, within(1e-12));
        assertThat(rule.logLoss()).isLessThan(rule.frequencyLogLoss());
        assertThat(fit.describe()).isEqualTo(String.format(Locale.ROOT, "multinomial logistic regression per decision"
                + " rule on 3 snapshot features (4 dropped: customer_id identifier-like (800 distinct values in 800"
                + " decisions), country constant, legacy all values missing, tenure constant), 5-fold cross-fitted"
                + " by case, L2 1.0, smoothing 1.0; out-of-fold log loss %.3f vs %.3f for per-rule frequencies",
                rule.logLoss(), rule.frequencyLogLoss()));
    }

    @Test
    void largeTrainingSetsAreSubsampledAndSaySo() {
        BehaviourFit fit = CrossFittedBehaviourModel.fit(data(400), BehaviourSettings.defaults(4)
                .withMaxTrainingRows(300));
        RuleDiagnostics rule = fit.diagnostics().rules().get(0);
        assertThat(rule.subsampled()).isTrue();
        assertThat(rule.fits()).allSatisfy(f -> {
            assertThat(f.rowsUsed()).isEqualTo(300);
            assertThat(f.trainingDecisions()).isEqualTo(640);
        });
        assertThat(fit.describe()).endsWith("; 5 of 5 models fitted on an evenly spread subsample of 300 training"
                + " decisions");
    }

    @Test
    void fewCasesMeanFewerFoldsAndOneCaseMeansNoCrossFitting() {
        assertThat(CrossFittedBehaviourModel.fit(data(7), BehaviourSettings.defaults(4)).diagnostics().folds())
                .isEqualTo(3);
        BehaviourFit one = CrossFittedBehaviourModel.fit(data(1), BehaviourSettings.defaults(4));
        assertThat(one.diagnostics().folds()).isEqualTo(1);
        assertThat(one.diagnostics().crossFitted()).isFalse();
        assertThat(one.describe()).contains(", fitted and scored on all steps (fewer than 2 cases, so not"
                + " cross-fitted), ").contains("; in-sample log loss ");
    }

    @Test
    void aFoldWithoutTrainingDecisionsGivesEveryActionOfTheRuleTheSameProbability() {
        // Rule "rare" occurs only in case 0: the model scoring case 0 has nothing to learn from.
        int n = 40;
        int[] caseOf = new int[n];
        int[] rule = new int[n];
        int[] action = new int[n];
        for (int s = 0; s < n; s++) {
            caseOf[s] = s / 4;
            rule[s] = s < 3 ? 1 : 0;
            action[s] = s % 2;
        }
        BehaviourData data = BehaviourData.of(10, caseOf, List.of("common", "rare"), rule, List.of("a", "b"), action,
                List.of());
        BehaviourFit fit = CrossFittedBehaviourModel.fit(data, BehaviourSettings.defaults(1));
        RuleDiagnostics rare = fit.diagnostics().rules().get(1);
        assertThat(rare.fits()).singleElement().satisfies(f -> {
            assertThat(f.trainingDecisions()).isZero();
            assertThat(f.iterations()).isZero();
        });
        for (int s = 0; s < 3; s++) {
            assertThat(fit.probabilities(s)).containsExactly(0.5, 0.5);
        }
        assertThat(Arrays.stream(fit.probabilities(5)).sum()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void theSentenceNamesModelsThatDidNotConverge() {
        RuleDiagnostics rule = new RuleDiagnostics("triage", RuleDiagnostics.Status.MODELLED, 10, 10,
                List.of("a", "b"), List.of(new FeatureUse("x", "numeric", 1)), List.of(), 2,
                List.of(new FoldConvergence(0, 5, 5, 2, 100, 1e-3, false), new FoldConvergence(1, 5, 5, 2, 4, 1e-10,
                        true)), false, 0.5, 0.69, List.of());
        BehaviourDiagnostics d = new BehaviourDiagnostics(List.of(rule), 2, true,
                BehaviourSettings.defaults(1).withFolds(2));
        assertThat(rule.converged()).isFalse();
        assertThat(d.describe()).isEqualTo("multinomial logistic regression per decision rule on 1 snapshot feature,"
                + " 2-fold cross-fitted by case, L2 1.0, smoothing 1.0; out-of-fold log loss 0.500 vs 0.690 for"
                + " per-rule frequencies; 1 of 2 models did not converge");
    }
}
