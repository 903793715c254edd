package org.systemarena.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.systemarena.core.EventLog;
import org.systemarena.core.Timestamps;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.OutcomeCategory;
import org.systemarena.decision.CaseOutcome;
import org.systemarena.decision.DecisionPoint;
import org.systemarena.policy.Decision;

/**
 * One policy's replay as columns: a row per decision point, cases in case order and each case's points in case
 * order, with {@link #replayRow(int)} giving the rows in global replay order (time, case, sequence, rule). This is
 * what metrics should read: {@link BenchmarkResult#traces()} builds a {@link DecisionTrace} object per call.
 *
 * <p>Actions (logged and decided) are codes into {@link #actions()}, one list for every policy of the run, so codes
 * compare across policies; {@link #NONE} stands for no action. Absent numbers are {@code NaN}.
 */
public final class TraceTable {
    /** The code of "no action": nothing logged, or the decision was voided by an error. */
    public static final int NONE = NameCodes.NONE;

    private final String policyName;
    private final EventLog log;
    private final List<String> rules;
    private final List<String> actions;
    private final NameCodes outcomes;
    private final List<ConstraintSpec> constraints;
    private final List<Violation> violationOf;
    private final PointColumns points;
    private final PolicyColumns policy;
    private final int[] replayOrder;

    TraceTable(String policyName, EventLog log, List<String> rules, List<String> actions, NameCodes outcomes,
               List<ConstraintSpec> constraints, PointColumns points, PolicyColumns policy, int[] replayOrder) {
        this.policyName = policyName;
        this.log = log;
        this.rules = List.copyOf(rules);
        this.actions = List.copyOf(actions);
        this.outcomes = outcomes;
        this.constraints = List.copyOf(constraints);
        List<Violation> v = new ArrayList<>(constraints.size());
        constraints.forEach(c -> v.add(new Violation(c.name(), c.severity(), c.message())));
        this.violationOf = List.copyOf(v);
        this.points = points;
        this.policy = policy;
        this.replayOrder = replayOrder;
    }

    public String policyName() {
        return policyName;
    }

    /** Decision points. */
    public int size() {
        return points.size;
    }

    /** The row at position {@code position} of global replay order. */
    public int replayRow(int position) {
        return replayOrder[position];
    }

    /**
     * Whether both tables hold the same decision points because one run replayed both policies (they share the
     * decision-point columns); tables of different runs may still be equal row by row.
     */
    public boolean sharesDecisionPointsWith(TraceTable other) {
        return points == other.points;
    }

    // ---- cases (only cases with at least one decision point)

    public int caseCount() {
        return points.cases;
    }

    /** First row of case {@code c}; {@code caseStart(c + 1)} is one past its last ({@code c <= caseCount()}). */
    public int caseStart(int c) {
        return points.caseStart[c];
    }

    public String caseId(int c) {
        return points.caseIds[c];
    }

    public CaseOutcome caseOutcome(int c) {
        return points.caseOutcomes[c];
    }

    /** The case (index among {@link #caseCount()}) a row belongs to. */
    public int caseOf(int row) {
        return points.caseOf[row];
    }

    // ---- the decision point (the same for every policy of a run)

    /** The stable decision-point id, {@code <event_id>/<rule>} (built on each call). */
    public String decisionId(int row) {
        return DecisionPoint.id(log.eventId(points.triggerRow[row]), rule(row));
    }

    /** The trigger's row in the replayed log. */
    public int triggerRow(int row) {
        return points.triggerRow[row];
    }

    /** Decision-point rule names in manifest order. */
    public List<String> rules() {
        return rules;
    }

    public int ruleIndex(int row) {
        return points.rule[row];
    }

    public String rule(int row) {
        return rules.get(points.rule[row]);
    }

    public long timeMicros(int row) {
        return points.timeMicros[row];
    }

    public Instant time(int row) {
        return Timestamps.fromMicros(points.timeMicros[row]);
    }

    /** Every action a log or policy of the run used, in the order first met in case order. */
    public List<String> actions() {
        return actions;
    }

    public int loggedActionCode(int row) {
        return points.loggedAction[row];
    }

    public String loggedAction(int row) {
        int code = points.loggedAction[row];
        return code == NONE ? null : actions.get(code);
    }

    /** The log's probability of the logged action; NaN when the log has none. */
    public double loggedPropensity(int row) {
        return points.loggedPropensity[row];
    }

    /** The outcome that followed the decision point; null when none did. */
    public String outcome(int row) {
        return outcomes.name(points.outcome[row]);
    }

    public OutcomeCategory outcomeCategory(int row) {
        return points.outcomeCategory(row);
    }

    /**
     * Whether the log recorded the logging policy's distribution over actions at this decision point
     * ({@code historical_action.distribution_field}).
     */
    public boolean hasLoggedDistribution(int row) {
        return points.hasDistribution(row);
    }

    /**
     * The logging policy's probability, as logged in its distribution, of the action with code {@code actionCode}
     * (an index into {@link #actions()}) at this decision point: mu(a | s). 0 for an action the distribution does not
     * list; NaN when the row has no logged distribution, and for {@link #NONE} (a voided decision has no action).
     * Not to be confused with {@link #loggedProbability(int)}, the replayed policy's probability of the logged
     * action.
     */
    public double loggingDistribution(int row, int actionCode) {
        return points.loggingDistribution(row, actionCode);
    }

    /** The logged distribution at this row, action to probability in the order logged (a new map); null when none. */
    public Map<String, Double> loggingDistribution(int row) {
        if (!points.hasDistribution(row)) {
            return null;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (int e = points.distStart[row]; e < points.distStart[row + 1]; e++) {
            m.put(actions.get(points.distAction[e]), points.distProbability[e]);
        }
        return m;
    }

    /** The built-in snapshot values recorded for the trace, in a fixed order (a new map on each call). */
    public Map<String, Object> snapshotSummary(int row) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> names = PolicyCaller.SUMMARY_NAMES;
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), points.summary(i).value(row));
        }
        return m;
    }

    /** The values of snapshot summary entry {@code i} ({@link PolicyCaller#SUMMARY_NAMES}) at every row. */
    SnapshotColumn summaryColumn(int i) {
        return points.summary(i);
    }

    /**
     * The snapshot names recorded for a behaviour model mu(action | snapshot), the same for every policy of the run:
     * the manifest's {@code behaviour_model.features}, else the default set (docs/manifest.md).
     */
    public List<String> behaviourFeatures() {
        return points.layout.behaviour.names();
    }

    /** Payload keys the default feature set left out (it takes at most 64), in key order; empty when none were. */
    public List<String> omittedBehaviourFeatures() {
        return points.layout.behaviour.omitted();
    }

    /** Feature {@code index} of {@link #behaviourFeatures()}: its snapshot value at every row, read-only. */
    public SnapshotColumn behaviourFeature(int index) {
        return points.feature(index);
    }

    /**
     * The column of a behaviour feature by name.
     *
     * @throws IllegalArgumentException when the run does not record that name
     */
    public SnapshotColumn behaviourFeature(String name) {
        int i = behaviourFeatures().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("'" + name + "' is not a behaviour feature of this run (features: "
                    + String.join(", ", behaviourFeatures()) + ")");
        }
        return points.feature(i);
    }

    // ---- this policy's decision

    /** The decided action's code; {@link #NONE} when an error voided the decision. */
    public int actionCode(int row) {
        return policy.action[row];
    }

    public String action(int row) {
        int code = policy.action[row];
        return code == NONE ? null : actions.get(code);
    }

    public boolean hasError(int row) {
        return policy.action[row] == NONE;
    }

    /** The policy's decision; null when an error voided it. */
    public Decision decision(int row) {
        return policy.decision[row];
    }

    /** The decision's score; NaN when it has none or was voided. */
    public double score(int row) {
        return policy.score[row];
    }

    /** The policy's probability of the logged action, pi(a_logged | s); NaN without a logged action or decision. */
    public double loggedProbability(int row) {
        return policy.loggedProbability[row];
    }

    /** Whether the row has both a logged action and a valid decision. */
    public boolean comparable(int row) {
        return points.loggedAction[row] != NONE && policy.action[row] != NONE;
    }

    /** Whether the decided action equals the logged one (false when not {@link #comparable}). */
    public boolean matchesLogged(int row) {
        return comparable(row) && points.loggedAction[row] == policy.action[row];
    }

    public List<ConstraintSpec> constraints() {
        return constraints;
    }

    /** Whether constraint {@code index} (manifest order) held for this row's decision. */
    public boolean violated(int row, int index) {
        return policy.violated(row, index);
    }

    /** The constraints violated at this row, in manifest order. */
    public List<Violation> violations(int row) {
        if (policy.words == 0) {
            return List.of();
        }
        List<Violation> out = null;
        for (int c = 0; c < violationOf.size(); c++) {
            if (policy.violated(row, c)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(violationOf.get(c));
            }
        }
        return out == null ? List.of() : List.copyOf(out);
    }

    public List<DecisionError> errors(int row) {
        return policy.errors(row);
    }

    /** Time spent in the policy (not deterministic: left out of reports). */
    public long latencyNanos(int row) {
        return policy.latencyNanos[row];
    }

    /** The row as a trace object. */
    public DecisionTrace trace(int row) {
        boolean comparable = comparable(row);
        double pi = policy.loggedProbability[row];
        double mu = points.loggedPropensity[row];
        return new DecisionTrace(decisionId(row), caseId(caseOf(row)), rule(row), time(row), snapshotSummary(row),
                decision(row), loggedAction(row), Double.isNaN(mu) ? null : mu, Double.isNaN(pi) ? null : pi,
                comparable ? matchesLogged(row) : null, outcome(row), outcomeCategory(row), violations(row),
                errors(row), latencyNanos(row));
    }

    @Override
    public String toString() {
        return "TraceTable[" + policyName + ", " + size() + " decision points in " + caseCount() + " cases]";
    }
}
