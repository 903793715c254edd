package org.systemarena.datasets.io.parquet;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * A leaf column of a Parquet file bound to one canonical field or payload attribute. It is the column's converter:
 * the column reader pushes each value (or dictionary id) into it, and it writes into the log builder directly.
 */
abstract class ParquetLeaf extends PrimitiveConverter {
    final ColumnDescriptor descriptor;
    final String column;
    final int maxDefinition;
    final ParquetReadContext context;
    ParquetColumn reader;

    ParquetLeaf(ColumnDescriptor descriptor, String column, ParquetReadContext context) {
        this.descriptor = descriptor;
        this.column = column;
        this.maxDefinition = descriptor.getMaxDefinitionLevel();
        this.context = context;
    }

    /** Reads this leaf's value of the current row (non-repeated columns). */
    void readRow() {
        if (reader.isDefined()) {
            reader.write();
        } else {
            onNull();
        }
        reader.consume();
    }

    /**
     * A plain-encoded BINARY value as a slice of the page bytes (valid only during the call); leaves that see
     * repeated values override this to compare bytes instead of making a {@link Binary} and a String.
     */
    void addBytes(byte[] bytes, int offset, int length) {
        addBinary(Binary.fromConstantByteArray(bytes, offset, length));
    }

    /** A null value; absent attributes are simply not set. */
    void onNull() {
    }

    /** Whether {@link #onNull} does nothing, so that the reader may skip this leaf's null runs in bulk. */
    boolean ignoresNulls() {
        return true;
    }

    /**
     * The last plain-encoded value of a string leaf, so that a repeated value (consecutive rows of one case, say)
     * costs a byte comparison instead of a decode and a lookup.
     */
    static final class LastBytes {
        private byte[] bytes = new byte[64];
        private int length = -1;
        int code;

        boolean same(byte[] b, int offset, int len) {
            return len == length && java.util.Arrays.equals(b, offset, offset + len, bytes, 0, len);
        }

        void set(byte[] b, int offset, int len, int newCode) {
            if (bytes.length < len) {
                bytes = new byte[Math.max(len, 2 * bytes.length)];
            }
            System.arraycopy(b, offset, bytes, 0, len);
            length = len;
            code = newCode;
        }
    }
}
