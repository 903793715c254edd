package org.systemarena.core;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a policy sees at a decision point: the state of one case as of its triggering event, built only from the
 * events of that case at or before the trigger in case order. Nothing reachable from a snapshot can reveal a later
 * event.
 *
 * <p>Values are looked up by name: the built-in snapshot values ({@code days_since_last_contact},
 * {@code total_interactions}, {@code status}, ...), case attributes (latest visible payload value of each field),
 * {@code event.<field>} for the triggering event, {@code state.<field>} for the case state, and custom features.
 * Values are {@link Values} types or null.
 */
public interface CaseSnapshot {
    String caseId();

    /** The triggering event's timestamp: nothing after it (in case order) is visible. */
    Instant asOf();

    /** The triggering event. */
    Event triggerEvent();

    /** The visible events of the case, oldest first, ending with the trigger. */
    List<Event> visibleEvents();

    /** Every name {@link #get} can answer. */
    Set<String> names();

    /** The value of a snapshot name, or null when it is unknown or has no value yet. */
    Object get(String name);

    default boolean has(String name) {
        return names().contains(name);
    }

    /** A numeric value as a double, or null when absent, null or not a number. */
    default Double getDouble(String name) {
        Object v = get(name);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    default String getString(String name) {
        Object v = get(name);
        return v == null ? null : v.toString();
    }
}
