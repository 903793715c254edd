package org.systemarena.datasets.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.systemarena.datasets.io.IoTestFiles.write;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.datasets.Datasets;

class JsonEventReaderTest {
    @TempDir
    Path dir;

    private static final String E1 = "{\"case_id\":\"B\",\"timestamp\":\"2024-03-02T00:00:00Z\",\"event_type\":\"x\","
            + "\"n\":1}";
    private static final String E2 = "{\"case_id\":\"A\",\"timestamp\":\"2024-03-01T00:00:00Z\",\"event_type\":\"y\"}";

    @Test
    void readsATopLevelArray() {
        EventLog log = Datasets.loadEventLog(write(dir, "events.json", "[" + E1 + ",\n" + E2 + "]"));
        // cases ordered by first timestamp: A before B
        assertThat(log.caseIds()).containsExactly("A", "B");
        assertThat(log.payload().map(1)).isEqualTo(Map.of("n", 1L));
    }

    @Test
    void readsAnEventsWrapper() {
        EventLog log = Datasets.loadEventLog(write(dir, "events.json", "{\"events\": [" + E1 + "]}"));
        assertThat(log.size()).isEqualTo(1);
        assertThat(log.eventType(0)).isEqualTo("x");
    }

    @Test
    void emptyArrayIsAnEmptyLog() {
        assertThat(Datasets.loadEventLog(write(dir, "events.json", "[]")).size()).isZero();
    }

    @Test
    void otherTopLevelKeysAreErrors() {
        Path file = write(dir, "events.json", "{\"rows\": []}");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ":1:2, value 'rows': expected the key 'events' holding the array of events");
        Path extra = write(dir, "extra.json", "{\"events\": [], \"meta\": 1}");
        assertThatThrownBy(() -> Datasets.loadEventLog(extra)).isInstanceOf(ArenaException.class)
                .hasMessage(extra + ":1:16, value 'meta': unexpected key after 'events' (the object must hold only "
                        + "'events')");
    }

    @Test
    void missingCaseIdNamesTheEventAndItsPosition() {
        Path file = write(dir, "events.json", "[\n" + E1 + ",\n  {\"timestamp\": 0, \"event_type\": \"x\"}\n]");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ":3:3, column 'case_id': event 2: missing case id");
    }

    @Test
    void emptyAndTruncatedFilesAreErrors() {
        Path empty = write(dir, "empty.json", "");
        assertThatThrownBy(() -> Datasets.loadEventLog(empty)).hasMessage(empty + ": file is empty");
        Path truncated = write(dir, "cut.json", "[" + E1 + ", {\"case_id\":");
        assertThatThrownBy(() -> Datasets.loadEventLog(truncated)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(truncated + ":1:").hasMessageContaining("malformed JSON: Unexpected end-of-input");
    }

    @Test
    void aKeyWithALineBreakStaysOnTheMessagesLine() {
        // Found by JsonEventReaderFuzzTest: the key broke both the column and the message in two.
        Path file = write(dir, "break.json", "[{\"case_id\":\"c\",\"timestamp\":0,\"event_type\":\"x\","
                + "\"actor\":{\"\\n\":\"human\"}}]");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ":1:62, column 'actor.\\n', value 'human': unknown actor field '\\n'"
                        + " (expected type, id, name)");
    }
}
