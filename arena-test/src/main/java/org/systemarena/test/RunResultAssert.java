package org.systemarena.test;

import org.assertj.core.api.AbstractAssert;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.run.RunResult;

/** Assertions on a whole run: pick a policy with {@link #policy(String)}. */
public final class RunResultAssert extends AbstractAssert<RunResultAssert, RunResult> {
    RunResultAssert(RunResult actual) {
        super(actual, RunResultAssert.class);
    }

    /** The policy named {@code name} (a candidate or a baseline); fails naming the run's policies when none is. */
    public PolicyAssert policy(String name) {
        isNotNull();
        BenchmarkResult replay = actual.results().stream().filter(r -> r.policyName().equals(name)).findFirst()
                .orElse(null);
        return PolicyAssert.of(actual.evaluation(), name, replay);
    }
}
