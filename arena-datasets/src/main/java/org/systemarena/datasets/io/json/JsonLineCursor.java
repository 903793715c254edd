package org.systemarena.datasets.io.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.systemarena.core.StringDictionary;
import org.systemarena.core.ValueKind;
import org.systemarena.datasets.io.AsciiBytes;
import org.systemarena.datasets.io.TextCodes;

/**
 * The byte-level reading under {@link JsonLineScanner}: a position in one line of a buffer, and the JSON pieces
 * read there (member names, simple strings, plain numbers, literals, punctuation). Each reader either consumes its
 * piece and answers true (or a value kind), or leaves the position where it was for the caller to give up on the
 * line. {@code b[limit]} is always 0, a byte none of them accepts, so they need no bounds checks of their own.
 */
class JsonLineCursor {
    private static final int NEXT_NAME_BITS = 12;
    /**
     * Longer strings and numbers are Jackson's to read: it refuses member names over 50,000 characters, strings over
     * 20,000,000 and numbers over 1,000, and a line must read the same with the scanner as without.
     */
    static final int MAX_STRING = 50_000;
    static final int MAX_NUMBER = 1_000;
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};
    /** Member names by code: one String instance per name, made once. */
    private final StringDictionary names = new StringDictionary();
    private final TextCodes nameCodes = new TextCodes(256, names::intern);
    /**
     * Each name as first written, from its opening quote to its colon (any spaces before the colon included), by
     * its code in {@link #names}.
     */
    private byte[][] quotedNames = new byte[16][];
    /**
     * The name (code + 1) expected next, by the name before it (code + 1; 0 for the start of a line) and the line's
     * context (its event type: a payload's keys depend on it): writers put an event's members in the same order on
     * every line, so the next name is mostly known and is only compared. A hash table without keys: a collision only
     * costs a wrong guess, which the comparison catches.
     */
    private final int[] nextName = new int[1 << NEXT_NAME_BITS];
    /** The last name read on this line (code + 1), 0 at its start. */
    private int previousName;
    /** What the line's names depend on, set by the caller ({@link #context(int)}); 0 at the start of a line. */
    private int context;

    byte[] b;
    int p;
    int limit;
    boolean atEnd;
    /** The last value read: a number's digits, a string's content. */
    int valueStart;
    int valueLength;
    long longValue;
    double doubleValue;

    /** Starts reading a line at {@code start}; see {@link JsonLineScanner#read}. */
    final void startLine(byte[] buffer, int start, int limit, boolean atEnd) {
        b = buffer;
        p = start;
        this.limit = limit;
        this.atEnd = atEnd;
        previousName = 0;
        context = 0;
    }

    /** Sets what the rest of the line's names depend on (an event type's code, say). */
    final void context(int value) {
        context = value;
    }

    static int indexOf(byte[] buffer, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** Consumes the line end ('\n', or the end of the file); false when something else is or may be there. */
    final boolean endOfLine() {
        if (b[p] == '\n') {
            p++;
            return true;
        }
        return p == limit && atEnd;
    }

    /** The text of a member name's code ({@link #memberName}): the same instance for the same bytes. */
    final String nameText(int code) {
        return names.value(code);
    }

    /**
     * A member name and the colon after it (with any spaces around that), as the name's code in {@link #names}; -1
     * when there is no simple string and colon here.
     */
    final int memberName() {
        int guess = (previousName * 0x9E3779B1 ^ context * 0x85EBCA6B) >>> (32 - NEXT_NAME_BITS);
        int expected = nextName[guess];
        if (expected > 0 && startsWith(quotedNames[expected - 1])) {
            p += quotedNames[expected - 1].length;
            skipSpace();
            previousName = expected;
            return expected - 1;
        }
        int start = p;
        if (!string()) {
            return -1;
        }
        int code = nameCodes.code(b, valueStart, valueLength);
        skipSpace();
        if (!eat(':')) {
            return -1;
        }
        if (code >= quotedNames.length) {
            quotedNames = Arrays.copyOf(quotedNames, Math.max(code + 1, quotedNames.length * 2));
        }
        if (quotedNames[code] == null) {
            // The name as written up to its colon: lines of one writer repeat it.
            quotedNames[code] = Arrays.copyOfRange(b, start, p);
        }
        skipSpace();
        nextName[guess] = code + 1;
        previousName = code + 1;
        return code;
    }

    private boolean startsWith(byte[] bytes) {
        return p + bytes.length <= limit && AsciiBytes.equal(b, p, bytes, 0, bytes.length);
    }

    /**
     * A string of printable ASCII without escapes, of at most {@link #MAX_STRING} bytes; its content is then at
     * {@link #valueStart}.
     */
    final boolean string() {
        if (b[p] != '"') {
            return false;
        }
        int i = AsciiBytes.stringStop(b, p + 1, limit);
        if (b[i] != '"' || i - p - 1 > MAX_STRING) {
            return false; // an escape, a control character, non-ASCII text, the end of the bytes given, or long
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
    final ValueKind number() {
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
            return decimal(i, negative, value, digits);
        }
        valueStart = p;
        valueLength = i - p;
        p = i;
        longValue = negative ? -value : value;
        return ValueKind.LONG;
    }

    /** The rest of a number with a fraction or an exponent, from {@code i}. */
    private ValueKind decimal(int i, boolean negative, long integer, int integerDigits) {
        long mantissa = integer;
        int fractionDigits = 0;
        if (b[i] == '.') {
            int from = ++i;
            for (int d; (d = b[i] - '0') >= 0 && d <= 9; i++) {
                mantissa = mantissa * 10 + d; // overflows only past 18 digits, when it is not used
            }
            fractionDigits = i - from;
            if (fractionDigits == 0) {
                return null;
            }
        }
        boolean exponent = b[i] == 'e' || b[i] == 'E';
        if (exponent) {
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
        if (valueLength > MAX_NUMBER) {
            return null;
        }
        if (!exponent && integerDigits + fractionDigits <= 15) {
            // Both operands are exact doubles, and IEEE division rounds correctly: the same double as parsing.
            double magnitude = mantissa / POWERS_OF_TEN[fractionDigits];
            doubleValue = negative ? -magnitude : magnitude;
        } else {
            doubleValue = Double.parseDouble(new String(b, valueStart, valueLength, StandardCharsets.ISO_8859_1));
            if (Double.isInfinite(doubleValue)) {
                return null; // out of range: Jackson's path decides
            }
        }
        p = i;
        return ValueKind.DOUBLE;
    }

    /** {@code word} here, not followed by more letters or digits. */
    final boolean literal(String word) {
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

    final boolean eat(char c) {
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
    final void skipSpace() {
        if (b[p] <= ' ') { // compact lines have none: this check is all that runs, and it inlines everywhere
            skipSpaces();
        }
    }

    private void skipSpaces() {
        for (byte c; (c = b[p]) <= ' ' && (c == ' ' || c == '\t' || c == '\r' && b[p + 1] == '\n'); ) {
            p++;
        }
    }
}
