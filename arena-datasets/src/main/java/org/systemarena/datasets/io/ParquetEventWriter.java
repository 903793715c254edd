package org.systemarena.datasets.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.ObjectRefTable;
import org.systemarena.core.StringColumn;
import org.systemarena.core.ValueKind;

/**
 * Writes a log as Parquet, one row per event in case order, with canonical column names (SPEC §1):
 * {@code case_id}, {@code timestamp} (INT64 TIMESTAMP(MICROS, UTC)), {@code sequence_number}, {@code event_type},
 * {@code activity}, the other string fields when any event has them, {@code object_refs} as
 * {@code list<struct<type, id, role>>}, {@code state_before}/{@code state_after}/{@code outcome_labels} as JSON text,
 * and one typed column per payload key (string, int64, double, boolean or timestamp).
 *
 * <p>Lossless scheme for the payload keys a typed column cannot hold (a key whose values have more than one type,
 * that is sometimes present with a null value, or whose name is a canonical column): those keys are written into a
 * {@code payload} JSON-text column that the reader merges back. JSON keeps string/long/double/boolean/null; only an
 * instant inside that column comes back as an ISO-8601 string, which is logged as a warning.
 */
public final class ParquetEventWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ParquetEventWriter.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> CANONICAL_NAMES = Set.of("case_id", "timestamp", "sequence_number", "event_id",
            "event_type", "activity", "workflow_type", "actor_type", "actor_id", "actor_name", "actor", "channel",
            "object_refs", "state_before", "state_after", "outcome_labels", "payload", "source_system",
            "correlation_id");

    /**
     * parquet-java's default of 1 MiB makes the case id column (and other per-case ids such as object reference
     * ids) fall back to plain encoding after ~70,000 distinct values; with 32 MiB a few million stay dictionary
     * encoded, which is smaller and lets readers decode each id once instead of once per row.
     */
    private static final int DICTIONARY_PAGE_BYTES = 32 << 20;

    private ParquetEventWriter() {
    }

    public static void write(EventLog log, Path file) {
        Plan plan = new Plan(log, file);
        try {
            Files.deleteIfExists(file);
            try (ParquetWriter<Integer> writer = new RowWriterBuilder(new LocalOutputFile(file), plan)
                    .withConf(new PlainParquetConfiguration())
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withDictionaryPageSize(DICTIONARY_PAGE_BYTES)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build()) {
                for (int r = 0; r < log.size(); r++) {
                    writer.write(r);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ArenaException ae) {
                throw ae;
            }
            throw new ArenaException("cannot write Parquet file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The columns to write for one log, with their schema. */
    static final class Plan {
        final EventLog log;
        final List<Column> columns = new ArrayList<>();
        final MessageType schema;

        Plan(EventLog log, Path file) {
            this.log = log;
            columns.add(stringColumn(Types.required(PrimitiveTypeName.BINARY), "case_id", log::caseIdOf));
            columns.add(new Column(Types.required(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                    .named("timestamp")) {
                @Override
                void write(RecordConsumer rc, int row) {
                    rc.addLong(log.timestampMicros(row));
                }
            });
            columns.add(new Column(Types.required(PrimitiveTypeName.INT64).named("sequence_number")) {
                @Override
                void write(RecordConsumer rc, int row) {
                    rc.addLong(log.sequenceNumber(row));
                }
            });
            if (log.hasExplicitEventIds()) {
                columns.add(stringColumn(Types.optional(PrimitiveTypeName.BINARY), "event_id", log::eventId));
            }
            columns.add(codedColumn(Types.required(PrimitiveTypeName.BINARY), "event_type", log.eventTypeColumn()));
            columns.add(codedColumn(Types.optional(PrimitiveTypeName.BINARY), "activity", log.activityColumn()));
            optionalCoded("workflow_type", log.workflowTypeColumn());
            optionalCoded("actor_type", log.actorTypeColumn());
            optionalCoded("actor_id", log.actorIdColumn());
            optionalCoded("actor_name", log.actorNameColumn());
            optionalCoded("channel", log.channelColumn());
            optionalCoded("source_system", log.sourceSystemColumn());
            optionalCoded("correlation_id", log.correlationIdColumn());
            if (log.objectRefs().entryCount() > 0) {
                columns.add(new RefsColumn(log.objectRefs()));
            }
            jsonColumn("state_before", log.stateBefore(), null);
            jsonColumn("state_after", log.stateAfter(), null);
            jsonColumn("outcome_labels", log.outcomeLabels(), null);
            addPayload(file);
            List<Type> types = new ArrayList<>();
            columns.forEach(c -> types.add(c.type));
            schema = new MessageType("event", types);
        }

        private void optionalCoded(String name, StringColumn column) {
            if (!column.isAllNull()) {
                columns.add(codedColumn(Types.optional(PrimitiveTypeName.BINARY), name, column));
            }
        }

        private void jsonColumn(String name, AttributeTable table, boolean[] keysInJson) {
            if (table.entryCount() == 0) {
                return;
            }
            columns.add(new Column(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.jsonType())
                    .named(name)) {
                private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);

                @Override
                boolean isNull(int row) {
                    for (int e = table.start(row), end = table.end(row); e < end; e++) {
                        if (keysInJson == null || keysInJson[table.keyCode(e)]) {
                            return false;
                        }
                    }
                    return true;
                }

                @Override
                void write(RecordConsumer rc, int row) {
                    buffer.reset();
                    try (JsonGenerator g = JSON.createGenerator(buffer)) {
                        g.writeStartObject();
                        for (int e = table.start(row), end = table.end(row); e < end; e++) {
                            if (keysInJson == null || keysInJson[table.keyCode(e)]) {
                                g.writeFieldName(table.key(e));
                                JsonAttributes.writeValue(g, table, e);
                            }
                        }
                        g.writeEndObject();
                    } catch (IOException e) {
                        throw new ArenaException("cannot encode " + name + " of row " + (row + 1) + ": " + e, e);
                    }
                    rc.addBinary(Binary.fromConstantByteArray(buffer.toByteArray()));
                }
            });
        }

        /** One typed column per payload key with a single value type; the rest into the {@code payload} column. */
        private void addPayload(Path file) {
            AttributeTable payload = log.payload();
            int keyCount = payload.keyDictionary().size();
            int[] kindMask = new int[keyCount];
            for (int e = 0; e < payload.entryCount(); e++) {
                kindMask[payload.keyCode(e)] |= 1 << payload.kindCode(e);
            }
            boolean[] inJson = new boolean[keyCount];
            boolean anyJson = false;
            Map<String, Integer> typed = new TreeMap<>();
            for (int k = 0; k < keyCount; k++) {
                int mask = kindMask[k];
                if (mask == 0) {
                    continue;
                }
                String key = payload.keyDictionary().value(k);
                boolean single = Integer.bitCount(mask) == 1 && (mask & (1 << ValueKind.NULL.code())) == 0;
                if (single && !CANONICAL_NAMES.contains(key)) {
                    typed.put(key, k);
                    continue;
                }
                inJson[k] = true;
                anyJson = true;
                if ((mask & (1 << ValueKind.INSTANT.code())) != 0) {
                    LOG.warn("{}: payload key '{}' mixes instants with other types or nulls; it is written to the "
                            + "'payload' JSON column, where its instants become ISO-8601 strings", file, key);
                } else if (!single) {
                    LOG.info("{}: payload key '{}' has values of several types (or nulls); written losslessly to "
                            + "the 'payload' JSON column", file, key);
                }
            }
            if (anyJson) {
                jsonColumn("payload", payload, inJson);
            }
            int[] columnOfKey = new int[keyCount];
            java.util.Arrays.fill(columnOfKey, -1);
            List<PayloadColumn> payloadColumns = new ArrayList<>();
            for (Map.Entry<String, Integer> en : typed.entrySet()) {
                int k = en.getValue();
                ValueKind kind = ValueKind.ofCode((byte) Integer.numberOfTrailingZeros(kindMask[k]));
                columnOfKey[k] = payloadColumns.size();
                PayloadColumn c = new PayloadColumn(en.getKey(), kind, payload, payloadColumns.size());
                payloadColumns.add(c);
                columns.add(c);
            }
            if (!payloadColumns.isEmpty()) {
                // Every payload column looks its entry up in this per-row index, filled by the first one.
                PayloadRowIndex index = new PayloadRowIndex(payload, columnOfKey, payloadColumns.size());
                payloadColumns.forEach(c -> c.index = index);
            }
        }
    }

    /** One output column: its schema type and how to write a row's value (called only when not null). */
    abstract static class Column {
        final Type type;

        Column(Type type) {
            this.type = type;
        }

        boolean isNull(int row) {
            return false;
        }

        abstract void write(RecordConsumer rc, int row);
    }

    private static Column stringColumn(Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> b, String name,
                                       java.util.function.IntFunction<String> value) {
        return new Column(b.as(LogicalTypeAnnotation.stringType()).named(name)) {
            @Override
            boolean isNull(int row) {
                return value.apply(row) == null;
            }

            @Override
            void write(RecordConsumer rc, int row) {
                rc.addBinary(Binary.fromString(value.apply(row)));
            }
        };
    }

    /** A dictionary-encoded column: each distinct value is encoded to UTF-8 once. */
    private static Column codedColumn(Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> b, String name,
                                      StringColumn column) {
        Binary[] cache = new Binary[column.dictionary().size()];
        return new Column(b.as(LogicalTypeAnnotation.stringType()).named(name)) {
            @Override
            boolean isNull(int row) {
                return column.code(row) < 0;
            }

            @Override
            void write(RecordConsumer rc, int row) {
                int code = column.code(row);
                Binary v = cache[code];
                if (v == null) {
                    v = Binary.fromString(column.dictionary().value(code));
                    cache[code] = v;
                }
                rc.addBinary(v);
            }
        };
    }

    /** For the current row, the payload entry of each typed payload column (or -1). */
    static final class PayloadRowIndex {
        private final AttributeTable payload;
        private final int[] columnOfKey;
        final int[] entryOfColumn;
        private int row = -1;

        PayloadRowIndex(AttributeTable payload, int[] columnOfKey, int columns) {
            this.payload = payload;
            this.columnOfKey = columnOfKey;
            this.entryOfColumn = new int[columns];
            java.util.Arrays.fill(entryOfColumn, -1);
        }

        int entry(int forRow, int column) {
            if (forRow != row) {
                if (row >= 0) {
                    for (int e = payload.start(row), end = payload.end(row); e < end; e++) {
                        int c = columnOfKey[payload.keyCode(e)];
                        if (c >= 0) {
                            entryOfColumn[c] = -1;
                        }
                    }
                }
                row = forRow;
                for (int e = payload.start(row), end = payload.end(row); e < end; e++) {
                    int c = columnOfKey[payload.keyCode(e)];
                    if (c >= 0) {
                        entryOfColumn[c] = e;
                    }
                }
            }
            return entryOfColumn[column];
        }
    }

    static final class PayloadColumn extends Column {
        private final ValueKind kind;
        private final AttributeTable payload;
        private final int position;
        private final Binary[] stringCache;
        PayloadRowIndex index;

        PayloadColumn(String key, ValueKind kind, AttributeTable payload, int position) {
            super(typeOf(key, kind));
            this.kind = kind;
            this.payload = payload;
            this.position = position;
            this.stringCache = kind == ValueKind.STRING ? new Binary[payload.strings().size()] : null;
        }

        private static Type typeOf(String key, ValueKind kind) {
            switch (kind) {
                case STRING:
                    return Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(key);
                case LONG:
                    return Types.optional(PrimitiveTypeName.INT64).named(key);
                case DOUBLE:
                    return Types.optional(PrimitiveTypeName.DOUBLE).named(key);
                case BOOLEAN:
                    return Types.optional(PrimitiveTypeName.BOOLEAN).named(key);
                case INSTANT:
                    return Types.optional(PrimitiveTypeName.INT64)
                            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                            .named(key);
                default:
                    throw new IllegalStateException("no column type for " + kind);
            }
        }

        @Override
        boolean isNull(int row) {
            return index.entry(row, position) < 0;
        }

        @Override
        void write(RecordConsumer rc, int row) {
            long raw = payload.rawValue(index.entry(row, position));
            switch (kind) {
                case STRING:
                    Binary v = stringCache[(int) raw];
                    if (v == null) {
                        v = Binary.fromString(payload.strings().value((int) raw));
                        stringCache[(int) raw] = v;
                    }
                    rc.addBinary(v);
                    break;
                case DOUBLE:
                    rc.addDouble(Double.longBitsToDouble(raw));
                    break;
                case BOOLEAN:
                    rc.addBoolean(raw != 0);
                    break;
                default:
                    rc.addLong(raw);
            }
        }
    }

    /** {@code object_refs} as the standard three-level Parquet LIST of struct{type, id, role}. */
    static final class RefsColumn extends Column {
        private final ObjectRefTable refs;

        RefsColumn(ObjectRefTable refs) {
            super(Types.optionalGroup().as(LogicalTypeAnnotation.listType())
                    .repeatedGroup()
                    .requiredGroup()
                    .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("type")
                    .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("id")
                    .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("role")
                    .named("element")
                    .named("list")
                    .named("object_refs"));
            this.refs = refs;
        }

        @Override
        boolean isNull(int row) {
            return refs.end(row) == refs.start(row);
        }

        @Override
        void write(RecordConsumer rc, int row) {
            rc.startGroup();
            rc.startField("list", 0);
            for (int e = refs.start(row), end = refs.end(row); e < end; e++) {
                rc.startGroup();
                rc.startField("element", 0);
                rc.startGroup();
                rc.startField("type", 0);
                rc.addBinary(Binary.fromString(refs.typeDictionary().value(refs.typeCode(e))));
                rc.endField("type", 0);
                rc.startField("id", 1);
                rc.addBinary(Binary.fromString(refs.idDictionary().value(refs.idCode(e))));
                rc.endField("id", 1);
                String role = refs.ref(e).role();
                if (role != null) {
                    rc.startField("role", 2);
                    rc.addBinary(Binary.fromString(role));
                    rc.endField("role", 2);
                }
                rc.endGroup();
                rc.endField("element", 0);
                rc.endGroup();
            }
            rc.endField("list", 0);
            rc.endGroup();
        }
    }

    /** Writes rows (given by index) of the planned log. */
    static final class RowWriteSupport extends org.apache.parquet.hadoop.api.WriteSupport<Integer> {
        private final Plan plan;
        private RecordConsumer rc;

        RowWriteSupport(Plan plan) {
            this.plan = plan;
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return context();
        }

        @Override
        public WriteContext init(org.apache.parquet.conf.ParquetConfiguration configuration) {
            return context();
        }

        private WriteContext context() {
            return new WriteContext(plan.schema, Map.of("systemarena.writer", "arena-datasets"));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.rc = recordConsumer;
        }

        @Override
        public void write(Integer boxedRow) {
            int row = boxedRow;
            rc.startMessage();
            List<Column> columns = plan.columns;
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                if (c.isNull(row)) {
                    continue;
                }
                String name = c.type.getName();
                rc.startField(name, i);
                c.write(rc, row);
                rc.endField(name, i);
            }
            rc.endMessage();
        }
    }

    static final class RowWriterBuilder extends ParquetWriter.Builder<Integer, RowWriterBuilder> {
        private final Plan plan;

        RowWriterBuilder(org.apache.parquet.io.OutputFile file, Plan plan) {
            super(file);
            this.plan = plan;
        }

        @Override
        protected RowWriterBuilder self() {
            return this;
        }

        @Override
        protected org.apache.parquet.hadoop.api.WriteSupport<Integer> getWriteSupport(
                org.apache.hadoop.conf.Configuration conf) {
            return new RowWriteSupport(plan);
        }

        @Override
        protected org.apache.parquet.hadoop.api.WriteSupport<Integer> getWriteSupport(
                org.apache.parquet.conf.ParquetConfiguration conf) {
            return new RowWriteSupport(plan);
        }
    }
}
