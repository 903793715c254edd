package org.systemarena.replay;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.systemarena.core.ArenaException;
import org.systemarena.core.Timestamps;
import org.systemarena.datasets.io.parquet.ParquetSizeCheck;

/**
 * Reads Parquet traces ({@link ParquetTraceWriter}) back as JSON Lines: the same bytes {@link TraceWriter} writes for
 * the same rows, so one set of tools (jq, grep, a JSON reader) serves both formats. A query keeps the rows of one case
 * or one decision point (Parquet's row-group statistics and dictionaries skip the rest) and caps their number.
 */
public final class TraceReader {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /**
     * Which rows to read: those of one case and/or one decision point (null for any), at most {@code limit} of them.
     */
    public record Query(String caseId, String decisionId, long limit) {
        public Query {
            if (limit < 0) {
                throw new IllegalArgumentException("limit must be >= 0, got " + limit);
            }
        }

        public static Query all() {
            return new Query(null, null, Long.MAX_VALUE);
        }

        public Query withCase(String id) {
            return new Query(id, decisionId, limit);
        }

        public Query withDecision(String id) {
            return new Query(caseId, id, limit);
        }

        public Query withLimit(long n) {
            return new Query(caseId, decisionId, n);
        }

        FilterCompat.Filter filter() {
            FilterPredicate p = null;
            if (caseId != null) {
                p = FilterApi.eq(FilterApi.binaryColumn("case_id"), Binary.fromString(caseId));
            }
            if (decisionId != null) {
                FilterPredicate d = FilterApi.eq(FilterApi.binaryColumn("decision_id"), Binary.fromString(decisionId));
                p = p == null ? d : FilterApi.and(p, d);
            }
            return p == null ? FilterCompat.NOOP : FilterCompat.get(p);
        }
    }

    private TraceReader() {
    }

    /**
     * Writes the rows {@code query} keeps, in file order (global replay order), one JSON object per line.
     *
     * @return the number of rows written
     * @throws ArenaException naming the file when it is not a traces file of a version this reads, or cannot be read
     */
    public static long writeJsonl(Path file, Query query, OutputStream out) {
        return write(file, query, () -> JSON.createGenerator(out, JsonEncoding.UTF8));
    }

    /** As {@link #writeJsonl(Path, Query, OutputStream)}, to a character stream (left open). */
    public static long writeJsonl(Path file, Query query, Writer out) {
        return write(file, query, () -> JSON.createGenerator(out));
    }

    private interface Generators {
        JsonGenerator create() throws IOException;
    }

    private static long write(Path file, Query query, Generators generators) {
        InputFile input = new LocalInputFile(file);
        checkFormat(file, input);
        long rows = 0;
        try (ParquetReader<Group> reader = new GroupReader(input).withFilter(query.filter()).build();
             JsonGenerator g = generators.create()) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.setRootValueSeparator(new SerializedString("\n"));
            for (Group row; rows < query.limit() && (row = read(reader, file, rows)) != null; rows++) {
                writeRow(g, row);
            }
            if (rows > 0) {
                g.writeRaw('\n');
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ArenaException ae) {
                throw ae;
            }
            throw new ArenaException("cannot read traces from " + file + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static Group read(ParquetReader<Group> reader, Path file, long rowsSoFar) {
        try {
            return reader.read();
        } catch (IOException | RuntimeException e) {
            throw new ArenaException("cannot read traces from " + file + " after row " + rowsSoFar + " of those "
                    + "selected: " + e.getMessage(), e);
        }
    }

    private static void checkFormat(Path file, InputFile input) {
        if (!Files.isRegularFile(file)) {
            throw new ArenaException("no traces file " + file);
        }
        Map<String, String> meta;
        try (ParquetFileReader r = ParquetFileReader.open(input)) {
            meta = r.getFileMetaData().getKeyValueMetaData();
            // A hostile footer or page header must not make the reader allocate what it declares.
            ParquetSizeCheck.checkDeclaredSizes(file.toString(), file, r.getFooter());
        } catch (ArenaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ArenaException(file + " is not a Parquet file: " + e.getMessage(), e);
        }
        String version = meta.get(ParquetTraceWriter.FORMAT_KEY);
        if (version == null) {
            throw new ArenaException(file + " is a Parquet file but not System Arena traces (its footer has no '"
                    + ParquetTraceWriter.FORMAT_KEY + "' key)");
        }
        if (!version.equals(ParquetTraceWriter.FORMAT_VERSION)) {
            throw new ArenaException(file + " holds traces of format version " + version + "; this version reads "
                    + ParquetTraceWriter.FORMAT_VERSION);
        }
    }

    private static void writeRow(JsonGenerator g, Group row) throws IOException {
        g.writeStartObject();
        g.writeStringField("decision_id", row.getString("decision_id", 0));
        g.writeStringField("policy", row.getString("policy", 0));
        g.writeStringField("case_id", row.getString("case_id", 0));
        g.writeStringField("rule", row.getString("rule", 0));
        g.writeStringField("time", Timestamps.fromMicros(row.getLong("time", 0)).toString());
        g.writeFieldName("snapshot");
        writeSnapshot(g, row.getGroup("snapshot", 0));
        String action = string(row, "action");
        g.writeStringField("action", action);
        if (action != null) {
            rawIfPresent(g, row, "params");
            rawIfPresent(g, row, "probabilities");
            TraceJson.writeNumber(g, "score", number(row, "score"));
            TraceJson.writeNumber(g, "confidence", number(row, "confidence"));
            String reasoning = string(row, "reasoning");
            if (reasoning != null) {
                g.writeStringField("reasoning", reasoning);
            }
            rawIfPresent(g, row, "metadata");
        }
        g.writeStringField("logged_action", string(row, "logged_action"));
        TraceJson.writeNumber(g, "logged_propensity", number(row, "logged_propensity"));
        TraceJson.writeNumber(g, "policy_probability_of_logged", number(row, "policy_probability_of_logged"));
        if (row.getFieldRepetitionCount("matches_logged") == 0) {
            g.writeNullField("matches_logged");
        } else {
            g.writeBooleanField("matches_logged", row.getBoolean("matches_logged", 0));
        }
        g.writeStringField("outcome", string(row, "outcome"));
        g.writeStringField("outcome_category", row.getString("outcome_category", 0));
        writeList(g, row, "violations");
        writeList(g, row, "errors");
        if (row.getType().containsField("latency_us")) {
            g.writeNumberField("latency_us", row.getDouble("latency_us", 0));
        }
        g.writeEndObject();
    }

    private static void writeSnapshot(JsonGenerator g, Group snapshot) throws IOException {
        GroupType type = snapshot.getType();
        g.writeStartObject();
        for (int i = 0; i < type.getFieldCount(); i++) {
            g.writeFieldName(type.getFieldName(i));
            if (snapshot.getFieldRepetitionCount(i) == 0) {
                g.writeNull();
                continue;
            }
            PrimitiveType p = type.getType(i).asPrimitiveType();
            switch (p.getPrimitiveTypeName()) {
                case INT64 -> g.writeNumber(snapshot.getLong(i, 0));
                case DOUBLE -> TraceJson.writeValue(g, snapshot.getDouble(i, 0));
                case BOOLEAN -> g.writeBoolean(snapshot.getBoolean(i, 0));
                default -> {
                    if (p.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
                        g.writeRawValue(snapshot.getString(i, 0));
                    } else {
                        g.writeString(snapshot.getString(i, 0));
                    }
                }
            }
        }
        g.writeEndObject();
    }

    /** A LIST of structs of strings, as an array of objects with every field (absent ones null). */
    private static void writeList(JsonGenerator g, Group row, String name) throws IOException {
        g.writeArrayFieldStart(name);
        Group list = row.getGroup(name, 0);
        int n = list.getFieldRepetitionCount("list");
        for (int i = 0; i < n; i++) {
            Group element = list.getGroup("list", i).getGroup("element", 0);
            GroupType type = element.getType();
            g.writeStartObject();
            for (int f = 0; f < type.getFieldCount(); f++) {
                g.writeStringField(type.getFieldName(f),
                        element.getFieldRepetitionCount(f) == 0 ? null : element.getString(f, 0));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void rawIfPresent(JsonGenerator g, Group row, String name) throws IOException {
        if (row.getFieldRepetitionCount(name) > 0) {
            g.writeFieldName(name);
            g.writeRawValue(row.getString(name, 0));
        }
    }

    private static String string(Group row, String name) {
        return row.getFieldRepetitionCount(name) == 0 ? null : row.getString(name, 0);
    }

    private static Double number(Group row, String name) {
        return row.getFieldRepetitionCount(name) == 0 ? null : row.getDouble(name, 0);
    }

    /** parquet-java's example records, configured without Hadoop. */
    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(InputFile file) {
            super(file, new PlainParquetConfiguration());
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
