package org.systemarena.replay;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.datasets.io.parquet.ParquetRows;

/** The nested columns of Parquet traces: the snapshot struct and the lists of violations and errors. */
final class TraceParquetGroups {
    /** How a snapshot summary value is stored, decided per column from what every snapshot gave. */
    enum Form {
        /** Integers and longs: INT64. */
        WHOLE,
        DOUBLE,
        BOOLEAN,
        TEXT,
        /** Mixed kinds (or whole and fractional numbers, or instants): the JSON text of each value. */
        JSON,
        /** Every row is null: a string field never written. */
        EMPTY
    }

    private TraceParquetGroups() {
    }

    /**
     * Text as a byte-array-backed binary: parquet-java's {@code Binary.fromString} wraps a ByteBuffer, whose hashing
     * and comparison in the dictionary writer cost several times more per value.
     */
    static Binary utf8(String text) {
        return Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8));
    }

    static Form formOf(SnapshotColumn column) {
        return switch (column.kind()) {
            case EMPTY -> Form.EMPTY;
            case BOOLEAN -> Form.BOOLEAN;
            case TEXT -> Form.TEXT;
            case NUMBER -> column.isWhole() ? Form.WHOLE : column.isDouble() ? Form.DOUBLE : Form.JSON;
            case OTHER -> Form.JSON;
        };
    }

    static ParquetRows.Column snapshot(TraceTable t) {
        List<String> names = PolicyCaller.SUMMARY_NAMES;
        SnapshotColumn[] columns = new SnapshotColumn[names.size()];
        Form[] forms = new Form[names.size()];
        Types.GroupBuilder<GroupType> group = Types.requiredGroup();
        for (int i = 0; i < columns.length; i++) {
            columns[i] = t.summaryColumn(i);
            forms[i] = formOf(columns[i]);
            group = switch (forms[i]) {
                case WHOLE -> group.optional(PrimitiveTypeName.INT64).named(names.get(i));
                case DOUBLE -> group.optional(PrimitiveTypeName.DOUBLE).named(names.get(i));
                case BOOLEAN -> group.optional(PrimitiveTypeName.BOOLEAN).named(names.get(i));
                case TEXT, EMPTY -> group.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named(names.get(i));
                case JSON -> group.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.jsonType())
                        .named(names.get(i));
            };
        }
        Binary[][] texts = new Binary[columns.length][];
        for (int i = 0; i < columns.length; i++) {
            texts[i] = forms[i] == Form.TEXT ? new Binary[columns[i].textCount()] : null;
        }
        List<String> plain = new java.util.ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            // measurements (days) rarely repeat; counts and texts do
            if (forms[i] == Form.DOUBLE || forms[i] == Form.JSON) {
                plain.add("snapshot." + names.get(i));
            }
        }
        return new ParquetRows.Column(group.named("snapshot")) {
            @Override
            public List<String> plainPaths() {
                return plain;
            }

            @Override
            public void write(RecordConsumer rc, int row) {
                rc.startGroup();
                for (int i = 0; i < columns.length; i++) {
                    SnapshotColumn c = columns[i];
                    if (forms[i] == Form.EMPTY || c.isNull(row)) {
                        continue;
                    }
                    String name = names.get(i);
                    rc.startField(name, i);
                    switch (forms[i]) {
                        case WHOLE -> rc.addLong(c.wholeNumber(row));
                        case DOUBLE -> rc.addDouble(c.number(row));
                        case BOOLEAN -> rc.addBoolean(c.number(row) != 0);
                        case TEXT -> {
                            int code = c.textCode(row);
                            Binary b = texts[i][code];
                            if (b == null) {
                                b = utf8(c.text(code));
                                texts[i][code] = b;
                            }
                            rc.addBinary(b);
                        }
                        default -> rc.addBinary(Binary.fromConstantByteArray(TraceJson.text(c.value(row))));
                    }
                    rc.endField(name, i);
                }
                rc.endGroup();
            }
        };
    }

    /** {@code violations}: list of struct{constraint, severity, message}, in manifest order. */
    static ParquetRows.Column violations(TraceTable t) {
        List<ConstraintSpec> constraints = t.constraints();
        Binary[][] fields = new Binary[constraints.size()][];
        for (int c = 0; c < fields.length; c++) {
            ConstraintSpec spec = constraints.get(c);
            fields[c] = new Binary[] {utf8(spec.name()), utf8(spec.severity().label()),
                spec.message() == null ? null : utf8(spec.message())};
        }
        return new ListColumn(list("violations", "constraint", "severity", "message")) {
            @Override
            public void write(RecordConsumer rc, int row) {
                rc.startGroup();
                boolean open = false;
                for (int c = 0; c < fields.length; c++) {
                    if (t.violated(row, c)) {
                        if (!open) {
                            rc.startField("list", 0);
                            open = true;
                        }
                        element(rc, fields[c]);
                    }
                }
                if (open) {
                    rc.endField("list", 0);
                }
                rc.endGroup();
            }
        };
    }

    /** {@code errors}: list of struct{kind, message}. */
    static ParquetRows.Column errors(TraceTable t) {
        return new ListColumn(list("errors", "kind", "message")) {
            @Override
            public void write(RecordConsumer rc, int row) {
                List<DecisionError> errors = t.errors(row);
                rc.startGroup();
                if (!errors.isEmpty()) {
                    rc.startField("list", 0);
                    for (DecisionError e : errors) {
                        element(rc, new Binary[] {utf8(e.kind().name().toLowerCase(Locale.ROOT)),
                            utf8(e.message())});
                    }
                    rc.endField("list", 0);
                }
                rc.endGroup();
            }
        };
    }

    /** A required LIST of structs of strings; the first field required, the others optional. */
    private static Type list(String name, String... fieldNames) {
        Types.GroupBuilder<GroupType> element = Types.requiredGroup();
        for (int i = 0; i < fieldNames.length; i++) {
            element = (i == 0 ? element.required(PrimitiveTypeName.BINARY) : element.optional(PrimitiveTypeName.BINARY))
                    .as(LogicalTypeAnnotation.stringType()).named(fieldNames[i]);
        }
        return Types.requiredGroup().as(LogicalTypeAnnotation.listType())
                .addField(Types.repeatedGroup().addField(element.named("element")).named("list"))
                .named(name);
    }

    private abstract static class ListColumn extends ParquetRows.Column {
        private final String[] fieldNames;

        ListColumn(Type type) {
            super(type);
            GroupType element = type.asGroupType().getType(0).asGroupType().getType(0).asGroupType();
            fieldNames = new String[element.getFieldCount()];
            for (int i = 0; i < fieldNames.length; i++) {
                fieldNames[i] = element.getFieldName(i);
            }
        }

        /** One list element: a struct with these field values (null ones left out). */
        final void element(RecordConsumer rc, Binary[] values) {
            rc.startGroup();
            rc.startField("element", 0);
            rc.startGroup();
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    rc.startField(fieldNames[i], i);
                    rc.addBinary(values[i]);
                    rc.endField(fieldNames[i], i);
                }
            }
            rc.endGroup();
            rc.endField("element", 0);
            rc.endGroup();
        }
    }
}
