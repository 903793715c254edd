package org.systemarena.core;

import java.util.Map;
import java.util.Objects;

/**
 * An action a policy may take at a decision point, as the manifest's {@code allowed_actions} declares it: the action
 * type (e.g. {@code send_email}), its parameter schema or defaults, and a description.
 */
public record Action(String type, Map<String, Object> params, String description) {
    public Action {
        Objects.requireNonNull(type, "action type");
        if (type.isBlank()) {
            throw new ArenaException("action type must not be blank");
        }
        params = params == null ? Map.of() : Values.immutableMap(params);
    }

    public static Action of(String type) {
        return new Action(type, Map.of(), null);
    }

    public static Action of(String type, Map<String, Object> params) {
        return new Action(type, params, null);
    }
}
