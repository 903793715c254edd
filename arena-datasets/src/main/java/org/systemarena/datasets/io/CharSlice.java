package org.systemarena.datasets.io;

/** A reusable view of a region of a char buffer, to parse values without making a String. */
final class CharSlice implements CharSequence {
    private char[] buffer;
    private int offset;
    private int length;

    CharSlice set(char[] newBuffer, int newOffset, int newLength) {
        this.buffer = newBuffer;
        this.offset = newOffset;
        this.length = newLength;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return buffer[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(buffer, offset + start, end - start);
    }

    @Override
    public String toString() {
        return new String(buffer, offset, length);
    }
}
