package org.systemarena.integrations.ocel;

import java.util.Objects;

/** An object-to-object relationship of OCEL 2.0: {@code sourceId} relates to {@code targetId} as {@code qualifier}. */
public record ObjectRelation(String sourceId, String targetId, String qualifier) {
    public ObjectRelation {
        Objects.requireNonNull(sourceId, "source object id");
        Objects.requireNonNull(targetId, "target object id");
        qualifier = qualifier == null ? "" : qualifier;
    }
}
