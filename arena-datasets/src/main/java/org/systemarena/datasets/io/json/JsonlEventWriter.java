package org.systemarena.datasets.io.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.systemarena.core.Actor;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;

/**
 * Writes a log as JSON Lines in case order, one event per line, canonical field names, nulls omitted. Payload
 * attributes go into a nested {@code payload} object so a payload key can never collide with a canonical field.
 * Instants inside payload, state or outcome labels are written as ISO-8601 strings and read back as strings.
 */
public final class JsonlEventWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonlEventWriter() {
    }

    public static void write(EventLog log, Path file) {
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            boolean ids = log.hasExplicitEventIds();
            for (int r = 0; r < log.size(); r++) {
                g.writeStartObject();
                if (ids) {
                    g.writeStringField("event_id", log.eventId(r));
                }
                g.writeStringField("case_id", log.caseIdOf(r));
                g.writeStringField("timestamp", log.timestamp(r).toString());
                g.writeNumberField("sequence_number", log.sequenceNumber(r));
                g.writeStringField("event_type", log.eventType(r));
                stringField(g, "activity", log.activity(r));
                stringField(g, "workflow_type", log.workflowType(r));
                Actor actor = log.actor(r);
                if (!actor.isEmpty()) {
                    g.writeObjectFieldStart("actor");
                    stringField(g, "type", actor.type());
                    stringField(g, "id", actor.id());
                    stringField(g, "name", actor.name());
                    g.writeEndObject();
                }
                stringField(g, "channel", log.channel(r));
                stringField(g, "source_system", log.sourceSystem(r));
                stringField(g, "correlation_id", log.correlationId(r));
                if (log.objectRefs().end(r) > log.objectRefs().start(r)) {
                    g.writeFieldName("object_refs");
                    JsonAttributes.writeRefs(g, log.objectRefs(), r);
                }
                objectField(g, "state_before", log.stateBefore(), r);
                objectField(g, "state_after", log.stateAfter(), r);
                objectField(g, "outcome_labels", log.outcomeLabels(), r);
                objectField(g, "payload", log.payload(), r);
                g.writeEndObject();
            }
            if (log.size() > 0) {
                g.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new ArenaException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void stringField(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void objectField(JsonGenerator g, String name, org.systemarena.core.AttributeTable table, int row)
            throws IOException {
        if (table.end(row) > table.start(row)) {
            g.writeFieldName(name);
            JsonAttributes.writeObject(g, table, row);
        }
    }
}
