package org.systemarena.decision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.systemarena.core.Action;
import org.systemarena.core.Event;
import org.systemarena.core.Timestamps;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.OutcomeCategory;
import org.systemarena.decision.expr.Bindings;
import org.systemarena.decision.expr.Expression;

/**
 * The straightforward way, for checking the extractor: for every candidate trigger, take the case's events up to it
 * from a plain list and recompute every value from scratch; labels by scanning forward from the trigger.
 */
final class ReferenceExtractor {
    record RefPoint(String id, String rule, String caseId, int row, Event trigger, List<Event> visible,
                    Map<String, Object> values, List<Action> allowedActions, String action, Double propensity,
                    String outcome, OutcomeCategory category) {
    }

    record RefCase(String caseId, List<RefPoint> points, String outcome, OutcomeCategory category) {
    }

    record RefCounts(String rule, long triggerMatches, long decisionPoints, long conditionFalse, long errors) {
    }

    record Result(List<RefCase> cases, List<RefCounts> counts) {
    }

    private ReferenceExtractor() {
    }

    /** {@code events} in case order (cases contiguous), as {@code EventLog.events()} gives them. */
    static Result extract(Manifest m, List<Event> events, Map<String, Function<List<Event>, Object>> features) {
        Map<String, List<Event>> byCase = new LinkedHashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (int r = 0; r < events.size(); r++) {
            Event e = events.get(r);
            firstRow.putIfAbsent(e.caseId(), r);
            byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e);
        }
        long[] trig = new long[m.decisionPoints().size()];
        long[] dps = new long[trig.length];
        long[] falses = new long[trig.length];
        long[] errors = new long[trig.length];
        List<Expression> conditions = new ArrayList<>();
        for (DecisionPointSpec d : m.decisionPoints()) {
            conditions.add(d.condition() == null ? null : Expression.parse(d.condition()));
        }
        List<RefCase> cases = new ArrayList<>();
        for (Map.Entry<String, List<Event>> en : byCase.entrySet()) {
            List<Event> list = en.getValue();
            List<Integer> pointIdx = new ArrayList<>();
            List<RefPoint> raw = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Event e = list.get(i);
                for (int k = 0; k < m.decisionPoints().size(); k++) {
                    DecisionPointSpec d = m.decisionPoints().get(k);
                    if (!d.trigger().equals(e.eventType().name()) && !d.trigger().equals(e.activity())) {
                        continue;
                    }
                    trig[k]++;
                    List<Event> visible = List.copyOf(list.subList(0, i + 1));
                    Map<String, Object> values = values(visible, features);
                    boolean holds;
                    try {
                        holds = conditions.get(k) == null || conditions.get(k).test(Bindings.of(values));
                    } catch (RuntimeException ex) {
                        errors[k]++;
                        continue;
                    }
                    if (!holds) {
                        falses[k]++;
                        continue;
                    }
                    dps[k]++;
                    pointIdx.add(i);
                    raw.add(new RefPoint(e.eventId() + "/" + d.name(), d.name(), e.caseId(),
                            firstRow.get(e.caseId()) + i, e, visible, values, m.actionsFor(d), null, null, null,
                            null));
                }
            }
            List<RefPoint> points = new ArrayList<>();
            for (int p = 0; p < raw.size(); p++) {
                int i = pointIdx.get(p);
                int next = list.size();
                for (int q = 0; q < raw.size(); q++) {
                    if (pointIdx.get(q) > i) {
                        next = Math.min(next, pointIdx.get(q));
                    }
                }
                String action = null;
                Double propensity = null;
                for (int a = i + 1; a < next; a++) {
                    Event ev = list.get(a);
                    if (ev.eventType().name().equals(m.historicalAction().eventType())) {
                        Object v = ev.payload().get(m.historicalAction().field());
                        action = v == null ? null : v.toString();
                        Object pv = ev.payload().get(m.historicalAction().propensityField());
                        propensity = pv == null ? null : ((Number) pv).doubleValue();
                        break;
                    }
                }
                String outcome = null;
                for (int o = i + 1; o < list.size(); o++) {
                    String name = match(m, list.get(o));
                    if (name != null) {
                        Duration horizon = m.outcomes().horizon();
                        long gap = Timestamps.toMicros(list.get(o).timestamp())
                                - Timestamps.toMicros(list.get(i).timestamp());
                        if (horizon == null || gap <= horizon.toNanos() / 1000) {
                            outcome = name;
                        }
                        break;
                    }
                }
                RefPoint r = raw.get(p);
                points.add(new RefPoint(r.id(), r.rule(), r.caseId(), r.row(), r.trigger(), r.visible(), r.values(),
                        r.allowedActions(), action, propensity, outcome,
                        outcome == null ? OutcomeCategory.UNKNOWN : m.outcomes().categoryOf(outcome)));
            }
            String caseOutcome = null;
            for (Event ev : list) {
                String name = match(m, ev);
                if (name != null) {
                    caseOutcome = name;
                }
            }
            cases.add(new RefCase(en.getKey(), points, caseOutcome,
                    caseOutcome == null ? OutcomeCategory.UNKNOWN : m.outcomes().categoryOf(caseOutcome)));
        }
        List<RefCounts> counts = new ArrayList<>();
        for (int k = 0; k < trig.length; k++) {
            counts.add(new RefCounts(m.decisionPoints().get(k).name(), trig[k], dps[k], falses[k], errors[k]));
        }
        return new Result(cases, counts);
    }

    static String match(Manifest m, Event e) {
        List<String> names = m.outcomes().allNames();
        if (e.payload().get("outcome") instanceof String s && names.contains(s)) {
            return s;
        }
        if (e.eventType().name().equals("state.changed") && e.payload().get("new_state") instanceof String s
                && names.contains(s)) {
            return s;
        }
        return names.contains(e.eventType().name()) ? e.eventType().name() : null;
    }

    /** Every snapshot value, from scratch, from the visible events (trigger last). */
    static Map<String, Object> values(List<Event> visible, Map<String, Function<List<Event>, Object>> features) {
        Event trigger = visible.get(visible.size() - 1);
        long now = Timestamps.toMicros(trigger.timestamp());
        long first = Timestamps.toMicros(visible.get(0).timestamp());
        Map<String, Object> v = new HashMap<>();
        for (Event e : visible) {
            e.payload().forEach((k, x) -> {
                if (!k.startsWith("event.") && !k.startsWith("state.")) {
                    v.put(k, x);
                }
            });
        }
        v.put("event.event_id", trigger.eventId());
        v.put("event.event_type", trigger.eventType().name());
        v.put("event.activity", trigger.activity());
        v.put("event.timestamp", trigger.timestamp());
        v.put("event.channel", trigger.channel());
        v.put("event.actor_type", trigger.actor().type());
        v.put("event.actor_id", trigger.actor().id());
        trigger.payload().forEach((k, x) -> v.put("event." + k, x));
        Object stateStatus = null;
        Long lastInteraction = null;
        Long lastChange = null;
        Object status = null;
        long interactions = 0;
        for (Event e : visible) {
            e.stateAfter().forEach((k, x) -> v.put("state." + k, x));
            long t = Timestamps.toMicros(e.timestamp());
            if (e.eventType().name().equals("interaction.occurred")) {
                interactions++;
                lastInteraction = t;
            }
            if (e.eventType().name().equals("state.changed")) {
                lastChange = t;
                status = e.payload().get("new_state");
                stateStatus = status;
            }
            if (e.stateAfter().containsKey("status")) {
                stateStatus = e.stateAfter().get("status");
            }
        }
        v.put("state.status", stateStatus);
        Double contact = lastInteraction == null ? null : (now - lastInteraction) / 86_400_000_000.0;
        v.put("days_since_last_contact", contact);
        v.put("days_since_last_interaction", contact);
        v.put("total_interactions", interactions);
        v.put("total_events", (long) visible.size());
        v.put("time_since_created_days", (now - first) / 86_400_000_000.0);
        v.put("time_in_current_state_days", (now - (lastChange == null ? first : lastChange)) / 86_400_000_000.0);
        v.put("status", status);
        v.put("event_type", trigger.eventType().name());
        v.put("activity", trigger.activity());
        features.forEach((name, f) -> v.put(name, f.apply(visible)));
        return v;
    }
}
