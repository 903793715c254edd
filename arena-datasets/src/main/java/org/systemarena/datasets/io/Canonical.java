package org.systemarena.datasets.io;

import org.systemarena.core.EventLogBuilder.StringField;

/** What an input column means: a canonical event field (SPEC §1), or {@link #ATTRIBUTE} for everything else. */
public enum Canonical {
    CASE_ID(null),
    TIMESTAMP(null),
    SEQUENCE(null),
    EVENT_ID(null),
    EVENT_TYPE(StringField.EVENT_TYPE),
    ACTIVITY(StringField.ACTIVITY),
    WORKFLOW_TYPE(StringField.WORKFLOW_TYPE),
    ACTOR_TYPE(StringField.ACTOR_TYPE),
    ACTOR_ID(StringField.ACTOR_ID),
    ACTOR_NAME(StringField.ACTOR_NAME),
    CHANNEL(StringField.CHANNEL),
    SOURCE_SYSTEM(StringField.SOURCE_SYSTEM),
    CORRELATION_ID(StringField.CORRELATION_ID),
    /** A nested {@code {type, id, name}} object (JSON only). */
    ACTOR(null),
    OBJECT_REFS(null),
    STATE_BEFORE(null),
    STATE_AFTER(null),
    OUTCOME_LABELS(null),
    /** A nested object whose fields become payload attributes. */
    PAYLOAD(null),
    ATTRIBUTE(null);

    /** The builder's string field for plain string columns, else null. */
    public final StringField stringField;

    Canonical(StringField stringField) {
        this.stringField = stringField;
    }

    /** True for the JSON-object columns whose entries become attributes of one of the attribute tables. */
    boolean isAttributeObject() {
        return this == STATE_BEFORE || this == STATE_AFTER || this == OUTCOME_LABELS || this == PAYLOAD;
    }
}
