package org.systemarena.test;

import org.systemarena.eval.Evaluation;
import org.systemarena.run.RunResult;

/**
 * AssertJ entry points for a run or an evaluation. The assertions read the library's verdicts (docs/metrics.md,
 * section 7): they decide nothing of their own.
 *
 * <pre>{@code
 * assertThat(run).policy("mine").hasNoViolations(Severity.VIOLATION).hasNoDecisionErrors();
 * assertThat(run).policy("mine").conversion().isNotWorseThan("historical").by(0.02);
 * }</pre>
 */
public final class ArenaAssertions {
    private ArenaAssertions() {
    }

    public static RunResultAssert assertThat(RunResult actual) {
        return new RunResultAssert(actual);
    }

    public static EvaluationAssert assertThat(Evaluation actual) {
        return new EvaluationAssert(actual);
    }
}
