package org.systemarena.datasets.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.ObjectRef;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.RandomLogs;
import org.systemarena.datasets.io.IoTestFiles;

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
        // The first page header is garbage: found before any page is read.
        assertThatThrownBy(() -> Datasets.loadEventLog(bad)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(bad + ", column 'case_id': corrupt or truncated Parquet data in row group 1 (the"
                        + " column chunk has an unreadable page header at offset 4 (");

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

    /**
     * Random logs written by parquet-java's writer (through our write support) as v1 pages with plain values, v2
     * pages with dictionaries, and v2 pages with its default non-dictionary encodings (DELTA_BINARY_PACKED,
     * DELTA_BYTE_ARRAY, RLE booleans), in many small pages and row groups.
     */
    @ParameterizedTest
    @CsvSource({"PARQUET_1_0, false, UNCOMPRESSED", "PARQUET_1_0, false, SNAPPY", "PARQUET_2_0, true, SNAPPY",
        "PARQUET_2_0, false, UNCOMPRESSED", "PARQUET_2_0, false, SNAPPY"})
    void pageVersionsAndValueEncodingsReadBackTheLogWritten(WriterVersion version, boolean dictionary,
                                                            CompressionCodecName codec) throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            EventLog log = RandomLogs.generate(seed, 700, true);
            Path file = dir.resolve("random-" + seed + "-" + version + "-" + dictionary + "-" + codec + ".parquet");
            ParquetEventWriter.Plan plan = new ParquetEventWriter.Plan(log, file);
            try (ParquetWriter<Integer> w = ParquetRows.builder(new LocalOutputFile(file), plan.schema,
                    plan.columns, ParquetEventWriter.METADATA)
                    .withConf(new PlainParquetConfiguration()).withWriterVersion(version)
                    .withDictionaryEncoding(dictionary).withCompressionCodec(codec).withPageRowCountLimit(64)
                    .withRowGroupSize(16 * 1024).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
                for (int r = 0; r < log.size(); r++) {
                    w.write(r);
                }
            }
            Set<String> encodings = new HashSet<>();
            int rowGroups = 0;
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                for (var block : reader.getFooter().getBlocks()) {
                    rowGroups++;
                    for (ColumnChunkMetaData c : block.getColumns()) {
                        c.getEncodings().forEach(e -> encodings.add(e.name()));
                    }
                }
                PageReadStore pages = reader.readNextRowGroup();
                DataPage first = pages.getPageReader(plan.schema.getColumns().get(0)).readPage();
                assertThat(first instanceof DataPageV2).isEqualTo(version == WriterVersion.PARQUET_2_0);
            }
            assertThat(rowGroups).isGreaterThan(1);
            if (dictionary) {
                assertThat(encodings).contains("RLE_DICTIONARY");
            } else {
                assertThat(encodings).doesNotContain("RLE_DICTIONARY", "PLAIN_DICTIONARY");
                assertThat(encodings).contains(version == WriterVersion.PARQUET_1_0 ? "PLAIN" : "DELTA_BYTE_ARRAY");
            }
            assertThat(Datasets.loadEventLog(file).events()).isEqualTo(log.events());
        }
    }

    /** The file with its footer rewritten by {@code edit} (footer thrift, its length, the magic). */
    private static Path withFooter(Path file, String name, java.util.function.Consumer<org.apache.parquet.format
            .FileMetaData> edit) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int n = bytes.length;
        int length = java.nio.ByteBuffer.wrap(bytes, n - 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        int start = n - 8 - length;
        org.apache.parquet.format.FileMetaData meta = org.apache.parquet.format.Util.readFileMetaData(
                new java.io.ByteArrayInputStream(bytes, start, length));
        edit.accept(meta);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(bytes, 0, start);
        java.io.ByteArrayOutputStream footer = new java.io.ByteArrayOutputStream();
        org.apache.parquet.format.Util.writeFileMetaData(meta, footer);
        out.write(footer.toByteArray());
        out.write(java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(footer.size())
                .array());
        out.write(new byte[] {'P', 'A', 'R', '1'});
        return Files.write(file.resolveSibling(name), out.toByteArray());
    }

    /** The file with the first page header of {@code column} rewritten by {@code edit} (same length or not). */
    private static Path withPageHeader(Path file, String name, String column,
            java.util.function.Consumer<org.apache.parquet.format.PageHeader> edit) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            start = (int) reader.getFooter().getBlocks().get(0).getColumns().stream()
                    .filter(c -> c.getPath().toDotString().equals(column)).findFirst().orElseThrow().getStartingPos();
        }
        var in = new java.io.ByteArrayInputStream(bytes, start, bytes.length - start);
        org.apache.parquet.format.PageHeader h = org.apache.parquet.format.Util.readPageHeader(in);
        int headerEnd = bytes.length - in.available();
        edit.accept(h);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(bytes, 0, start);
        org.apache.parquet.format.Util.writePageHeader(h, out);
        out.write(bytes, headerEnd, bytes.length - headerEnd);
        return Files.write(file.resolveSibling(name), out.toByteArray());
    }

    @Test
    void declaredSizesAreCheckedAgainstTheFileBeforeAnythingIsAllocated() throws IOException {
        Path plain = small("sizes.parquet", false);
        long size = Files.size(plain);
        // A 64 GiB column chunk in a file of a few KB (was: a 4.4 GB allocation and OutOfMemoryError).
        Path chunk = withFooter(plain, "huge-chunk.parquet", m -> m.getRow_groups().get(0).getColumns().get(1)
                .getMeta_data().setTotal_compressed_size(64L << 30));
        assertThat(readError(chunk)).isEqualTo(chunk + ", column 'timestamp': corrupt or truncated Parquet data in row"
                + " group 1 (the column chunk declares a column chunk of 68,719,476,736 bytes at offset "
                + String.format(java.util.Locale.ROOT, "%,d", offsetOf(plain, "timestamp")) + ", past the end of the"
                + " file (" + String.format(java.util.Locale.ROOT, "%,d", Files.size(chunk)) + " bytes))");
        Path uncompressed = withFooter(plain, "huge-uncompressed.parquet", m -> m.getRow_groups().get(0).getColumns()
                .get(0).getMeta_data().setTotal_uncompressed_size(64L << 30));
        assertThat(readError(uncompressed)).startsWith(uncompressed + ", column 'case_id': corrupt or truncated Parquet"
                + " data in row group 1 (the column chunk declares 68,719,476,736 bytes uncompressed for a column chunk"
                + " of ");
        Path values = withFooter(plain, "negative-values.parquet", m -> m.getRow_groups().get(0).getColumns().get(2)
                .getMeta_data().setNum_values(-5));
        assertThat(readError(values)).isEqualTo(values + ", column 'event_type': corrupt or truncated Parquet data in"
                + " row group 1 (the column chunk declares -5 values)");
        // Rows: more than an event log holds, and more than the heap holds.
        Path rows = withFooter(plain, "huge-rows.parquet", m -> {
            m.getRow_groups().get(0).setNum_rows(3_000_000_000L);
            m.setNum_rows(3_000_000_000L);
        });
        assertThat(readError(rows)).isEqualTo(rows + ": corrupt or truncated Parquet data in row group 1 (the row"
                + " group declares 3,000,000,000 rows in all by this row group, more than one event log holds"
                + " (2,147,483,639))");
        assertThat(size).isPositive();
    }

    @Test
    void declaredPageSizesAreCheckedBeforeAnyPageIsRead() throws IOException {
        Path plain = small("pages.parquet", false);
        // A 2 GiB page (was: a precise error, but only after 2.2 GB of memory).
        Path page = withPageHeader(plain, "huge-page.parquet", "event_type", h -> h.setCompressed_page_size(1 << 30));
        assertThat(readError(page)).startsWith(page + ", column 'event_type': corrupt or truncated Parquet data in row"
                + " group 1 (the column chunk declares a page of 1,073,741,824 bytes at offset ");
        // 4,000 takes as many header bytes as the real size, so the page stays where it is: more than its chunk's total.
        Path unpacked = withPageHeader(plain, "huge-unpacked.parquet", "event_type",
                h -> h.setUncompressed_page_size(4_000));
        assertThat(readError(unpacked)).startsWith(unpacked + ", column 'event_type': corrupt or truncated Parquet data"
                + " in row group 1 (the column chunk declares a page of 4,000 bytes uncompressed for ");
        Path values = withPageHeader(plain, "page-values.parquet", "channel",
                h -> h.getData_page_header().setNum_values(4_000));
        assertThat(readError(values)).startsWith(values + ", column 'channel': corrupt or truncated Parquet data in row"
                + " group 1 (the column chunk declares a page of 4,000 values at offset ");
        // And a good file still loads.
        assertThat(Datasets.loadEventLog(plain).size()).isEqualTo(100);
    }

    @ParameterizedTest
    @CsvSource({"LZ4", "LZO", "BROTLI"})
    void aCodecThisBuildCannotDecompressIsNamed(org.apache.parquet.format.CompressionCodec codec) throws IOException {
        // Found by ParquetEventReaderFuzzTest: one flipped bit made SNAPPY LZ4, and a NoClassDefFoundError for
        // lz4-java escaped; LZO and Brotli read as "corrupt or truncated" (class not found).
        Path plain = small("codec.parquet", false);
        Path file = withFooter(plain, codec + ".parquet", m -> m.getRow_groups().get(0).getColumns().get(0)
                .getMeta_data().setCodec(codec));
        assertThat(readError(file)).isEqualTo(file + ", column 'case_id': row group 1 is compressed with " + codec
                + ", which System Arena cannot decompress (it reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW; write"
                + " the file with one of them)");
    }

    private static long offsetOf(Path file, String column) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getFooter().getBlocks().get(0).getColumns().stream()
                    .filter(c -> c.getPath().toDotString().equals(column)).findFirst().orElseThrow().getStartingPos();
        }
    }

    private static final String SMALL = "message m { required binary case_id (STRING); required int64 timestamp;"
            + " required binary event_type (STRING); optional binary channel (STRING); }";

    private Path small(String name, boolean dictionary) throws IOException {
        String[] types = {"a", "b", "c"};
        return writeFile(name, SMALL, 100, dictionary, 1 << 20, (i, g) -> {
            g.add("case_id", "case-" + (i / 10));
            g.add("timestamp", 1000L * i);
            g.add("event_type", types[i % 3]);
            if (i % 2 == 0) {
                g.add("channel", "email");
            }
        });
    }

    /** The offset of the first data page's data (after its header) of a column of an uncompressed file. */
    private static int pageData(Path file, String column) throws IOException {
        return pageData(file, column, 1);
    }

    /** The offset of the data of a column's {@code page}-th data page (1-based) in an uncompressed file. */
    private static int pageData(Path file, String column, int page) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            for (ColumnChunkMetaData c : reader.getFooter().getBlocks().get(0).getColumns()) {
                if (c.getPath().toDotString().equals(column)) {
                    assertThat(c.getCodec()).isEqualTo(CompressionCodecName.UNCOMPRESSED);
                    int start = (int) c.getFirstDataPageOffset();
                    byte[] bytes = Files.readAllBytes(file);
                    var in = new java.io.ByteArrayInputStream(bytes, start, bytes.length - start);
                    for (int p = 1; ; p++) {
                        int size = org.apache.parquet.format.Util.readPageHeader(in).getCompressed_page_size();
                        if (p == page) {
                            return bytes.length - in.available();
                        }
                        in.skipNBytes(size);
                    }
                }
            }
        }
        throw new AssertionError("no column " + column);
    }

    private static Path patch(Path file, String name, int at, int... values) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < values.length; i++) {
            bytes[at + i] = (byte) values[i];
        }
        return Files.write(file.resolveSibling(name), bytes);
    }

    private static String readError(Path file) {
        try {
            Datasets.loadEventLog(file);
        } catch (ArenaException e) {
            return e.getMessage();
        }
        throw new AssertionError("read " + file + " without an error");
    }

    @Test
    void corruptPagesNameTheFileRowGroupColumnAndRow() throws IOException {
        Path plain = small("plain.parquet", false);
        EventLog ok = Datasets.loadEventLog(plain);
        assertThat(ok.size()).isEqualTo(100);

        // a plain BINARY value's length prefix far past the page end; "case-0" is row 1
        byte[] bytes = Files.readAllBytes(plain);
        byte[] value = {6, 0, 0, 0, 'c', 'a', 's', 'e', '-', '0'};
        int at = indexOf(bytes, value);
        Path longValue = patch(plain, "long-value.parquet", at, 0xFF, 0xFF, 0xFF, 0x7F);
        assertThat(readError(longValue)).startsWith(longValue + ", row 1, column 'case_id': corrupt or truncated"
                + " Parquet data in row group 1 (page 1: bad value length 2147483647 at byte ");

        // the channel column's definition levels say they run past the page
        int channel = pageData(plain, "channel");
        Path levels = patch(plain, "levels.parquet", channel, 0xFF, 0xFF, 0xFF, 0x7F);
        assertThat(readError(levels)).startsWith(levels + ", row 1, column 'channel': corrupt or truncated Parquet"
                + " data in row group 1 (page 1: bad definition level section length 2147483647 of a page of ");

        // the same levels cut short: a length of 1 byte holds only the first run's header
        Path shortLevels = patch(plain, "short-levels.parquet", channel, 1, 0, 0, 0);
        assertThat(readError(shortLevels)).isEqualTo(shortLevels + ", row 1, column 'channel': corrupt or truncated"
                + " Parquet data in row group 1 (page 1: RLE/bit-packed data ends after 0 of 100 values)");

        // dictionary ids: event_type is required (no levels), so its data starts with the id bit width (2 for
        // a, b, c), then a bit-packed run header; 0xFF as the first packed byte makes ids 3, 3, 3, 3
        Path dict = small("dict.parquet", true);
        int types = pageData(dict, "event_type");
        assertThat(Files.readAllBytes(dict)[types]).isEqualTo((byte) 2);
        Path badId = patch(dict, "bad-id.parquet", types + 2, 0xFF);
        assertThat(readError(badId)).isEqualTo(badId + ", row 1, column 'event_type': corrupt or truncated Parquet"
                + " data in row group 1 (page 1: dictionary id 3 of value 1 is outside the dictionary of 3 entries)");
        Path badWidth = patch(dict, "bad-width.parquet", types, 40);
        assertThat(readError(badWidth)).isEqualTo(badWidth + ", row 1, column 'event_type': corrupt or truncated"
                + " Parquet data in row group 1 (page 1: bad dictionary id width 40)");
    }

    @Test
    void aCorruptLaterPageNamesItsFirstRowAlsoWhenNullsAreSkippedToReachIt() throws IOException {
        // 250 rows in pages of 100; channel is set on even rows only, so its reader skips ahead past nulls and
        // reaches page 2 while the reader is still on row 99 (the last row with a channel in page 1).
        Path file = writeFile("pages.parquet", SMALL, 250, false, 1 << 20, (i, g) -> {
            g.add("case_id", "case-" + (i / 10));
            g.add("timestamp", 1000L * i);
            g.add("event_type", "a");
            if (i % 2 == 0) {
                g.add("channel", "email");
            }
        });
        assertThat(Datasets.loadEventLog(file).size()).isEqualTo(250);
        Path channel = patch(file, "channel-page-2.parquet", pageData(file, "channel", 2), 0xFF, 0xFF, 0xFF, 0x7F);
        assertThat(readError(channel)).startsWith(channel + ", row 101, column 'channel': corrupt or truncated"
                + " Parquet data in row group 1 (page 2: bad definition level section length 2147483647");
        Path types = patch(file, "type-page-3.parquet", pageData(file, "event_type", 3), 0xFF, 0xFF, 0xFF, 0x7F);
        assertThat(readError(types)).startsWith(types + ", row 201, column 'event_type': corrupt or truncated"
                + " Parquet data in row group 1 (page 3: ");
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
