package org.systemarena.datasets.io;

import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.StringDictionary;
import org.systemarena.core.manifest.HistoricalActionSpec;

/**
 * The manifest's logged propensity on each row just read (see {@link ColumnMapping#withPropensity}), read back from
 * the builder, so that every reader checks it the same way and names the file and row of a bad one. The codes of
 * the event type and the key are looked up until they first appear, then compared as ints.
 */
public final class PropensityCheck {
    private static final int NULL = StringDictionary.NULL;

    private final EventLogBuilder builder;
    private final String eventType;
    private final String field;
    private int typeCode = NULL;
    private int keyCode = NULL;

    private PropensityCheck(EventLogBuilder builder, String eventType, String field) {
        this.builder = builder;
        this.eventType = eventType;
        this.field = field;
    }

    /** The check of one read into {@code builder}, or null when the mapping asks for none. */
    public static PropensityCheck of(ColumnMapping mapping, EventLogBuilder builder) {
        return mapping.propensityField() == null ? null
                : new PropensityCheck(builder, mapping.propensityEventType(), mapping.propensityField());
    }

    /** Checks the builder's current event; {@code at} names the row. */
    public void check(Locator at) {
        int type = typeCode;
        if (type == NULL) {
            type = typeCode = builder.eventTypeCode(eventType);
            if (type == NULL) {
                return;
            }
        }
        if (builder.currentEventTypeCode() != type) {
            return;
        }
        int key = keyCode;
        if (key == NULL) {
            key = keyCode = builder.payloadKeyCode(field);
            if (key == NULL) {
                return;
            }
        }
        Object value = builder.currentPayload(key);
        if (value != null && value != EventLogBuilder.ABSENT && Double.isNaN(HistoricalActionSpec.probability(value))) {
            throw at.error(HistoricalActionSpec.BAD_PROPENSITY, field, String.valueOf(value));
        }
    }
}
