package org.systemarena.decision.expr;

import java.time.Instant;
import java.util.List;

/**
 * The value semantics shared by the compiled nodes: equality, ordering, membership and arithmetic over
 * String, Long, Double, Boolean and Instant. Callers handle null before calling, except where noted.
 */
final class Ops {
    static final int EQ = 0;
    static final int NE = 1;
    static final int LT = 2;
    static final int LE = 3;
    static final int GT = 4;
    static final int GE = 5;

    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;
    static final int FLOOR_DIV = 4;
    static final int MOD = 5;

    static final String[] COMPARE_SYMBOLS = {"==", "!=", "<", "<=", ">", ">="};
    static final String[] ARITHMETIC_SYMBOLS = {"+", "-", "*", "/", "//", "%"};

    private Ops() {
    }

    static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double;
    }

    /**
     * {@code a op b} for two non-null values; mixed Long/Double compare exactly; NaN compares false (and
     * {@code !=} true); values of different kinds are a type error.
     */
    static boolean compare(int op, Object a, Object b, SourceText src, int opPos) {
        if (a instanceof Long x && b instanceof Long y) {
            return apply(op, Long.compare(x, y));
        }
        if (isNumber(a) && isNumber(b)) {
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return op == NE;
            }
            if (a instanceof Double && b instanceof Double || exactAsDouble(a) && exactAsDouble(b)) {
                return compareDoubles(op, x, y);
            }
            int c;
            if (a instanceof Long la) {
                c = compareLongDouble(la, y);
            } else if (b instanceof Long lb) {
                c = -compareLongDouble(lb, x);
            } else {
                c = Double.compare(x, y);
                if (x == y) {
                    c = 0; // Double.compare orders -0.0 before 0.0; arithmetic equality does not
                }
            }
            return apply(op, c);
        }
        if (a instanceof String x && b instanceof String y) {
            return op == EQ ? x.equals(y) : op == NE ? !x.equals(y) : apply(op, x.compareTo(y));
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return apply(op, x.compareTo(y));
        }
        if (a instanceof Boolean x && b instanceof Boolean y && (op == EQ || op == NE)) {
            return (x.booleanValue() == y.booleanValue()) == (op == EQ);
        }
        throw src.error(opPos, "cannot compare " + Describe.value(a) + " with " + Describe.value(b) + " using '"
                + COMPARE_SYMBOLS[op] + "'");
    }

    /** Longs within +-2^53 convert to double without rounding, so they can be compared as doubles. */
    static boolean exactAsDouble(Object v) {
        if (v instanceof Long l) {
            return l >= -(1L << 53) && l <= (1L << 53);
        }
        return v instanceof Double;
    }

    /** Primitive double comparison: NaN is unordered (only != holds) and -0.0 equals 0.0. */
    static boolean compareDoubles(int op, double x, double y) {
        return switch (op) {
            case EQ -> x == y;
            case NE -> x != y;
            case LT -> x < y;
            case LE -> x <= y;
            case GT -> x > y;
            default -> x >= y;
        };
    }

    static boolean apply(int op, int c) {
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    /** Exact comparison of a long with a non-NaN double (no rounding of the long to double). */
    static int compareLongDouble(long l, double d) {
        if (d >= 0x1p63) {
            return -1;
        }
        if (d < -0x1p63) {
            return 1;
        }
        double floor = Math.floor(d);
        long fl = (long) floor;
        if (l != fl) {
            return Long.compare(l, fl);
        }
        return d > floor ? -1 : 0;
    }

    /**
     * List membership: a null needle is found only when the list holds null; otherwise null items are skipped and
     * the others are compared with {@code ==} (a kind mismatch is a type error).
     */
    static boolean contains(List<?> list, Object needle, SourceText src, int opPos) {
        for (Object item : list) {
            if (needle == null ? item == null : item != null && compare(EQ, needle, item, src, opPos)) {
                return true;
            }
        }
        return false;
    }

    /** Ordering used by min() and max(): negative, zero or positive; kinds must match. */
    static int order(Object a, Object b, SourceText src, int pos) {
        if (compare(LT, a, b, src, pos)) {
            return -1;
        }
        return compare(GT, a, b, src, pos) ? 1 : 0;
    }

    static Object arithmetic(int op, Object a, Object b, SourceText src, int opPos) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return longs(op, x, y, src, opPos);
        }
        if (isNumber(a) && isNumber(b)) {
            return doubles(op, ((Number) a).doubleValue(), ((Number) b).doubleValue(), a, b, src, opPos);
        }
        if (op == ADD && a instanceof String x && b instanceof String y) {
            return x.concat(y);
        }
        throw typeError(op, a, b, src, opPos);
    }

    private static RuntimeException typeError(int op, Object a, Object b, SourceText src, int opPos) {
        return src.error(opPos, "cannot apply '" + ARITHMETIC_SYMBOLS[op] + "' to " + Describe.value(a) + " and "
                + Describe.value(b));
    }

    static Object longs(int op, long x, long y, SourceText src, int opPos) {
        try {
            switch (op) {
                case ADD:
                    return Math.addExact(x, y);
                case SUB:
                    return Math.subtractExact(x, y);
                case MUL:
                    return Math.multiplyExact(x, y);
                case DIV:
                    if (y == 0) {
                        throw divisionByZero(op, x, y, src, opPos);
                    }
                    return checked((double) x / (double) y, op, x, y, src, opPos);
                case FLOOR_DIV:
                    if (y == 0) {
                        throw divisionByZero(op, x, y, src, opPos);
                    }
                    if (x == Long.MIN_VALUE && y == -1) {
                        throw new ArithmeticException("overflow");
                    }
                    return Math.floorDiv(x, y);
                default:
                    if (y == 0) {
                        throw divisionByZero(op, x, y, src, opPos);
                    }
                    return Math.floorMod(x, y);
            }
        } catch (ArithmeticException e) {
            throw src.error(opPos, "integer overflow: " + Describe.value(x) + " " + ARITHMETIC_SYMBOLS[op] + " "
                    + Describe.value(y) + " does not fit in 64 bits");
        }
    }

    private static Object doubles(int op, double x, double y, Object a, Object b, SourceText src, int opPos) {
        double r;
        switch (op) {
            case ADD -> r = x + y;
            case SUB -> r = x - y;
            case MUL -> r = x * y;
            case DIV -> {
                if (y == 0) {
                    throw divisionByZero(op, a, b, src, opPos);
                }
                r = x / y;
            }
            case FLOOR_DIV -> {
                if (y == 0) {
                    throw divisionByZero(op, a, b, src, opPos);
                }
                r = Math.floor(x / y);
            }
            default -> {
                if (y == 0) {
                    throw divisionByZero(op, a, b, src, opPos);
                }
                // Python's modulo: the result takes the sign of the divisor.
                r = x % y;
                if (r != 0 && (r < 0) != (y < 0)) {
                    r += y;
                }
            }
        }
        return checked(r, op, a, b, src, opPos);
    }

    private static Double checked(double r, int op, Object a, Object b, SourceText src, int opPos) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            throw src.error(opPos, "result is not a finite number: " + Describe.value(a) + " "
                    + ARITHMETIC_SYMBOLS[op] + " " + Describe.value(b));
        }
        return r;
    }

    private static RuntimeException divisionByZero(int op, Object a, Object b, SourceText src, int opPos) {
        return src.error(opPos, "division by zero: " + Describe.value(a) + " " + ARITHMETIC_SYMBOLS[op] + " "
                + Describe.value(b));
    }
}
