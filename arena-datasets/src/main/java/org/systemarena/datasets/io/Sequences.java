package org.systemarena.datasets.io;

/** Sequence numbers given as text: an integer, or a whole decimal like {@code 3.0} (pandas writes those). */
public final class Sequences {
    private Sequences() {
    }

    public static long parse(String text, String column, Locator at) {
        String t = text.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(t);
                boolean plainDecimal = CsvValues.kindOf(t) == org.systemarena.core.ValueKind.DOUBLE;
                if (plainDecimal && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
                    return (long) d;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw at.error("expected an integer sequence number", column, text);
        }
    }
}
