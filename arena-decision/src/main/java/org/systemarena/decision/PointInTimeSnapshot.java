package org.systemarena.decision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.Event;
import org.systemarena.core.Timestamps;
import org.systemarena.decision.expr.Bindings;

/**
 * The {@link CaseSnapshot} built by {@link DecisionPointExtractor}: an immutable map of values and a private copy of
 * the visible rows. It holds no reference to the log, a case view or any shared array, so nothing reachable from it
 * can reveal an event after the trigger (SPEC §2). Values are defined in docs/snapshot.md. As {@link Bindings} it
 * answers condition names; it knows no context functions.
 */
public final class PointInTimeSnapshot implements CaseSnapshot, Bindings {
    private final long asOfMicros;
    private final Map<String, Object> values; // unmodifiable, may hold null values
    private final VisibleRows rows;

    PointInTimeSnapshot(long asOfMicros, Map<String, Object> values, VisibleRows rows) {
        this.asOfMicros = asOfMicros;
        this.values = values;
        this.rows = rows;
    }

    @Override
    public String caseId() {
        return rows.caseId();
    }

    @Override
    public Instant asOf() {
        return Timestamps.fromMicros(asOfMicros);
    }

    public long asOfMicros() {
        return asOfMicros;
    }

    @Override
    public Event triggerEvent() {
        return rows.event(rows.size() - 1);
    }

    @Override
    public List<Event> visibleEvents() {
        return rows.events();
    }

    /** Number of visible events (the trigger included). */
    public int visibleCount() {
        return rows.size();
    }

    @Override
    public Set<String> names() {
        return values.keySet();
    }

    @Override
    public Object get(String name) {
        return values.get(name);
    }

    @Override
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Every name with its value (null values kept), as an unmodifiable map. */
    public Map<String, Object> values() {
        return values;
    }

    @Override
    public String toString() {
        return "Snapshot[case " + caseId() + " as of " + asOf() + ", " + rows.size() + " visible events]";
    }
}
