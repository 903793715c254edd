package org.systemarena.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value types an event attribute may hold: {@link String}, {@link Long}, {@link Double}, {@link Boolean},
 * {@link Instant} or null. Integers of other widths are widened to Long and floats to Double on the way in.
 */
public final class Values {
    private Values() {
    }

    /** Normalises a value to one of the supported types, or throws naming the type it cannot hold. */
    public static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean || value instanceof Instant) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        if (value instanceof java.math.BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.doubleValue();
        }
        if (value instanceof CharSequence cs) {
            return cs.toString();
        }
        throw new ArenaException("unsupported attribute value type " + value.getClass().getName() + ": " + value);
    }

    /** An unmodifiable, insertion-ordered copy that, unlike {@code Map.copyOf}, keeps null values. */
    public static Map<String, Object> immutableMap(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map || v instanceof java.util.List ? v : normalize(v)));
        return Collections.unmodifiableMap(copy);
    }
}
