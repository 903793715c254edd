package org.systemarena.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.systemarena.core.manifest.Severity;
import org.systemarena.eval.ConstraintViolations;
import org.systemarena.eval.DecisionCounts;
import org.systemarena.eval.Evaluation;
import org.systemarena.eval.PolicyEvaluation;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.DecisionError;
import org.systemarena.replay.DecisionTrace;

/** Assertions on one policy of a run: its violations, its decision errors, and its {@link #conversion()}. */
public final class PolicyAssert extends AbstractAssert<PolicyAssert, PolicyEvaluation> {
    private final Evaluation evaluation;
    private final BenchmarkResult replay;

    private PolicyAssert(PolicyEvaluation actual, Evaluation evaluation, BenchmarkResult replay) {
        super(actual, PolicyAssert.class);
        this.evaluation = evaluation;
        this.replay = replay;
    }

    static PolicyAssert of(Evaluation evaluation, String name, BenchmarkResult replay) {
        Objects.requireNonNull(name, "name");
        PolicyAssert a = new PolicyAssert(evaluation.policy(name).orElse(null), evaluation, replay);
        if (a.actual == null) {
            a.failWithMessage("%s", "Expected a policy named '" + name + "', but the run's policies are "
                    + quoted(evaluation.policies().stream().map(PolicyEvaluation::policy).toList()) + ".");
        }
        return a;
    }

    /** No violations of severity {@code violation} or above (what {@code arena run --max-violations 0} counts). */
    public PolicyAssert hasNoViolations() {
        return hasAtMostViolations(0, Severity.VIOLATION);
    }

    /** No violations of severity {@code minimum} or above. */
    public PolicyAssert hasNoViolations(Severity minimum) {
        return hasAtMostViolations(0, minimum);
    }

    /** At most {@code limit} violations of severity {@code minimum} or above. */
    public PolicyAssert hasAtMostViolations(long limit, Severity minimum) {
        Objects.requireNonNull(minimum, "minimum");
        long n = actual.violations().atLeast(minimum);
        if (n > limit) {
            List<String> parts = new ArrayList<>();
            for (ConstraintViolations c : actual.violations().byConstraint()) {
                if (c.severity().compareTo(minimum) >= 0 && c.count() > 0) {
                    parts.add(c.constraint() + " (" + c.severity().label() + ") " + Figures.count(c.count()));
                }
            }
            failWithMessage("%s", "Expected '" + actual.policy() + "' to have "
                    + (limit == 0 ? "no" : "at most " + Figures.count(limit)) + " violations of severity "
                    + minimum.label() + " or above, but it has " + Figures.count(n) + " over "
                    + Figures.count(actual.decisions().valid()) + " valid decisions: " + String.join(", ", parts)
                    + ".");
        }
        return myself;
    }

    /**
     * No decision point where the policy threw, timed out, returned nothing or chose a disallowed action, and no
     * constraint that failed to evaluate on its decisions.
     */
    public PolicyAssert hasNoDecisionErrors() {
        DecisionCounts d = actual.decisions();
        long errors = d.errorsByKind().values().stream().mapToLong(Long::longValue).sum();
        if (d.failed() > 0 || errors > 0) {
            List<String> kinds = new ArrayList<>();
            for (Map.Entry<String, Long> e : d.errorsByKind().entrySet()) {
                if (e.getValue() > 0) {
                    kinds.add(e.getKey() + " " + Figures.count(e.getValue()));
                }
            }
            failWithMessage("%s", "Expected '" + actual.policy() + "' to make no decision errors, but "
                    + Figures.count(d.failed()) + " of " + Figures.count(d.decisionPoints())
                    + " decision points failed and it has " + Figures.count(errors) + " errors ("
                    + String.join(", ", kinds) + ")" + firstError() + ".");
        }
        return myself;
    }

    /** Assertions on the policy's conversion and its verdicts against the baselines. */
    public ConversionAssert conversion() {
        return new ConversionAssert(actual, evaluation);
    }

    /** "; the first at decision point d (case c): exception: message", when the replay is at hand. */
    private String firstError() {
        if (replay == null) {
            return "";
        }
        for (DecisionTrace t : replay.traces()) {
            if (!t.errors().isEmpty()) {
                DecisionError e = t.errors().get(0);
                return "; the first at decision point " + t.decisionId() + " (case " + t.caseId() + "): "
                        + e.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + (e.message().isEmpty() ? "" : ": " + Figures.clause(e.message()));
            }
        }
        return "";
    }

    static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
