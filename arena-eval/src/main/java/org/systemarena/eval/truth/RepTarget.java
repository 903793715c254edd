package org.systemarena.eval.truth;

import org.systemarena.datasets.synthetic.LeadBehaviourPolicy;
import org.systemarena.datasets.synthetic.LeadStop;
import org.systemarena.decision.DecisionPoint;

/**
 * The generator's reps ({@link LeadBehaviourPolicy}), the policy the log was made with and {@code historical}
 * replays: its table, read at the generator's own state (trigger, days since contact, budget), which is what the
 * snapshot shows there.
 */
final class RepTarget implements Target {
    static final RepTarget INSTANCE = new RepTarget();

    private RepTarget() {
    }

    @Override
    public String name() {
        return "the reps' policy (LeadBehaviourPolicy)";
    }

    @Override
    public double[] probabilities(DecisionPoint point, LeadStop stop) {
        return stop.repProbabilities();
    }
}
