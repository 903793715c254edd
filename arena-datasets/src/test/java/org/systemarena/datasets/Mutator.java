package org.systemarena.datasets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random edits of a valid file's bytes, each written down so that a failing case can be read and replayed:
 * bits flipped, bytes replaced, inserted or deleted, the file cut short, lines duplicated, swapped or dropped, a
 * format's special tokens inserted or put in place of a value, and runs of a token (deep nesting).
 */
public final class Mutator {
    private static final byte[][] COMMON = bytes("\"", ",", "{", "}", "[", "]", ":", "\\", "\\u", "\\ud800", "\u0000",
            "\r", "\n", "\r\n", "\t", " ", "\uFEFF", "\u00e9", "\ud83d\ude00", "\u2028", "1e400", "-1e400", "-0",
            "-0.0",
            "NaN", "Infinity", "-Infinity", "0x1F", "1e-400", "4.9e-325", "9".repeat(19), "9".repeat(40),
            "9".repeat(400), "-" + "9".repeat(25), "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "1.7976931348623157e309", "0." + "3".repeat(300), "null", "true", "false", "\"\"",
            "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z", "2024-03-01T24:00:00Z", "2024-03-01T09:00:00+25:00",
            "+999999999-12-31T23:59:59.999999999Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "1709283600000000000000", "-9223372036854775808", "99999999999999", "2024-03-01T09:00:00.1234567891Z",
            "2024-03-01 09:00", "T", "Z", "garbage");
    /** Bytes that are never valid UTF-8 where they stand: a lone continuation, an overlong, a surrogate, a cut. */
    private static final byte[][] INVALID_UTF8 = {{(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0x80},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC3}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}};

    private final SplittableRandom random;
    private final byte[][] tokens;
    private final byte[][] runs;

    /**
     * {@code tokens} are the format's own special texts, inserted or put in place of a value besides the common
     * ones; {@code runs} are repeated up to a few hundred times (brackets for JSON, indentation for YAML).
     */
    public Mutator(SplittableRandom random, List<String> tokens, List<String> runs) {
        this.random = random;
        this.tokens = concat(COMMON, bytes(tokens.toArray(String[]::new)));
        this.runs = bytes(runs.toArray(String[]::new));
    }

    /** The mutated bytes and what was done to them, in order. */
    public record Mutated(byte[] bytes, List<String> edits) {
        public String describe() {
            return String.join("; ", edits);
        }
    }

    /** One to {@code maxEdits} edits of {@code valid}. */
    public Mutated mutate(byte[] valid, int maxEdits) {
        return mutate(valid, maxEdits, 0);
    }

    /** One to {@code maxEdits} edits of {@code valid}, half of them at or after {@code hotFrom} (e.g. a footer). */
    public Mutated mutate(byte[] valid, int maxEdits, int hotFrom) {
        byte[] b = valid;
        List<String> edits = new ArrayList<>();
        for (int n = 1 + random.nextInt(maxEdits); n > 0; n--) {
            b = edit(b, edits, hotFrom);
        }
        return new Mutated(b, edits);
    }

    /** Adds one edit of the caller's own, written down like the others. */
    public static Mutated with(Mutated m, byte[] bytes, String edit) {
        List<String> edits = new ArrayList<>(m.edits());
        edits.add(edit);
        return new Mutated(bytes, edits);
    }

    /** An offset in {@code b}, half the time inside {@code [from, b.length)} (a file's hot part, e.g. a footer). */
    public int offset(byte[] b, int from) {
        if (b.length == 0) {
            return 0;
        }
        return from > 0 && from < b.length && random.nextBoolean() ? from + random.nextInt(b.length - from)
                : random.nextInt(b.length);
    }

    private byte[] edit(byte[] b, List<String> edits, int hotFrom) {
        int at = offset(b, hotFrom);
        switch (b.length == 0 ? 3 : random.nextInt(12)) {
            case 0 -> {
                int bit = random.nextInt(8);
                edits.add("flip bit " + bit + " at " + at);
                byte[] c = b.clone();
                c[at] ^= (byte) (1 << bit);
                return c;
            }
            case 1 -> {
                byte v = (byte) random.nextInt(256);
                edits.add(String.format("set byte %d to 0x%02X", at, v & 0xFF));
                byte[] c = b.clone();
                c[at] = v;
                return c;
            }
            case 2 -> {
                int len = 1 + random.nextInt(Math.min(16, b.length - at));
                edits.add("delete " + len + " bytes at " + at);
                return splice(b, at, len, new byte[0]);
            }
            case 3 -> {
                byte[] t = tokens[random.nextInt(tokens.length)];
                edits.add("insert " + show(t) + " at " + at);
                return splice(b, at, 0, t);
            }
            case 4 -> {
                byte[] t = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
                edits.add("insert invalid UTF-8 " + show(t) + " at " + at);
                return splice(b, at, 0, t);
            }
            case 5 -> {
                edits.add("truncate at " + at);
                return java.util.Arrays.copyOf(b, at);
            }
            case 6, 7 -> {
                // A whole value (a number, a time, a name) replaced: the run of word characters around the offset.
                int start = at;
                while (start > 0 && word(b[start - 1])) {
                    start--;
                }
                int end = at;
                while (end < b.length && word(b[end])) {
                    end++;
                }
                byte[] t = tokens[random.nextInt(tokens.length)];
                edits.add("replace " + show(java.util.Arrays.copyOfRange(b, start, end)) + " at " + start + " by "
                        + show(t));
                return splice(b, start, end - start, t);
            }
            case 8 -> {
                if (runs.length == 0) {
                    return edit(b, edits, hotFrom);
                }
                byte[] t = runs[random.nextInt(runs.length)];
                int times = 1 + random.nextInt(random.nextBoolean() ? 8 : 600);
                edits.add("insert " + show(t) + " x" + times + " at " + at);
                return splice(b, at, 0, repeat(t, times));
            }
            default -> {
                return lines(b, edits);
            }
        }
    }

    /** A line duplicated, dropped, or swapped with another. */
    private byte[] lines(byte[] b, List<String> edits) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(b, start, i + 1));
                start = i + 1;
            }
        }
        if (start < b.length) {
            lines.add(java.util.Arrays.copyOfRange(b, start, b.length));
        }
        int i = random.nextInt(lines.size());
        int j = random.nextInt(lines.size());
        switch (random.nextInt(3)) {
            case 0 -> {
                edits.add("duplicate line " + (i + 1) + " after line " + (j + 1));
                lines.add(j + 1, lines.get(i));
            }
            case 1 -> {
                edits.add("drop line " + (i + 1));
                lines.remove(i);
            }
            default -> {
                edits.add("swap lines " + (i + 1) + " and " + (j + 1));
                byte[] t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 64);
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static boolean word(byte c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '+' || c == ':' || c == '_';
    }

    private static byte[] splice(byte[] b, int at, int len, byte[] insert) {
        byte[] c = new byte[b.length - len + insert.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(insert, 0, c, at, insert.length);
        System.arraycopy(b, at + len, c, at + insert.length, b.length - at - len);
        return c;
    }

    private static byte[] repeat(byte[] t, int times) {
        byte[] c = new byte[t.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(t, 0, c, i * t.length, t.length);
        }
        return c;
    }

    /** A short token as Java would write it; non-ASCII and control bytes as \xNN. */
    public static String show(byte[] t) {
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(t.length, 40);
        for (int i = 0; i < n; i++) {
            int c = t[i] & 0xFF;
            if (c == '"' || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        return sb.append(t.length > n ? "\"... (" + t.length + " bytes)" : "\"").toString();
    }

    private static byte[][] bytes(String... texts) {
        byte[][] b = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            b[i] = texts[i].getBytes(StandardCharsets.UTF_8);
        }
        return b;
    }

    private static byte[][] concat(byte[][] a, byte[][] b) {
        byte[][] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
