package org.systemarena.integrations.ocel;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of JSON Schema draft-07 the OCEL 2.0 schema uses ({@code type} object/array/string, {@code properties},
 * {@code required}, {@code items}, {@code format: date-time}), so the test can check output against the real schema
 * file without a validator dependency. Anything else in a schema is an error here, so nothing is silently ignored.
 */
final class MiniJsonSchema {
    private MiniJsonSchema() {
    }

    static List<String> errors(JsonNode schema, JsonNode doc) {
        List<String> errors = new ArrayList<>();
        check(schema, doc, "$", errors);
        return errors;
    }

    private static void check(JsonNode schema, JsonNode doc, String path, List<String> errors) {
        schema.fieldNames().forEachRemaining(k -> {
            if (!List.of("$schema", "type", "properties", "required", "items", "format").contains(k)) {
                throw new IllegalArgumentException("unsupported schema keyword " + k + " at " + path);
            }
        });
        String type = schema.path("type").asText(null);
        if (type != null) {
            boolean ok = switch (type) {
                case "object" -> doc.isObject();
                case "array" -> doc.isArray();
                case "string" -> doc.isTextual();
                default -> throw new IllegalArgumentException("unsupported type " + type);
            };
            if (!ok) {
                errors.add(path + ": expected " + type + ", got " + doc.getNodeType());
                return;
            }
        }
        if ("date-time".equals(schema.path("format").asText(null))) {
            try {
                OffsetDateTime.parse(doc.asText());
            } catch (RuntimeException e) {
                errors.add(path + ": not an RFC 3339 date-time: " + doc.asText());
            }
        }
        for (JsonNode req : schema.path("required")) {
            if (!doc.has(req.asText())) {
                errors.add(path + ": missing required '" + req.asText() + "'");
            }
        }
        schema.path("properties").fields().forEachRemaining(p -> {
            if (doc.has(p.getKey())) {
                check(p.getValue(), doc.get(p.getKey()), path + "." + p.getKey(), errors);
            }
        });
        if (schema.has("items")) {
            for (int i = 0; i < doc.size(); i++) {
                check(schema.get("items"), doc.get(i), path + "[" + i + "]", errors);
            }
        }
    }
}
