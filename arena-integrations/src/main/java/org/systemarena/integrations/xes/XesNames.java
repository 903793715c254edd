package org.systemarena.integrations.xes;

/**
 * Makes attribute keys valid {@code xs:Name}s (the XSD type of {@code key}) and back, with the {@code _xHHHH_}
 * escape known from XmlConvert.EncodeName: a character that may not appear at its position becomes {@code _x} + its
 * UTF-16 code unit in 4 hex digits + {@code _}; an underscore that would read as the start of such an escape is
 * itself escaped, so decoding is exact. Keys that are already valid names (the usual case) are left as they are.
 */
public final class XesNames {
    private XesNames() {
    }

    public static String encode(String key) {
        if (isValid(key)) {
            return key;
        }
        StringBuilder sb = new StringBuilder(key.length() + 16);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = i == 0 ? isStart(c) : isPart(c);
            if (!ok || (c == '_' && looksLikeEscape(key, i))) {
                sb.append("_x").append(String.format("%04X", (int) c)).append('_');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String decode(String key) {
        if (key.indexOf("_x") < 0) {
            return key;
        }
        StringBuilder sb = new StringBuilder(key.length());
        int i = 0;
        while (i < key.length()) {
            if (key.charAt(i) == '_' && looksLikeEscape(key, i)) {
                sb.append((char) Integer.parseInt(key.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                sb.append(key.charAt(i++));
            }
        }
        return sb.toString();
    }

    static boolean isValid(String key) {
        if (key.isEmpty() || !isStart(key.charAt(0))) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!isPart(c) || (c == '_' && looksLikeEscape(key, i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeEscape(String s, int i) {
        if (i + 6 >= s.length() || s.charAt(i + 1) != 'x' || s.charAt(i + 6) != '_') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.' || c == '\u00B7';
    }
}
