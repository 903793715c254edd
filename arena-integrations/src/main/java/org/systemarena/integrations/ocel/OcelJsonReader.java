package org.systemarena.integrations.ocel;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.systemarena.core.ArenaException;

/**
 * Reads OCEL 2.0 JSON. Events are streamed one at a time (a small tree each) once the declarations and objects are
 * known; a file that lists events before objects is buffered. Attribute values may be strings (as the schema says)
 * or JSON numbers and booleans (as some writers produce); either is typed by the declared attribute type.
 */
public final class OcelJsonReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OcelOptions options;

    private OcelJsonReader(OcelOptions options) {
        this.options = options;
    }

    public static OcelJsonReader create() {
        return new OcelJsonReader(OcelOptions.defaults());
    }

    public static OcelJsonReader create(OcelOptions options) {
        return new OcelJsonReader(java.util.Objects.requireNonNull(options, "options"));
    }

    public OcelLog read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw new ArenaException("cannot read OCEL JSON file: " + e.getMessage(),
                    ArenaException.Location.of(path.toString()), e);
        }
    }

    public OcelLog read(InputStream in, String source) {
        try (JsonParser p = MAPPER.createParser(in)) {
            return parse(p, source);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new ArenaException("malformed JSON: " + e.getOriginalMessage(), loc == null
                    ? ArenaException.Location.of(source)
                    : ArenaException.Location.line(source, loc.getLineNr(), loc.getColumnNr()), e);
        } catch (IOException e) {
            throw new ArenaException("cannot read OCEL JSON: " + e.getMessage(), ArenaException.Location.of(source), e);
        }
    }

    private record Located(JsonNode node, ArenaException.Location at) {
    }

    private OcelLog parse(JsonParser p, String source) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new ArenaException("an OCEL 2.0 JSON log is an object", where(p, source));
        }
        OcelImport imp = new OcelImport(options);
        List<Located> objectTypes = null;
        List<Located> eventTypes = null;
        List<Located> objects = null;
        List<Located> pendingEvents = new ArrayList<>();
        boolean ready = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "objectTypes":
                    objectTypes = elements(p, source, field);
                    break;
                case "eventTypes":
                    eventTypes = elements(p, source, field);
                    break;
                case "objects":
                    objects = elements(p, source, field);
                    break;
                case "events":
                    requireArray(p, source, field);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        ArenaException.Location at = where(p, source);
                        JsonNode node = p.readValueAsTree();
                        if (!ready && objectTypes != null && eventTypes != null && objects != null) {
                            prepare(imp, objectTypes, eventTypes, objects);
                            ready = true;
                        }
                        if (ready) {
                            event(imp, node, at);
                        } else {
                            pendingEvents.add(new Located(node, at));
                        }
                    }
                    break;
                default:
                    p.skipChildren();
            }
            if (t == null) {
                break;
            }
        }
        if (!ready) {
            prepare(imp, orEmpty(objectTypes), orEmpty(eventTypes), orEmpty(objects));
        }
        for (Located e : pendingEvents) {
            event(imp, e.node(), e.at());
        }
        return imp.build();
    }

    private static List<Located> orEmpty(List<Located> list) {
        return list == null ? List.of() : list;
    }

    private static void prepare(OcelImport imp, List<Located> objectTypes, List<Located> eventTypes,
                                List<Located> objects) {
        for (Located t : objectTypes) {
            imp.declareObjectType(text(t.node(), "name", t.at()), declarations(t));
        }
        for (Located t : eventTypes) {
            imp.declareEventType(text(t.node(), "name", t.at()), declarations(t));
        }
        for (Located o : objects) {
            List<OcelImport.RawValue> values = new ArrayList<>();
            for (JsonNode a : array(o.node(), "attributes", o.at())) {
                values.add(new OcelImport.RawValue(text(a, "name", o.at()), text(a, "time", o.at()), value(a)));
            }
            String id = text(o.node(), "id", o.at());
            imp.addObject(id, text(o.node(), "type", o.at()), values, o.at());
            for (JsonNode r : array(o.node(), "relationships", o.at())) {
                imp.addObjectRelation(id, text(r, "objectId", o.at()), text(r, "qualifier", o.at()), o.at());
            }
        }
    }

    private static Map<String, String> declarations(Located t) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode a : array(t.node(), "attributes", t.at())) {
            m.put(text(a, "name", t.at()), text(a, "type", t.at()));
        }
        return m;
    }

    private static void event(OcelImport imp, JsonNode e, ArenaException.Location at) {
        List<Object[]> attributes = new ArrayList<>();
        for (JsonNode a : array(e, "attributes", at)) {
            attributes.add(new Object[] {text(a, "name", at), value(a)});
        }
        List<String[]> rels = new ArrayList<>();
        for (JsonNode r : array(e, "relationships", at)) {
            rels.add(new String[] {text(r, "objectId", at), text(r, "qualifier", at)});
        }
        imp.addEvent(text(e, "id", at), text(e, "type", at), text(e, "time", at), rels, attributes, at);
    }

    private static Object value(JsonNode a) {
        JsonNode v = a.get("value");
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String text(JsonNode node, String field, ArenaException.Location at) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new ArenaException("field '" + field + "' must be a string", at.withField(field, v.toString()));
        }
        return v.asText();
    }

    private static Iterable<JsonNode> array(JsonNode node, String field, ArenaException.Location at) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new ArenaException("field '" + field + "' must be an array", at.withField(field, v.toString()));
        }
        return v;
    }

    private static List<Located> elements(JsonParser p, String source, String field) throws IOException {
        requireArray(p, source, field);
        List<Located> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            ArenaException.Location at = where(p, source);
            JsonNode node = p.readValueAsTree();
            if (!node.isObject()) {
                throw new ArenaException("elements of '" + field + "' must be objects", at.withField(field,
                        node.toString()));
            }
            list.add(new Located(node, at));
        }
        return list;
    }

    private static void requireArray(JsonParser p, String source, String field) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new ArenaException("'" + field + "' must be an array", where(p, source).withField(field, null));
        }
    }

    private static ArenaException.Location where(JsonParser p, String source) {
        JsonLocation loc = p.currentTokenLocation();
        return ArenaException.Location.line(source, loc.getLineNr(), loc.getColumnNr());
    }
}
