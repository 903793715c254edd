package org.systemarena.cli;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.EventLog;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

/**
 * Passes every call through to a policy and counts them, for the replay progress bar. The runner replays cases
 * roughly in case order, so the highest case index seen so far tells how far it got. The name, the decision and
 * any exception are the wrapped policy's own, so results are unchanged.
 */
final class CountingPolicy implements Policy {
    private final Policy policy;
    private final EventLog log;
    private final LongAdder calls = new LongAdder();
    private final AtomicInteger highestCase = new AtomicInteger(-1);

    CountingPolicy(Policy policy, EventLog log) {
        this.policy = policy;
        this.log = log;
    }

    @Override
    public String name() {
        return policy.name();
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        calls.increment();
        int c = log.caseIndex(snapshot.caseId());
        if (c > highestCase.get()) {
            highestCase.accumulateAndGet(c, Math::max);
        }
        return policy.decide(snapshot, allowedActions);
    }

    long calls() {
        return calls.sum();
    }

    int percentOfCases() {
        int cases = log.caseCount();
        return cases == 0 ? 100 : (int) (100L * (highestCase.get() + 1) / cases);
    }
}
