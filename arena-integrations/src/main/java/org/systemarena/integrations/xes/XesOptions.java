package org.systemarena.integrations.xes;

import java.util.Objects;
import org.systemarena.core.input.TimestampMode;

/**
 * How {@link XesReader} maps an XES file onto an event log.
 *
 * @param timestampMode how a {@code date} value with a UTC offset becomes an instant
 * @param eventType     the event type given to every event that does not carry an {@code arena:event_type}
 *                      attribute (XES has no event-type notion; the activity is {@code concept:name})
 */
public record XesOptions(TimestampMode timestampMode, String eventType) {

    /** The event type of XES events unless the file says otherwise. */
    public static final String DEFAULT_EVENT_TYPE = "xes.event";

    public XesOptions {
        Objects.requireNonNull(timestampMode, "timestampMode");
        Objects.requireNonNull(eventType, "eventType");
    }

    /** Correct conversion of offsets ({@code 14:32+01:00} is {@code 13:32Z}), event type {@value #DEFAULT_EVENT_TYPE}. */
    public static XesOptions defaults() {
        return new XesOptions(TimestampMode.CONVERT_OFFSET, DEFAULT_EVENT_TYPE);
    }

    /**
     * PM4Py's reading of dates: the offset is replaced by UTC ({@code 14:32+01:00} is read as {@code 14:32Z}). Use it
     * to compare durations or timestamps with figures PM4Py computed.
     */
    public static XesOptions pm4pyTimestamps() {
        return defaults().withTimestampMode(TimestampMode.REPLACE_OFFSET_WITH_UTC);
    }

    public XesOptions withTimestampMode(TimestampMode mode) {
        return new XesOptions(mode, eventType);
    }

    public XesOptions withEventType(String type) {
        return new XesOptions(timestampMode, type);
    }
}
