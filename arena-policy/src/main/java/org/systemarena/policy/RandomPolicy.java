package org.systemarena.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;

/** Uniformly random among the allowed actions; reports its probabilities so off-policy estimates can use them. */
public final class RandomPolicy implements Policy {
    private final long seed;

    private RandomPolicy(long seed) {
        this.seed = seed;
    }

    public static RandomPolicy withSeed(long seed) {
        return new RandomPolicy(seed);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        int n = allowedActions.size();
        if (n == 0) {
            throw new IllegalArgumentException("no allowed actions");
        }
        var random = DecisionRandom.forSnapshot(seed, snapshot);
        String chosen = allowedActions.get(random.nextInt(n)).type();
        Map<String, Double> p = new HashMap<>();
        for (Action a : allowedActions) {
            p.merge(a.type(), 1.0 / n, Double::sum);
        }
        return Decision.of(chosen).withProbabilities(p).withScore(random.nextDouble())
                .withReasoning("uniform random choice among " + n + " actions");
    }
}
