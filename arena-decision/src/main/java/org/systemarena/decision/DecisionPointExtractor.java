package org.systemarena.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.systemarena.core.Action;
import org.systemarena.core.ArenaException;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventType;
import org.systemarena.core.StringDictionary;
import org.systemarena.core.ValueKind;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.HistoricalActionSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.OutcomeCategory;
import org.systemarena.decision.expr.Expression;

/**
 * Finds the decision points of a log as a manifest defines them, with their point-in-time snapshots and labels.
 *
 * <p>{@link #of} checks every manifest expression (conditions and constraint rules) against the log's payload fields,
 * the built-in names and the declared features, and throws one {@link ArenaException} listing every problem. Each
 * case is then walked once, in case order: an event whose event type or activity equals a rule's trigger is a
 * candidate, and becomes a decision point when the rule's condition holds on the snapshot as of that event. Errors
 * while evaluating are counted per rule with their first messages (or thrown at once with {@link #withFailFast}).
 *
 * <p>An extractor is immutable; {@link #extractCase} may be called concurrently for different cases.
 */
public final class DecisionPointExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionPointExtractor.class);

    final Manifest manifest;
    final EventLog log;
    final List<FeatureExtractor> features;
    final List<String> featureNames;
    final boolean failFast;
    final Rule[] rules;
    final String[] attributeNames;
    final String[] stateNames;
    final int interactionType;
    final int stateChangedType;
    final int actionTypeCode;
    final int newStateKey;
    final int stateStatusKey;
    final int actionFieldKey;
    final int propensityKey;
    final int distributionKey; // -1: the manifest names no distribution field, or the log has no such key
    final long horizonMicros;
    final OutcomeMatcher outcomes;
    final VisibleRows.Columns columns;
    // Walkers are reused: their per-field arrays are sized by the log's key dictionaries, too big to allocate per
    // case. A pool the extractor owns, not a ThreadLocal: a walker refers to its extractor, so a ThreadLocal's entry
    // would keep every extractor ever used on a long-lived thread (a test runner's, a server's) alive with its log.
    private final ConcurrentLinkedQueue<CaseWalker> idleWalkers = new ConcurrentLinkedQueue<>();

    /** A compiled decision-point rule. */
    record Rule(String name, int typeCode, int activityCode, Expression condition, List<Action> allowedActions) {
    }

    private DecisionPointExtractor(DecisionPointExtractor base, boolean failFast) {
        this.manifest = base.manifest;
        this.log = base.log;
        this.features = base.features;
        this.featureNames = base.featureNames;
        this.failFast = failFast;
        this.rules = base.rules;
        this.attributeNames = base.attributeNames;
        this.stateNames = base.stateNames;
        this.interactionType = base.interactionType;
        this.stateChangedType = base.stateChangedType;
        this.actionTypeCode = base.actionTypeCode;
        this.newStateKey = base.newStateKey;
        this.stateStatusKey = base.stateStatusKey;
        this.actionFieldKey = base.actionFieldKey;
        this.propensityKey = base.propensityKey;
        this.distributionKey = base.distributionKey;
        this.horizonMicros = base.horizonMicros;
        this.outcomes = base.outcomes;
        this.columns = base.columns;
    }

    private DecisionPointExtractor(Manifest manifest, EventLog log, List<FeatureExtractor> features) {
        this.manifest = manifest;
        this.log = log;
        this.features = features;
        this.featureNames = features.stream().map(FeatureExtractor::name).toList();
        this.failFast = false;
        this.rules = ManifestChecker.compile(manifest, log, features);
        AttributeTable payload = log.payload();
        StringDictionary keys = payload.keyDictionary();
        attributeNames = new String[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.value(k);
            boolean reserved = key.startsWith(SnapshotNames.EVENT_PREFIX) || key.startsWith(SnapshotNames.STATE_PREFIX);
            attributeNames[k] = reserved ? null : key;
        }
        StringDictionary stateKeys = log.stateAfter().keyDictionary();
        stateNames = new String[stateKeys.size()];
        for (int k = 0; k < stateKeys.size(); k++) {
            stateNames[k] = SnapshotNames.STATE_PREFIX + stateKeys.value(k);
        }
        StringDictionary types = log.eventTypeColumn().dictionary();
        interactionType = types.code(EventType.INTERACTION_OCCURRED.name());
        stateChangedType = types.code(EventType.STATE_CHANGED.name());
        actionTypeCode = types.code(manifest.historicalAction().eventType());
        newStateKey = keys.code("new_state");
        stateStatusKey = stateKeys.code("status");
        actionFieldKey = keys.code(manifest.historicalAction().field());
        propensityKey = keys.code(manifest.historicalAction().propensityField());
        String distributionField = manifest.historicalAction().distributionField();
        distributionKey = distributionField == null ? -1 : keys.code(distributionField);
        horizonMicros = manifest.outcomes().horizon() == null ? Long.MAX_VALUE
                : micros(manifest.outcomes().horizon());
        outcomes = new OutcomeMatcher(log, manifest.outcomes().allNames());
        columns = new VisibleRows.Columns(log);
    }

    /** An extractor without custom features. */
    public static DecisionPointExtractor of(Manifest manifest, EventLog log) {
        return of(manifest, log, List.of());
    }

    /**
     * Checks the manifest against the log and compiles it.
     *
     * @throws ArenaException listing every unknown name or function, with its position in the manifest
     */
    public static DecisionPointExtractor of(Manifest manifest, EventLog log, List<FeatureExtractor> features) {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(log, "log");
        List<FeatureExtractor> fs = List.copyOf(Objects.requireNonNull(features, "features"));
        DecisionPointExtractor x = new DecisionPointExtractor(manifest, log, fs);
        for (Rule rule : x.rules) {
            if (rule.typeCode() < 0 && rule.activityCode() < 0) {
                LOG.warn("decision point '{}': no event of the log has event type or activity '{}'", rule.name(),
                        manifest.decisionPoints().stream().filter(d -> d.name().equals(rule.name()))
                                .map(DecisionPointSpec::trigger).findFirst().orElse("?"));
            }
        }
        return x;
    }

    /**
     * Every problem of the manifest's expressions (conditions and constraint rules) and of the features on this log,
     * one message per problem with its manifest position; empty when extraction can proceed.
     */
    public static List<String> check(Manifest manifest, EventLog log, List<FeatureExtractor> features) {
        return List.copyOf(ManifestChecker.problems(manifest, log, List.copyOf(features)));
    }

    /** The names conditions may use on this log: built-ins, payload fields, event.x, state.x and the features. */
    public static java.util.Set<String> snapshotNames(EventLog log, List<FeatureExtractor> features) {
        return java.util.Collections.unmodifiableSet(ManifestChecker.snapshotNames(log, features));
    }

    /** The same extractor, throwing on the first evaluation error instead of counting it. */
    public DecisionPointExtractor withFailFast(boolean failFast) {
        return failFast == this.failFast ? this : new DecisionPointExtractor(this, failFast);
    }

    public boolean failFast() {
        return failFast;
    }

    public Manifest manifest() {
        return manifest;
    }

    public EventLog log() {
        return log;
    }

    /** The rule names, in manifest order (the order of every per-rule list). */
    public List<String> ruleNames() {
        List<String> names = new ArrayList<>(rules.length);
        for (Rule r : rules) {
            names.add(r.name());
        }
        return List.copyOf(names);
    }

    /** The decision points and outcome of one case; safe to call concurrently for different cases. */
    public CaseDecisions extractCase(int caseIndex) {
        if (caseIndex < 0 || caseIndex >= log.caseCount()) {
            throw new IndexOutOfBoundsException("case index " + caseIndex + " of " + log.caseCount());
        }
        CaseWalker walker = idleWalkers.poll();
        if (walker == null) {
            walker = new CaseWalker(this);
        }
        CaseDecisions decisions = walker.walk(caseIndex);
        // Back only after a walk that finished (one that threw may have left its arrays half-reset); the pool holds at
        // most as many walkers as threads were ever inside at once.
        idleWalkers.offer(walker);
        return decisions;
    }

    /** Every case, on the calling thread, with per-rule counts summed. */
    public Extraction extractAll() {
        List<CaseDecisions> cases = new ArrayList<>(log.caseCount());
        List<RuleCounts> totals = forEachCase(cases::add);
        return new Extraction(cases, totals, log.size());
    }

    /**
     * Hands every case's decisions to {@code sink} in case order, on the calling thread, without keeping them (for
     * streaming over logs whose snapshots would not all fit in memory at once).
     *
     * @return the per-rule counts summed over all cases
     */
    public List<RuleCounts> forEachCase(java.util.function.Consumer<CaseDecisions> sink) {
        CaseWalker walker = new CaseWalker(this);
        long[][] sums = new long[rules.length][4];
        List<List<String>> messages = new ArrayList<>(rules.length);
        for (int k = 0; k < rules.length; k++) {
            messages.add(new ArrayList<>());
        }
        for (int c = 0; c < log.caseCount(); c++) {
            CaseDecisions d = walker.walk(c);
            for (int k = 0; k < rules.length; k++) {
                RuleCounts rc = d.counts().get(k);
                sums[k][0] += rc.triggerMatches();
                sums[k][1] += rc.decisionPoints();
                sums[k][2] += rc.conditionFalse();
                sums[k][3] += rc.errors();
                for (String m : rc.errorMessages()) {
                    if (messages.get(k).size() < RuleCounts.MAX_MESSAGES) {
                        messages.get(k).add(m);
                    }
                }
            }
            sink.accept(d);
        }
        List<RuleCounts> totals = new ArrayList<>(rules.length);
        for (int k = 0; k < rules.length; k++) {
            totals.add(new RuleCounts(rules[k].name(), sums[k][0], sums[k][1], sums[k][2], sums[k][3],
                    messages.get(k)));
        }
        return List.copyOf(totals);
    }

    private static long micros(java.time.Duration d) {
        try {
            return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1_000L);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE; // longer than any log
        }
    }

    OutcomeCategory categoryOf(String outcomeName) {
        return manifest.outcomes().categoryOf(outcomeName);
    }

    /** The logged action on an action event: its {@code field} payload value as text, or null. */
    String actionValue(int row) {
        if (actionFieldKey < 0) {
            return null;
        }
        AttributeTable p = log.payload();
        int e = p.find(row, actionFieldKey);
        if (e < 0) {
            return null;
        }
        Object v = p.value(e);
        return v == null ? null : v.toString();
    }

    /** The logged propensity on an action event, or null; a value that is not a probability is an input error. */
    Double propensityValue(int row) {
        if (propensityKey < 0) {
            return null;
        }
        AttributeTable p = log.payload();
        int e = p.find(row, propensityKey);
        if (e < 0 || p.kindCode(e) == ValueKind.NULL.code()) {
            return null;
        }
        Object v = p.value(e);
        double d = HistoricalActionSpec.probability(v);
        if (Double.isNaN(d)) {
            throw badPropensity(row, v);
        }
        return d;
    }

    private ArenaException badPropensity(int row, Object value) {
        return new ArenaException(HistoricalActionSpec.BAD_PROPENSITY,
                ArenaException.Location.row(eventName(row), 0, manifest.historicalAction().propensityField(), value));
    }

    private String eventName(int row) {
        return "event '" + log.eventId(row) + "' (case '" + log.caseIdOf(row) + "')";
    }

    /**
     * The logged distribution's text on an action event, or null when the event has no such field (or it is null);
     * a value that is not text is an input error.
     */
    String distributionText(int row) {
        if (distributionKey < 0) {
            return null;
        }
        AttributeTable p = log.payload();
        int e = p.find(row, distributionKey);
        if (e < 0 || p.kindCode(e) == ValueKind.NULL.code()) {
            return null;
        }
        Object v = p.value(e);
        if (v instanceof String s) {
            return s;
        }
        String got = v instanceof Number ? "a number" : v instanceof Boolean ? "a boolean" : "an instant";
        throw badDistribution(row, v, "logged action distribution must be a JSON object of action type to "
                + "probability, written as text, got " + got);
    }

    /** The distribution written as {@code text} on event {@code row}, checked on its own (DistributionText). */
    OrderedDistribution parseDistribution(int row, String text) {
        try {
            return DistributionText.parse(text);
        } catch (IllegalArgumentException e) {
            throw badDistribution(row, text, e.getMessage());
        }
    }

    /**
     * Checks a distribution against the logged action and propensity of its event: the action must have a positive
     * probability there and a logged propensity must agree with it. Returns the propensity to record: the logged
     * one, or the distribution's value of the logged action when none was logged.
     */
    Double checkAgainstLogged(int row, String text, OrderedDistribution d, String action, Double propensity) {
        if (action == null) {
            return propensity;
        }
        Double p = d.get(action);
        if (p == null) {
            throw badDistribution(row, text, "logged action distribution has no probability for the logged action '"
                    + action + "'");
        }
        if (p == 0) {
            throw badDistribution(row, text, "logged action distribution gives the logged action '" + action
                    + "' probability 0");
        }
        if (propensity == null) {
            return p;
        }
        if (!(Math.abs(propensity - p) <= DistributionText.TOLERANCE)) {
            throw badDistribution(row, text, "logged propensity " + propensity + " (column '"
                    + manifest.historicalAction().propensityField() + "') disagrees with the logged action "
                    + "distribution, which gives the logged action '" + action + "' " + p);
        }
        return propensity;
    }

    /**
     * Checks that a distribution puts no probability on actions the decision point's rule does not allow (a rule
     * that allows any action allows them all). Listing such an action with probability 0 is fine: loggers often
     * write every action they know.
     */
    void checkAllowed(int row, String text, OrderedDistribution d, Rule rule) {
        List<Action> allowed = rule.allowedActions();
        if (allowed.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Double> e : d.entrySet()) {
            if (e.getValue() > 0 && !allows(allowed, e.getKey())) {
                List<String> types = new ArrayList<>(allowed.size());
                allowed.forEach(a -> types.add(a.type()));
                throw badDistribution(row, text, "logged action distribution gives " + e.getValue() + " to action '"
                        + e.getKey() + "', which decision point '" + rule.name() + "' does not allow (allowed: "
                        + String.join(", ", types) + ")");
            }
        }
    }

    private static boolean allows(List<Action> allowed, String type) {
        for (Action a : allowed) {
            if (a.type().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private ArenaException badDistribution(int row, Object value, String message) {
        return new ArenaException(message, ArenaException.Location.row(eventName(row), 0,
                manifest.historicalAction().distributionField(), value));
    }
}
