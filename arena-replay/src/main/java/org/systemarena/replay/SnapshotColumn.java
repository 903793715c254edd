package org.systemarena.replay;

import java.util.Arrays;

/**
 * One snapshot value per decision point (a row of a {@link TraceTable}): a behaviour-model feature or a value of the
 * traces' snapshot summary, exactly as the policy's snapshot answered it. Read-only to its users.
 *
 * <p>Values are stored by kind in primitive arrays, so a million decision points keep no boxed value: numbers as
 * 64-bit words, booleans and nulls as bits, text as codes into a per-column dictionary ({@link #textCode},
 * {@link #text}). {@link #number} and {@link #textCode} read without allocating. A column whose values are of
 * different kinds (text on some rows, numbers on others), or of a kind without primitive storage (instants), is kept
 * as plain objects: {@link Kind#OTHER}. Integers, longs and doubles are all {@link Kind#NUMBER}; {@link #value}
 * still returns each row's own type.
 */
public final class SnapshotColumn {
    /** What the column's non-null values are. */
    public enum Kind {
        /** Every row is null. */
        EMPTY,
        /** Integers, longs or doubles (mixed or not). */
        NUMBER,
        BOOLEAN,
        TEXT,
        /** Instants, or values of more than one of the kinds above. */
        OTHER
    }

    private static final byte LONG = 0;
    private static final byte DOUBLE = 1;
    private static final byte INT = 2;

    private Kind kind = Kind.EMPTY;
    private int size;
    private int capacity;
    private long[] nulls;
    private long[] numbers; // NUMBER: the long, int or the double's bits
    private boolean typed; // NUMBER: numberType is set (by the first number)
    private byte numberType; // NUMBER: the type of every row, while they agree
    private byte[] numberTypes; // NUMBER: the type of each row, once they differ
    private long[] booleans; // BOOLEAN: bits
    private int[] codes; // TEXT
    // After freeze(): text codes and whole numbers in the narrowest arrays they fit (the others are then null)
    private byte[] smallCodes;
    private short[] mediumCodes;
    private int[] smallNumbers;
    private boolean frozen;
    private NameCodes texts = new NameCodes(); // TEXT
    private Object[] objects; // OTHER

    SnapshotColumn() {
        this(16);
    }

    /** A column with room for {@code capacity} rows (assembly knows the run's row count). */
    SnapshotColumn(int capacity) {
        this.capacity = Math.max(16, capacity);
        nulls = new long[words(this.capacity)];
    }

    // ---- reading

    /** Rows (the trace table's rows). */
    public int size() {
        return size;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isNull(int row) {
        check(row);
        return bit(nulls, row);
    }

    /**
     * The row's value as a number: {@link Kind#NUMBER} values as they are, booleans 1 or 0; NaN when the row is null
     * or holds anything else (text, an instant).
     */
    public double number(int row) {
        check(row);
        if (bit(nulls, row)) {
            return Double.NaN;
        }
        return switch (kind) {
            case NUMBER -> type(row) == DOUBLE ? Double.longBitsToDouble(raw(row)) : raw(row);
            case BOOLEAN -> bit(booleans, row) ? 1 : 0;
            case OTHER -> objects[row] instanceof Number n ? n.doubleValue()
                    : objects[row] instanceof Boolean b ? (b ? 1 : 0) : Double.NaN;
            default -> Double.NaN;
        };
    }

    /**
     * The row's text as a code for {@link #text(int)} ({@code 0 <= code < textCount()}), or -1 when the row is null.
     *
     * @throws IllegalStateException when the column is not {@link Kind#TEXT} (or {@link Kind#EMPTY})
     */
    public int textCode(int row) {
        check(row);
        if (kind != Kind.TEXT && kind != Kind.EMPTY) {
            throw new IllegalStateException("column holds " + kind + " values, not TEXT");
        }
        return bit(nulls, row) ? -1 : code(row);
    }

    /** The text of a code from {@link #textCode(int)}. */
    public String text(int code) {
        if (code < 0 || code >= texts.size()) {
            throw new IndexOutOfBoundsException("text code " + code + " of " + texts.size());
        }
        return texts.name(code);
    }

    /** How many different texts the column holds, coded in the order first met in rows. */
    public int textCount() {
        return texts.size();
    }

    /**
     * Whether this is a {@link Kind#NUMBER} column whose every value is an Integer or a Long, so that
     * {@link #wholeNumber(int)} reads each one exactly (a double cannot hold every long).
     */
    public boolean isWhole() {
        if (kind != Kind.NUMBER) {
            return false;
        }
        if (numberTypes == null) {
            return numberType != DOUBLE;
        }
        for (int row = 0; row < size; row++) {
            if (!bit(nulls, row) && numberTypes[row] == DOUBLE) {
                return false;
            }
        }
        return true;
    }

    /** Whether this is a {@link Kind#NUMBER} column whose every value is a Double. */
    public boolean isDouble() {
        return kind == Kind.NUMBER && numberTypes == null && numberType == DOUBLE;
    }

    /**
     * The row's Integer or Long value, exactly.
     *
     * @throws IllegalStateException when the row is null or does not hold a whole number
     */
    public long wholeNumber(int row) {
        check(row);
        if (kind != Kind.NUMBER || bit(nulls, row) || type(row) == DOUBLE) {
            throw new IllegalStateException("row " + row + " holds " + value(row) + ", not a whole number");
        }
        return raw(row);
    }

    /** The row's value as the snapshot gave it (boxed): String, Long, Double, Integer, Boolean, Instant or null. */
    public Object value(int row) {
        check(row);
        if (bit(nulls, row)) {
            return null;
        }
        return switch (kind) {
            case NUMBER -> box(raw(row), type(row));
            case BOOLEAN -> bit(booleans, row);
            case TEXT -> texts.name(code(row));
            case OTHER -> objects[row];
            case EMPTY -> null;
        };
    }

    @Override
    public String toString() {
        return "SnapshotColumn[" + kind + ", " + size + " rows]";
    }

    private void check(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
    }

    private int code(int row) {
        return smallCodes != null ? smallCodes[row] & 0xFF : mediumCodes != null ? mediumCodes[row] & 0xFFFF
                : codes[row];
    }

    private long raw(int row) {
        return smallNumbers != null ? smallNumbers[row] : numbers[row];
    }

    private byte type(int row) {
        return numberTypes == null ? numberType : numberTypes[row];
    }

    private static Object box(long raw, byte type) {
        return switch (type) {
            case DOUBLE -> Double.longBitsToDouble(raw);
            case INT -> (int) raw;
            default -> raw;
        };
    }

    // ---- filling (the replay only)

    void add(Object value) {
        if (value == null) {
            addNull();
        } else if (value instanceof String s) {
            addText(s);
        } else if (value instanceof Long l) {
            addNumber(l, LONG);
        } else if (value instanceof Double d) {
            addNumber(Double.doubleToRawLongBits(d), DOUBLE);
        } else if (value instanceof Integer i) {
            addNumber(i, INT);
        } else if (value instanceof Boolean b) {
            addBoolean(b);
        } else {
            addObject(value);
        }
    }

    void addNull() {
        if (size == capacity) {
            ensure(size + 1);
        }
        set(nulls, size++);
    }

    void addLong(long value) {
        addNumber(value, LONG);
    }

    void addDouble(double value) {
        addNumber(Double.doubleToRawLongBits(value), DOUBLE);
    }

    private void addNumber(long raw, byte type) {
        // the usual case, one test: a column of numbers of one type with room left
        if (kind == Kind.NUMBER && type == numberType && numberTypes == null && size < capacity) {
            numbers[size++] = raw;
            return;
        }
        ensure(size + 1);
        if (kind != Kind.NUMBER && !become(Kind.NUMBER)) {
            objects[size++] = box(raw, type);
            return;
        }
        if (!typed) {
            numberType = type;
            typed = true;
        } else if (numberTypes == null && type != numberType) {
            numberTypes = new byte[capacity];
            Arrays.fill(numberTypes, 0, size, numberType);
        }
        if (numberTypes != null) {
            numberTypes[size] = type;
        }
        numbers[size++] = raw;
    }

    void addBoolean(boolean value) {
        ensure(size + 1);
        if (kind != Kind.BOOLEAN && !become(Kind.BOOLEAN)) {
            objects[size++] = value;
            return;
        }
        if (value) {
            set(booleans, size);
        }
        size++;
    }

    void addText(String value) {
        if (kind == Kind.TEXT && size < capacity) {
            codes[size++] = texts.code(value);
            return;
        }
        ensure(size + 1);
        if (kind != Kind.TEXT && !become(Kind.TEXT)) {
            objects[size++] = value;
            return;
        }
        codes[size++] = texts.code(value);
    }

    void addObject(Object value) {
        ensure(size + 1);
        if (kind != Kind.OTHER) {
            become(Kind.OTHER);
        }
        objects[size++] = value;
    }

    /**
     * Makes the column hold {@code k} values: storage for it when the column is empty (returns true); otherwise the
     * column turns into plain objects (returns false, and the caller stores an object).
     */
    private boolean become(Kind k) {
        if (kind == Kind.EMPTY) {
            kind = k;
            switch (k) {
                case NUMBER -> numbers = new long[capacity];
                case BOOLEAN -> booleans = new long[words(capacity)];
                case TEXT -> codes = new int[capacity];
                default -> objects = new Object[capacity];
            }
            return k != Kind.OTHER;
        }
        if (kind != Kind.OTHER) {
            Object[] o = new Object[capacity];
            for (int i = 0; i < size; i++) {
                o[i] = value(i);
            }
            objects = o;
            kind = Kind.OTHER;
            numbers = null;
            numberTypes = null;
            booleans = null;
            codes = null;
            texts = new NameCodes();
        }
        return false;
    }

    /** Appends {@code other}'s rows: array copies when both hold the same kind, value by value otherwise. */
    void addAll(SnapshotColumn other) {
        if (other.frozen) {
            throw new IllegalStateException("chunks are appended before they are frozen");
        }
        int n = other.size;
        if (n == 0) {
            return;
        }
        if (other.kind != Kind.EMPTY && kind != Kind.EMPTY && other.kind != kind) {
            for (int i = 0; i < n; i++) {
                add(other.value(i));
            }
            return;
        }
        ensure(size + n);
        if (kind == Kind.EMPTY && other.kind != Kind.EMPTY) {
            become(other.kind);
        }
        orBits(other.nulls, n, nulls, size);
        switch (other.kind) {
            case NUMBER -> {
                System.arraycopy(other.numbers, 0, numbers, size, n);
                if (!typed) {
                    numberType = other.numberType;
                    typed = true;
                }
                if (numberTypes == null && (other.numberTypes != null || other.numberType != numberType)) {
                    numberTypes = new byte[capacity];
                    Arrays.fill(numberTypes, 0, size, numberType);
                }
                if (numberTypes != null) {
                    for (int i = 0; i < n; i++) {
                        numberTypes[size + i] = other.type(i);
                    }
                }
            }
            case BOOLEAN -> orBits(other.booleans, n, booleans, size);
            case TEXT -> {
                int[] map = texts.mapFrom(other.texts);
                for (int i = 0; i < n; i++) {
                    codes[size + i] = bit(other.nulls, i) ? 0 : map[other.codes[i]];
                }
            }
            case OTHER -> System.arraycopy(other.objects, 0, objects, size, n);
            case EMPTY -> {
            }
        }
        size += n;
    }

    /**
     * Keeps the first {@code keep} rows, as if only they had been added: the kind and the text codes then depend on
     * the kept rows alone, so a replay cut short gives the same column whatever rows its chunk held beyond the cut.
     */
    void truncate(int keep) {
        if (keep >= size) {
            return;
        }
        SnapshotColumn kept = new SnapshotColumn(capacity);
        for (int i = 0; i < keep; i++) {
            kept.add(value(i));
        }
        kind = kept.kind;
        size = kept.size;
        nulls = kept.nulls;
        numbers = kept.numbers;
        typed = kept.typed;
        numberType = kept.numberType;
        numberTypes = kept.numberTypes;
        booleans = kept.booleans;
        codes = kept.codes;
        texts = kept.texts;
        objects = kept.objects;
    }

    /**
     * Stores the column in the narrowest arrays its values fit, once every row is in (assembly): text codes in bytes
     * or shorts when the column has at most 256 or 65,536 texts, whole numbers that all fit an int as ints. A trace
     * table's text columns mostly hold a few categories, so this keeps a recorded feature to about a byte per row.
     * No row can be added after.
     */
    void freeze() {
        if (frozen) {
            return;
        }
        frozen = true;
        nulls = Arrays.copyOf(nulls, words(size));
        if (kind == Kind.TEXT) {
            if (texts.size() <= 1 << 8) {
                smallCodes = new byte[size];
                for (int i = 0; i < size; i++) {
                    smallCodes[i] = (byte) codes[i];
                }
                codes = null;
            } else if (texts.size() <= 1 << 16) {
                mediumCodes = new short[size];
                for (int i = 0; i < size; i++) {
                    mediumCodes[i] = (short) codes[i];
                }
                codes = null;
            } else {
                codes = Arrays.copyOf(codes, size);
            }
        } else if (kind == Kind.NUMBER) {
            boolean ints = numberTypes == null && numberType != DOUBLE;
            for (int i = 0; ints && i < size; i++) {
                ints = numbers[i] == (int) numbers[i];
            }
            if (ints) {
                smallNumbers = new int[size];
                for (int i = 0; i < size; i++) {
                    smallNumbers[i] = (int) numbers[i];
                }
                numbers = null;
            } else {
                numbers = Arrays.copyOf(numbers, size);
                numberTypes = numberTypes == null ? null : Arrays.copyOf(numberTypes, size);
            }
        } else if (kind == Kind.BOOLEAN) {
            booleans = Arrays.copyOf(booleans, words(size));
        } else if (kind == Kind.OTHER) {
            objects = Arrays.copyOf(objects, size);
        }
        capacity = size; // every add now reaches ensure(), which refuses
    }

    private void ensure(int rows) {
        if (rows <= capacity) {
            return;
        }
        if (frozen) {
            throw new IllegalStateException("a frozen column takes no more rows");
        }
        int n = Math.max(rows, capacity * 2);
        capacity = n;
        nulls = Arrays.copyOf(nulls, words(n));
        if (numbers != null) {
            numbers = Arrays.copyOf(numbers, n);
        }
        if (numberTypes != null) {
            numberTypes = Arrays.copyOf(numberTypes, n);
        }
        if (booleans != null) {
            booleans = Arrays.copyOf(booleans, words(n));
        }
        if (codes != null) {
            codes = Arrays.copyOf(codes, n);
        }
        if (objects != null) {
            objects = Arrays.copyOf(objects, n);
        }
    }

    /** ORs the first {@code n} bits of {@code from} into {@code to} from bit {@code at} on, a word at a time. */
    private static void orBits(long[] from, int n, long[] to, int at) {
        int shift = at & 63;
        int base = at >>> 6;
        for (int w = 0; w < words(n); w++) {
            long bits = from[w];
            if (w == words(n) - 1 && (n & 63) != 0) {
                bits &= (1L << n) - 1; // bits past n are not rows
            }
            if (bits == 0) {
                continue;
            }
            to[base + w] |= bits << shift;
            if (shift != 0 && (bits >>> (64 - shift)) != 0) {
                to[base + w + 1] |= bits >>> (64 - shift);
            }
        }
    }

    private static int words(int bits) {
        return (bits + 63) >>> 6;
    }

    private static boolean bit(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    private static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << i;
    }
}
