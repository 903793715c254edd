package org.systemarena.core;

import java.util.Objects;

/** A reference from an event to a business object (an order, a contact, a ticket), with the object's role. */
public record ObjectRef(String type, String id, String role) {
    public ObjectRef {
        Objects.requireNonNull(type, "object type");
        Objects.requireNonNull(id, "object id");
    }

    public static ObjectRef of(String type, String id) {
        return new ObjectRef(type, id, null);
    }

    public static ObjectRef of(String type, String id, String role) {
        return new ObjectRef(type, id, role);
    }
}
