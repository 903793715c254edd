package org.systemarena.test;

import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.junit.jupiter.api.Assumptions;
import org.systemarena.eval.Comparison;
import org.systemarena.eval.Evaluation;
import org.systemarena.eval.PolicyEvaluation;
import org.systemarena.eval.verdict.Assessment;
import org.systemarena.eval.verdict.Verdict;

/**
 * Assertions on a policy's conversion, read from the library's verdicts (docs/metrics.md, sections 7 and 10): the
 * verdict decides, these only say what it decided.
 *
 * <p>An inconclusive verdict (or a conversion that is not estimable) fails the test with the library's reason; after
 * {@link #orSkipIfInconclusive()} it aborts the test instead, as a failed JUnit assumption, with the same message.
 */
public final class ConversionAssert extends AbstractAssert<ConversionAssert, PolicyEvaluation> {
    private final Evaluation evaluation;
    private boolean skipIfInconclusive;

    ConversionAssert(PolicyEvaluation actual, Evaluation evaluation) {
        super(actual, ConversionAssert.class);
        this.evaluation = evaluation;
    }

    /** An inconclusive verdict aborts the test (JUnit's {@code TestAbortedException}) instead of failing it. */
    public ConversionAssert orSkipIfInconclusive() {
        this.skipIfInconclusive = true;
        return myself;
    }

    /** The conversion has a recommended estimate (every check of docs/metrics.md section 7 passed). */
    public ConversionAssert isEstimable() {
        Assessment a = actual.conversion().assessment();
        if (!a.estimable()) {
            inconclusive("Expected the conversion of '" + actual.policy() + "' to be estimable, but it is not ("
                    + a.notEstimable().reason().code() + "): " + Figures.clause(a.notEstimable().message())
                    + "; ESS " + Figures.ess(a.support().effectiveSampleSize()) + ".");
        }
        return myself;
    }

    /** The verdict against {@code baseline} is {@code better}: the difference's interval lies above 0. */
    public ConversionAssert isBetterThan(String baseline) {
        Verdict v = verdict(baseline);
        String expected = "Expected '" + actual.policy() + "' to be better than '" + baseline + "'";
        if (v.inconclusive()) {
            inconclusive(expected + ", but " + inconclusiveFinding(v, baseline));
        } else if (v.outcome() != Verdict.Outcome.BETTER) {
            failWithMessage("%s", expected + ", but " + (v.outcome() == Verdict.Outcome.WORSE ? "it is worse"
                    : "there is no detectable difference") + ": " + figures(v, baseline, null, 1) + ".");
        }
        return myself;
    }

    /**
     * The first half of "not worse than {@code baseline} by more than m": {@code .isNotWorseThan("historical")
     * .by(0.02)}. Nothing is checked until {@link NotWorseThan#by(double)}.
     */
    public NotWorseThan isNotWorseThan(String baseline) {
        return new NotWorseThan(this, baseline);
    }

    /** The check behind {@link NotWorseThan#by(double)}: the verdict's {@code notWorseBy(margin)}. */
    ConversionAssert notWorseBy(String baseline, double margin) {
        if (!(margin >= 0.0 && margin < 1.0)) {
            throw new IllegalArgumentException("a non-inferiority margin is a conversion difference from 0 (inclusive)"
                    + " to 1, e.g. 0.02 for 2 percentage points; got " + margin);
        }
        Verdict v = verdict(baseline);
        int decimals = v.difference().isDefined() ? Figures.decimals(v.difference(), margin) : 1;
        String expected = "Expected '" + actual.policy() + "' to be not worse than '" + baseline + "' by more than "
                + Figures.margin(margin, decimals);
        if (v.inconclusive()) {
            inconclusive(expected + ", but " + inconclusiveFinding(v, baseline));
        } else if (!v.notWorseBy(margin)) {
            failWithMessage("%s", expected + ", but " + (v.outcome() == Verdict.Outcome.WORSE ? "it is worse"
                    : "that is not shown") + ": " + figures(v, baseline, margin, decimals) + ".");
        }
        return myself;
    }

    private Verdict verdict(String baseline) {
        Comparison c = evaluation.comparison(actual.policy(), baseline).orElse(null);
        if (c == null) {
            List<String> with = evaluation.comparisons().stream().filter(x -> x.policy().equals(actual.policy()))
                    .map(Comparison::baseline).toList();
            failWithMessage("%s", "Expected a verdict on '" + actual.policy() + "' against '" + baseline + "', but "
                    + (actual.baseline() ? "'" + actual.policy() + "' is itself a baseline, and verdicts compare"
                    + " candidates with baselines" : with.isEmpty() ? "it is compared with no baseline"
                    : "it is compared only with " + PolicyAssert.quoted(with)) + ".");
        }
        return c.verdict();
    }

    /** "the verdict is inconclusive (reason): the library's sentence; ESS 1.0 ('historical': 500.0)." */
    private String inconclusiveFinding(Verdict v, String baseline) {
        return "the verdict is inconclusive (" + v.reason().code() + "): " + Figures.clause(v.message()) + "; "
                + (v.difference().isDefined() ? figures(v, baseline, null, 1) : ess(baseline)) + ".";
    }

    /**
     * "the SNIPS difference in conversion is -4.2 pp [-18.8 pp, +6.8 pp] (95% interval[; its lower end must be above
     * -2.0 pp]), ESS 123.4 ('historical': 500.0)".
     */
    private String figures(Verdict v, String baseline, Double margin, int decimals) {
        return "the " + Figures.estimator(v.estimator()) + " difference in conversion is "
                + Figures.difference(v.difference(), decimals) + " (" + Figures.level(evaluation.config().confidence())
                + " interval" + (margin == null ? "" : "; its lower end must be above " + Figures.pp(-margin, decimals))
                + "), " + ess(baseline);
    }

    private String ess(String baseline) {
        double base = evaluation.policy(baseline).map(p -> p.conversion().assessment().support()
                .effectiveSampleSize()).orElse(Double.NaN);
        return "ESS " + Figures.ess(actual.conversion().assessment().support().effectiveSampleSize()) + " ('"
                + baseline + "': " + Figures.ess(base) + ")";
    }

    private void inconclusive(String message) {
        if (skipIfInconclusive) {
            String d = info.descriptionText();
            Assumptions.abort((d == null || d.isEmpty() ? "" : "[" + d + "] ") + message);
        }
        failWithMessage("%s", message);
    }
}
