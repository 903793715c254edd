package org.systemarena.core.manifest;

/**
 * How input columns map to the canonical fields. {@code eventTypeField} defaults to {@code event_type};
 * {@code activityField} and {@code sequenceField} are optional (null: derived, as SPEC §1 says).
 */
public record CaseConfig(String idField, String timestampField, String eventTypeField, String activityField,
                         String sequenceField) {
    public CaseConfig {
        idField = idField == null ? "case_id" : idField;
        timestampField = timestampField == null ? "timestamp" : timestampField;
        eventTypeField = eventTypeField == null ? "event_type" : eventTypeField;
    }

    public static CaseConfig defaults() {
        return new CaseConfig(null, null, null, null, null);
    }
}
