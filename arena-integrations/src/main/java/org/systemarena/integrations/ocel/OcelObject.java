package org.systemarena.integrations.ocel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.systemarena.core.Values;

/**
 * An OCEL 2.0 object: a globally unique id, a type and time-stamped attribute values (an attribute may change over
 * time; the value at {@code 1970-01-01T00:00:00Z} is the initial one, as OCEL 2.0 writes it).
 */
public record OcelObject(String id, String type, List<AttributeValue> attributes) {
    public OcelObject {
        Objects.requireNonNull(id, "object id");
        Objects.requireNonNull(type, "object type");
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    public static OcelObject of(String id, String type) {
        return new OcelObject(id, type, List.of());
    }

    /** One value of an object attribute from {@code time} on; the value is a {@link Values} type. */
    public record AttributeValue(String name, Instant time, Object value) {
        public AttributeValue {
            Objects.requireNonNull(name, "attribute name");
            Objects.requireNonNull(time, "attribute time");
            value = Values.normalize(value);
        }
    }
}
