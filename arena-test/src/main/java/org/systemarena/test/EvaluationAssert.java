package org.systemarena.test;

import org.assertj.core.api.AbstractAssert;
import org.systemarena.eval.Evaluation;

/** Assertions on an evaluation: pick a policy with {@link #policy(String)}. */
public final class EvaluationAssert extends AbstractAssert<EvaluationAssert, Evaluation> {
    EvaluationAssert(Evaluation actual) {
        super(actual, EvaluationAssert.class);
    }

    /** The policy named {@code name} (a candidate or a baseline); fails naming the evaluation's policies if none is. */
    public PolicyAssert policy(String name) {
        isNotNull();
        return PolicyAssert.of(actual, name, null);
    }
}
