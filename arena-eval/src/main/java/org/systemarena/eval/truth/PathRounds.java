package org.systemarena.eval.truth;

import java.util.ArrayList;
import java.util.List;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.EventLogBuilder.StringField;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.synthetic.LeadAction;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadResimulator;
import org.systemarena.datasets.synthetic.LeadStop;
import org.systemarena.decision.CaseDecisions;
import org.systemarena.decision.DecisionPoint;
import org.systemarena.decision.DecisionPointExtractor;

/**
 * Resolves the nodes of many leads' searches, in rounds: each round simulates one node of every lead that still has
 * one into a single log (the leads' case ids differ, so their paths can share it), builds the decision extractor on
 * that log as the replay would on the real one, and reads each path's last decision point, or its outcome when the
 * path ended. A snapshot depends only on the events at or before its trigger, so the point read from a path's events
 * so far is the point the replay finds in the complete re-simulated log (what {@code TruthReplayTest} checks); one
 * extractor per round rather than per node is what keeps this fast, as building one costs far more than walking a
 * short case.
 *
 * <p>Each path is also checked against the manifest: a path awaiting its {@code i}-th decision must have exactly
 * {@code i + 1} decision points, the last at the generator's trigger, and a finished path exactly as many decision
 * points as actions. Otherwise the manifest does not decide where the generator does, and no truth can be given.
 */
final class PathRounds {
    private final LeadFollowupConfig config;
    private final Manifest manifest;
    private final Target target;

    PathRounds(LeadFollowupConfig config, Manifest manifest, Target target) {
        this.config = config;
        this.manifest = manifest;
        this.target = target;
    }

    /** Resolves nodes until every search is done. */
    void run(List<LeadSearch> searches) {
        List<LeadSearch> active = new ArrayList<>(searches);
        while (true) {
            active.removeIf(LeadSearch::done);
            if (active.isEmpty()) {
                return;
            }
            round(active);
        }
    }

    private void round(List<LeadSearch> active) {
        EventLogBuilder builder = EventLog.builder(active.size() * 24);
        for (DecisionPointSpec d : manifest.decisionPoints()) {
            // A trigger that is an activity no path of this round has yet would make the extractor warn each round.
            builder.intern(StringField.ACTIVITY, d.trigger());
        }
        LeadResimulator simulator = LeadResimulator.into(builder, config);
        int n = active.size();
        LeadSearch.Node[] nodes = new LeadSearch.Node[n];
        List<List<LeadAction>> paths = new ArrayList<>(n);
        LeadStop[] stops = new LeadStop[n];
        for (int i = 0; i < n; i++) {
            nodes[i] = active.get(i).next();
            paths.add(nodes[i].path());
            stops[i] = simulator.run(active.get(i).lead, paths.get(i));
        }
        EventLog log = builder.build();
        DecisionPointExtractor extractor = DecisionPointExtractor.of(manifest, log).withFailFast(true);
        for (int i = 0; i < n; i++) {
            LeadStop stop = stops[i];
            int c = log.caseIndex(stop.caseId());
            CaseDecisions decisions = extractor.extractCase(c);
            List<DecisionPoint> points = decisions.points();
            int taken = paths.get(i).size();
            if (stop.ended()) {
                if (points.size() != taken) {
                    throw notTheGenerators(stop, points.size() + " decision points where the generator decided "
                            + taken + " times");
                }
                active.get(i).end(nodes[i], decisions.outcome().isPositive() ? 1.0 : 0.0);
            } else {
                DecisionPoint last = points.isEmpty() ? null : points.get(points.size() - 1);
                if (points.size() != taken + 1 || last.triggerRow() - log.caseStart(c) != stop.triggerEvent()) {
                    throw notTheGenerators(stop, "the generator decides after event " + stop.triggerEvent()
                            + " (decision " + (taken + 1) + "), where the manifest has "
                            + (last == null ? "no decision point" : points.size() + " decision points, the last"
                            + " after event " + (last.triggerRow() - log.caseStart(c))));
                }
                active.get(i).decision(nodes[i], target.probabilities(last, stop));
            }
        }
    }

    private ArenaException notTheGenerators(LeadStop stop, String what) {
        return new ArenaException("manifest " + manifest.source() + " does not define its decision points where the"
                + " generator's reps decide, so the generator's truth does not apply: re-simulating " + stop.caseId()
                + ", " + what);
    }
}
