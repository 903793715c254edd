package org.systemarena.eval.truth;

import java.util.ArrayList;
import java.util.List;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.synthetic.LeadAction;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadResimulator;
import org.systemarena.decision.DecisionPoint;
import org.systemarena.decision.DecisionPointExtractor;
import org.systemarena.policy.Policy;

/**
 * A deterministic policy's re-simulated log, built the slow, plain way for tests: each lead on its own, one decision
 * at a time, with a fresh extractor on the lead's own events so far; then every lead's complete path in one log.
 */
final class Resimulated {
    private Resimulated() {
    }

    /** The actions {@code policy} takes on lead {@code lead}. */
    static List<LeadAction> path(LeadFollowupConfig config, Manifest manifest, int lead, Policy policy) {
        List<LeadAction> actions = new ArrayList<>();
        while (true) {
            LeadResimulator.Simulated s = LeadResimulator.lead(config, lead, actions);
            if (s.stop().ended()) {
                return actions;
            }
            DecisionPoint last = lastPoint(manifest, s.log());
            actions.add(LeadAction.of(policy.decide(last.snapshot(), last.allowedActions()).action()));
        }
    }

    /** The last decision point of a one-lead log. */
    static DecisionPoint lastPoint(Manifest manifest, EventLog lead) {
        List<DecisionPoint> points = DecisionPointExtractor.of(manifest, lead).extractCase(0).points();
        return points.get(points.size() - 1);
    }

    /** Every lead of the config along its path under {@code policy}, in one log. */
    static EventLog log(LeadFollowupConfig config, Manifest manifest, Policy policy) {
        EventLogBuilder builder = EventLog.builder();
        LeadResimulator simulator = LeadResimulator.into(builder, config);
        for (int k = 0; k < config.cases(); k++) {
            simulator.run(k, path(config, manifest, k, policy));
        }
        return builder.build();
    }
}
