package org.systemarena.decision;

import java.time.Instant;
import java.util.List;
import org.systemarena.core.Event;
import org.systemarena.core.Timestamps;

/**
 * What a {@link FeatureExtractor} sees: the events of one case up to and including the trigger (read from the same
 * private copy the snapshot holds) and the snapshot values computed so far (built-ins, case attributes,
 * {@code event.*}, {@code state.*}; not other features). Column accessors avoid creating an event object per row.
 */
public final class VisibleHistory {
    private final VisibleRows rows;
    private final PointInTimeSnapshot values;

    VisibleHistory(PointInTimeSnapshot withoutFeatures) {
        this.rows = withoutFeatures.rows();
        this.values = withoutFeatures;
    }

    public String caseId() {
        return rows.caseId();
    }

    /** Number of visible events; the trigger is the last one. */
    public int size() {
        return rows.size();
    }

    public long timestampMicros(int i) {
        return rows.timestampMicros(i);
    }

    public Instant timestamp(int i) {
        return Timestamps.fromMicros(rows.timestampMicros(i));
    }

    public String eventType(int i) {
        return rows.eventType(i);
    }

    public String activity(int i) {
        return rows.activity(i);
    }

    public Event event(int i) {
        return rows.event(i);
    }

    public Event trigger() {
        return rows.event(rows.size() - 1);
    }

    public List<Event> events() {
        return rows.events();
    }

    /** A snapshot value computed before features (built-in, attribute, event.x, state.x), or null. */
    public Object value(String name) {
        return values.get(name);
    }
}
