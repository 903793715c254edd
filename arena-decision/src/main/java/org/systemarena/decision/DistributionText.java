package org.systemarena.decision;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a logged action distribution ({@code historical_action.distribution_field}): a flat JSON object of action type
 * to probability, written as text so that it fits a string value of every input format. The module has no JSON
 * library and needs none for this one shape; the reader is strict so that a distribution is either exactly what was
 * logged or an error: standard JSON strings (escapes included) as keys, JSON numbers as values, nothing else.
 */
final class DistributionText {
    /**
     * How far the probabilities may sum from 1, and a logged propensity from the distribution's value (messages say
     * 1e-6).
     */
    static final double TOLERANCE = 1e-6;

    private final String text;
    private int pos;

    private DistributionText(String text) {
        this.text = text;
    }

    /**
     * The distribution in written order, checked: an object, no action twice, every probability a finite number in
     * [0, 1], their sum within {@link #TOLERANCE} of 1.
     *
     * @throws IllegalArgumentException saying what is wrong, for the caller to place
     */
    static OrderedDistribution parse(String text) {
        return new DistributionText(text).object();
    }

    private OrderedDistribution object() {
        List<String> actions = new ArrayList<>(4);
        List<Double> probabilities = new ArrayList<>(4);
        space();
        expect('{');
        space();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                space();
                if (peek() != '"') {
                    throw syntax("expected an action name in double quotes");
                }
                int at = pos;
                String action = string();
                if (action.isEmpty()) {
                    throw syntax(at, "an empty action name");
                }
                if (actions.contains(action)) {
                    throw new IllegalArgumentException(prefix() + "action '" + action + "' appears twice");
                }
                space();
                expect(':');
                space();
                actions.add(action);
                probabilities.add(probability(action));
                space();
                char c = peek();
                pos++;
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    pos--;
                    throw syntax("expected ',' or '}'");
                }
            }
        }
        space();
        if (pos < text.length()) {
            throw syntax("unexpected text after the object");
        }
        double sum = 0;
        for (double p : probabilities) {
            sum += p;
        }
        if (!(Math.abs(sum - 1) <= TOLERANCE)) {
            throw new IllegalArgumentException("logged action distribution: the probabilities sum to " + sum
                    + ", not 1 (within 1e-6)");
        }
        return new OrderedDistribution(actions.toArray(new String[0]), probabilities.toArray(new Double[0]));
    }

    private double probability(String action) {
        int start = pos;
        char c = peek();
        String what;
        if (c == '-' || c >= '0' && c <= '9') {
            if (text.startsWith("-Infinity", pos)) {
                pos += "-Infinity".length();
                throw notFinite(action, "-Infinity");
            }
            String number = number();
            double p = Double.parseDouble(number);
            if (!Double.isFinite(p)) {
                throw notFinite(action, number);
            }
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("logged action distribution: the probability of '" + action
                        + "' must be in [0, 1], got " + number);
            }
            return p;
        } else if (c == '"') {
            what = "a string";
        } else if (c == '{') {
            what = "an object";
        } else if (c == '[') {
            what = "an array";
        } else if (Character.isLetter(c)) {
            while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(start, pos);
            switch (word) {
                case "NaN", "Infinity" -> throw notFinite(action, word);
                case "true", "false", "null" -> what = word;
                default -> throw syntax(start, "unexpected '" + word + "'");
            }
        } else {
            throw syntax("expected a probability");
        }
        throw new IllegalArgumentException("logged action distribution: the probability of '" + action
                + "' must be a number, got " + what);
    }

    private static IllegalArgumentException notFinite(String action, String written) {
        return new IllegalArgumentException("logged action distribution: the probability of '" + action
                + "' must be a finite number, got " + written);
    }

    /** A JSON number, as written: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private String number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw syntax("malformed number");
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                throw syntax("malformed number");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw syntax("malformed number");
            }
        }
        return text.substring(start, pos);
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    /** A JSON string at {@code pos} (its opening quote), unescaped. */
    private String string() {
        int open = pos;
        pos++;
        StringBuilder sb = null;
        int runStart = pos;
        while (true) {
            if (pos >= text.length()) {
                throw syntax(open + 1, "unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String run = text.substring(runStart, pos);
                pos++;
                return sb == null ? run : sb.append(run).toString();
            }
            if (c < 0x20) {
                throw syntax("a control character inside a string");
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, runStart, pos);
            pos++;
            char e = pos < text.length() ? text.charAt(pos) : 0;
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 5 > text.length()) {
                        throw syntax(pos, "a malformed \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos + 1, pos + 5), 16));
                    } catch (NumberFormatException ex) {
                        throw syntax(pos, "a malformed \\u escape");
                    }
                    pos += 4;
                }
                default -> throw syntax(pos, "a malformed escape");
            }
            pos++;
            runStart = pos;
        }
    }

    private void space() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw syntax("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException syntax(String what) {
        return syntax(pos, pos >= text.length() ? what + " but the text ends" : what);
    }

    /** {@code at}: 0-based; messages count characters from 1. */
    private static IllegalArgumentException syntax(int at, String what) {
        return new IllegalArgumentException(prefix() + what + " at character " + (at + 1));
    }

    private static String prefix() {
        return "logged action distribution must be a JSON object of action type to probability: ";
    }
}
