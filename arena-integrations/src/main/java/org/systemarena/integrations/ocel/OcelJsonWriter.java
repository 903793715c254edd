package org.systemarena.integrations.ocel;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.systemarena.core.ArenaException;
import org.systemarena.core.input.IsoTimestamps;

/**
 * Writes OCEL 2.0 JSON ({@code objectTypes, eventTypes, objects, events}) as the OCEL 2.0 JSON schema describes it:
 * every attribute value is a string, its type given by the declaration of its event or object type. See
 * {@link OcelOptions} for the case object and {@link Ocel} for the whole mapping.
 */
public final class OcelJsonWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private final OcelOptions options;

    private OcelJsonWriter(OcelOptions options) {
        this.options = options;
    }

    public static OcelJsonWriter create() {
        return new OcelJsonWriter(OcelOptions.defaults());
    }

    public static OcelJsonWriter create(OcelOptions options) {
        return new OcelJsonWriter(java.util.Objects.requireNonNull(options, "options"));
    }

    public void write(OcelLog log, Path path) {
        try (OutputStream out = Files.newOutputStream(path)) {
            writeTo(log, out);
        } catch (IOException e) {
            throw new ArenaException("cannot write OCEL JSON file: " + e.getMessage(),
                    ArenaException.Location.of(path.toString()), e);
        }
    }

    /** Writes OCEL 2.0 JSON to a stream (not closed); a failed write is an {@link ArenaException}. */
    public void write(OcelLog log, OutputStream out) {
        try {
            writeTo(log, out);
        } catch (IOException e) {
            throw new ArenaException("cannot write OCEL JSON: " + e.getMessage(), e);
        }
    }

    private void writeTo(OcelLog log, OutputStream out) throws IOException {
        OcelExport x = new OcelExport(log, options);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            types(g, "objectTypes", x.objectTypes);
            types(g, "eventTypes", x.eventTypes);
            g.writeArrayFieldStart("objects");
            for (OcelObject o : x.objects) {
                g.writeStartObject();
                g.writeStringField("id", o.id());
                g.writeStringField("type", o.type());
                g.writeArrayFieldStart("attributes");
                for (OcelObject.AttributeValue a : o.attributes()) {
                    if (a.value() != null) {
                        g.writeStartObject();
                        g.writeStringField("name", a.name());
                        g.writeStringField("time", IsoTimestamps.format(
                                org.systemarena.core.Timestamps.toMicros(a.time())));
                        g.writeStringField("value", OcelValues.text(a.value()));
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
                g.writeArrayFieldStart("relationships");
                for (ObjectRelation r : x.relationsOf(o.id())) {
                    relationship(g, r.targetId(), r.qualifier());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("events");
            for (int i = 0; i < x.eventCount(); i++) {
                int row = x.row(i);
                g.writeStartObject();
                g.writeStringField("id", x.eventId(row));
                g.writeStringField("type", x.activity(row));
                g.writeStringField("time", x.time(row));
                g.writeArrayFieldStart("attributes");
                for (String[] a : x.attributes(row)) {
                    g.writeStartObject();
                    g.writeStringField("name", a[0]);
                    g.writeStringField("value", a[1]);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("relationships");
                for (String[] r : x.relationships(row)) {
                    relationship(g, r[0], r[1]);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void relationship(JsonGenerator g, String objectId, String qualifier) throws IOException {
        g.writeStartObject();
        g.writeStringField("objectId", objectId);
        g.writeStringField("qualifier", qualifier);
        g.writeEndObject();
    }

    private static void types(JsonGenerator g, String field, Map<String, Map<String, String>> types)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (Map.Entry<String, Map<String, String>> t : types.entrySet()) {
            g.writeStartObject();
            g.writeStringField("name", t.getKey());
            g.writeArrayFieldStart("attributes");
            for (Map.Entry<String, String> a : t.getValue().entrySet()) {
                g.writeStartObject();
                g.writeStringField("name", a.getKey());
                g.writeStringField("type", a.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
