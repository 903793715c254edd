package org.systemarena.integrations.xes;

/** The standard XES attribute keys (IEEE 1849 extensions) this module maps to log columns. */
public final class XesKeys {
    public static final String CONCEPT_NAME = "concept:name";
    public static final String TIME_TIMESTAMP = "time:timestamp";
    public static final String LIFECYCLE_TRANSITION = "lifecycle:transition";
    public static final String ORG_RESOURCE = "org:resource";
    /** Prefix PM4Py (and this module) gives trace attributes when they sit on events: {@code case:<key>}. */
    public static final String CASE_PREFIX = "case:";
    /** Non-standard key carrying a System Arena event type that is not the reader's default. */
    public static final String ARENA_EVENT_TYPE = "arena:event_type";

    private XesKeys() {
    }
}
