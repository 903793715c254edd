package org.systemarena.decision;

import java.util.List;
import java.util.Set;

/** The names of the built-in snapshot values (SPEC §2); docs/snapshot.md defines each one. */
public final class SnapshotNames {
    public static final String DAYS_SINCE_LAST_CONTACT = "days_since_last_contact";
    public static final String DAYS_SINCE_LAST_INTERACTION = "days_since_last_interaction";
    public static final String TOTAL_INTERACTIONS = "total_interactions";
    public static final String TOTAL_EVENTS = "total_events";
    public static final String TIME_SINCE_CREATED_DAYS = "time_since_created_days";
    public static final String TIME_IN_CURRENT_STATE_DAYS = "time_in_current_state_days";
    public static final String STATUS = "status";
    public static final String EVENT_TYPE = "event_type";
    public static final String ACTIVITY = "activity";

    /** Built-in values, in the order docs/snapshot.md lists them. */
    public static final List<String> BUILT_INS = List.of(DAYS_SINCE_LAST_CONTACT, DAYS_SINCE_LAST_INTERACTION,
            TOTAL_INTERACTIONS, TOTAL_EVENTS, TIME_SINCE_CREATED_DAYS, TIME_IN_CURRENT_STATE_DAYS, STATUS, EVENT_TYPE,
            ACTIVITY);

    public static final String EVENT_PREFIX = "event.";
    public static final String STATE_PREFIX = "state.";
    public static final String STATE_STATUS = "state.status";

    /** Canonical fields of the triggering event offered as {@code event.<field>} besides its payload fields. */
    public static final List<String> EVENT_FIELDS = List.of("event.event_id", "event.event_type", "event.activity",
            "event.timestamp", "event.channel", "event.actor_type", "event.actor_id");

    private static final Set<String> BUILT_IN_SET = Set.copyOf(BUILT_INS);

    private SnapshotNames() {
    }

    public static boolean isBuiltIn(String name) {
        return BUILT_IN_SET.contains(name);
    }
}
