package org.systemarena.datasets.io.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.EventLogBuilder.StringField;
import org.systemarena.core.OneLine;
import org.systemarena.datasets.io.Canonical;
import org.systemarena.datasets.io.ColumnMapping;
import org.systemarena.datasets.io.Locator;
import org.systemarena.datasets.io.PropensityCheck;

/**
 * Reads Parquet pages through parquet-java (footer, decompression, dictionaries) and decodes them with one
 * {@link ParquetColumn} cursor per leaf column, advanced row by row, feeding dictionary-aware converters that
 * write straight into the log builder (no record objects, no Group). Top-level columns map through
 * {@link ColumnMapping}; {@code object_refs} may be a list of struct{type, id, role} or JSON text, {@code actor} a
 * struct{type, id, name}, the state and payload columns JSON text.
 */
public final class ParquetEventReader {
    private ParquetEventReader() {
    }

    public static EventLog read(Path file, ColumnMapping mapping) {
        String source = file.toString();
        try {
            if (Files.size(file) == 0) {
                throw new ArenaException("file is empty", Location.of(source));
            }
        } catch (IOException e) {
            throw new ArenaException("cannot read " + source + ": " + e.getMessage(), e);
        }
        ParquetFileReader reader;
        try {
            reader = ParquetFileReader.open(new NamedInputFile(file),
                    ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
        } catch (IOException | RuntimeException e) {
            throw new ArenaException("not a readable Parquet file (" + OneLine.message(e.getMessage()) + ")",
                    Location.of(source), e);
        }
        try {
            ParquetSizeCheck.check(source, file, Files.size(file), reader.getFooter(), Runtime.getRuntime().maxMemory());
        } catch (ArenaException e) {
            closeQuietly(reader);
            throw e;
        } catch (IOException e) {
            closeQuietly(reader);
            throw new ArenaException("cannot read " + source + ": " + e.getMessage(), e);
        }
        long declaredRows = reader.getRecordCount();
        // Sized from the footer's row count, so the columns do not grow by copying (a wrong count only costs that).
        EventLogBuilder builder = EventLog.builder((int) Math.min(declaredRows, 1 << 24));
        ParquetReadContext context = new ParquetReadContext(source, builder);
        int rowGroup = 0;
        try (reader) {
            FileMetaData meta = reader.getFooter().getFileMetaData();
            MessageType schema = meta.getSchema();
            Plan plan = new Plan(schema, mapping, context);
            PropensityCheck propensity = PropensityCheck.of(mapping, builder);
            PageReadStore pages;
            long rowBase = 0;
            while (true) {
                try {
                    pages = reader.readNextRowGroup();
                } catch (IOException | RuntimeException e) {
                    throw corrupt(source, rowGroup + 1, e);
                }
                if (pages == null) {
                    break;
                }
                rowGroup++;
                long rows = pages.getRowCount();
                context.row = rowBase + 1;
                try {
                    for (ParquetLeaf leaf : plan.leaves) {
                        leaf.reader = new ParquetColumn(leaf, pages);
                    }
                    plan.refs.forEach(ParquetRefs::startRowGroup);
                    readRows(plan, context, builder, rowBase, rows, propensity);
                } catch (ArenaException e) {
                    throw e;
                } catch (ParquetColumn.Corrupt e) {
                    long row = e.firstRow >= 0 ? rowBase + e.firstRow + 1 : context.row;
                    throw new ArenaException("corrupt or truncated Parquet data in row group " + rowGroup + " ("
                            + OneLine.message(e.getMessage()) + ")", Location.row(source, row, e.column, null), e);
                } catch (RuntimeException e) {
                    throw corrupt(source, rowGroup, e);
                }
                rowBase += rows;
            }
        } catch (IOException e) {
            throw new ArenaException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return builder.build();
    }

    private static void readRows(Plan plan, ParquetReadContext context, EventLogBuilder builder, long rowBase,
                                 long rows, PropensityCheck propensity) {
        Locator at = context.locator();
        ParquetLeaves.CaseId caseId = plan.caseId;
        ParquetLeaves.Time time = plan.time;
        List<ParquetLeaf> checked = new ArrayList<>();
        List<ParquetColumn> skipping = new ArrayList<>();
        for (ParquetLeaf leaf : plan.rowLeaves) {
            if (leaf.ignoresNulls()) {
                skipping.add(leaf.reader);
            } else {
                checked.add(leaf);
            }
        }
        ParquetLeaf[] others = checked.toArray(new ParquetLeaf[0]);
        ParquetColumn[] sparse = skipping.toArray(new ParquetColumn[0]);
        long[] next = new long[sparse.length];
        for (int k = 0; k < sparse.length; k++) {
            next[k] = sparse[k].nextDefinedRow();
        }
        ParquetRefs[] refs = plan.refs.toArray(new ParquetRefs[0]);
        for (long i = 0; i < rows; i++) {
            context.row = rowBase + i + 1;
            caseId.readRow();
            time.readRow();
            builder.startEventForCase(caseId.pending, time.micros);
            for (ParquetLeaf leaf : others) {
                leaf.readRow();
            }
            for (int k = 0; k < sparse.length; k++) {
                if (next[k] == i) {
                    ParquetColumn c = sparse[k];
                    c.write();
                    c.consume();
                    next[k] = c.nextDefinedRow();
                }
            }
            for (ParquetRefs r : refs) {
                r.readRow();
            }
            if (propensity != null) {
                propensity.check(at);
            }
        }
    }

    private static void closeQuietly(ParquetFileReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            // The file is being rejected already; a failure to close it adds nothing.
        }
    }

    private static ArenaException corrupt(String source, int rowGroup, Exception e) {
        return new ArenaException("corrupt or truncated Parquet data in row group " + rowGroup + " ("
                + e.getClass().getSimpleName() + ": " + OneLine.message(e.getMessage()) + ")", Location.of(source), e);
    }

    /** parquet-java names its input in messages by toString(): "the file" instead of an identity hash. */
    private static final class NamedInputFile extends LocalInputFile {
        NamedInputFile(Path file) {
            super(file);
        }

        @Override
        public String toString() {
            return "the file";
        }
    }

    /** Which handler reads which leaf. */
    static final class Plan {
        final List<ParquetLeaf> leaves = new ArrayList<>();
        final List<ParquetLeaf> rowLeaves = new ArrayList<>();
        final List<ParquetRefs> refs = new ArrayList<>();
        ParquetLeaves.CaseId caseId;
        ParquetLeaves.Time time;
        private boolean hasEventType;

        Plan(MessageType schema, ColumnMapping mapping, ParquetReadContext context) {
            for (Type field : schema.getFields()) {
                String name = field.getName();
                Canonical role = mapping.roleOf(name);
                if (field.isPrimitive()) {
                    if (field.isRepetition(Type.Repetition.REPEATED)) {
                        throw context.error("repeated columns are not supported (only object_refs may be a list)",
                                name, null);
                    }
                    primitive(schema.getColumnDescription(new String[] {name}), name, role, context);
                } else if (role == Canonical.OBJECT_REFS) {
                    objectRefs(schema, field.asGroupType(), context);
                } else if (role == Canonical.ACTOR) {
                    actor(schema, field.asGroupType(), context);
                } else {
                    throw context.error("nested column not supported (only object_refs and actor may be groups; "
                            + "store other structured values as JSON text)", name, null);
                }
            }
            List<String> names = new ArrayList<>();
            schema.getFields().forEach(f -> names.add(f.getName()));
            if (caseId == null) {
                throw missing(context, mapping.caseIdColumn(), "case id", names);
            }
            if (time == null) {
                throw missing(context, mapping.timestampColumn(), "timestamp", names);
            }
            if (!hasEventType) {
                throw missing(context, mapping.eventTypeColumn(), "event type", names);
            }
        }

        private static ArenaException missing(ParquetReadContext context, String column, String what,
                                              List<String> names) {
            return new ArenaException("no " + what + " column '" + column + "' (columns: " + String.join(", ", names)
                    + ")", Location.of(context.source));
        }

        private void primitive(ColumnDescriptor d, String name, Canonical role, ParquetReadContext context) {
            ParquetLeaf leaf;
            switch (role) {
                case CASE_ID:
                    leaf = caseId = new ParquetLeaves.CaseId(d, name, context);
                    break;
                case TIMESTAMP:
                    leaf = time = new ParquetLeaves.Time(d, name, context);
                    break;
                case SEQUENCE:
                    leaf = new ParquetLeaves.Sequence(d, name, context);
                    break;
                case EVENT_ID:
                    leaf = new ParquetLeaves.EventId(d, name, context);
                    break;
                case ATTRIBUTE:
                    leaf = new ParquetLeaves.Attribute(d, name, context);
                    break;
                case ACTOR:
                case OBJECT_REFS:
                case STATE_BEFORE:
                case STATE_AFTER:
                case OUTCOME_LABELS:
                case PAYLOAD:
                    leaf = new ParquetLeaves.JsonText(d, name, context, role);
                    break;
                default:
                    leaf = new ParquetLeaves.Text(d, name, context, role.stringField);
                    hasEventType |= role == Canonical.EVENT_TYPE;
            }
            add(leaf, role != Canonical.CASE_ID && role != Canonical.TIMESTAMP);
        }

        private void add(ParquetLeaf leaf, boolean perRow) {
            leaves.add(leaf);
            if (perRow) {
                rowLeaves.add(leaf);
            }
        }

        private void actor(MessageType schema, GroupType group, ParquetReadContext context) {
            for (Type f : group.getFields()) {
                String[] path = {group.getName(), f.getName()};
                String column = group.getName() + "." + f.getName();
                if (!f.isPrimitive() || f.isRepetition(Type.Repetition.REPEATED)) {
                    throw context.error("actor fields must be plain strings", column, null);
                }
                StringField field;
                switch (f.getName()) {
                    case "type":
                        field = StringField.ACTOR_TYPE;
                        break;
                    case "id":
                        field = StringField.ACTOR_ID;
                        break;
                    case "name":
                        field = StringField.ACTOR_NAME;
                        break;
                    default:
                        throw context.error("unknown actor field '" + f.getName() + "' (expected type, id, name)",
                                column, null);
                }
                add(new ParquetLeaves.Text(schema.getColumnDescription(path), column, context, field), true);
            }
        }

        private void objectRefs(MessageType schema, GroupType group, ParquetReadContext context) {
            String name = group.getName();
            ParquetLeaves.Capture type = null;
            ParquetLeaves.Capture id = null;
            ParquetLeaves.Capture role = null;
            int entryDef = -1;
            int elementDef = -1;
            for (ColumnDescriptor d : schema.getColumns()) {
                String[] path = d.getPath();
                if (!path[0].equals(name)) {
                    continue;
                }
                String leafName = path[path.length - 1];
                if (d.getMaxRepetitionLevel() != 1) {
                    throw context.error("object_refs must be a list of struct{type, id, role}",
                            String.join(".", path), null);
                }
                int repeatedAt = -1;
                for (int k = 1; k <= path.length && repeatedAt < 0; k++) {
                    if (schema.getType(java.util.Arrays.copyOf(path, k)).isRepetition(Type.Repetition.REPEATED)) {
                        repeatedAt = k;
                    }
                }
                if (repeatedAt == path.length) {
                    throw context.error("object_refs must be a list of struct{type, id, role}",
                            String.join(".", path), null);
                }
                entryDef = schema.getMaxDefinitionLevel(java.util.Arrays.copyOf(path, repeatedAt));
                elementDef = schema.getMaxDefinitionLevel(java.util.Arrays.copyOf(path, path.length - 1));
                ParquetLeaves.Capture leaf = new ParquetLeaves.Capture(d, name + "." + leafName, context);
                switch (leafName) {
                    case "type":
                        type = leaf;
                        break;
                    case "id":
                        id = leaf;
                        break;
                    case "role":
                        role = leaf;
                        break;
                    default:
                        throw context.error("unknown object reference field '" + leafName
                                + "' (expected type, id, role)", String.join(".", path), null);
                }
                add(leaf, false);
            }
            if (type == null || id == null) {
                throw context.error("object_refs needs 'type' and 'id' fields", name, null);
            }
            refs.add(new ParquetRefs(name, context, type, id, role, entryDef, elementDef));
        }
    }
}
