package org.systemarena.datasets.io.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.systemarena.core.StringDictionary;
import org.systemarena.core.ValueKind;
import org.systemarena.core.input.IsoTimestamps;
import org.systemarena.datasets.io.Canonical;
import org.systemarena.datasets.io.ColumnMapping;
import org.systemarena.datasets.io.IsoTimes;
import org.systemarena.datasets.io.RowBuffer;
import org.systemarena.datasets.io.TextCodes;

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
    /**
     * Not a line this class reads (the caller has Jackson read it), or one cut off at the end of the bytes given
     * (the caller reads more and asks again). The row may hold part of it.
     */
    static final int OTHER = 2;

    private static final int NULL = StringDictionary.NULL;
    private static final int EVENT_TYPE = Canonical.EVENT_TYPE.stringField.ordinal();
    /**
     * Kinds of nested object for {@link #members}, besides the attribute targets of {@link RowBuffer} (0 to 3, an
     * object of scalars).
     */
    private static final int ACTOR_OBJECT = -1;
    private static final int OBJECT_REF = -2;
    private static final int UNKNOWN = Integer.MIN_VALUE;

    private final ColumnMapping mapping;
    private final RowBuffer row;
    /** What each member name means, by its code; null until the name is first read. */
    private Name[] meanings = new Name[64];
    /** The code {@link #text} read. */
    private int textCode;
    /** Per member name code, the number of the object it was last read in (see {@link #repeated}). */
    private long[] seenIn = new long[64];
    private long objects;
    /** The object reference being read: its members' codes, by {@link RowBuffer#REF_TYPE} ... */
    private final int[] ref = new int[3];

    JsonLineScanner(ColumnMapping mapping, RowBuffer row) {
        this.mapping = mapping;
        this.row = row;
    }

    /**
     * Reads the line starting at {@code start}; the bytes up to {@code limit} are valid and, when {@code atEnd},
     * are the rest of the file. {@code buffer[limit]} must be 0: a byte no check accepts, so that the checks need
     * no bounds of their own. A line cut off at {@code limit} is {@link #OTHER} (the caller reads more and asks
     * again). The caller clears the row before.
     */
    int read(byte[] buffer, int start, int limit, boolean atEnd) {
        startLine(buffer, start, limit, atEnd);
        return line();
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
            long object = ++objects;
            do {
                skipSpace();
                int name = memberName();
                if (name < 0 || repeated(name, object) || !column(meaning(name).role, name)) {
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
                row.timestamp = IsoTimestamps.millisToMicros(longValue);
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
        long object = ++objects;
        do {
            skipSpace();
            int key = memberName();
            if (key < 0 || repeated(key, object) || !member(kind, key)) {
                return false;
            }
            skipSpace();
        } while (eat(','));
        return eat('}');
    }

    private boolean member(int kind, int key) {
        if (kind == ACTOR_OBJECT) {
            int field = meaning(key).actorField;
            if (field < 0 || !text(row.fieldText[field])) {
                return false;
            }
            row.field(field, textCode);
            return true;
        }
        if (kind == OBJECT_REF) {
            int member = meaning(key).refMember;
            if (member < 0 || !text(row.refText[member])) {
                return false;
            }
            ref[member] = textCode;
            return true;
        }
        return scalar(kind, key);
    }

    /**
     * Whether member name {@code name} was already read in object {@code object} (objects are numbered as met). A
     * repeated name makes the line OTHER, so Jackson, which detects duplicates, reports it with its position: a
     * last-one-wins reading would drop data silently.
     */
    private boolean repeated(int name, long object) {
        if (name >= seenIn.length) {
            seenIn = Arrays.copyOf(seenIn, Math.max(name + 1, seenIn.length * 2));
        }
        if (seenIn[name] == object) {
            return true;
        }
        seenIn[name] = object;
        return false;
    }

    /** What a member name (by its code) means, worked out when it is first read. */
    private Name meaning(int name) {
        if (name >= meanings.length) {
            meanings = Arrays.copyOf(meanings, Math.max(name + 1, meanings.length * 2));
        }
        Name meaning = meanings[name];
        if (meaning == null) {
            String text = nameText(name);
            meaning = new Name(mapping.roleOf(text), JsonEvents.actorField(text), JsonEvents.refMember(text));
            meanings[name] = meaning;
        }
        return meaning;
    }

    /**
     * A member name's meaning in each place it can be: the column it names at the top level, the actor field (or -1)
     * and the object reference member (or -1) it names inside those objects, and its code as a payload key, looked
     * up when first used as one (so that other names are not added to the payload's keys).
     */
    private static final class Name {
        private final Canonical role;
        private final int actorField;
        private final int refMember;
        private int payloadKey = UNKNOWN;

        Name(Canonical role, int actorField, int refMember) {
            this.role = role;
            this.actorField = actorField;
            this.refMember = refMember;
        }

    }

    /** A member name's code as a payload key in the builder, looked up once per name. */
    private int payloadKey(int name) {
        Name meaning = meaning(name);
        if (meaning.payloadKey == UNKNOWN) {
            meaning.payloadKey = row.payloadKey(nameText(name));
        }
        return meaning.payloadKey;
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
            Arrays.fill(ref, NULL);
            if (!eat('{') || !members(OBJECT_REF) || ref[RowBuffer.REF_TYPE] == NULL || ref[RowBuffer.REF_ID] == NULL) {
                return false; // a reference without a type or id: Jackson's path reports it
            }
            row.objectRef(ref[RowBuffer.REF_TYPE], ref[RowBuffer.REF_ID], ref[RowBuffer.REF_ROLE]);
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
