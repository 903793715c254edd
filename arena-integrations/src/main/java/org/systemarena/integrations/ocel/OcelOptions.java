package org.systemarena.integrations.ocel;

import java.util.Objects;
import org.systemarena.core.input.TimestampMode;

/**
 * How an event log maps onto OCEL 2.0 and back.
 *
 * <p>OCEL has no case notion; a System Arena log needs one. The case is carried as an object: on export every
 * event is related (qualifier {@code "case"}) to an object of type {@code caseObjectType} whose id is the case id;
 * on import an event's case is the first related object of that type (that relationship is then not kept as an
 * object reference), and an event without one is a case of its own, named by its event id (such a one-event
 * case named by its event id gets no case object on export, so OCEL without case objects round-trips). A null
 * {@code caseObjectType} exports no case objects and makes every imported event its own case.
 *
 * @param timestampMode  how times with a UTC offset are read (PM4Py replaces the offset)
 * @param eventType      System Arena event type of imported events without an {@code arena:event_type} attribute
 * @param caseObjectType the object type that carries the case; null for none
 */
public record OcelOptions(TimestampMode timestampMode, String eventType, String caseObjectType) {
    public static final String DEFAULT_EVENT_TYPE = "ocel.event";
    public static final String DEFAULT_CASE_OBJECT_TYPE = "case";
    /** The qualifier of the event-to-case-object relationship written on export. */
    public static final String CASE_QUALIFIER = "case";

    public OcelOptions {
        Objects.requireNonNull(timestampMode, "timestampMode");
        Objects.requireNonNull(eventType, "eventType");
    }

    public static OcelOptions defaults() {
        return new OcelOptions(TimestampMode.CONVERT_OFFSET, DEFAULT_EVENT_TYPE, DEFAULT_CASE_OBJECT_TYPE);
    }

    public static OcelOptions pm4pyTimestamps() {
        return defaults().withTimestampMode(TimestampMode.REPLACE_OFFSET_WITH_UTC);
    }

    public OcelOptions withTimestampMode(TimestampMode mode) {
        return new OcelOptions(mode, eventType, caseObjectType);
    }

    public OcelOptions withEventType(String type) {
        return new OcelOptions(timestampMode, type, caseObjectType);
    }

    public OcelOptions withCaseObjectType(String type) {
        return new OcelOptions(timestampMode, eventType, type);
    }
}
