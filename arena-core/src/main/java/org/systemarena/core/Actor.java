package org.systemarena.core;

/** Who performed an event: a type (human, agent, system), an id and a display name; each may be null. */
public record Actor(String type, String id, String name) {
    public static final Actor NONE = new Actor(null, null, null);

    public static Actor of(String type, String id) {
        return new Actor(type, id, null);
    }

    public static Actor of(String type, String id, String name) {
        return new Actor(type, id, name);
    }

    public boolean isEmpty() {
        return type == null && id == null && name == null;
    }
}
