package org.systemarena.datasets.io.parquet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.systemarena.core.ArenaException;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.EventLog;
import org.systemarena.core.ObjectRefTable;
import org.systemarena.core.StringColumn;
import org.systemarena.core.ValueKind;
import org.systemarena.datasets.io.json.JsonAttributes;

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
    /** Footer metadata naming the writer. */
    static final Map<String, String> METADATA = Map.of("systemarena.writer", "arena-datasets");
    private static final Set<String> CANONICAL_NAMES = Set.of("case_id", "timestamp", "sequence_number", "event_id",
            "event_type", "activity", "workflow_type", "actor_type", "actor_id", "actor_name", "actor", "channel",
            "object_refs", "state_before", "state_after", "outcome_labels", "payload", "source_system",
            "correlation_id");

    private ParquetEventWriter() {
    }

    public static void write(EventLog log, Path file) {
        Plan plan = new Plan(log, file);
        ParquetRows.write(file, plan.columns, "event", METADATA, log.size(), r -> r);
    }

    /** The columns to write for one log, with their schema. */
    static final class Plan {
        final EventLog log;
        final List<ParquetRows.Column> columns = new ArrayList<>();
        final MessageType schema;

        Plan(EventLog log, Path file) {
            this.log = log;
            columns.add(stringColumn(Types.required(PrimitiveTypeName.BINARY), "case_id", log::caseIdOf));
            columns.add(new ParquetRows.Column(Types.required(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                    .named("timestamp")) {
                @Override
                public void write(RecordConsumer rc, int row) {
                    rc.addLong(log.timestampMicros(row));
                }
            });
            columns.add(new ParquetRows.Column(Types.required(PrimitiveTypeName.INT64).named("sequence_number")) {
                @Override
                public void write(RecordConsumer rc, int row) {
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
            schema = ParquetRows.schema("event", columns);
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
            columns.add(new ParquetRows.Column(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.jsonType())
                    .named(name)) {
                private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);

                @Override
                public boolean isNull(int row) {
                    for (int e = table.start(row), end = table.end(row); e < end; e++) {
                        if (keysInJson == null || keysInJson[table.keyCode(e)]) {
                            return false;
                        }
                    }
                    return true;
                }

                @Override
                public void write(RecordConsumer rc, int row) {
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

    private static ParquetRows.Column stringColumn(Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> b, String name,
                                       java.util.function.IntFunction<String> value) {
        return new ParquetRows.Column(b.as(LogicalTypeAnnotation.stringType()).named(name)) {
            @Override
            public boolean isNull(int row) {
                return value.apply(row) == null;
            }

            @Override
            public void write(RecordConsumer rc, int row) {
                rc.addBinary(Binary.fromString(value.apply(row)));
            }
        };
    }

    /** A dictionary-encoded column: each distinct value is encoded to UTF-8 once. */
    private static ParquetRows.Column codedColumn(Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> b, String name,
                                      StringColumn column) {
        Binary[] cache = new Binary[column.dictionary().size()];
        return new ParquetRows.Column(b.as(LogicalTypeAnnotation.stringType()).named(name)) {
            @Override
            public boolean isNull(int row) {
                return column.code(row) < 0;
            }

            @Override
            public void write(RecordConsumer rc, int row) {
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

    static final class PayloadColumn extends ParquetRows.Column {
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
        public boolean isNull(int row) {
            return index.entry(row, position) < 0;
        }

        @Override
        public void write(RecordConsumer rc, int row) {
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
    static final class RefsColumn extends ParquetRows.Column {
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
        public boolean isNull(int row) {
            return refs.end(row) == refs.start(row);
        }

        @Override
        public void write(RecordConsumer rc, int row) {
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
}
