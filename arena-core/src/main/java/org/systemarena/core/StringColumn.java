package org.systemarena.core;

/** A dictionary-encoded string column: an int code per event, {@link StringDictionary#NULL} for null. */
public final class StringColumn {
    private final int[] codes; // null: every value is null
    private final StringDictionary dictionary;

    StringColumn(int[] codes, StringDictionary dictionary) {
        this.codes = codes;
        this.dictionary = dictionary;
    }

    public int code(int row) {
        return codes == null ? StringDictionary.NULL : codes[row];
    }

    public String value(int row) {
        return codes == null ? null : dictionary.value(codes[row]);
    }

    public StringDictionary dictionary() {
        return dictionary;
    }

    /** True when no event has a value in this column. */
    public boolean isAllNull() {
        return codes == null;
    }

    long estimatedBytes() {
        return codes == null ? 0 : 4L * codes.length;
    }

    StringColumn select(int[] rows, int count) {
        if (codes == null) {
            return this;
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = codes[rows[i]];
        }
        return new StringColumn(out, dictionary);
    }

    /** Column under construction: codes are only materialised once a non-null value appears. */
    static final class Builder {
        private final StringDictionary dictionary = new StringDictionary();
        private int expectedRows;
        private int[] codes;
        private int size;

        void set(int row, String value) {
            if (value == null) {
                return;
            }
            setCode(row, dictionary.intern(value));
        }

        /** How many rows the column will likely have, used when its first value arrives (all-null columns stay empty). */
        void expectRows(int rows) {
            expectedRows = rows;
        }

        void setCode(int row, int code) {
            if (codes == null) {
                codes = new int[Math.max(Math.max(16, expectedRows), row + 1)];
                java.util.Arrays.fill(codes, StringDictionary.NULL);
            }
            if (row >= codes.length) {
                int old = codes.length;
                codes = java.util.Arrays.copyOf(codes, Math.max(GrowableArrays.grow(old), row + 1));
                java.util.Arrays.fill(codes, old, codes.length, StringDictionary.NULL);
            }
            codes[row] = code;
            size = Math.max(size, row + 1);
        }

        int code(String value) {
            return dictionary.code(value);
        }

        int intern(String value) {
            return dictionary.intern(value);
        }

        String get(int row) {
            return dictionary.value(codeAt(row));
        }

        /** The code at {@code row}; {@link StringDictionary#NULL} when unset. */
        int codeAt(int row) {
            return codes == null || row >= codes.length ? StringDictionary.NULL : codes[row];
        }

        /**
         * Appends the {@code otherRows} rows of {@code other} after this column's {@code rows}, its values interned
         * here in its dictionary's order (codes are remapped, no string is compared per row).
         */
        /** Room for {@code rows} rows in all, so that appending parts does not copy the codes again and again. */
        void reserveRows(int rows) {
            expectedRows = Math.max(expectedRows, rows);
            if (codes != null && codes.length < rows) {
                int old = codes.length;
                codes = java.util.Arrays.copyOf(codes, rows);
                java.util.Arrays.fill(codes, old, rows, StringDictionary.NULL);
            }
        }

        void append(Builder other, int rows, int otherRows) {
            int[] map = dictionary.internAll(other.dictionary);
            int[] from = other.codes;
            if (from == null) {
                return; // all null there; rows past this column's codes read as null
            }
            int total = rows + otherRows;
            if (codes == null) {
                codes = new int[Math.max(16, Math.max(expectedRows, total))];
                java.util.Arrays.fill(codes, StringDictionary.NULL);
            } else if (codes.length < total) {
                int old = codes.length;
                codes = java.util.Arrays.copyOf(codes, total);
                java.util.Arrays.fill(codes, old, total, StringDictionary.NULL);
            }
            int n = Math.min(otherRows, from.length);
            int[] to = codes;
            for (int r = 0; r < n; r++) {
                int c = from[r];
                to[rows + r] = c == StringDictionary.NULL ? StringDictionary.NULL : map[c];
            }
            size = Math.max(size, total);
        }

        int dictionarySize() {
            return dictionary.size();
        }

        StringColumn build(int rows, int[] order) {
            dictionary.freeze();
            if (codes == null) {
                return new StringColumn(null, dictionary);
            }
            int[] out = new int[rows];
            if (order == null) {
                System.arraycopy(codes, 0, out, 0, Math.min(rows, codes.length));
                if (codes.length < rows) {
                    java.util.Arrays.fill(out, codes.length, rows, StringDictionary.NULL);
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    int r = order[i];
                    out[i] = r < codes.length ? codes[r] : StringDictionary.NULL;
                }
            }
            return new StringColumn(out, dictionary);
        }
    }
}
