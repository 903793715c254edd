package org.systemarena.datasets.io;

import java.util.HashMap;
import java.util.Map;
import org.systemarena.core.manifest.CaseConfig;

/**
 * Maps input column names to canonical fields through the manifest's {@code case} section. Columns the manifest
 * does not rename keep their canonical names ({@code event_id}, {@code channel}, ...); when the manifest names no
 * activity or sequence column, columns literally called {@code activity} and {@code sequence_number} are used.
 */
public final class ColumnMapping {
    private final Map<String, Canonical> roles = new HashMap<>();
    private final CaseConfig config;
    private String propensityEventType;
    private String propensityField;

    private ColumnMapping(CaseConfig config) {
        this.config = config;
        roles.put("event_id", Canonical.EVENT_ID);
        roles.put("workflow_type", Canonical.WORKFLOW_TYPE);
        roles.put("actor_type", Canonical.ACTOR_TYPE);
        roles.put("actor_id", Canonical.ACTOR_ID);
        roles.put("actor_name", Canonical.ACTOR_NAME);
        roles.put("actor", Canonical.ACTOR);
        roles.put("channel", Canonical.CHANNEL);
        roles.put("object_refs", Canonical.OBJECT_REFS);
        roles.put("state_before", Canonical.STATE_BEFORE);
        roles.put("state_after", Canonical.STATE_AFTER);
        roles.put("outcome_labels", Canonical.OUTCOME_LABELS);
        roles.put("payload", Canonical.PAYLOAD);
        roles.put("source_system", Canonical.SOURCE_SYSTEM);
        roles.put("correlation_id", Canonical.CORRELATION_ID);
        // Manifest-named columns last: they win over a canonical name they happen to reuse.
        roles.put(config.activityField() == null ? "activity" : config.activityField(), Canonical.ACTIVITY);
        roles.put(config.sequenceField() == null ? "sequence_number" : config.sequenceField(), Canonical.SEQUENCE);
        roles.put(config.eventTypeField(), Canonical.EVENT_TYPE);
        roles.put(config.timestampField(), Canonical.TIMESTAMP);
        roles.put(config.idField(), Canonical.CASE_ID);
    }

    public static ColumnMapping of(CaseConfig config) {
        return new ColumnMapping(config == null ? CaseConfig.defaults() : config);
    }

    public static ColumnMapping defaults() {
        return of(CaseConfig.defaults());
    }

    /**
     * This mapping, with the manifest's logged propensities checked as rows are read: a {@code field} value of an
     * event of {@code eventType} must be a number (or a string of one) in (0, 1], or null. The extractor checks them
     * too, but by event id; the readers know the file's row.
     */
    public ColumnMapping withPropensity(String eventType, String field) {
        ColumnMapping m = new ColumnMapping(config);
        m.propensityEventType = eventType;
        m.propensityField = field;
        return m;
    }

    /** The event type whose propensities are checked, or null. */
    String propensityEventType() {
        return propensityEventType;
    }

    String propensityField() {
        return propensityField;
    }

    public Canonical roleOf(String column) {
        Canonical role = roles.get(column);
        return role == null ? Canonical.ATTRIBUTE : role;
    }

    public String caseIdColumn() {
        return config.idField();
    }

    public String timestampColumn() {
        return config.timestampField();
    }

    public String eventTypeColumn() {
        return config.eventTypeField();
    }
}
