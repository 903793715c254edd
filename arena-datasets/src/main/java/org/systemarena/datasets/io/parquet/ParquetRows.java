package org.systemarena.datasets.io.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.systemarena.core.ArenaException;

/**
 * Writes a Parquet file from columnar data without a record object per row: each row is an index, and each
 * {@link Column} writes its value at that index straight to parquet-java's record consumer. Used for event logs and
 * for decision traces.
 */
public final class ParquetRows {
    /**
     * parquet-java's default of 1 MiB makes a per-case id column fall back to plain encoding after ~70,000 distinct
     * values; with 32 MiB a few million stay dictionary encoded, which is smaller and lets readers decode each id
     * once instead of once per row.
     */
    static final int DICTIONARY_PAGE_BYTES = 32 << 20;

    private ParquetRows() {
    }

    /** One top-level column: its schema type and how to write a row's value (called only when not null). */
    public abstract static class Column {
        private final Type type;
        private final boolean dictionary;

        protected Column(Type type) {
            this(type, true);
        }

        /**
         * @param dictionary false for a column of mostly distinct values (ids, times, measurements), where building a
         *                   dictionary until it overflows costs more than it saves
         */
        protected Column(Type type, boolean dictionary) {
            this.type = type;
            this.dictionary = dictionary;
        }

        public final Type type() {
            return type;
        }

        /** Dotted paths of this column's leaves to write without a dictionary. */
        public List<String> plainPaths() {
            return dictionary ? List.of() : List.of(type.getName());
        }

        /** Whether the row has no value (the field is left out); only optional and repeated fields may be. */
        public boolean isNull(int row) {
            return false;
        }

        /** Writes the row's value: a primitive, or a whole group between {@code startGroup} and {@code endGroup}. */
        public abstract void write(RecordConsumer rc, int row);
    }

    /** The message type with these columns as its fields, in order. */
    public static MessageType schema(String name, List<? extends Column> columns) {
        List<Type> types = new ArrayList<>(columns.size());
        columns.forEach(c -> types.add(c.type()));
        return new MessageType(name, types);
    }

    /**
     * Writes {@code rows} rows to {@code file} (replacing it), Snappy-compressed with dictionaries: the row at position
     * {@code p} is {@code rowAt.applyAsInt(p)}. {@code metadata} goes into the footer's key-value metadata.
     *
     * @throws ArenaException naming the file when it cannot be written
     */
    public static void write(Path file, List<? extends Column> columns, String messageName,
                             Map<String, String> metadata, int rows, IntUnaryOperator rowAt) {
        MessageType schema = schema(messageName, columns);
        try {
            Files.deleteIfExists(file);
            Builder b = builder(new LocalOutputFile(file), schema, columns, metadata);
            for (Column c : columns) {
                c.plainPaths().forEach(path -> b.withDictionaryEncoding(path, false));
            }
            try (ParquetWriter<Integer> writer = b.withConf(new PlainParquetConfiguration())
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withDictionaryPageSize(DICTIONARY_PAGE_BYTES)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build()) {
                for (int p = 0; p < rows; p++) {
                    writer.write(rowAt.applyAsInt(p));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ArenaException ae) {
                throw ae;
            }
            throw new ArenaException("cannot write Parquet file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A writer builder for these columns, to set page versions, encodings and sizes (tests use it). */
    public static Builder builder(OutputFile file, MessageType schema, List<? extends Column> columns,
                                  Map<String, String> metadata) {
        return new Builder(file, new RowWriteSupport(schema, List.copyOf(columns), Map.copyOf(metadata)));
    }

    /** parquet-java's writer builder over row indexes. */
    public static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final RowWriteSupport support;

        private Builder(OutputFile file, RowWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
            return support;
        }
    }

    private static final class RowWriteSupport extends WriteSupport<Integer> {
        private final MessageType schema;
        private final List<Column> columns;
        private final Map<String, String> metadata;
        private RecordConsumer rc;

        RowWriteSupport(MessageType schema, List<Column> columns, Map<String, String> metadata) {
            this.schema = schema;
            this.columns = columns;
            this.metadata = metadata;
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(schema, metadata);
        }

        @Override
        public WriteContext init(org.apache.parquet.conf.ParquetConfiguration configuration) {
            return new WriteContext(schema, metadata);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.rc = recordConsumer;
        }

        @Override
        public void write(Integer boxedRow) {
            int row = boxedRow;
            rc.startMessage();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                if (c.isNull(row)) {
                    continue;
                }
                String name = c.type().getName();
                rc.startField(name, i);
                c.write(rc, row);
                rc.endField(name, i);
            }
            rc.endMessage();
        }
    }
}
