package org.systemarena.decision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.systemarena.core.ArenaException;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.EventLog;
import org.systemarena.core.Timestamps;
import org.systemarena.core.Values;
import org.systemarena.core.manifest.OutcomeCategory;

/**
 * Walks the rows of one case once, in case order, keeping the running state the snapshot values need (counters, last
 * times, the latest entry of every payload and state field) so that a snapshot costs O(names) rather than a re-scan
 * of the case. Labels are assigned in the same pass: a decision point waits for the first outcome and the first
 * logged action after it. One walker serves one thread; it is reset between cases.
 */
final class CaseWalker {
    private static final long NONE = Long.MIN_VALUE;

    private final DecisionPointExtractor x;
    private final EventLog log;
    private final AttributeTable payload;
    private final AttributeTable stateAfter;
    private final int[] lastPayloadEntry;
    private final int[] touchedPayload;
    private int touchedPayloadCount;
    private final int[] lastStateEntry;
    private final int[] touchedState;
    private int touchedStateCount;

    private long firstTs;
    private long lastInteractionTs;
    private long lastStateChangeTs;
    private long interactions;
    private int statusEntry; // payload entry of the last state.changed new_state; -1: none or absent
    private boolean stateStatusFromStateAfter;
    private int stateStatusEntry;
    private boolean anyStateStatus;
    private VisibleRows rows;
    private int copiedTo;
    // Names of the case attributes and state fields as of the last snapshot; shared by the next snapshots of the
    // case until a new field appears (fields are only ever appended, and the arrays are never written again).
    private String[] attributeNames;
    private String[] stateSlotNames;
    // The slots of the last snapshot, reused (they are immutable) while no field of their kind was written since.
    private ValueSlots attributeSlots;
    private ValueSlots stateSlots;
    private static final byte STRING = org.systemarena.core.ValueKind.STRING.code();
    private String lastDistributionText;
    private OrderedDistribution lastDistribution;

    CaseWalker(DecisionPointExtractor x) {
        this.x = x;
        this.log = x.log;
        this.payload = log.payload();
        this.stateAfter = log.stateAfter();
        int payloadKeys = payload.keyDictionary().size();
        int stateKeys = stateAfter.keyDictionary().size();
        lastPayloadEntry = new int[payloadKeys];
        touchedPayload = new int[payloadKeys];
        lastStateEntry = new int[stateKeys];
        touchedState = new int[stateKeys];
        Arrays.fill(lastPayloadEntry, -1);
        Arrays.fill(lastStateEntry, -1);
    }

    private void reset(int start) {
        for (int i = 0; i < touchedPayloadCount; i++) {
            lastPayloadEntry[touchedPayload[i]] = -1;
        }
        for (int i = 0; i < touchedStateCount; i++) {
            lastStateEntry[touchedState[i]] = -1;
        }
        touchedPayloadCount = 0;
        touchedStateCount = 0;
        firstTs = log.timestampMicros(start);
        lastInteractionTs = NONE;
        lastStateChangeTs = NONE;
        interactions = 0;
        statusEntry = -1;
        anyStateStatus = false;
        stateStatusFromStateAfter = false;
        stateStatusEntry = -1;
        rows = null;
        copiedTo = start;
        attributeNames = null;
        stateSlotNames = null;
        attributeSlots = null;
        stateSlots = null;
    }

    CaseDecisions walk(int caseIndex) {
        int start = log.caseStart(caseIndex);
        int end = log.caseEnd(caseIndex);
        String caseId = log.caseId(caseIndex);
        DecisionPointExtractor.Rule[] rules = x.rules;
        RuleTally[] tallies = new RuleTally[rules.length];
        for (int k = 0; k < rules.length; k++) {
            tallies[k] = new RuleTally(rules[k].name());
        }
        List<Pending> points = new ArrayList<>();
        if (start == end) {
            return new CaseDecisions(caseIndex, caseId, List.of(), CaseOutcome.UNKNOWN, RuleTally.freeze(tallies));
        }
        reset(start);
        int pendingAction = -1; // first point still waiting for its logged action
        int pendingOutcome = 0; // first point still waiting for its outcome
        int caseOutcome = -1;
        boolean[] matched = new boolean[rules.length];
        for (int r = start; r < end; r++) {
            int type = log.eventTypeCode(r);
            long ts = log.timestampMicros(r);

            int outcome = x.outcomes.match(r, type);
            if (outcome >= 0) {
                caseOutcome = outcome;
                for (int i = pendingOutcome; i < points.size(); i++) {
                    Pending p = points.get(i);
                    if (ts - p.time <= x.horizonMicros) {
                        p.outcome = outcome;
                    }
                }
                pendingOutcome = points.size();
            }

            update(r, type, ts);

            boolean any = false;
            int activity = log.activityCode(r);
            for (int k = 0; k < rules.length; k++) {
                DecisionPointExtractor.Rule rule = rules[k];
                matched[k] = (type >= 0 && type == rule.typeCode()) || (activity >= 0 && activity == rule.activityCode());
                any |= matched[k];
            }
            int createdFrom = points.size();
            if (any) {
                trigger(r, start, ts, rules, matched, tallies, points);
            }
            if (points.size() > createdFrom) {
                // A new decision point closes the window of the previous one's logged action.
                pendingAction = createdFrom;
            } else if (type >= 0 && type == x.actionTypeCode && pendingAction >= 0) {
                String action = x.actionValue(r);
                Double propensity = x.propensityValue(r);
                String text = x.distributionText(r);
                OrderedDistribution distribution = null;
                if (text != null) {
                    distribution = distribution(r, text);
                    propensity = x.checkAgainstLogged(r, text, distribution, action, propensity);
                }
                for (int i = pendingAction; i < points.size(); i++) {
                    Pending p = points.get(i);
                    if (distribution != null) {
                        x.checkAllowed(r, text, distribution, p.rule);
                    }
                    p.action = action;
                    p.propensity = propensity;
                    p.distribution = distribution;
                }
                pendingAction = -1;
            }
        }
        List<DecisionPoint> out = new ArrayList<>(points.size());
        for (Pending p : points) {
            String name = p.outcome < 0 ? null : x.outcomes.name(p.outcome);
            OutcomeCategory category = name == null ? OutcomeCategory.UNKNOWN : x.categoryOf(name);
            out.add(new DecisionPoint(DecisionPoint.id(log.eventId(p.row), p.rule.name()), p.rule.name(), caseIndex,
                    caseId, p.row, Timestamps.fromMicros(p.time), p.rule.allowedActions(), p.snapshot, p.action,
                    p.propensity, p.distribution, name, category));
        }
        rows = null; // the walker may live on in a thread-local: do not keep the last case's rows
        CaseOutcome co = caseOutcome < 0 ? CaseOutcome.UNKNOWN
                : new CaseOutcome(x.outcomes.name(caseOutcome), x.categoryOf(x.outcomes.name(caseOutcome)));
        return new CaseDecisions(caseIndex, caseId, out, co, RuleTally.freeze(tallies));
    }

    private void update(int r, int type, long ts) {
        if (type >= 0 && type == x.interactionType) {
            interactions++;
            lastInteractionTs = ts;
        }
        if (type >= 0 && type == x.stateChangedType) {
            lastStateChangeTs = ts;
            statusEntry = x.newStateKey < 0 ? -1 : payload.find(r, x.newStateKey);
            anyStateStatus = true;
            stateStatusFromStateAfter = false;
            stateStatusEntry = statusEntry;
        }
        for (int e = payload.start(r), end = payload.end(r); e < end; e++) {
            int k = payload.keyCode(e);
            if (x.attributeNames[k] == null) {
                continue; // event.x / state.x names belong to the trigger and the state
            }
            if (lastPayloadEntry[k] < 0) {
                touchedPayload[touchedPayloadCount++] = k;
            }
            lastPayloadEntry[k] = e;
            attributeSlots = null;
        }
        for (int e = stateAfter.start(r), end = stateAfter.end(r); e < end; e++) {
            int k = stateAfter.keyCode(e);
            if (k == x.stateStatusKey) {
                // state.status has its own slot: state.changed events update it too
                anyStateStatus = true;
                stateStatusFromStateAfter = true;
                stateStatusEntry = e;
                continue;
            }
            if (lastStateEntry[k] < 0) {
                touchedState[touchedStateCount++] = k;
            }
            lastStateEntry[k] = e;
            stateSlots = null;
        }
    }

    private void trigger(int r, int start, long ts, DecisionPointExtractor.Rule[] rules, boolean[] matched,
                         RuleTally[] tallies, List<Pending> points) {
        PointInTimeSnapshot snapshot = null;
        RuntimeException featureError = null;
        try {
            snapshot = snapshot(r, start, ts);
        } catch (RuntimeException e) {
            featureError = e;
        }
        for (int k = 0; k < rules.length; k++) {
            if (!matched[k]) {
                continue;
            }
            DecisionPointExtractor.Rule rule = rules[k];
            RuleTally tally = tallies[k];
            tally.triggerMatches++;
            RuntimeException error = featureError;
            boolean holds = false;
            if (error == null) {
                try {
                    holds = rule.condition() == null || rule.condition().test(snapshot);
                } catch (RuntimeException e) {
                    error = e;
                }
            }
            if (error != null) {
                String message = "rule '" + rule.name() + "' at event '" + log.eventId(r) + "' (case '"
                        + log.caseIdOf(r) + "', " + log.timestamp(r) + "): " + describe(error);
                if (x.failFast) {
                    throw new ArenaException(message, error);
                }
                tally.error(message);
            } else if (holds) {
                tally.decisionPoints++;
                points.add(new Pending(rule, r, ts, snapshot));
            } else {
                tally.conditionFalse++;
            }
        }
    }

    private static String describe(RuntimeException e) {
        return e instanceof ArenaException || e.getMessage() == null ? String.valueOf(e.getMessage())
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private PointInTimeSnapshot snapshot(int r, int start, long ts) {
        if (copiedTo <= r) {
            rows = VisibleRows.copy(x.columns, copiedTo, r + 1, rows);
            copiedTo = r + 1;
        }
        if (attributeNames == null || attributeNames.length != touchedPayloadCount) {
            attributeNames = names(touchedPayload, touchedPayloadCount, x.attributeNames);
        }
        if (stateSlotNames == null || stateSlotNames.length != touchedStateCount) {
            stateSlotNames = names(touchedState, touchedStateCount, x.stateNames);
        }
        if (attributeSlots == null) {
            attributeSlots = slots(payload, attributeNames, touchedPayload, lastPayloadEntry);
        }
        if (stateSlots == null) {
            stateSlots = slots(stateAfter, stateSlotNames, touchedState, lastStateEntry);
        }
        Object stateStatus = !anyStateStatus || stateStatusEntry < 0 ? null
                : stateStatusFromStateAfter ? stateAfter.value(stateStatusEntry) : payload.value(stateStatusEntry);
        PointInTimeSnapshot s = new PointInTimeSnapshot(rows, ts, firstTs, lastInteractionTs, lastStateChangeTs,
                interactions, statusEntry < 0 ? null : payload.value(statusEntry), stateStatus,
                attributeSlots, stateSlots);
        if (x.features.isEmpty()) {
            return s;
        }
        VisibleHistory history = new VisibleHistory(s);
        Object[] values = new Object[x.features.size()];
        for (int i = 0; i < values.length; i++) {
            FeatureExtractor f = x.features.get(i);
            try {
                values[i] = Values.normalize(f.compute(history));
            } catch (RuntimeException e) {
                throw new ArenaException("feature '" + f.name() + "' failed: " + describe(e), e);
            }
        }
        return s.withFeatures(x.featureNames, values);
    }

    /**
     * The checked distribution written as {@code text}: a log of many decisions repeats a few distribution texts, and
     * payload strings of one value are one instance, so the last one is remembered by identity.
     */
    private OrderedDistribution distribution(int r, String text) {
        if (text != lastDistributionText) {
            lastDistribution = x.parseDistribution(r, text);
            lastDistributionText = text;
        }
        return lastDistribution;
    }

    private static String[] names(int[] touched, int count, String[] byCode) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = byCode[touched[i]];
        }
        return out;
    }

    private static ValueSlots slots(AttributeTable table, String[] names, int[] touched, int[] lastEntry) {
        int n = names.length;
        if (n == 0) {
            return ValueSlots.EMPTY;
        }
        long[] bits = new long[2 * n];
        String[] strings = new String[n];
        for (int i = 0; i < n; i++) {
            int e = lastEntry[touched[i]];
            byte kind = table.kindCode(e);
            long raw = table.rawValue(e);
            bits[2 * i] = kind;
            bits[2 * i + 1] = raw;
            if (kind == STRING) {
                strings[i] = table.strings().value((int) raw);
            }
        }
        return new ValueSlots(names, bits, strings);
    }

    /** A decision point whose labels are still being looked for. */
    private static final class Pending {
        final DecisionPointExtractor.Rule rule;
        final int row;
        final long time;
        final PointInTimeSnapshot snapshot;
        int outcome = -1;
        String action;
        Double propensity;
        OrderedDistribution distribution;

        Pending(DecisionPointExtractor.Rule rule, int row, long time, PointInTimeSnapshot snapshot) {
            this.rule = rule;
            this.row = row;
            this.time = time;
            this.snapshot = snapshot;
        }
    }

    /** Mutable per-case counters of one rule. */
    private static final class RuleTally {
        final String rule;
        long triggerMatches;
        long decisionPoints;
        long conditionFalse;
        long errors;
        final List<String> messages = new ArrayList<>(0);

        RuleTally(String rule) {
            this.rule = rule;
        }

        void error(String message) {
            errors++;
            if (messages.size() < RuleCounts.MAX_MESSAGES) {
                messages.add(message);
            }
        }

        static List<RuleCounts> freeze(RuleTally[] tallies) {
            List<RuleCounts> out = new ArrayList<>(tallies.length);
            for (RuleTally t : tallies) {
                out.add(new RuleCounts(t.rule, t.triggerMatches, t.decisionPoints, t.conditionFalse, t.errors,
                        t.messages));
            }
            return out;
        }
    }
}
