package org.systemarena.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.Action;
import org.systemarena.core.ArenaException;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.io.parquet.ParquetEventWriter;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;
import org.systemarena.policy.RandomPolicy;

/**
 * Parquet traces read back as exactly the JSON Lines the object-based writer gives for the same run, for policies
 * that use every field a decision has (probabilities, nested params and metadata, reasoning, errors, violations).
 */
class ParquetTracesTest {
    private static final Manifest MANIFEST = Datasets.loadManifest(ExampleWorkflow.DIR.resolve("manifest.yaml"));
    private static final EventLog LOG = LeadFollowupGenerator.generate(LeadFollowupConfig.of(400, 11));
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static List<BenchmarkResult> results;

    @TempDir
    Path dir;

    /** Fills every decision field, fails on some points, returns a disallowed action on others. */
    static final class Everything implements Policy {
        @Override
        public String name() {
            return "everything";
        }

        @Override
        public Decision decide(CaseSnapshot s, List<Action> allowed) {
            int h = Math.floorMod((s.caseId() + s.asOf()).hashCode(), 10);
            if (h == 0) {
                throw new IllegalStateException("model offline for " + s.caseId());
            }
            if (h == 1) {
                return Decision.of("teleport");
            }
            String action = allowed.get(h % allowed.size()).type();
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("template", "t" + h);
            params.put("weights", List.of(1L, 2.5, "x"));
            params.put("nested", Map.of("z", true, "a", h));
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("model", "v2");
            metadata.put("ratio", h / 3.0);
            return new Decision(action, params, Map.of(), h % 3 == 0 ? null : h * 1.5,
                    h % 2 == 0 ? null : 0.25, h % 4 == 0 ? null : "because \"h\"=" + h + "\n", metadata);
        }
    }

    @BeforeAll
    static void run() {
        results = BenchmarkRunner.of(MANIFEST, LOG, BenchmarkConfig.builder().threads(2).build())
                .run(RandomPolicy.withSeed(3), new Everything(), org.systemarena.policy.HistoricalPolicy.create());
    }

    private static String jsonl(BenchmarkResult r, boolean latency) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceWriter.writeJsonl(r, out, latency);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String read(Path file, TraceReader.Query query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceReader.writeJsonl(file, query, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readBackTheJsonLinesOfTheObjectWriterByteForByte() {
        for (BenchmarkResult r : results) {
            for (boolean latency : new boolean[] {false, true}) {
                Path file = dir.resolve(r.policyName() + "-" + latency + ".parquet");
                ParquetTraceWriter.write(r, file, latency);
                assertThat(read(file, TraceReader.Query.all())).as(r.policyName()).isEqualTo(jsonl(r, latency));
            }
        }
    }

    @Test
    void theRunExercisesEveryField() throws IOException {
        BenchmarkResult everything = results.get(1);
        Set<String> kinds = new HashSet<>();
        int violated = 0;
        int reasoned = 0;
        for (String line : jsonl(everything, false).split("\n")) {
            JsonNode t = MAPPER.readTree(line);
            t.path("errors").forEach(e -> kinds.add(e.path("kind").asText()));
            violated += t.path("violations").size() > 0 ? 1 : 0;
            reasoned += t.has("reasoning") ? 1 : 0;
        }
        assertThat(kinds).contains("exception", "disallowed_action");
        assertThat(violated).isPositive();
        assertThat(reasoned).isPositive();
        assertThat(jsonl(results.get(0), false)).contains("\"probabilities\":{");
    }

    @Test
    void aQueryKeepsOneCaseOrOneDecisionAndTheLimit() throws IOException {
        BenchmarkResult r = results.get(1);
        Path file = dir.resolve("q.parquet");
        ParquetTraceWriter.write(r, file, false);
        List<String> lines = List.of(jsonl(r, false).split("\n"));
        String caseId = MAPPER.readTree(lines.get(lines.size() / 2)).path("case_id").asText();
        List<String> ofCase = new ArrayList<>();
        for (String line : lines) {
            if (MAPPER.readTree(line).path("case_id").asText().equals(caseId)) {
                ofCase.add(line);
            }
        }
        assertThat(ofCase).hasSizeGreaterThan(1);
        assertThat(read(file, TraceReader.Query.all().withCase(caseId))).isEqualTo(String.join("\n", ofCase) + "\n");
        assertThat(read(file, TraceReader.Query.all().withCase(caseId).withLimit(1))).isEqualTo(ofCase.get(0) + "\n");
        String decision = MAPPER.readTree(ofCase.get(1)).path("decision_id").asText();
        assertThat(read(file, TraceReader.Query.all().withDecision(decision))).isEqualTo(ofCase.get(1) + "\n");
        assertThat(read(file, TraceReader.Query.all().withCase("no-such-case"))).isEmpty();
        assertThat(read(file, TraceReader.Query.all().withLimit(3)))
                .isEqualTo(String.join("\n", lines.subList(0, 3)) + "\n");
    }

    @Test
    void repeatedTextIsDictionaryEncodedAndTheFileIsAFractionOfTheJsonLines() throws IOException {
        BenchmarkResult r = results.get(0);
        Path file = dir.resolve("random.parquet");
        ParquetTraceWriter.write(r, file, false);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            for (var block : reader.getFooter().getBlocks()) {
                for (ColumnChunkMetaData c : block.getColumns()) {
                    String path = c.getPath().toDotString();
                    if (Set.of("policy", "rule", "action", "logged_action", "outcome", "outcome_category",
                            "snapshot.status", "snapshot.activity").contains(path)) {
                        assertThat(c.getEncodings()).as(path).containsAnyOf(Encoding.PLAIN_DICTIONARY,
                                Encoding.RLE_DICTIONARY);
                    }
                }
            }
        }
        long jsonBytes = jsonl(r, false).getBytes(StandardCharsets.UTF_8).length;
        assertThat(Files.size(file)).isLessThan(jsonBytes / 5);
    }

    @Test
    void aFooterDeclaringHugeChunksIsRefusedBeforeAnythingIsRead() throws IOException {
        Path file = dir.resolve("traces-huge.parquet");
        ParquetTraceWriter.write(results.get(0), file, false);
        // The footer says the first column chunk holds 64 GiB: parquet-hadoop would try to allocate it.
        byte[] bytes = Files.readAllBytes(file);
        int n = bytes.length;
        int length = java.nio.ByteBuffer.wrap(bytes, n - 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        org.apache.parquet.format.FileMetaData meta = org.apache.parquet.format.Util.readFileMetaData(
                new java.io.ByteArrayInputStream(bytes, n - 8 - length, length));
        meta.getRow_groups().get(0).getColumns().get(0).getMeta_data().setTotal_compressed_size(64L << 30);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, n - 8 - length);
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        org.apache.parquet.format.Util.writeFileMetaData(meta, footer);
        footer.writeTo(out);
        out.write(java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(footer.size())
                .array());
        out.write(new byte[] {'P', 'A', 'R', '1'});
        Path hostile = Files.write(dir.resolve("traces-hostile.parquet"), out.toByteArray());
        assertThatThrownBy(() -> read(hostile, TraceReader.Query.all())).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(hostile + ", column 'decision_id': corrupt or truncated Parquet data in row"
                        + " group 1 (the column chunk declares a column chunk of 68,719,476,736 bytes at offset ");
    }

    @Test
    void otherFilesAreRefusedByName() throws IOException {
        Path log = dir.resolve("events.parquet");
        ParquetEventWriter.write(LOG, log);
        assertThatThrownBy(() -> read(log, TraceReader.Query.all())).isInstanceOf(ArenaException.class)
                .hasMessage(log + " is a Parquet file but not System Arena traces (its footer has no "
                        + "'systemarena.traces' key)");
        Path text = Files.writeString(dir.resolve("traces.parquet"), "{\"decision_id\": 1}\n");
        assertThatThrownBy(() -> read(text, TraceReader.Query.all())).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(text + " is not a Parquet file: ");
        Path missing = dir.resolve("missing.parquet");
        assertThatThrownBy(() -> read(missing, TraceReader.Query.all())).isInstanceOf(ArenaException.class)
                .hasMessage("no traces file " + missing);
    }

    @Test
    void snapshotValuesKeepTheirKind() {
        SnapshotColumn whole = column(3, 4L, null);
        SnapshotColumn fractional = column(2.5, null, 1.0);
        SnapshotColumn mixedNumbers = column(3L, 2.5);
        SnapshotColumn mixedKinds = column("a", 1L);
        assertThat(TraceParquetGroups.formOf(whole)).isEqualTo(TraceParquetGroups.Form.WHOLE);
        assertThat(whole.wholeNumber(1)).isEqualTo(4L);
        assertThat(TraceParquetGroups.formOf(fractional)).isEqualTo(TraceParquetGroups.Form.DOUBLE);
        assertThat(TraceParquetGroups.formOf(mixedNumbers)).isEqualTo(TraceParquetGroups.Form.JSON);
        assertThat(TraceParquetGroups.formOf(mixedKinds)).isEqualTo(TraceParquetGroups.Form.JSON);
        assertThat(TraceParquetGroups.formOf(column(true, null))).isEqualTo(TraceParquetGroups.Form.BOOLEAN);
        assertThat(TraceParquetGroups.formOf(column(null, null))).isEqualTo(TraceParquetGroups.Form.EMPTY);
        assertThatThrownBy(() -> mixedNumbers.wholeNumber(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writeErrorsAreArenaExceptionsAsReadErrorsAre() {
        BenchmarkResult r = results.get(0);
        // a folder cannot be opened for writing: the message names it
        assertThatThrownBy(() -> TraceWriter.writeJsonl(r, dir, false)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("cannot write traces to " + dir + ": ");
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        assertThatThrownBy(() -> TraceWriter.writeJsonl(r, full, false)).isInstanceOf(ArenaException.class)
                .hasMessage("cannot write traces: No space left on device");
    }

    private static SnapshotColumn column(Object... values) {
        SnapshotColumn c = new SnapshotColumn();
        for (Object v : values) {
            c.add(v);
        }
        return c;
    }
}
