package org.systemarena.datasets.io;

/** Sequence numbers given as text. */
final class Sequences {
    private Sequences() {
    }

    static long parse(String text, String column, Locator at) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw at.error("expected an integer sequence number", column, text);
        }
    }
}
