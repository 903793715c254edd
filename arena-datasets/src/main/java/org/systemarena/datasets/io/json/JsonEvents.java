package org.systemarena.datasets.io.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.core.StringDictionary;
import org.systemarena.core.ValueKind;
import org.systemarena.datasets.io.Canonical;
import org.systemarena.datasets.io.ColumnMapping;
import org.systemarena.datasets.io.Locator;
import org.systemarena.datasets.io.RowBuffer;
import org.systemarena.datasets.io.Sequences;
import org.systemarena.datasets.io.TextCodes;
import org.systemarena.datasets.io.TimeText;

/**
 * Reads the JSON form of events with Jackson's token API (no tree per event): one event object into a
 * {@link RowBuffer}, and the JSON-valued columns ({@code object_refs}, {@code actor}, {@code state_before},
 * {@code state_after}, {@code outcome_labels}, {@code payload}) that CSV and Parquet carry as JSON text.
 */
final class JsonEvents {
    private static final int ACTOR_TYPE = Canonical.ACTOR_TYPE.stringField.ordinal();
    private static final int ACTOR_ID = Canonical.ACTOR_ID.stringField.ordinal();
    private static final int ACTOR_NAME = Canonical.ACTOR_NAME.stringField.ordinal();
    private JsonEvents() {
    }

    /** Reads one event; {@code p} is on its START_OBJECT and ends on the matching END_OBJECT. */
    /**
     * Jackson's refusal of a value beyond its limits (a string of 20,000,000 characters, a number of 1,000 digits, a
     * member name of 50,000, objects nested 1,000 deep), where the parser stands: it comes without a location.
     */
    static ArenaException tooLarge(StreamConstraintsException e, JsonParser p, String source, long linesBefore) {
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        // "... exceeds the maximum allowed (20000000, from `StreamReadConstraints.getMaxStringLength()`)"
        String message = e.getOriginalMessage().replaceAll(", from `StreamReadConstraints[^`]*`", "");
        return new ArenaException("JSON value beyond Jackson's limits: " + message,
                Location.line(source, linesBefore + loc.getLineNr(), loc.getColumnNr()), e);
    }

    static void readEvent(JsonParser p, ColumnMapping mapping, RowBuffer row, Locator at) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            readColumn(p, row.roleOf(mapping, name), name, row, at);
        }
        if (t != JsonToken.END_OBJECT) {
            throw at.error("expected a field name or '}', got " + t, null, p.getText());
        }
    }

    /** Stores the value the parser is on as column {@code name} with the given role. */
    static void readColumn(JsonParser p, Canonical role, String name, RowBuffer row, Locator at) throws IOException {
        switch (role) {
            case CASE_ID:
                row.caseId(code(p, row.caseIdText, name, null, at));
                break;
            case TIMESTAMP:
                readTimestamp(p, name, row, at);
                break;
            case SEQUENCE:
                readSequence(p, name, row, at);
                break;
            case EVENT_ID:
                row.eventId = text(p, name, at); // unique per event: nothing to cache
                break;
            case ACTOR:
                readActor(p, name, row, at);
                break;
            case OBJECT_REFS:
                readObjectRefs(p, name, row, at);
                break;
            case STATE_BEFORE:
                readAttributes(p, name, RowBuffer.STATE_BEFORE, row, at);
                break;
            case STATE_AFTER:
                readAttributes(p, name, RowBuffer.STATE_AFTER, row, at);
                break;
            case OUTCOME_LABELS:
                readAttributes(p, name, RowBuffer.OUTCOME_LABELS, row, at);
                break;
            case PAYLOAD:
                readAttributes(p, name, RowBuffer.PAYLOAD, row, at);
                break;
            case ATTRIBUTE:
                // A null top-level column is "not applicable to this event" (table exports such as pandas write
                // every column on every row), so the attribute is absent, as in CSV and Parquet. An explicit null
                // inside the "payload" object is kept.
                if (p.currentToken() != JsonToken.VALUE_NULL) {
                    readScalar(p, RowBuffer.PAYLOAD, name, null, row, at);
                }
                break;
            default:
                int field = role.stringField.ordinal();
                row.field(field, code(p, row.fieldText[field], name, null, at));
        }
    }

    /** A string field: a JSON string, or an integer taken as its text (ids are often numeric); null when null. */
    private static String text(JsonParser p, String column, Locator at) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw at.error("expected a string, got " + describe(t), column, shown(p));
    }

    /**
     * Like {@link #text} but gives the value's code from {@code codes} (its text is then {@code codes.value()}), or
     * {@link StringDictionary#NULL} for null. {@code key} names a field nested in {@code column} (joined only for an
     * error message).
     */
    private static int code(JsonParser p, TextCodes codes, String column, String key, Locator at)
            throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
            return codes.code(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        if (t == JsonToken.VALUE_NULL) {
            return StringDictionary.NULL;
        }
        throw at.error("expected a string, got " + describe(t), path(column, key), shown(p));
    }

    private static String path(String column, String key) {
        return key == null ? column : column + "." + key;
    }

    private static void readTimestamp(JsonParser p, String column, RowBuffer row, Locator at) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            row.timestamp(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), column, at);
        } else if (t == JsonToken.VALUE_NUMBER_INT) {
            row.timestamp = TimeText.fromEpochMillis(longValue(p, column, at), column, at);
            row.hasTimestamp = true;
        } else if (t != JsonToken.VALUE_NULL) {
            throw at.error("expected an ISO-8601 timestamp or epoch milliseconds, got " + describe(t), column,
                    shown(p));
        }
    }

    private static void readSequence(JsonParser p, String column, RowBuffer row, Locator at) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            row.sequence = longValue(p, column, at);
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT && isIntegral(p.getDoubleValue())) {
            // pandas writes integer columns that have gaps as 3.0
            row.sequence = (long) p.getDoubleValue();
        } else if (t == JsonToken.VALUE_STRING) {
            row.sequence = Sequences.parse(p.getText(), column, at);
        } else if (t != JsonToken.VALUE_NULL) {
            throw at.error("expected an integer sequence number, got " + describe(t), column, shown(p));
        }
    }

    private static boolean isIntegral(double d) {
        return d == Math.rint(d) && Math.abs(d) < 0x1p53;
    }

    /** The string field an actor object's member sets ({@code type}, {@code id}, {@code name}), or -1. */
    static int actorField(String key) {
        switch (key) {
            case "type":
                return ACTOR_TYPE;
            case "id":
                return ACTOR_ID;
            case "name":
                return ACTOR_NAME;
            default:
                return -1;
        }
    }

    /** The member of an object reference a key names ({@link RowBuffer#REF_TYPE} ...), or -1. */
    static int refMember(String key) {
        switch (key) {
            case "type":
                return RowBuffer.REF_TYPE;
            case "id":
                return RowBuffer.REF_ID;
            case "role":
                return RowBuffer.REF_ROLE;
            default:
                return -1;
        }
    }

    /** A member's text as read last for a reference (the last lookup of its codes), or null when it was not given. */
    private static String refText(RowBuffer row, int[] ref, int member) {
        return ref[member] == StringDictionary.NULL ? null : row.refText[member].value();
    }

    private static void readActor(JsonParser p, String column, RowBuffer row, Locator at) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            throw at.error("expected an object {type, id, name}, got " + describe(t), column, shown(p));
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            int field = actorField(key);
            if (field < 0) {
                throw at.error("unknown actor field '" + key + "' (expected type, id, name)", path(column, key),
                        shown(p));
            }
            row.field(field, code(p, row.fieldText[field], column, key, at));
        }
    }

    static void readObjectRefs(JsonParser p, String column, RowBuffer row, Locator at) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            throw at.error("expected an array of {type, id, role}, got " + describe(t), column, shown(p));
        }
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw at.error("expected an object {type, id, role} in the array, got " + describe(t), column,
                        shown(p));
            }
            int[] ref = {StringDictionary.NULL, StringDictionary.NULL, StringDictionary.NULL};
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                int member = refMember(key);
                if (member < 0) {
                    throw at.error("unknown object reference field '" + key + "' (expected type, id, role)",
                            path(column, key), shown(p));
                }
                ref[member] = code(p, row.refText[member], column, key, at);
            }
            if (ref[RowBuffer.REF_TYPE] == StringDictionary.NULL || ref[RowBuffer.REF_ID] == StringDictionary.NULL) {
                throw at.error("object reference needs a type and an id", column, "{type="
                        + refText(row, ref, RowBuffer.REF_TYPE) + ", id=" + refText(row, ref, RowBuffer.REF_ID)
                        + ", role=" + refText(row, ref, RowBuffer.REF_ROLE) + "}");
            }
            row.objectRef(ref[RowBuffer.REF_TYPE], ref[RowBuffer.REF_ID], ref[RowBuffer.REF_ROLE]);
        }
    }

    static void readAttributes(JsonParser p, String column, int target, RowBuffer row, Locator at)
            throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            throw at.error("expected a JSON object, got " + describe(t), column, shown(p));
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            readScalar(p, target, key, column, row, at);
        }
    }

    /**
     * A scalar attribute value with its JSON type kept: string, long, double, boolean or null. {@code column} is
     * the enclosing object column ({@code payload}, ...) or null for a top-level column named {@code key}.
     */
    private static void readScalar(JsonParser p, int target, String key, String parent, RowBuffer row, Locator at)
            throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case VALUE_STRING:
                int code = row.attributeText.code(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                row.string(target, key, StringDictionary.NULL, code);
                break;
            case VALUE_NUMBER_INT:
                row.attribute(target, key, ValueKind.LONG, longValue(p, parent == null ? key : path(parent, key), at),
                        null);
                break;
            case VALUE_NUMBER_FLOAT:
                row.attribute(target, key, ValueKind.DOUBLE, Double.doubleToRawLongBits(p.getDoubleValue()), null);
                break;
            case VALUE_TRUE:
                row.attribute(target, key, ValueKind.BOOLEAN, 1, null);
                break;
            case VALUE_FALSE:
                row.attribute(target, key, ValueKind.BOOLEAN, 0, null);
                break;
            case VALUE_NULL:
                row.attribute(target, key, ValueKind.NULL, 0, null);
                break;
            default:
                throw at.error("expected a string, number, boolean or null, got " + describe(t),
                        parent == null ? key : path(parent, key), shown(p));
        }
    }

    private static long longValue(JsonParser p, String column, Locator at) throws IOException {
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw at.error("integer out of the 64-bit range", column, p.getText());
        }
        return p.getLongValue();
    }

    static String describe(JsonToken t) {
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
                return "an integer";
            case VALUE_NUMBER_FLOAT:
                return "a decimal number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return String.valueOf(t);
        }
    }

    /** The offending value as text: scalars as written, structures by their opening bracket. */
    static String shown(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            return "{...}";
        }
        if (t == JsonToken.START_ARRAY) {
            return "[...]";
        }
        return p.getText();
    }
}
