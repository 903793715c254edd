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
final class JsonLineScanner {
    /** A line with one event, now in the row; {@link #next()} is the start of the next line. */
    static final int EVENT = 0;
    /** A line of whitespace only; {@link #next()} is the start of the next line. */
    static final int BLANK = 1;
    /** Not a line this class reads: the caller has Jackson read it. The row may hold part of it. */
    static final int OTHER = 2;
    /** The line goes on past the bytes given: call again with more. */
    static final int MORE = 3;

    private static final int NULL = StringDictionary.NULL;
    private static final int ACTOR_TYPE = Canonical.ACTOR_TYPE.stringField.ordinal();
    private static final int ACTOR_ID = Canonical.ACTOR_ID.stringField.ordinal();
    private static final int ACTOR_NAME = Canonical.ACTOR_NAME.stringField.ordinal();

    private final ColumnMapping mapping;
    private final RowBuffer row;
    /** Member names: the same String instance for the same bytes, so the row's role memo hits by identity. */
    private final StringDictionary names = new StringDictionary();
    private final TextCodes nameCodes = new TextCodes(256, names::intern);
    /** Each name as it is written, quotes included, by its code in {@link #names}. */
    private byte[][] quotedNames = new byte[16][];
    /**
     * The name (code + 1) that followed each name (code + 1; 0 for the start of a line) the last time: writers
     * put an event's members in the same order on every line, so the next name is mostly known and is only compared.
     */
    private int[] nextName = new int[17];
    /** The column role of each top-level name, by its code. */
    private Canonical[] roles = new Canonical[16];
    /** The last name read on this line (code + 1), 0 at its start. */
    private int previousName;
    private char[] chars = new char[128];

    private byte[] b;
    private int p;
    private int limit;
    /** The last value read: a number's digits, a string's content. */
    private int valueStart;
    private int valueLength;
    private long longValue;
    private double doubleValue;
    /** The code {@link #text} read. */
    private int textCode;
    private boolean atEnd;

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
        b = buffer;
        p = start;
        this.limit = limit;
        this.atEnd = atEnd;
        int result = line();
        if (result == OTHER && !atEnd && indexOf(buffer, (byte) '\n', start, limit) < 0) {
            return MORE; // it stopped at the end of the bytes given, or may have: read the line once it is whole
        }
        return result;
    }

    static int indexOf(byte[] buffer, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** Where the next line starts, after {@link #EVENT} or {@link #BLANK}. */
    int next() {
        return p;
    }

    private int line() {
        previousName = 0;
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
                int name = nameCode();
                if (name < 0 || !colon() || !column(roles[name], names.value(name))) {
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

    /** Consumes the line end ('\n', or the end of the file); false when something else is or may be there. */
    private boolean endOfLine() {
        if (b[p] == '\n') {
            p++;
            return true;
        }
        return p == limit && atEnd;
    }

    private boolean column(Canonical role, String name) {
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
                return actor();
            case OBJECT_REFS:
                return objectRefs();
            case STATE_BEFORE:
                return attributes(RowBuffer.STATE_BEFORE);
            case STATE_AFTER:
                return attributes(RowBuffer.STATE_AFTER);
            case OUTCOME_LABELS:
                return attributes(RowBuffer.OUTCOME_LABELS);
            case PAYLOAD:
                return attributes(RowBuffer.PAYLOAD);
            case ATTRIBUTE:
                // A null top-level column is absent (as in the Jackson path); other values are kept with their type.
                return literal("null") || scalar(RowBuffer.PAYLOAD, name);
            default:
                int field = role.stringField.ordinal();
                if (!text(row.fieldText[field])) {
                    return false;
                }
                row.field(field, textCode);
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
            long micros = row.times.parse(chars(), 0, valueLength);
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

    private boolean actor() {
        if (literal("null")) {
            return true;
        }
        if (!eat('{')) {
            return false;
        }
        skipSpace();
        if (eat('}')) {
            return true;
        }
        do {
            skipSpace();
            String key = name();
            if (key == null || !colon()) {
                return false;
            }
            int field;
            switch (key) {
                case "type":
                    field = ACTOR_TYPE;
                    break;
                case "id":
                    field = ACTOR_ID;
                    break;
                case "name":
                    field = ACTOR_NAME;
                    break;
                default:
                    return false;
            }
            if (!text(row.fieldText[field])) {
                return false;
            }
            row.field(field, textCode);
            skipSpace();
        } while (eat(','));
        return eat('}');
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
            if (!objectRef()) {
                return false;
            }
            skipSpace();
        } while (eat(','));
        return eat(']');
    }

    private boolean objectRef() {
        if (!eat('{')) {
            return false;
        }
        int type = NULL;
        int id = NULL;
        int role = NULL;
        skipSpace();
        if (!eat('}')) {
            do {
                skipSpace();
                String key = name();
                if (key == null || !colon()) {
                    return false;
                }
                switch (key) {
                    case "type":
                        if (!text(row.refTypeText)) {
                            return false;
                        }
                        type = textCode;
                        break;
                    case "id":
                        if (!text(row.refIdText)) {
                            return false;
                        }
                        id = textCode;
                        break;
                    case "role":
                        if (!text(row.refRoleText)) {
                            return false;
                        }
                        role = textCode;
                        break;
                    default:
                        return false;
                }
                skipSpace();
            } while (eat(','));
            if (!eat('}')) {
                return false;
            }
        }
        if (type == NULL || id == NULL) {
            return false; // Jackson's path reports it
        }
        row.objectRef(type, id, role);
        return true;
    }

    private boolean attributes(int target) {
        if (literal("null")) {
            return true;
        }
        if (!eat('{')) {
            return false;
        }
        skipSpace();
        if (eat('}')) {
            return true;
        }
        do {
            skipSpace();
            String key = name();
            if (key == null || !colon() || !scalar(target, key)) {
                return false;
            }
            skipSpace();
        } while (eat(','));
        return eat('}');
    }

    /** A string, number, boolean or null attribute value, its JSON type kept. */
    private boolean scalar(int target, String key) {
        if (string()) {
            int code = row.attributeText.code(b, valueStart, valueLength);
            row.string(target, key, row.attributeText.value(), code);
            return true;
        }
        if (literal("true")) {
            row.attribute(target, key, ValueKind.BOOLEAN, 1, null);
            return true;
        }
        if (literal("false")) {
            row.attribute(target, key, ValueKind.BOOLEAN, 0, null);
            return true;
        }
        if (literal("null")) {
            row.attribute(target, key, ValueKind.NULL, 0, null);
            return true;
        }
        ValueKind kind = number();
        if (kind == ValueKind.LONG) {
            row.attribute(target, key, ValueKind.LONG, longValue, null);
            return true;
        }
        if (kind == ValueKind.DOUBLE) {
            row.attribute(target, key, ValueKind.DOUBLE, Double.doubleToRawLongBits(doubleValue), null);
            return true;
        }
        return false;
    }

    /** A member name, the same instance for the same bytes; null when there is no simple string here. */
    private String name() {
        int code = nameCode();
        return code < 0 ? null : names.value(code);
    }

    /** A member name's code in {@link #names}, or -1 when there is no simple string here. */
    private int nameCode() {
        int expected = nextName[previousName];
        if (expected > 0 && startsWith(quotedNames[expected - 1])) {
            p += quotedNames[expected - 1].length;
            previousName = expected;
            return expected - 1;
        }
        int start = p;
        if (!string()) {
            return -1;
        }
        int code = nameCodes.code(b, valueStart, valueLength);
        if (code >= quotedNames.length) {
            quotedNames = Arrays.copyOf(quotedNames, Math.max(code + 1, quotedNames.length * 2));
            nextName = Arrays.copyOf(nextName, quotedNames.length + 1);
            roles = Arrays.copyOf(roles, quotedNames.length);
        }
        if (quotedNames[code] == null) {
            quotedNames[code] = Arrays.copyOfRange(b, start, p);
            roles[code] = mapping.roleOf(names.value(code));
        }
        nextName[previousName] = code + 1;
        previousName = code + 1;
        return code;
    }

    private boolean startsWith(byte[] bytes) {
        return p + bytes.length <= limit && AsciiBytes.equal(b, p, bytes, 0, bytes.length);
    }

    private boolean colon() {
        skipSpace();
        if (!eat(':')) {
            return false;
        }
        skipSpace();
        return true;
    }

    /** A string of printable ASCII without escapes; its content is then at {@link #valueStart}. */
    private boolean string() {
        if (b[p] != '"') {
            return false;
        }
        int i = AsciiBytes.stringStop(b, p + 1, limit);
        if (b[i] != '"') {
            return false; // an escape, a control character, non-ASCII text, or the end of the bytes given
        }
        valueStart = p + 1;
        valueLength = i - valueStart;
        p = i + 1;
        return true;
    }

    /**
     * A JSON number: {@link ValueKind#LONG} for an integer of up to 18 digits (in {@link #longValue}),
     * {@link ValueKind#DOUBLE} for one with a fraction or exponent (in {@link #doubleValue}), null for anything else
     * (including longer integers, whose range Jackson's path checks). Its text is then at {@link #valueStart}.
     */
    private ValueKind number() {
        int i = p;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        int digitsStart = i;
        long value = 0;
        for (int d; (d = b[i] - '0') >= 0 && d <= 9; i++) {
            value = value * 10 + d;
        }
        int digits = i - digitsStart;
        if (digits == 0 || digits > 18 || digits > 1 && b[digitsStart] == '0') {
            return null;
        }
        if (b[i] == '.' || b[i] == 'e' || b[i] == 'E') {
            return decimal(i);
        }
        valueStart = p;
        valueLength = i - p;
        p = i;
        longValue = negative ? -value : value;
        return ValueKind.LONG;
    }

    /** The rest of a number with a fraction or an exponent, from {@code i}. */
    private ValueKind decimal(int i) {
        if (b[i] == '.') {
            int from = ++i;
            while (b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == from) {
                return null;
            }
        }
        if (b[i] == 'e' || b[i] == 'E') {
            i++;
            if (b[i] == '+' || b[i] == '-') {
                i++;
            }
            int from = i;
            while (b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == from) {
                return null;
            }
        }
        valueStart = p;
        valueLength = i - p;
        doubleValue = Double.parseDouble(new String(b, valueStart, valueLength, StandardCharsets.ISO_8859_1));
        if (Double.isInfinite(doubleValue)) {
            return null; // out of range: Jackson's path decides
        }
        p = i;
        return ValueKind.DOUBLE;
    }

    /** {@code word} here, not followed by more letters or digits. */
    private boolean literal(String word) {
        int n = word.length();
        for (int i = 0; i < n; i++) {
            if (b[p + i] != word.charAt(i)) {
                return false;
            }
        }
        int after = b[p + n];
        if (after >= 'a' && after <= 'z' || after >= 'A' && after <= 'Z' || after >= '0' && after <= '9') {
            return false;
        }
        p += n;
        return true;
    }

    /** The last value's bytes widened to chars (ASCII only), for the char-based timestamp parser. */
    private char[] chars() {
        if (valueLength > chars.length) {
            chars = new char[Math.max(valueLength, chars.length * 2)];
        }
        char[] out = chars;
        for (int i = 0, from = valueStart; i < valueLength; i++) {
            out[i] = (char) b[from + i];
        }
        return out;
    }

    private boolean eat(char c) {
        if (b[p] == c) {
            p++;
            return true;
        }
        return false;
    }

    /**
     * JSON whitespace within a line: space, tab, and a carriage return before the line feed. A carriage return alone
     * ends a line for Jackson (old Mac files): it is left in place, so the line is Jackson's to read.
     */
    private void skipSpace() {
        for (byte c; (c = b[p]) == ' ' || c == '\t' || c == '\r' && b[p + 1] == '\n'; ) {
            p++;
        }
    }
}
