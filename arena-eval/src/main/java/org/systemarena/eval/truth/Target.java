package org.systemarena.eval.truth;

import org.systemarena.datasets.synthetic.LeadStop;
import org.systemarena.decision.DecisionPoint;

/** What a re-simulated lead asks at each decision: the target policy's probability of each generator action. */
interface Target {
    /** A name for messages. */
    String name();

    /**
     * The probability of each action at this decision point, in {@code LeadAction} order, summing to 1: the
     * replay's decision point ({@code point}, its snapshot exactly as the replay builds it) and the generator's view
     * of the same moment ({@code stop}).
     */
    double[] probabilities(DecisionPoint point, LeadStop stop);
}
