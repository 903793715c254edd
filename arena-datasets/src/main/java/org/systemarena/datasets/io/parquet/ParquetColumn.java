package org.systemarena.datasets.io.parquet;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * A cursor over one leaf column of a row group that decodes each data page in bulk: levels and dictionary ids
 * into int arrays with {@link ParquetHybrid}, plain values straight from the page bytes. It replaces
 * parquet-java's per-value {@code ColumnReader} (same contract: definition and repetition level of the current
 * value, write it to the leaf's converter, consume); encodings it does not decode itself (DELTA_*,
 * BYTE_STREAM_SPLIT, legacy BIT_PACKED levels) go through parquet-java's own value readers.
 */
final class ParquetColumn {
    private static final int DICTIONARY = 0;
    private static final int PLAIN_BINARY = 1;
    private static final int PLAIN_INT32 = 2;
    private static final int PLAIN_INT64 = 3;
    private static final int PLAIN_DOUBLE = 4;
    private static final int PLAIN_FLOAT = 5;
    private static final int PLAIN_BOOLEAN = 6;
    private static final int PLAIN_FIXED = 7;
    private static final int OTHER = 8;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ColumnDescriptor descriptor;
    private final ParquetLeaf leaf;
    private final PrimitiveTypeName type;
    private final int maxDefinition;
    private final int maxRepetition;
    private final int fixedLength;
    private final PageReader pages;
    private final Dictionary dictionary;
    /** Whether the leaf takes dictionary ids (it translated the dictionary once) rather than values. */
    private final boolean leafTakesIds;
    private final long totalValues;
    private long valuesLeft;

    private int[] definitions = new int[0];
    private int[] repetitions = new int[0];
    private int[] ids = new int[0];
    private int pageValues;
    private int index;
    private boolean written;

    /** 1-based number of the current data page in the column chunk, for error messages. */
    private int pageNumber;
    private int mode;
    private byte[] data;
    private int pos;
    private int idIndex;
    private int bit;
    private ValuesReader other;

    ParquetColumn(ParquetLeaf leaf, PageReadStore store) {
        this.leaf = leaf;
        this.descriptor = leaf.descriptor;
        this.type = descriptor.getPrimitiveType().getPrimitiveTypeName();
        this.maxDefinition = descriptor.getMaxDefinitionLevel();
        this.maxRepetition = descriptor.getMaxRepetitionLevel();
        this.fixedLength = type == PrimitiveTypeName.INT96 ? 12 : descriptor.getPrimitiveType().getTypeLength();
        this.pages = store.getPageReader(descriptor);
        this.totalValues = pages.getTotalValueCount();
        this.valuesLeft = totalValues;
        if (maxRepetition == 0 && valuesLeft != store.getRowCount()) {
            throw corrupt("the column chunk holds " + valuesLeft + " values for " + store.getRowCount() + " rows",
                    null);
        }
        Dictionary dict = null;
        try {
            DictionaryPage page = pages.readDictionaryPage();
            if (page != null) {
                dict = page.getEncoding().initDictionary(descriptor, page);
            }
        } catch (IOException | RuntimeException e) {
            throw corrupt("dictionary page: " + describe(e), e);
        }
        dictionary = dict;
        leafTakesIds = dictionary != null && leaf.hasDictionarySupport();
        if (leafTakesIds) {
            leaf.setDictionary(dictionary);
        }
        if (valuesLeft > 0) {
            readPage();
        }
    }

    long totalValueCount() {
        return pages.getTotalValueCount();
    }

    int definitionLevel() {
        return maxDefinition == 0 ? 0 : definitions[index];
    }

    int repetitionLevel() {
        return maxRepetition == 0 ? 0 : repetitions[index];
    }

    boolean isDefined() {
        return maxDefinition == 0 || definitions[index] == maxDefinition;
    }

    /** Hands the current (defined) value to the leaf. */
    void write() {
        written = true;
        switch (mode) {
            case DICTIONARY:
                writeFromDictionary(ids[idIndex++]);
                break;
            case PLAIN_BINARY: {
                int length = binaryLength();
                int at = pos + 4;
                pos = at + length;
                leaf.addBytes(data, at, length);
                break;
            }
            case PLAIN_INT32:
                leaf.addInt(readInt(pos));
                pos += 4;
                break;
            case PLAIN_INT64:
                leaf.addLong(readLong(pos));
                pos += 8;
                break;
            case PLAIN_DOUBLE:
                leaf.addDouble(Double.longBitsToDouble(readLong(pos)));
                pos += 8;
                break;
            case PLAIN_FLOAT:
                leaf.addFloat(Float.intBitsToFloat(readInt(pos)));
                pos += 4;
                break;
            case PLAIN_BOOLEAN:
                leaf.addBoolean((data[pos + (bit >>> 3)] & (1 << (bit & 7))) != 0);
                bit++;
                break;
            case PLAIN_FIXED:
                leaf.addBinary(Binary.fromConstantByteArray(data, pos, fixedLength));
                pos += fixedLength;
                break;
            default:
                writeOther();
        }
    }

    /** The length of the plain BINARY value at {@code pos}, checked against the page. */
    private int binaryLength() {
        if (data.length - pos < 4) {
            throw corrupt("page " + pageNumber + " ends inside a value", null);
        }
        int length = readInt(pos);
        if (length < 0 || length > data.length - pos - 4) {
            throw corrupt("page " + pageNumber + ": bad value length " + length + " at byte " + pos + " of "
                    + data.length, null);
        }
        return length;
    }

    private void writeFromDictionary(int id) {
        if (leafTakesIds) {
            leaf.addValueFromDictionary(id);
            return;
        }
        switch (type) {
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
            case INT96:
                leaf.addBinary(dictionary.decodeToBinary(id));
                break;
            case INT32:
                leaf.addInt(dictionary.decodeToInt(id));
                break;
            case INT64:
                leaf.addLong(dictionary.decodeToLong(id));
                break;
            case DOUBLE:
                leaf.addDouble(dictionary.decodeToDouble(id));
                break;
            case FLOAT:
                leaf.addFloat(dictionary.decodeToFloat(id));
                break;
            default:
                leaf.addBoolean(dictionary.decodeToBoolean(id));
        }
    }

    /** Values of encodings parquet-java decodes; its decoders' own exceptions are reported with the column. */
    private void writeOther() {
        switch (type) {
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
            case INT96: {
                Binary v;
                try {
                    v = other.readBytes();
                } catch (RuntimeException e) {
                    throw otherFailed(e);
                }
                leaf.addBinary(v);
                break;
            }
            case INT32: {
                int v;
                try {
                    v = other.readInteger();
                } catch (RuntimeException e) {
                    throw otherFailed(e);
                }
                leaf.addInt(v);
                break;
            }
            case INT64: {
                long v;
                try {
                    v = other.readLong();
                } catch (RuntimeException e) {
                    throw otherFailed(e);
                }
                leaf.addLong(v);
                break;
            }
            case DOUBLE: {
                double v;
                try {
                    v = other.readDouble();
                } catch (RuntimeException e) {
                    throw otherFailed(e);
                }
                leaf.addDouble(v);
                break;
            }
            case FLOAT: {
                float v;
                try {
                    v = other.readFloat();
                } catch (RuntimeException e) {
                    throw otherFailed(e);
                }
                leaf.addFloat(v);
                break;
            }
            default: {
                boolean v;
                try {
                    v = other.readBoolean();
                } catch (RuntimeException e) {
                    throw otherFailed(e);
                }
                leaf.addBoolean(v);
            }
        }
    }

    private Corrupt otherFailed(RuntimeException e) {
        return corrupt("page " + pageNumber + ": " + describe(e), e);
    }

    /** Moves to the next value, skipping the current one when it was defined but not written. */
    void consume() {
        if (!written && isDefined()) {
            skip();
        }
        written = false;
        valuesLeft--;
        if (++index == pageValues && valuesLeft > 0) {
            readPage();
        }
    }

    /**
     * For a non-repeated column whose nulls need no handling: moves past undefined values and returns the row
     * (0-based in the row group) of the next defined one, or {@link Long#MAX_VALUE} when none is left. Null runs
     * cost a scan of the decoded levels instead of a call per row.
     */
    long nextDefinedRow() {
        while (true) {
            int i = index;
            int end = pageValues;
            if (maxDefinition == 0) {
                if (i < end) {
                    return totalValues - valuesLeft;
                }
            } else {
                int[] d = definitions;
                int max = maxDefinition;
                while (i < end && d[i] != max) {
                    i++;
                }
                valuesLeft -= i - index;
                index = i;
                if (i < end) {
                    return totalValues - valuesLeft;
                }
            }
            if (valuesLeft == 0) {
                return Long.MAX_VALUE;
            }
            readPage();
        }
    }

    private void skip() {
        switch (mode) {
            case DICTIONARY:
                idIndex++;
                break;
            case PLAIN_BINARY:
                pos += 4 + binaryLength();
                break;
            case PLAIN_INT32:
            case PLAIN_FLOAT:
                pos += 4;
                break;
            case PLAIN_INT64:
            case PLAIN_DOUBLE:
                pos += 8;
                break;
            case PLAIN_BOOLEAN:
                bit++;
                break;
            case PLAIN_FIXED:
                pos += fixedLength;
                break;
            default:
                try {
                    other.skip();
                } catch (RuntimeException e) {
                    throw otherFailed(e);
                }
        }
    }

    private void readPage() {
        pageNumber++;
        // Without repetition a value is a row: the page's first row, which a read-ahead past nulls reaches before
        // the reader's current row does.
        long firstRow = maxRepetition == 0 ? totalValues - valuesLeft : -1;
        try {
            decodePage();
        } catch (IOException | RuntimeException e) {
            Corrupt c = e instanceof Corrupt known ? known : corrupt("page " + pageNumber + ": " + describe(e), e);
            c.firstRow = firstRow;
            throw c;
        }
    }

    private void decodePage() throws IOException {
        DataPage page = pages.readPage();
        if (page == null) {
            throw new ParquetDecodingException("the column chunk ends " + valuesLeft + " values early");
        }
        int count = page.getValueCount();
        if (count <= 0 || count > valuesLeft) {
            throw new ParquetDecodingException("data page of " + count + " values where " + valuesLeft
                    + " are left in the column chunk");
        }
        if (definitions.length < count) {
            definitions = new int[count];
            repetitions = new int[count];
        }
        pageValues = count;
        index = 0;
        written = false;
        if (page instanceof DataPageV1 v1) {
                byte[] bytes = v1.getBytes().toByteArray();
                int at = levels(v1.getRlEncoding(), maxRepetition, ValuesType.REPETITION_LEVEL, bytes, 0, count,
                        repetitions);
                at = levels(v1.getDlEncoding(), maxDefinition, ValuesType.DEFINITION_LEVEL, bytes, at, count,
                        definitions);
                values(v1.getValueEncoding(), bytes, at, count);
            } else {
                DataPageV2 v2 = (DataPageV2) page;
                if (maxRepetition > 0) {
                    byte[] r = v2.getRepetitionLevels().toByteArray();
                    ParquetHybrid.decode(r, 0, r.length, BytesUtils.getWidthFromMaxInt(maxRepetition), repetitions,
                            count);
                }
                if (maxDefinition > 0) {
                    byte[] d = v2.getDefinitionLevels().toByteArray();
                    ParquetHybrid.decode(d, 0, d.length, BytesUtils.getWidthFromMaxInt(maxDefinition), definitions,
                            count);
                }
                values(v2.getDataEncoding(), v2.getData().toByteArray(), 0, count);
        }
    }

    /** Decodes a level section of a v1 page into {@code out}; returns the position after it. */
    private int levels(Encoding encoding, int maxLevel, ValuesType kind, byte[] bytes, int at, int count, int[] out)
            throws IOException {
        if (maxLevel == 0) {
            return at;
        }
        if (encoding == Encoding.RLE) {
            if (bytes.length - at < 4) {
                throw new ParquetDecodingException("page ends before its " + levelName(kind) + "s");
            }
            int length = readInt(bytes, at);
            int start = at + 4;
            if (length < 0 || length > bytes.length - start) {
                throw new ParquetDecodingException("bad " + levelName(kind) + " section length " + length
                        + " of a page of " + bytes.length + " bytes");
            }
            ParquetHybrid.decode(bytes, start, start + length, BytesUtils.getWidthFromMaxInt(maxLevel), out, count);
            return start + length;
        }
        ValuesReader reader = encoding.getValuesReader(descriptor, kind);
        ByteBufferInputStream in = ByteBufferInputStream.wrap(ByteBuffer.wrap(bytes, at, bytes.length - at));
        reader.initFromPage(count, in);
        for (int i = 0; i < count; i++) {
            out[i] = reader.readInteger();
        }
        return at + (int) in.position();
    }

    private static String levelName(ValuesType kind) {
        return kind == ValuesType.REPETITION_LEVEL ? "repetition level" : "definition level";
    }

    private void values(Encoding encoding, byte[] bytes, int at, int count) throws IOException {
        data = bytes;
        pos = at;
        bit = 0;
        idIndex = 0;
        other = null;
        if (encoding.usesDictionary()) {
            if (dictionary == null) {
                throw new ParquetDecodingException("dictionary-encoded page without a dictionary page");
            }
            int present = present(count);
            if (ids.length < present) {
                ids = new int[Math.max(present, 1024)];
            }
            if (present > 0) {
                if (at >= bytes.length) {
                    throw new ParquetDecodingException("page ends before its dictionary ids");
                }
                int width = bytes[at];
                if (width < 0 || width > 32) {
                    throw new ParquetDecodingException("bad dictionary id width " + width);
                }
                ParquetHybrid.decode(bytes, at + 1, bytes.length, width, ids, present);
                checkIds(present);
            }
            mode = DICTIONARY;
        } else if (encoding == Encoding.PLAIN) {
            mode = plainMode();
            checkPlainSize(bytes.length - at, present(count));
        } else {
            other = encoding.getValuesReader(descriptor, ValuesType.VALUES);
            other.initFromPage(count, ByteBufferInputStream.wrap(ByteBuffer.wrap(bytes, at, bytes.length - at)));
            mode = OTHER;
        }
    }

    /** Ids are checked once per page so that the leaves' per-row dictionary lookups need no bounds handling. */
    private void checkIds(int present) {
        int max = dictionary.getMaxId();
        int[] a = ids;
        int bad = 0;
        for (int i = 0; i < present; i++) {
            bad |= a[i] | (max - a[i]); // negative iff an id is above max, or negative (32-bit wide ids)
        }
        if (bad < 0) {
            for (int i = 0; i < present; i++) {
                if (a[i] < 0 || a[i] > max) {
                    throw new ParquetDecodingException("dictionary id " + Integer.toUnsignedString(a[i])
                            + " of value " + (i + 1) + " is outside the dictionary of " + (max + 1) + " entries");
                }
            }
        }
    }

    /** Fixed-width plain values are checked once per page against the page size; BINARY values as read. */
    private void checkPlainSize(int available, int present) {
        long needed;
        switch (mode) {
            case PLAIN_INT32:
            case PLAIN_FLOAT:
                needed = 4L * present;
                break;
            case PLAIN_INT64:
            case PLAIN_DOUBLE:
                needed = 8L * present;
                break;
            case PLAIN_BOOLEAN:
                needed = (present + 7L) / 8;
                break;
            case PLAIN_FIXED:
                needed = (long) fixedLength * present;
                break;
            default:
                needed = 0;
        }
        if (needed > available) {
            throw new ParquetDecodingException("page holds " + available + " bytes of values where " + present
                    + " values need " + needed);
        }
    }

    private int present(int count) {
        if (maxDefinition == 0) {
            return count;
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (definitions[i] == maxDefinition) {
                n++;
            }
        }
        return n;
    }

    private int plainMode() {
        switch (type) {
            case BINARY:
                return PLAIN_BINARY;
            case INT32:
                return PLAIN_INT32;
            case INT64:
                return PLAIN_INT64;
            case DOUBLE:
                return PLAIN_DOUBLE;
            case FLOAT:
                return PLAIN_FLOAT;
            case BOOLEAN:
                return PLAIN_BOOLEAN;
            default:
                return PLAIN_FIXED;
        }
    }

    private static String describe(Exception e) {
        return e instanceof ParquetDecodingException ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private Corrupt corrupt(String detail, Throwable cause) {
        return new Corrupt(leaf.column, detail, cause);
    }

    /** A corrupt or truncated page or dictionary of one column. */
    static final class Corrupt extends ParquetDecodingException {
        private static final long serialVersionUID = 1L;
        final String column;
        /** The first row (0-based in the row group) of a corrupt page, when known; else -1: the row being read. */
        long firstRow = -1;

        Corrupt(String column, String detail, Throwable cause) {
            super(detail, cause);
            this.column = column;
        }
    }

    private int readInt(int at) {
        return readInt(data, at);
    }

    private static int readInt(byte[] b, int at) {
        return (int) INT.get(b, at);
    }

    private long readLong(int at) {
        return (long) LONG.get(data, at);
    }
}
