package org.systemarena.datasets.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.systemarena.core.StringDictionary;
import org.systemarena.core.ValueKind;

/**
 * Reads the common shape of a JSON Lines event straight from the file's bytes into a {@link RowBuffer}: one object
 * per line whose strings are printable ASCII without escapes, whose numbers are plain, and whose values have the
 * types their columns take. That is nearly every line of a machine-written log, and reading it here skips what a
 * general parser must do for any JSON (decoding every string to chars, a symbol table for names, a token state
 * machine), which is most of the time of loading JSONL with Jackson alone.
 *
 * <p>Anything else (an escape, a non-ASCII byte, an exponent in a sequence number, a wrong type, a syntax error)
 * makes {@link #read} answer {@link #OTHER}, and the caller has Jackson read that line: Jackson stays the parser of
 * record, so what is accepted and every error message are exactly Jackson's. This class only ever accepts lines
 * that Jackson reads to the same row.
 */
final class JsonLineScanner extends JsonLineCursor {
    /** A line with one event, now in the row; {@link #next()} is the start of the next line. */
    static final int EVENT = 0;
    /** A line of whitespace only; {@link #next()} is the start of the next line. */
    static final int BLANK = 1;
    /** Not a line this class reads: the caller has Jackson read it. The row may hold part of it. */
    static final int OTHER = 2;
    /** The line goes on past the bytes given: call again with more. */
    static final int MORE = 3;

    private static final int NULL = StringDictionary.NULL;
    private static final int EVENT_TYPE = Canonical.EVENT_TYPE.stringField.ordinal();
    /**
     * Kinds of nested object for {@link #members}, besides the attribute targets of {@link RowBuffer} (0 to 3, an
     * object of scalars).
     */
    private static final int ACTOR_OBJECT = -1;
    private static final int OBJECT_REF = -2;
    /** What a name is inside an object reference. */
    private static final int REF_TYPE = 0;
    private static final int REF_ID = 1;
    private static final int REF_ROLE = 2;
    private static final int UNKNOWN = Integer.MIN_VALUE;

    private final ColumnMapping mapping;
    private final RowBuffer row;
    /** Top-level member names' column roles, by name code; null until first needed. */
    private Canonical[] roles = new Canonical[64];
    /** What nested member names mean, by name code; null until first needed. */
    private Name[] nestedNames = new Name[64];
    /** Member names' codes as payload keys, by name code; {@link #UNKNOWN} until first needed. */
    private int[] payloadKeys = new int[0];
    /** The code {@link #text} read. */
    private int textCode;
    /** The object reference being read. */
    private int refType;
    private int refId;
    private int refRole;

    JsonLineScanner(ColumnMapping mapping, RowBuffer row) {
        this.mapping = mapping;
        this.row = row;
    }

    /**
     * Reads the line starting at {@code start}; the bytes up to {@code limit} are valid and, when {@code atEnd},
     * are the rest of the file. {@code buffer[limit]} must be 0: a byte no check accepts, so that the checks need
     * no bounds of their own. The caller clears the row before.
     */
    int read(byte[] buffer, int start, int limit, boolean atEnd) {
        startLine(buffer, start, limit, atEnd);
        int result = line();
        if (result == OTHER && !atEnd && indexOf(buffer, (byte) '\n', start, limit) < 0) {
            return MORE; // it stopped at the end of the bytes given, or may have: read the line once it is whole
        }
        return result;
    }

    /** Where the next line starts, after {@link #EVENT} or {@link #BLANK}. */
    int next() {
        return p;
    }

    private int line() {
        skipSpace();
        if (endOfLine()) {
            return BLANK;
        }
        if (!eat('{')) {
            return OTHER;
        }
        skipSpace();
        if (!eat('}')) {
            do {
                skipSpace();
                int name = memberName();
                if (name < 0 || !column(role(name), name)) {
                    return OTHER;
                }
                skipSpace();
            } while (eat(','));
            if (!eat('}')) {
                return OTHER;
            }
        }
        skipSpace();
        return endOfLine() ? EVENT : OTHER;
    }

    /** The column role of a top-level member name (by its code), worked out once per name. */
    private Canonical role(int name) {
        if (name >= roles.length) {
            roles = Arrays.copyOf(roles, Math.max(name + 1, roles.length * 2));
        }
        Canonical role = roles[name];
        if (role == null) {
            role = mapping.roleOf(nameText(name));
            roles[name] = role;
        }
        return role;
    }

    private boolean column(Canonical role, int name) {
        switch (role) {
            case CASE_ID:
                if (!text(row.caseIdText)) {
                    return false;
                }
                row.caseId(textCode);
                return true;
            case TIMESTAMP:
                return timestamp();
            case SEQUENCE:
                if (literal("null")) {
                    return true;
                }
                if (number() != ValueKind.LONG) {
                    return false;
                }
                row.sequence = longValue;
                return true;
            case EVENT_ID:
                if (literal("null")) {
                    row.eventId = null;
                    return true;
                }
                if (string() || number() == ValueKind.LONG) {
                    row.eventId = new String(b, valueStart, valueLength, StandardCharsets.ISO_8859_1);
                    return true;
                }
                return false;
            case ACTOR:
                return nullOrObject(ACTOR_OBJECT);
            case OBJECT_REFS:
                return objectRefs();
            case STATE_BEFORE:
                return nullOrObject(RowBuffer.STATE_BEFORE);
            case STATE_AFTER:
                return nullOrObject(RowBuffer.STATE_AFTER);
            case OUTCOME_LABELS:
                return nullOrObject(RowBuffer.OUTCOME_LABELS);
            case PAYLOAD:
                return nullOrObject(RowBuffer.PAYLOAD);
            case ATTRIBUTE:
                // A null top-level column is absent (as in the Jackson path); other values are kept with their type.
                return literal("null") || scalar(RowBuffer.PAYLOAD, name);
            default:
                int field = role.stringField.ordinal();
                if (!text(row.fieldText[field])) {
                    return false;
                }
                row.field(field, textCode);
                if (field == EVENT_TYPE) {
                    context(textCode + 2); // the payload's keys, and which columns follow, depend on it
                }
                return true;
        }
    }

    /** A string field (a string, an integer as its text, or null) as a code of {@code codes} in {@link #textCode}. */
    private boolean text(TextCodes codes) {
        if (literal("null")) {
            textCode = NULL;
            return true;
        }
        if (string() || number() == ValueKind.LONG) {
            textCode = codes.code(b, valueStart, valueLength);
            return true;
        }
        return false;
    }

    private boolean timestamp() {
        if (literal("null")) {
            return true;
        }
        if (string()) {
            long micros = row.times.parse(b, valueStart, valueLength);
            if (micros == IsoTimes.OTHER) {
                return false; // other forms and invalid ones: Jackson's path parses them or reports the error
            }
            row.timestamp = micros;
        } else if (number() == ValueKind.LONG) {
            try {
                row.timestamp = TimestampParser.millisToMicros(longValue);
            } catch (ArithmeticException e) {
                return false;
            }
        } else {
            return false;
        }
        row.hasTimestamp = true;
        return true;
    }

    /** {@code null}, or an object whose members {@link #member} reads with this kind (see {@link #ACTOR_OBJECT}). */
    private boolean nullOrObject(int kind) {
        return literal("null") || eat('{') && members(kind);
    }

    /** The members of an object whose '{' was just read, up to its '}'. */
    private boolean members(int kind) {
        skipSpace();
        if (eat('}')) {
            return true;
        }
        do {
            skipSpace();
            int key = memberName();
            if (key < 0 || !member(kind, key)) {
                return false;
            }
            skipSpace();
        } while (eat(','));
        return eat('}');
    }

    private boolean member(int kind, int key) {
        if (kind == ACTOR_OBJECT) {
            int field = nested(key).actorField();
            if (field < 0 || !text(row.fieldText[field])) {
                return false;
            }
            row.field(field, textCode);
            return true;
        }
        if (kind == OBJECT_REF) {
            switch (nested(key).refMember()) {
                case REF_TYPE:
                    if (!text(row.refTypeText)) {
                        return false;
                    }
                    refType = textCode;
                    return true;
                case REF_ID:
                    if (!text(row.refIdText)) {
                        return false;
                    }
                    refId = textCode;
                    return true;
                case REF_ROLE:
                    if (!text(row.refRoleText)) {
                        return false;
                    }
                    refRole = textCode;
                    return true;
                default:
                    return false;
            }
        }
        return scalar(kind, key);
    }

    /** A nested member name's meaning in each kind of object it can be in, worked out once per name. */
    private Name nested(int name) {
        if (name >= nestedNames.length) {
            nestedNames = Arrays.copyOf(nestedNames, Math.max(name + 1, nestedNames.length * 2));
        }
        Name meaning = nestedNames[name];
        if (meaning == null) {
            String text = nameText(name);
            int refMember = switch (text) {
                case "type" -> REF_TYPE;
                case "id" -> REF_ID;
                case "role" -> REF_ROLE;
                default -> -1;
            };
            meaning = new Name(text, JsonEvents.actorField(text), refMember);
            nestedNames[name] = meaning;
        }
        return meaning;
    }

    /** A nested member name: its text, the actor field it names (or -1) and what it is in an object reference (or -1). */
    private record Name(String text, int actorField, int refMember) {
    }

    /** A member name's code as a payload key in the builder, looked up once per name. */
    private int payloadKey(int name) {
        if (name >= payloadKeys.length) {
            int from = payloadKeys.length;
            payloadKeys = Arrays.copyOf(payloadKeys, Math.max(name + 1, from * 2));
            Arrays.fill(payloadKeys, from, payloadKeys.length, UNKNOWN);
        }
        int code = payloadKeys[name];
        if (code == UNKNOWN) {
            code = row.payloadKey(nameText(name));
            payloadKeys[name] = code;
        }
        return code;
    }

    private boolean objectRefs() {
        if (literal("null")) {
            return true;
        }
        if (!eat('[')) {
            return false;
        }
        skipSpace();
        if (eat(']')) {
            return true;
        }
        do {
            skipSpace();
            refType = NULL;
            refId = NULL;
            refRole = NULL;
            if (!eat('{') || !members(OBJECT_REF) || refType == NULL || refId == NULL) {
                return false; // a reference without a type or id: Jackson's path reports it
            }
            row.objectRef(refType, refId, refRole);
            skipSpace();
        } while (eat(','));
        return eat(']');
    }

    /** A string, number, boolean or null attribute value, its JSON type kept. */
    private boolean scalar(int target, int name) {
        String key = nameText(name);
        // Payload keys go to the builder as codes; the other targets take the text.
        int keyCode = target == RowBuffer.PAYLOAD ? payloadKey(name) : NULL;
        if (string()) {
            int code = row.attributeText.code(b, valueStart, valueLength);
            row.string(target, key, keyCode, code);
            return true;
        }
        if (literal("true")) {
            row.attribute(target, key, keyCode, ValueKind.BOOLEAN, 1, null);
            return true;
        }
        if (literal("false")) {
            row.attribute(target, key, keyCode, ValueKind.BOOLEAN, 0, null);
            return true;
        }
        if (literal("null")) {
            row.attribute(target, key, keyCode, ValueKind.NULL, 0, null);
            return true;
        }
        ValueKind kind = number();
        if (kind == ValueKind.LONG) {
            row.attribute(target, key, keyCode, ValueKind.LONG, longValue, null);
            return true;
        }
        if (kind == ValueKind.DOUBLE) {
            row.attribute(target, key, keyCode, ValueKind.DOUBLE, Double.doubleToRawLongBits(doubleValue), null);
            return true;
        }
        return false;
    }
}
