package org.systemarena.datasets.io;

import org.systemarena.core.ValueKind;

/**
 * Types an unquoted CSV value by its content: {@code true}/{@code false} (any case) are booleans, integers without
 * leading zeros that fit 64 bits are longs, decimals ({@code 1.5}, {@code -2e3}) are doubles, anything else is a
 * string. Quoted values and integers with leading zeros ({@code 007}, zip codes) stay strings.
 */
public final class CsvValues {
    private CsvValues() {
    }

    public static ValueKind kindOf(String s) {
        int n = s.length();
        if (n == 0) {
            return ValueKind.NULL;
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return ValueKind.BOOLEAN;
        }
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        int digitsStart = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        int intDigits = i - digitsStart;
        if (i == n) {
            if (intDigits == 0 || (intDigits > 1 && s.charAt(digitsStart) == '0')) {
                return ValueKind.STRING;
            }
            return intDigits <= 18 || fitsLong(s) ? ValueKind.LONG : ValueKind.STRING;
        }
        int fracDigits = 0;
        if (s.charAt(i) == '.') {
            i++;
            int fs = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            fracDigits = i - fs;
        }
        if (intDigits + fracDigits == 0) {
            return ValueKind.STRING;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int es = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == es) {
                return ValueKind.STRING;
            }
        }
        return i == n ? ValueKind.DOUBLE : ValueKind.STRING;
    }

    private static boolean fitsLong(String s) {
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
