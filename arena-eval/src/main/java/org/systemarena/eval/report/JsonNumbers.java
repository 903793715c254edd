package org.systemarena.eval.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How the JSON report writes a double: rounded half-even to {@value #DIGITS} significant digits of its exact binary
 * value, trailing zeros removed, plain notation for magnitudes in [1e-7, 1e15), else {@code 1.5E-9} style; NaN and
 * infinities (undefined values) are written as {@code null}. This does not depend on {@code Double.toString}, whose
 * output changed between JDK releases, so the same numbers give the same bytes on every JDK; and re-reading and
 * re-writing a report gives the same text, because a 12-digit decimal survives the round trip through a double.
 */
final class JsonNumbers {
    static final int DIGITS = 12;
    private static final MathContext CONTEXT = new MathContext(DIGITS, RoundingMode.HALF_EVEN);

    private JsonNumbers() {
    }

    /** The JSON text of {@code v}, or null when {@code v} is not finite. */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        if (v == 0.0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(CONTEXT).stripTrailingZeros();
        double magnitude = Math.abs(v);
        if (magnitude >= 1e-7 && magnitude < 1e15) {
            return d.toPlainString();
        }
        return d.toString();
    }
}
