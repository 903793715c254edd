package org.systemarena.core;

import java.util.Arrays;

/** Append-only primitive arrays used while building columns; no boxing on the load path. */
final class GrowableArrays {
    private GrowableArrays() {
    }

    static final class Ints {
        int[] data;
        int size;

        Ints(int capacity) {
            data = new int[Math.max(capacity, 8)];
        }

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, grow(size));
            }
            data[size++] = v;
        }

        int[] trimmed() {
            return size == data.length ? data : Arrays.copyOf(data, size);
        }

        /** Room for {@code more} further values without growing on each add. */
        void reserve(int more) {
            long needed = (long) size + more;
            if (needed > data.length) {
                if (needed > Integer.MAX_VALUE - 8) {
                    throw new ArenaException("column too large: more than " + (Integer.MAX_VALUE - 8) + " entries");
                }
                data = Arrays.copyOf(data, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, grow(data.length))));
            }
        }

        /** Appends {@code values[0, count)}. */
        void addAll(int[] values, int count) {
            reserve(count);
            System.arraycopy(values, 0, data, size, count);
            size += count;
        }

        /**
         * Appends {@code values[from, from + count)}, each plus {@code delta}: another builder's row starts, moved
         * behind this one's entries.
         */
        void addAllShifted(int[] values, int from, int count, int delta) {
            reserve(count);
            int[] d = data;
            int at = size;
            for (int r = from, end = from + count; r < end; r++) {
                d[at++] = values[r] + delta;
            }
            size = at;
        }
    }

    static final class Longs {
        long[] data;
        int size;

        Longs(int capacity) {
            data = new long[Math.max(capacity, 8)];
        }

        void add(long v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, grow(size));
            }
            data[size++] = v;
        }

        long[] trimmed() {
            return size == data.length ? data : Arrays.copyOf(data, size);
        }

        /** Room for {@code more} further values without growing on each add. */
        void reserve(int more) {
            long needed = (long) size + more;
            if (needed > data.length) {
                if (needed > Integer.MAX_VALUE - 8) {
                    throw new ArenaException("column too large: more than " + (Integer.MAX_VALUE - 8) + " entries");
                }
                data = Arrays.copyOf(data, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, grow(data.length))));
            }
        }

        /** Appends {@code values[0, count)}. */
        void addAll(long[] values, int count) {
            reserve(count);
            System.arraycopy(values, 0, data, size, count);
            size += count;
        }
    }

    static final class Bytes {
        byte[] data;
        int size;

        Bytes(int capacity) {
            data = new byte[Math.max(capacity, 8)];
        }

        void add(byte v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, grow(size));
            }
            data[size++] = v;
        }

        byte[] trimmed() {
            return size == data.length ? data : Arrays.copyOf(data, size);
        }

        /** Room for {@code more} further values without growing on each add. */
        void reserve(int more) {
            long needed = (long) size + more;
            if (needed > data.length) {
                if (needed > Integer.MAX_VALUE - 8) {
                    throw new ArenaException("column too large: more than " + (Integer.MAX_VALUE - 8) + " entries");
                }
                data = Arrays.copyOf(data, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, grow(data.length))));
            }
        }

        /** Appends {@code values[0, count)}. */
        void addAll(byte[] values, int count) {
            reserve(count);
            System.arraycopy(values, 0, data, size, count);
            size += count;
        }
    }

    static int grow(int size) {
        long next = Math.max(16L, size + (size >> 1) + 1L);
        if (next > Integer.MAX_VALUE - 8) {
            if (size >= Integer.MAX_VALUE - 8) {
                throw new ArenaException("column too large: more than " + (Integer.MAX_VALUE - 8) + " entries");
            }
            next = Integer.MAX_VALUE - 8;
        }
        return (int) next;
    }
}
