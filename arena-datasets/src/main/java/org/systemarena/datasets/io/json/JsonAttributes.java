package org.systemarena.datasets.io.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.ObjectRefTable;
import org.systemarena.core.Timestamps;
import org.systemarena.core.ValueKind;

/** Writes a row's attributes and object references as JSON (for the JSONL writer and Parquet's JSON columns). */
public final class JsonAttributes {
    private JsonAttributes() {
    }

    /** Writes the row's entries as a JSON object; instants become ISO-8601 strings (JSON has no instant type). */
    static void writeObject(JsonGenerator g, AttributeTable table, int row) throws IOException {
        g.writeStartObject();
        for (int e = table.start(row), end = table.end(row); e < end; e++) {
            g.writeFieldName(table.key(e));
            writeValue(g, table, e);
        }
        g.writeEndObject();
    }

    public static void writeValue(JsonGenerator g, AttributeTable table, int entry) throws IOException {
        long raw = table.rawValue(entry);
        switch (ValueKind.ofCode(table.kindCode(entry))) {
            case STRING:
                g.writeString(table.strings().value((int) raw));
                break;
            case LONG:
                g.writeNumber(raw);
                break;
            case DOUBLE:
                g.writeNumber(Double.longBitsToDouble(raw));
                break;
            case BOOLEAN:
                g.writeBoolean(raw != 0);
                break;
            case INSTANT:
                g.writeString(Timestamps.fromMicros(raw).toString());
                break;
            default:
                g.writeNull();
        }
    }

    static void writeRefs(JsonGenerator g, ObjectRefTable refs, int row) throws IOException {
        g.writeStartArray();
        for (int e = refs.start(row), end = refs.end(row); e < end; e++) {
            g.writeStartObject();
            g.writeStringField("type", refs.typeDictionary().value(refs.typeCode(e)));
            g.writeStringField("id", refs.idDictionary().value(refs.idCode(e)));
            String role = refs.ref(e).role();
            if (role != null) {
                g.writeStringField("role", role);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
