package org.systemarena.integrations.ocel;

import java.time.Instant;
import org.systemarena.core.Timestamps;
import org.systemarena.core.ValueKind;
import org.systemarena.core.input.IsoTimestamps;
import org.systemarena.core.input.TimestampMode;

/** OCEL 2.0 attribute types ({@code string, integer, float, boolean, time}) and their text form. */
final class OcelValues {
    private OcelValues() {
    }

    static String declaredType(ValueKind kind) {
        switch (kind) {
            case LONG:
                return "integer";
            case DOUBLE:
                return "float";
            case BOOLEAN:
                return "boolean";
            case INSTANT:
                return "time";
            default:
                return "string";
        }
    }

    static String text(Object value) {
        if (value instanceof Instant i) {
            return IsoTimestamps.format(Timestamps.toMicros(i));
        }
        if (value instanceof Double d) {
            return Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : d.toString();
        }
        return String.valueOf(value);
    }

    /** Parses text by a declared type (null or unknown: string); throws IllegalArgumentException with the reason. */
    static Object parse(String text, String declared, TimestampMode mode) {
        if (declared == null) {
            return text;
        }
        String t = text.trim();
        switch (declared) {
            case "integer":
            case "int":
                try {
                    return Long.parseLong(t);
                } catch (NumberFormatException e) {
                    // "3.0" is what pandas-based writers give for an integer column with gaps
                    double d = Double.parseDouble(t);
                    if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
                        return (long) d;
                    }
                    throw new IllegalArgumentException("not an integer");
                }
            case "float":
            case "double":
                return Double.parseDouble(t);
            case "boolean":
                if (t.equalsIgnoreCase("true") || t.equals("1")) {
                    return true;
                }
                if (t.equalsIgnoreCase("false") || t.equals("0")) {
                    return false;
                }
                throw new IllegalArgumentException("not a boolean");
            case "time":
            case "date":
                return Timestamps.fromMicros(IsoTimestamps.parseMicros(t, mode));
            default:
                return text;
        }
    }
}
