package org.systemarena.datasets.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.LogAssert;
import org.systemarena.core.manifest.HistoricalActionSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.io.ColumnMapping;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;

/**
 * Reading a JSON Lines file in line-aligned ranges on several threads ({@link JsonlRanges}) gives the log the single
 * reader gives, column by column and dictionary by dictionary, and the same error for a bad file: the ranges are
 * forced on small files here (a threshold of 0 bytes).
 */
class JsonlParallelReadTest {
    private static final int[] THREADS = {1, 2, 3, 7};
    private static final int BUFFER = 64 << 10;
    private static final ColumnMapping DEFAULTS = ColumnMapping.defaults();

    @TempDir
    Path dir;

    private static EventLog sequential(Path file, ColumnMapping mapping) {
        return JsonlEventReader.readSequential(file, mapping, BUFFER);
    }

    private static EventLog parallel(Path file, ColumnMapping mapping, int threads) {
        return JsonlRanges.read(file, mapping, threads, 0, BUFFER);
    }

    private static ColumnMapping mappingOf(Manifest manifest) {
        HistoricalActionSpec h = manifest.historicalAction();
        return ColumnMapping.of(manifest.caseConfig()).withPropensity(h.eventType(), h.propensityField());
    }

    /** The file is read in ranges (none fell back to the single reader) and gives the single reader's log. */
    private static void assertSameInRanges(Path file, ColumnMapping mapping) {
        EventLog expected = sequential(file, mapping);
        for (int threads : THREADS) {
            LogAssert.assertSameLog(parallel(file, mapping, threads), expected);
            if (threads > 1) {
                EventLog ranged = JsonlRanges.inRanges(file, mapping, threads, 0, BUFFER);
                assertThat(ranged).as("%d threads read the file in ranges", threads).isNotNull();
                LogAssert.assertSameLog(ranged, expected);
            }
        }
    }

    @Test
    void generatedLogsReadInRangesAreTheSequentialLogs() throws IOException {
        Manifest manifest = LeadFollowupGenerator.manifest();
        for (long seed : new long[] {1, 5, 42}) {
            EventLog log = LeadFollowupGenerator.generate(LeadFollowupConfig.ofEvents(2_000 + seed * 300, seed));
            Path file = dir.resolve("leads-" + seed + ".jsonl");
            Datasets.writeJsonl(log, file);
            assertSameInRanges(file, DEFAULTS);
            assertSameInRanges(file, mappingOf(manifest)); // the propensity check on every range
            assertThat(parallel(file, DEFAULTS, 3).events()).isEqualTo(log.events()); // (dictionaries in file order)
        }
    }

    /**
     * Lines of every kind: the scanner's shape, lines left to Jackson (escapes, non-ASCII text, a unicode escape in a
     * case id, exponents, offsets), object references, actors, nested payloads, blank and CRLF lines; cases whose
     * events are spread over the whole file, equal timestamps within a case and across ranges, and strings first
     * seen in later ranges.
     */
    static List<String> mixedLines(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String c = "c" + (i % 11);
            String ts = "\"2024-03-01T09:00:0" + (i % 4) + "Z\"";
            String late = "kind-" + (i / 37); // a new value every 37 lines: first seen in every range
            switch (i % 10) {
                case 0:
                    lines.add("{\"case_id\":\"" + c + "\",\"timestamp\":" + ts + ",\"event_type\":\"entity.created\","
                            + "\"actor\":{\"type\":\"human\",\"id\":\"u" + (i % 7) + "\",\"name\":\"Ann\"},"
                            + "\"object_refs\":[{\"type\":\"lead\",\"id\":\"" + c + "\",\"role\":\"subject\"},"
                            + "{\"type\":\"" + late + "\",\"id\":\"o" + i + "\"}],\"payload\":{\"amount\":" + i
                            + ",\"kind\":\"" + late + "\",\"ok\":true,\"none\":null}}");
                    break;
                case 1:
                    lines.add("{\"case_id\":\"" + c + "\",\"timestamp\":" + ts + ",\"event_type\":\"note.added\","
                            + "\"payload\":{\"note\":\"say \\\"hi\\\"\\n to " + late + "\",\"tab\":\"a\\tb\"}}");
                    break;
                case 2:
                    lines.add("{\"case_id\":\"" + c + "\",\"timestamp\":" + ts + ",\"event_type\":\"note.added\","
                            + "\"channel\":\"caf\u00e9\",\"payload\":{\"city\":\"M\u00fcnchen " + (i % 3) + "\"}}");
                    break;
                case 3:
                    lines.add("{\"case_id\":\"" + c + "\",\"timestamp\":" + ts + ",\"event_type\":\"score.set\","
                            + "\"sequence_number\":" + (i % 3) + ",\"payload\":{\"score\":1.5e3,\"tiny\":-2.5E-7,"
                            + "\"n\":1e2,\"x\":0.1}}");
                    break;
                case 4:
                    lines.add("{\"case_id\":\"" + c + "\",\"timestamp\":" + ts + ",\"event_type\":\"state.changed\","
                            + "\"event_id\":" + (1000 + i) + ",\"state_before\":{\"stage\":\"new\"},"
                            + "\"state_after\":{\"stage\":\"" + late + "\",\"n\":" + i + "},"
                            + "\"outcome_labels\":{\"won\":false,\"value\":2.5},\"payload\":{\"new_state\":\""
                            + late + "\"}}");
                    break;
                case 5:
                    lines.add("");
                    lines.add("{\"case_id\":\"solo-" + i + "\",\"timestamp\":" + ts + ",\"event_type\":\"entity.created\","
                            + "\"source_system\":\"crm\",\"correlation_id\":\"k" + (i % 5) + "\"}\r");
                    break;
                case 6:
                    lines.add("{\"case_id\":\"" + c + "\",\"timestamp\":" + ts + ",\"event_type\":"
                            + "\"interaction.occurred\",\"actor\":{\"id\":\"u" + (i % 9) + "\"},\"object_refs\":"
                            + "[{\"type\":\"lead\",\"id\":\"" + c + "\"}],\"payload\":{\"direction\":\""
                            + (i % 20 < 10 ? "inbound" : "outbound") + "\"}}");
                    break;
                case 7:
                    lines.add("{\"case_id\":\"c\\u0031\",\"timestamp\":" + ts + ",\"event_type\":\"decision.executed\","
                            + "\"payload\":{\"action\":\"call\",\"propensity\":0.25}}");
                    break;
                case 8:
                    lines.add("{\"case_id\":\"" + c + "\",\"timestamp\":\"2024-03-01T11:00:0" + (i % 4)
                            + "+02:00\",\"event_type\":\"timer.elapsed\",\"workflow_type\":\"w" + (i % 2) + "\"}");
                    break;
                default:
                    lines.add("  { \"case_id\" : \"" + c + "\" , \"timestamp\" : 1709283600000 , \"event_type\" :"
                            + " \"outcome.recorded\" , \"budget\" : " + i + " , \"vip\" : false , \"gone\" : null ,"
                            + " \"outcome\" : \"" + late + "\" }   ");
                    break;
            }
        }
        return lines;
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void handMadeLinesOfEveryKindReadInRangesAreTheSequentialLog() throws IOException {
        Path file = write("mixed.jsonl", mixedLines(700));
        EventLog log = sequential(file, DEFAULTS);
        assertThat(log.caseIds()).contains("c1", "c10", "solo-5");
        assertThat(JsonlEventReader.scannedEvents(file, DEFAULTS)).isBetween(1L, (long) log.size() - 1); // both paths
        assertSameInRanges(file, DEFAULTS);
        assertSameInRanges(file, mappingOf(LeadFollowupGenerator.manifest()));
        // Without a final line break, and with small buffers (lines straddle refills in every range).
        Path unterminated = Files.writeString(dir.resolve("unterminated.jsonl"),
                String.join("\n", mixedLines(300)), StandardCharsets.UTF_8);
        assertSameInRanges(unterminated, DEFAULTS);
        EventLog expected = sequential(unterminated, DEFAULTS);
        for (int threads : THREADS) {
            LogAssert.assertSameLog(JsonlRanges.read(unterminated, DEFAULTS, threads, 0, 97), expected);
        }
    }

    @Test
    void moreRangesThanThreadsAreClaimedInTurnAndGiveTheSameLogAndErrors() throws IOException {
        List<String> lines = mixedLines(900);
        Path file = write("many.jsonl", lines);
        EventLog expected = sequential(file, DEFAULTS);
        for (int[] tr : new int[][] {{2, 9}, {3, 20}, {2, 64}, {7, 8}}) {
            EventLog log = JsonlRanges.inRanges(file, DEFAULTS, tr[0], tr[1], 0, BUFFER);
            assertThat(log).as("%d threads, %d ranges", tr[0], tr[1]).isNotNull();
            LogAssert.assertSameLog(log, expected);
        }
        lines.set(130, "{\"case_id\":\"c1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"\"}");
        lines.set(800, "{\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"x\"}");
        Path bad = write("many-bad.jsonl", lines);
        Object want = outcome(() -> sequential(bad, DEFAULTS));
        assertThat((String) want).contains("line=131,").contains("event type");
        for (int[] tr : new int[][] {{2, 9}, {3, 20}, {2, 64}}) {
            assertThat(outcome(() -> JsonlRanges.inRanges(bad, DEFAULTS, tr[0], tr[1], 0, BUFFER)))
                    .as("%d threads, %d ranges", tr[0], tr[1]).isEqualTo(want);
        }
        assertThat(JsonlRanges.rangeCount(100, 2)).isEqualTo(2);
        assertThat(JsonlRanges.rangeCount(5L << 20, 2)).isEqualTo(5);
        assertThat(JsonlRanges.rangeCount(1L << 30, 2)).isEqualTo(2 * JsonlRanges.RANGES_PER_THREAD);
    }

    @Test
    void theCutsAreLineStartsAndEveryRangeHoldsLines() throws IOException {
        Path file = write("mixed.jsonl", mixedLines(500));
        byte[] bytes = Files.readAllBytes(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int threads : new int[] {2, 3, 7, 64}) {
                long[] cuts = JsonlRanges.cuts(channel, bytes.length, threads);
                assertThat(cuts[0]).isZero();
                assertThat(cuts[cuts.length - 1]).isEqualTo(bytes.length);
                assertThat(cuts.length).isEqualTo(threads + 1);
                for (int i = 1; i < cuts.length - 1; i++) {
                    assertThat(cuts[i]).isGreaterThan(cuts[i - 1]);
                    assertThat(bytes[(int) cuts[i] - 1]).isEqualTo((byte) '\n');
                }
            }
            // One line: nothing to cut.
            Path one = Files.writeString(dir.resolve("one.jsonl"),
                    "{\"case_id\":\"a\",\"timestamp\":1,\"event_type\":\"x\"}");
            try (FileChannel c = FileChannel.open(one, StandardOpenOption.READ)) {
                assertThat(JsonlRanges.cuts(c, Files.size(one), 4)).containsExactly(0, Files.size(one));
            }
        }
    }

    /** Loads with each thread count and checks that all give the sequential reader's outcome; returns the message. */
    private static String sameError(Path file, ColumnMapping mapping) {
        Object expected = outcome(() -> sequential(file, mapping));
        assertThat(expected).as("the sequential reader fails").isInstanceOf(String.class);
        for (int threads : THREADS) {
            assertThat(outcome(() -> parallel(file, mapping, threads))).as("%d threads", threads).isEqualTo(expected);
        }
        return (String) expected;
    }

    /** An error's class, message and location, or the log. */
    private static Object outcome(Supplier<EventLog> load) {
        try {
            return load.get();
        } catch (ArenaException e) {
            return e.getClass().getName() + ": " + e.getMessage() + " @ " + e.location().orElse(null);
        }
    }

    /** Line {@code index} (0-based) of the file starts after this many bytes. */
    private static long offsetOf(List<String> lines, int index) {
        long offset = 0;
        for (int i = 0; i < index; i++) {
            offset += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return offset;
    }

    private long[] cuts(Path file, int threads) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return JsonlRanges.cuts(channel, Files.size(file), threads);
        }
    }

    @Test
    void aBadLineInTheSecondRangeIsTheSequentialError() throws IOException {
        String[] bad = {
            "{\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"x\"}", // missing case id (row check)
            "{\"case_id\":\"c1\",\"timestamp\":\"not a time\",\"event_type\":\"x\"}", // Jackson's line, a bad value
            "{\"case_id\":\"c1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"x\",\"sequence_number\":\"s\"}",
            "{\"case_id\":\"c1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"x\",\"payload\":[1]}",
            "{\"case_id\":\"c1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"x\",\"x\":1,\"x\":2}",
            "{\"case_id\":\"c1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"x\"", // malformed: fallback
            "[1, 2]",
            "{\"case_id\":\"   \",\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"x\"}",
        };
        for (int k = 0; k < bad.length; k++) {
            List<String> lines = mixedLines(400);
            int at = 277; // about 70% into the file: the second of 2 ranges, the third of 3, the fifth of 7
            lines.set(at, bad[k]);
            Path file = write("bad-" + k + ".jsonl", lines);
            long[] two = cuts(file, 2);
            assertThat(offsetOf(lines, at)).isGreaterThan(two[1]);
            String message = sameError(file, DEFAULTS);
            // (The unclosed object's error is Jackson's stream's, on the next line, where it finds no comma.)
            assertThat(message).as("bad line %d", k).contains("line=" + (at + (k == 5 ? 2 : 1)) + ",");
        }
    }

    @Test
    void errorsInTwoRangesGiveTheEarlierOne() throws IOException {
        List<String> lines = mixedLines(600);
        lines.set(250, "{\"case_id\":\"c1\",\"timestamp\":\"2024-02-30T09:00:00Z\",\"event_type\":\"x\"}");
        lines.set(520, "{\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"x\"}");
        Path file = write("two-bad.jsonl", lines);
        long[] three = cuts(file, 3);
        assertThat(offsetOf(lines, 250)).isBetween(three[1], three[2] - 1);
        assertThat(offsetOf(lines, 520)).isGreaterThan(three[2]);
        assertThat(sameError(file, DEFAULTS)).contains("line=251,").contains("2024-02-30");
        // Reversed kinds: the later range's error is found first by its thread, the earlier one still wins.
        lines.set(250, "{\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"x\"}");
        lines.set(520, "{\"case_id\":\"c1\",\"timestamp\":\"2024-02-30T09:00:00Z\",\"event_type\":\"x\"}");
        assertThat(sameError(write("two-bad-2.jsonl", lines), DEFAULTS)).contains("row 251").contains("missing case id");
    }

    @Test
    void aBadPropensityInALaterRangeIsTheSequentialError() throws IOException {
        List<String> lines = mixedLines(500);
        lines.set(451, "{\"case_id\":\"c2\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"decision.executed\","
                + "\"payload\":{\"action\":\"call\",\"propensity\":1.5}}");
        Path file = write("propensity.jsonl", lines);
        assertThat(sameError(file, mappingOf(LeadFollowupGenerator.manifest()))).contains("row 452")
                .contains("logged propensity");
    }

    @Test
    void anObjectOverSeveralLinesHasTheSingleReaderReadTheFile() throws IOException {
        List<String> lines = mixedLines(400);
        lines.add(300, "{\"case_id\":\"multi\",\n\"timestamp\":\"2024-03-01T09:00:00Z\",\n\"event_type\":\"x\"}");
        Path file = write("multi.jsonl", lines);
        EventLog expected = sequential(file, DEFAULTS);
        assertThat(expected.caseIds()).contains("multi");
        for (int threads : new int[] {2, 3, 7}) {
            assertThat(JsonlRanges.inRanges(file, DEFAULTS, threads, 0, BUFFER)).isNull();
            LogAssert.assertSameLog(parallel(file, DEFAULTS, threads), expected);
        }
        // ... and the error after such an object is the stream's.
        lines.set(350, "{\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"x\"}");
        assertThat(sameError(write("multi-bad.jsonl", lines), DEFAULTS)).contains("missing case id");
    }

    @Test
    void utf16SmallAndBlankFilesAreReadAsBefore() throws IOException {
        String text = String.join("\n", mixedLines(120)) + "\n";
        Path utf16 = Files.write(dir.resolve("utf16.jsonl"), text.getBytes(StandardCharsets.UTF_16));
        assertThat(JsonlRanges.inRanges(utf16, DEFAULTS, 3, 0, BUFFER)).isNull();
        LogAssert.assertSameLog(parallel(utf16, DEFAULTS, 3), sequential(utf16, DEFAULTS));
        Path small = write("small.jsonl", mixedLines(50));
        assertThat(JsonlRanges.inRanges(small, DEFAULTS, 3, JsonlRanges.MIN_PARALLEL_BYTES, BUFFER)).isNull();
        LogAssert.assertSameLog(JsonlEventReader.read(small, DEFAULTS, 4), sequential(small, DEFAULTS));
        Path blank = Files.writeString(dir.resolve("blank.jsonl"), "\n   \n\n\n  \n\t\n\n\n");
        assertThat(sameError(blank, DEFAULTS)).contains("file is empty");
    }

    @Test
    void datasetsLoadsWithAnyNumberOfThreads() throws IOException {
        Path file = write("events.jsonl", mixedLines(200));
        EventLog expected = Datasets.loadEventLog(file, null, 1);
        LogAssert.assertSameLog(Datasets.loadEventLog(file, null), expected);
        LogAssert.assertSameLog(Datasets.loadEventLog(file, null, 0), expected);
        LogAssert.assertSameLog(Datasets.loadEventLog(file, null, 5), expected);
        // A file over the threshold is read in ranges by default.
        Path large = dir.resolve("large.jsonl");
        Datasets.writeJsonl(LeadFollowupGenerator.generate(LeadFollowupConfig.ofEvents(36_000, 3)), large);
        assertThat(Files.size(large)).isGreaterThan(JsonlRanges.MIN_PARALLEL_BYTES);
        assertThat(JsonlRanges.inRanges(large, DEFAULTS, 2, JsonlRanges.MIN_PARALLEL_BYTES, BUFFER)).isNotNull();
        EventLog one = Datasets.loadEventLog(large, LeadFollowupGenerator.manifest(), 1);
        LogAssert.assertSameLog(Datasets.loadEventLog(large, LeadFollowupGenerator.manifest()), one);
        LogAssert.assertSameLog(Datasets.loadEventLog(large, LeadFollowupGenerator.manifest(), 3), one);
    }
}
