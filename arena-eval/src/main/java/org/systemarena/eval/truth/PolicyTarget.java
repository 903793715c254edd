package org.systemarena.eval.truth;

import java.util.List;
import java.util.Map;
import org.systemarena.core.Action;
import org.systemarena.core.ArenaException;
import org.systemarena.datasets.synthetic.LeadAction;
import org.systemarena.datasets.synthetic.LeadStop;
import org.systemarena.decision.DecisionPoint;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

/**
 * A {@link Policy} asked as the replay asks it: {@code decide(snapshot, allowedActions)} of the decision point. Its
 * decision's probabilities are the policy's distribution (its chosen action is one draw from it, which the truth
 * does not need); a decision without probabilities puts 1 on its action.
 *
 * <p>The replay records a failing or disallowed decision as an error with no action; a re-simulated lead must take
 * one, so here such a decision is an {@link ArenaException} naming the lead and decision point.
 */
final class PolicyTarget implements Target {
    private static final LeadAction[] ACTIONS = LeadAction.values();

    private final Policy policy;

    PolicyTarget(Policy policy) {
        this.policy = policy;
    }

    @Override
    public String name() {
        return "policy '" + policy.name() + "'";
    }

    @Override
    public double[] probabilities(DecisionPoint point, LeadStop stop) {
        Decision d;
        try {
            d = policy.decide(point.snapshot(), point.allowedActions());
        } catch (RuntimeException e) {
            throw failure(point, stop, "failed: " + e, e);
        }
        if (d == null) {
            throw failure(point, stop, "returned no decision", null);
        }
        double[] p = new double[ACTIONS.length];
        if (d.probabilities().isEmpty()) {
            p[index(d.action(), point, stop)] = 1;
        } else {
            double sum = 0;
            for (Map.Entry<String, Double> e : d.probabilities().entrySet()) {
                if (e.getValue() > 0) {
                    p[index(e.getKey(), point, stop)] += e.getValue();
                    sum += e.getValue();
                }
            }
            for (int a = 0; a < p.length; a++) {
                p[a] /= sum; // Decision allows a sum off 1 by 1e-6; branches must multiply to path probabilities
            }
        }
        List<Action> allowed = point.allowedActions();
        for (LeadAction a : ACTIONS) {
            if (p[a.ordinal()] > 0 && !allowed.isEmpty() && !allows(allowed, a.id())) {
                throw failure(point, stop, "gives probability " + p[a.ordinal()] + " to '" + a.id() + "', which is"
                        + " not allowed there", null);
            }
        }
        return p;
    }

    private static boolean allows(List<Action> allowed, String type) {
        for (Action a : allowed) {
            if (a.type().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private int index(String action, DecisionPoint point, LeadStop stop) {
        for (LeadAction a : ACTIONS) {
            if (a.id().equals(action)) {
                return a.ordinal();
            }
        }
        throw failure(point, stop, "chose '" + action + "', which the generator cannot simulate (it knows"
                + " send_email, make_call, wait, escalate)", null);
    }

    private ArenaException failure(DecisionPoint point, LeadStop stop, String what, Throwable cause) {
        return new ArenaException(name() + " " + what + " at decision point " + point.id() + " (decision "
                + (stop.decisions() + 1) + " of " + stop.caseId() + " re-simulated, " + point.time() + ")", cause);
    }
}
