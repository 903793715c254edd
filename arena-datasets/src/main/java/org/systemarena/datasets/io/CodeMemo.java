package org.systemarena.datasets.io;

import java.util.function.ToIntFunction;

/**
 * Remembers the builder code of recently seen String instances of one field, for text that arrives as Strings rather
 * than through {@link TextCodes}: payload keys, the same instance on every row (a parser's canonical member name, a
 * CSV header). An identity hit skips the builder's dictionary lookup (a hash, then probes into a table
 * of up to millions of entries that is mostly out of the CPU cache). Bounded; a collision just replaces the entry,
 * and a miss interns.
 */
final class CodeMemo {
    private final String[] keys;
    private final int[] codes;
    private final int mask;
    private final ToIntFunction<String> intern;
    /** The last value asked for: consecutive events of a case mostly repeat it. */
    private String last;
    private int lastCode;

    /** {@code intern} gives the builder's code for a value, adding it when new. */
    CodeMemo(int sizePowerOfTwo, ToIntFunction<String> intern) {
        keys = new String[sizePowerOfTwo];
        codes = new int[sizePowerOfTwo];
        mask = sizePowerOfTwo - 1;
        this.intern = intern;
    }

    /** The builder's code of a non-null value. */
    int code(String value) {
        if (value == last) {
            return lastCode;
        }
        int h = value.hashCode();
        int index = (h ^ (h >>> 15)) & mask;
        int code;
        if (keys[index] == value) {
            code = codes[index];
        } else {
            code = intern.applyAsInt(value);
            keys[index] = value;
            codes[index] = code;
        }
        last = value;
        lastCode = code;
        return code;
    }
}
