package org.systemarena.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.ObjectRef;
import org.systemarena.datasets.Datasets;

/** Reads files written by parquet-java's own example writer, so the reader is checked against foreign files. */
class ParquetEventReaderTest {
    @TempDir
    Path dir;

    private Path writeFile(String name, String schema, int rows, boolean dictionary, int rowGroupBytes,
                           BiConsumer<Integer, Group> fill) throws IOException {
        MessageType type = MessageTypeParser.parseMessageType(schema);
        Path file = dir.resolve(name);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(type).withDictionaryEncoding(dictionary)
                .withRowGroupSize(rowGroupBytes).withPageRowCountLimit(100)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
            for (int i = 0; i < rows; i++) {
                Group g = groups.newGroup();
                fill.accept(i, g);
                w.write(g);
            }
        }
        return file;
    }

    private static Binary int96(long epochDay, long nanosOfDay) {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(nanosOfDay).putInt((int) (epochDay + 2_440_588L));
        return Binary.fromConstantByteArray(b.array());
    }

    @Test
    void readsForeignTypesThroughTheManifestMapping() throws IOException {
        String schema = "message m { required int64 lead_id; required int64 ts (TIMESTAMP(MILLIS,true));"
                + " required binary kind (ENUM); optional int32 seq; optional int32 count; optional float ratio;"
                + " optional boolean flag; optional int32 price (DECIMAL(9,2)); optional int32 due (DATE);"
                + " optional int64 at (TIMESTAMP(NANOS,false)); optional int96 legacy; optional binary note (STRING);"
                + " optional binary state_after (JSON);"
                + " optional group actor { optional binary type (STRING); optional binary id (STRING); }"
                + " optional group object_refs (LIST) { repeated group list { optional group element {"
                + " required binary type (STRING); required binary id (STRING); optional binary role (STRING); } } } }";
        Path file = writeFile("foreign.parquet", schema, 2, true, 1 << 20, (i, g) -> {
            g.add("lead_id", 40L + i);
            g.add("ts", 1_709_283_600_000L + i);
            g.add("kind", i == 0 ? "entity.created" : "state.changed");
            g.add("seq", 3 - i);
            if (i == 0) {
                g.add("count", 7);
                g.add("ratio", 0.25f);
                g.add("flag", true);
                g.add("price", 12_345);
                g.add("due", 19_783);
                g.add("at", 1_709_283_600_123_456_789L);
                g.add("legacy", int96(19_783, 3_600_000_123_999L));
                g.add("state_after", "{\"stage\":\"new\",\"n\":2}");
                Group actor = g.addGroup("actor");
                actor.add("type", "human");
                actor.add("id", "u1");
                Group list = g.addGroup("object_refs");
                Group e1 = list.addGroup("list").addGroup("element");
                e1.add("type", "lead");
                e1.add("id", "L40");
                e1.add("role", "subject");
                Group e2 = list.addGroup("list").addGroup("element");
                e2.add("type", "account");
                e2.add("id", "A1");
            } else {
                g.add("note", "second");
                g.addGroup("object_refs"); // an empty list
            }
        });
        EventLog log = Datasets.loadEventLog(file, IoTestFiles.mapping("lead_id", "ts", "kind", null, "seq"));
        assertThat(log.caseIds()).containsExactly("40", "41");
        assertThat(log.timestamp(0)).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(log.timestamp(1)).isEqualTo(Instant.parse("2024-03-01T09:00:00.001Z"));
        assertThat(log.sequenceNumber(0)).isEqualTo(3);
        assertThat(log.eventType(0)).isEqualTo("entity.created");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("count", 7L);
        payload.put("ratio", 0.25);
        payload.put("flag", true);
        payload.put("price", 123.45);
        payload.put("due", Instant.parse("2024-03-01T00:00:00Z"));
        payload.put("at", Instant.parse("2024-03-01T09:00:00.123456Z"));
        payload.put("legacy", Instant.parse("2024-03-01T01:00:00.000123Z"));
        assertThat(log.payload().map(0)).isEqualTo(payload);
        assertThat(log.stateAfter().map(0)).isEqualTo(Map.of("stage", "new", "n", 2L));
        assertThat(log.actor(0).type()).isEqualTo("human");
        assertThat(log.actor(0).id()).isEqualTo("u1");
        assertThat(log.objectRefs().refs(0)).isEqualTo(List.of(ObjectRef.of("lead", "L40", "subject"),
                ObjectRef.of("account", "A1")));
        assertThat(log.objectRefs().refs(1)).isEmpty();
        assertThat(log.payload().map(1)).isEqualTo(Map.of("note", "second"));
    }

    private static final String CANONICAL = "message m { optional binary case_id (STRING); optional binary timestamp"
            + " (STRING); required binary event_type (STRING); optional binary channel (STRING);"
            + " optional int64 n; }";

    private static void canonicalRow(int i, Group g) {
        g.add("case_id", "case-" + (i / 10));
        g.add("timestamp", "2024-03-01T00:00:" + String.format("%02d", i % 60) + "Z");
        g.add("event_type", i % 3 == 0 ? "a" : "b");
        if (i % 2 == 0) {
            g.add("channel", i % 4 == 0 ? "email" : "phone");
        }
        g.add("n", (long) i);
    }

    @Test
    void dictionaryAndPlainEncodingsAcrossRowGroupsReadTheSame() throws IOException {
        Path dict = writeFile("dict.parquet", CANONICAL, 5000, true, 4096, ParquetEventReaderTest::canonicalRow);
        Path plain = writeFile("plain.parquet", CANONICAL, 5000, false, 4096, ParquetEventReaderTest::canonicalRow);
        EventLog a = Datasets.loadEventLog(dict);
        EventLog b = Datasets.loadEventLog(plain);
        assertThat(a.size()).isEqualTo(5000);
        assertThat(a.caseCount()).isEqualTo(500);
        assertThat(a.events()).isEqualTo(b.events());
        // row i has n = i; check a few rows by value
        for (int r = 0; r < a.size(); r += 499) {
            long n = (Long) a.payload().get(r, "n");
            int i = (int) n;
            assertThat(a.caseIdOf(r)).isEqualTo("case-" + (i / 10));
            assertThat(a.eventType(r)).isEqualTo(i % 3 == 0 ? "a" : "b");
            assertThat(a.channel(r)).isEqualTo(i % 2 != 0 ? null : i % 4 == 0 ? "email" : "phone");
        }
    }

    @Test
    void nullCaseIdInALaterRowGroupNamesTheRow() throws IOException {
        Path file = writeFile("nullcase.parquet", CANONICAL, 3000, true, 2048, (i, g) -> {
            if (i == 2776) {
                g.add("timestamp", "2024-03-01T00:00:00Z");
                g.add("event_type", "a");
            } else {
                canonicalRow(i, g);
            }
        });
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ", row 2777, column 'case_id': missing case id");
    }

    @Test
    void badTimestampTextNamesRowColumnAndValue() throws IOException {
        Path bad = writeFile("badtime2.parquet", CANONICAL, 50, true, 1 << 20, (i, g) -> {
            g.add("case_id", "c");
            g.add("timestamp", i == 41 ? "2024-02-30T00:00:00Z" : "2024-03-01T00:00:00Z");
            g.add("event_type", "a");
        });
        assertThatThrownBy(() -> Datasets.loadEventLog(bad)).isInstanceOf(ArenaException.class)
                .hasMessage(bad + ", row 42, column 'timestamp', value '2024-02-30T00:00:00Z': unparseable timestamp "
                        + "(day 30 out of range for 2024-2; expected ISO-8601 like 2024-03-01T09:30:00Z or epoch "
                        + "milliseconds)");
    }

    @Test
    void plainInt64TimestampsAreEpochMillis() throws IOException {
        Path file = writeFile("millis.parquet", "message m { required binary case_id (STRING); required int64 timestamp;"
                + " required binary event_type (STRING); }", 1, true, 1 << 20, (i, g) -> {
                    g.add("case_id", "c");
                    g.add("timestamp", 1_709_283_600_123L);
                    g.add("event_type", "a");
                });
        assertThat(Datasets.loadEventLog(file).timestamp(0)).isEqualTo(Instant.parse("2024-03-01T09:00:00.123Z"));
    }

    @Test
    void missingRequiredColumnListsTheColumns() throws IOException {
        Path file = writeFile("nocol.parquet", "message m { required binary case_id (STRING); required int64 ts; }",
                1, true, 1 << 20, (i, g) -> {
                    g.add("case_id", "c");
                    g.add("ts", 1L);
                });
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ": no timestamp column 'timestamp' (columns: case_id, ts)");
    }

    @Test
    void unsupportedTypesAndNestedColumnsAreNamed() throws IOException {
        Path file = writeFile("nested.parquet", "message m { required binary case_id (STRING); required int64 timestamp;"
                + " required binary event_type (STRING); optional group extra { optional int32 x; } }", 1, true,
                1 << 20, (i, g) -> {
                    g.add("case_id", "c");
                    g.add("timestamp", 1L);
                    g.add("event_type", "a");
                });
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ", column 'extra': nested column not supported (only object_refs and actor may "
                        + "be groups; store other structured values as JSON text)");
        Path flba = writeFile("flba.parquet", "message m { required binary case_id (STRING); required int64 timestamp;"
                + " required binary event_type (STRING); optional fixed_len_byte_array(4) raw; }", 1, true, 1 << 20,
                (i, g) -> {
                    g.add("case_id", "c");
                    g.add("timestamp", 1L);
                    g.add("event_type", "a");
                });
        assertThatThrownBy(() -> Datasets.loadEventLog(flba)).isInstanceOf(ArenaException.class)
                .hasMessage(flba + ", column 'raw': unsupported column type FIXED_LEN_BYTE_ARRAY (supported: strings, "
                        + "integers, floating point, booleans, decimals, timestamps, dates)");
    }

    @Test
    void emptyTruncatedAndCorruptFilesAreNamed() throws IOException {
        Path empty = Files.write(dir.resolve("empty.parquet"), new byte[0]);
        assertThatThrownBy(() -> Datasets.loadEventLog(empty)).hasMessage(empty + ": file is empty");

        Path good = writeFile("good.parquet", CANONICAL, 2000, true, 1 << 20, ParquetEventReaderTest::canonicalRow);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = Files.write(dir.resolve("truncated.parquet"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Datasets.loadEventLog(truncated)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(truncated + ": not a readable Parquet file (")
                .hasMessageContaining("is not a Parquet file");

        byte[] corrupt = bytes.clone();
        for (int i = 4; i < bytes.length / 2; i++) {
            corrupt[i] = (byte) 0xFF;
        }
        Path bad = Files.write(dir.resolve("corrupt.parquet"), corrupt);
        assertThatThrownBy(() -> Datasets.loadEventLog(bad)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(bad + ": corrupt or truncated Parquet data in row group 1 (");

        Path text = Files.writeString(dir.resolve("text.parquet"), "case_id,timestamp\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(text)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(text + ": not a readable Parquet file (");
    }

    @Test
    void wholeDoubleSequenceNumbersAreAcceptedOthersNamed() throws IOException {
        String schema = "message m { required binary case_id (STRING); required int64 timestamp;"
                + " required binary event_type (STRING); optional double sequence_number; }";
        Path ok = writeFile("seq.parquet", schema, 2, true, 1 << 20, (i, g) -> {
            g.add("case_id", "c");
            g.add("timestamp", 0L);
            g.add("event_type", "a");
            g.add("sequence_number", 5.0 - i);
        });
        EventLog log = Datasets.loadEventLog(ok);
        assertThat(log.sequenceNumber(0)).isEqualTo(4);
        assertThat(log.sequenceNumber(1)).isEqualTo(5);
        Path bad = writeFile("seq-bad.parquet", schema, 2, true, 1 << 20, (i, g) -> {
            g.add("case_id", "c");
            g.add("timestamp", 0L);
            g.add("event_type", "a");
            g.add("sequence_number", 1.5 * i);
        });
        assertThatThrownBy(() -> Datasets.loadEventLog(bad)).isInstanceOf(ArenaException.class)
                .hasMessage(bad + ", row 2, column 'sequence_number', value '1.5': expected an integer sequence number");
    }
}
