package org.systemarena.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.systemarena.datasets.io.IoTestFiles.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.io.json.JsonlEventReader;

/**
 * Values, lines and records beyond what a reader holds: each is one error at its place, or read exactly as without
 * the limit, and memory follows the file's values rather than a line or record that never ends.
 */
class ReaderLimitsTest {
    private static final String HEAD = "{\"case_id\":\"c1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"a\"";

    @TempDir
    Path dir;

    private static Object outcome(java.util.function.Supplier<EventLog> read) {
        try {
            return read.get().events();
        } catch (ArenaException e) {
            return e.getMessage();
        }
    }

    /** The scanner reads a line as Jackson alone does, or both refuse it with the same message. */
    private static Object sameAsJackson(Path file) {
        Object jackson = outcome(() -> JsonlEventReader.read(file, ColumnMapping.defaults(), 1 << 16, false));
        assertThat(outcome(() -> Datasets.loadEventLog(file))).isEqualTo(jackson);
        return jackson;
    }

    @Test
    void theScannerLeavesLongValuesToJacksonAndItsLimitsHold() {
        // Each was read by the scanner, which has no limits, while Jackson alone refuses them.
        String longString = "x".repeat(20_000_001);
        Object string = sameAsJackson(write(dir, "string.jsonl", HEAD + ",\"note\":\"" + longString + "\"}\n"));
        assertThat(string).isEqualTo(dir.resolve("string.jsonl") + ":1:20000079: JSON value beyond Jackson's limits:"
                + " String value length (20000001) exceeds the maximum allowed (20000000)");
        Object name = sameAsJackson(write(dir, "name.jsonl", HEAD + ",\"" + "n".repeat(60_000) + "\":1}\n"));
        assertThat((String) name).startsWith(dir.resolve("name.jsonl") + ":1:").endsWith(": JSON value beyond"
                + " Jackson's limits: Name length (60000) exceeds the maximum allowed (50000)");
        Object number = sameAsJackson(write(dir, "number.jsonl", HEAD + ",\"p\":0." + "1".repeat(1_500) + "}\n"));
        assertThat((String) number).endsWith("JSON value beyond Jackson's limits: Number value length (1501) exceeds"
                + " the maximum allowed (1000)");
        // Below the limits, long values read the same either way.
        assertThat(sameAsJackson(write(dir, "fine.jsonl", HEAD + ",\"note\":\"" + "y".repeat(60_000) + "\",\"p\":0."
                + "3".repeat(900) + "}\n"))).isInstanceOf(java.util.List.class);
    }

    @Test
    void aLineLongerThanTheScannersBufferIsStreamedByJackson() {
        // A line that grew the buffer without bound: 150 MB held 450 MB and overflowed the int size beyond 1 GiB.
        Path file = write(dir, "long.jsonl", HEAD + ",\"note\":\"" + "z".repeat(5_000) + "\"}\n" + HEAD + "}\n");
        EventLog capped = JsonlEventReader.read(file, ColumnMapping.defaults(), 64, 1_024);
        assertThat(capped.events()).isEqualTo(Datasets.loadEventLog(file).events());
        assertThat(capped.size()).isEqualTo(2);
        Path broken = write(dir, "broken.jsonl", HEAD + "}\n" + HEAD + ",\"note\":\"" + "z".repeat(5_000) + "\",}\n");
        assertThatThrownBy(() -> JsonlEventReader.read(broken, ColumnMapping.defaults(), 64, 1_024))
                .isInstanceOf(ArenaException.class).hasMessageStartingWith(broken + ":2:5079: malformed JSON:");
    }

    @Test
    void jsonDocumentsNameTheirLimitsPlace() {
        Path file = write(dir, "events.json", "[\n" + HEAD + ",\n\"budget\":" + "9".repeat(1_200) + "}]\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ":3:1210: JSON value beyond Jackson's limits: Number value length (1200) exceeds the"
                        + " maximum allowed (1000)");
    }

    @Test
    void csvErrorsNameTheirRowTheHeadersColumnsAndTheFirstByteThatIsNotUtf8() throws IOException {
        // "row 3" was the line number.
        Path quote = write(dir, "quote.csv", "case_id,timestamp,event_type\nc1,\"2024-03-01\"x,a\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(quote)).hasMessage(quote + ", row 1: unexpected character 'x'"
                + " after a closing quote (line 2, field 2)");
        // Was "row 1, column 'case_id': missing case id": the column is missing from the header, not the row.
        Path header = write(dir, "header.csv", "lead,timestamp,event_type\nc1,2024-03-01,a\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(header)).hasMessage(header + ": no case id column 'case_id'"
                + " (columns: lead, timestamp, event_type)");
        // Was "not valid UTF-8: Input length = 1".
        Path latin1 = Files.write(dir.resolve("latin1.csv"), ("case_id,timestamp,event_type\nc1,2024-03-01,a\n"
                + "c2,2024-03-01,caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Datasets.loadEventLog(latin1)).isInstanceOf(ArenaException.class)
                .hasMessage(latin1 + ":3:18: not valid UTF-8: byte 0xE9 at byte offset 62 (save the file as UTF-8)");
    }

    @Test
    void aFileOfBlankLinesIsEmptyWithoutBeingHeldWhole() throws IOException {
        Path blank = Files.write(dir.resolve("blank.jsonl"), new byte[3 << 20]);
        Files.writeString(blank, " \n\t\r\n".repeat(600_000));
        assertThatThrownBy(() -> Datasets.loadEventLog(blank)).isInstanceOf(ArenaException.class)
                .hasMessage(blank + ": file is empty");
        Path utf16 = Files.write(dir.resolve("utf16.jsonl"), "  \n".getBytes(StandardCharsets.UTF_16));
        assertThatThrownBy(() -> Datasets.loadEventLog(utf16)).hasMessage(utf16 + ": file is empty");
    }
}
