package org.systemarena.datasets.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.systemarena.datasets.io.IoTestFiles.write;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.Actor;
import org.systemarena.core.ArenaException;
import org.systemarena.core.Event;
import org.systemarena.core.EventLog;
import org.systemarena.core.ObjectRef;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.io.ColumnMapping;
import org.systemarena.datasets.io.IoTestFiles;

class JsonlEventReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsCanonicalFieldsNestedObjectsAndTypedPayload() {
        Path file = write(dir, "events.jsonl", String.join("\n",
                "{\"case_id\":\"L1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"entity.created\","
                        + "\"event_id\":\"e1\",\"workflow_type\":\"lead\",\"actor\":{\"type\":\"human\",\"id\":\"u1\","
                        + "\"name\":\"Ann\"},\"channel\":\"web\",\"object_refs\":[{\"type\":\"lead\",\"id\":\"L1\","
                        + "\"role\":\"subject\"},{\"type\":\"account\",\"id\":\"A1\"}],\"state_after\":{\"stage\":\"new\"},"
                        + "\"budget\":5000,\"score\":0.5,\"vip\":true,\"region\":\"EMEA\",\"note\":null,"
                        + "\"payload\":{\"source\":\"ads\",\"gone\":null},\"source_system\":\"crm\","
                        + "\"correlation_id\":\"c1\"}",
                "",
                "{\"case_id\":\"L1\",\"timestamp\":1709283600000,\"event_type\":\"interaction.occurred\","
                        + "\"actor_type\":\"agent\",\"actor_id\":\"bot\",\"direction\":\"inbound\","
                        + "\"outcome_labels\":{\"replied\":true}}",
                ""));
        EventLog log = Datasets.loadEventLog(file);
        assertThat(log.size()).isEqualTo(2);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("budget", 5000L);
        payload.put("score", 0.5);
        payload.put("vip", true);
        payload.put("region", "EMEA");
        payload.put("source", "ads");
        payload.put("gone", null);
        Event first = new Event("e1", "L1", Instant.parse("2024-03-01T09:00:00Z"), 0,
                org.systemarena.core.EventType.ENTITY_CREATED, "entity.created", "lead", Actor.of("human", "u1", "Ann"),
                "web", payload, List.of(ObjectRef.of("lead", "L1", "subject"), ObjectRef.of("account", "A1")),
                Map.of(), Map.of("stage", "new"), Map.of(), "crm", "c1");
        assertThat(log.event(0)).isEqualTo(first);
        Event second = log.event(1);
        assertThat(second.timestamp()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(second.sequenceNumber()).isEqualTo(1);
        assertThat(second.actor()).isEqualTo(Actor.of("agent", "bot"));
        assertThat(second.activity()).isEqualTo("interaction.occurred:inbound");
        assertThat(second.outcomeLabels()).isEqualTo(Map.of("replied", true));
        assertThat(second.eventId()).isEqualTo("L1#1");
    }

    @Test
    void mapsColumnsThroughTheManifest() {
        Path file = write(dir, "log.ndjson",
                "{\"lead_id\":7,\"ts\":\"2024-03-01T10:00:00\",\"kind\":\"a\",\"step\":\"act-a\",\"seq\":5,"
                        + "\"case_id\":\"other\",\"event_type\":\"x\"}\n"
                        + "{\"lead_id\":7,\"ts\":\"2024-03-01T10:00:00\",\"kind\":\"b\",\"seq\":\"2\"}\n");
        EventLog log = Datasets.loadEventLog(file, IoTestFiles.mapping("lead_id", "ts", "kind", "step", "seq"));
        assertThat(log.caseIds()).containsExactly("7");
        // same timestamp: sequence 2 comes before 5
        assertThat(log.eventType(0)).isEqualTo("b");
        assertThat(log.activity(0)).isEqualTo("b");
        assertThat(log.eventType(1)).isEqualTo("a");
        assertThat(log.activity(1)).isEqualTo("act-a");
        assertThat(log.payload().map(1)).isEqualTo(Map.of("case_id", "other", "event_type", "x"));
    }

    @Test
    void missingCaseIdNamesLineAndColumn() {
        Path file = write(dir, "events.jsonl", "{\"case_id\":\"L1\",\"timestamp\":\"2024-03-01T09:00:00Z\","
                + "\"event_type\":\"a\"}\n\n{\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"a\"}\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ", row 3, column 'case_id': missing case id");
    }

    @Test
    void unparseableTimestampNamesLineColumnAndValue() {
        Path file = write(dir, "events.jsonl",
                "{\"case_id\":\"L1\",\"timestamp\":\"2024-13-01T09:00:00Z\",\"event_type\":\"a\"}\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ":1:29, column 'timestamp', value '2024-13-01T09:00:00Z': unparseable timestamp "
                        + "(month 13 out of range; expected ISO-8601 like 2024-03-01T09:30:00Z or epoch milliseconds)");
    }

    @Test
    void objectWhereScalarIsNeededIsAWrongTypeError() {
        Path file = write(dir, "events.jsonl", "{\"case_id\":\"L1\",\"timestamp\":\"2024-03-01T09:00:00Z\","
                + "\"event_type\":\"a\",\"budget\":{\"amount\":5}}\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ":1:78, column 'budget', value '{...}': expected a string, number, boolean or "
                        + "null, got an object");
    }

    @Test
    void nestedPayloadValueOfWrongTypeNamesThePath() {
        Path file = write(dir, "events.jsonl", "{\"case_id\":\"L1\",\"timestamp\":\"2024-03-01T09:00:00Z\","
                + "\"event_type\":\"a\",\"payload\":{\"tags\":[1]}}\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessageContaining("column 'payload.tags', value '[...]': expected a string, number, boolean or "
                        + "null, got an array");
    }

    @Test
    void eventTypeMustBeAString() {
        Path file = write(dir, "events.jsonl",
                "{\"case_id\":\"L1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":true}\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ":1:65, column 'event_type', value 'true': expected a string, got a boolean");
    }

    @Test
    void malformedLineNamesFileLineAndColumn() {
        Path file = write(dir, "events.jsonl", "{\"case_id\":\"L1\",\"timestamp\":\"2024-03-01T09:00:00Z\","
                + "\"event_type\":\"a\"}\n{\"case_id\":\"L2\" \"timestamp\":1}\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(file + ":2:17: malformed JSON: Unexpected character ('\"' (code 34)): "
                        + "was expecting comma to separate Object entries");
    }

    @Test
    void topLevelNonObjectIsAnError() {
        Path file = write(dir, "events.jsonl", "[1, 2]\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ":1:1, value '[...]': expected one JSON object per line, got an array");
    }

    @Test
    void emptyFileIsAnError() {
        Path file = write(dir, "events.jsonl", "\n  \n");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ": file is empty");
    }

    @Test
    void missingTimestampAndEventTypeAreErrors() {
        Path noTime = write(dir, "a.jsonl", "{\"case_id\":\"L1\",\"event_type\":\"a\"}");
        assertThatThrownBy(() -> Datasets.loadEventLog(noTime)).hasMessage(noTime
                + ", row 1, column 'timestamp': missing timestamp");
        Path noType = write(dir, "b.jsonl", "{\"case_id\":\"L1\",\"timestamp\":0}");
        assertThatThrownBy(() -> Datasets.loadEventLog(noType)).hasMessage(noType
                + ", row 1, column 'event_type': missing event type");
    }

    @Test
    void objectRefWithoutIdAndUnknownActorFieldAreErrors() {
        Path refs = write(dir, "a.jsonl", "{\"case_id\":\"L1\",\"timestamp\":0,\"event_type\":\"a\","
                + "\"object_refs\":[{\"type\":\"lead\"}]}");
        assertThatThrownBy(() -> Datasets.loadEventLog(refs)).hasMessageContaining(
                "column 'object_refs', value '{type=lead, id=null, role=null}': object reference needs a type and an id");
        Path actor = write(dir, "b.jsonl", "{\"case_id\":\"L1\",\"timestamp\":0,\"event_type\":\"a\","
                + "\"actor\":{\"kind\":\"x\"}}");
        assertThatThrownBy(() -> Datasets.loadEventLog(actor)).hasMessageContaining(
                "column 'actor.kind', value 'x': unknown actor field 'kind' (expected type, id, name)");
    }

    @Test
    void integerBeyondLongIsAnError() {
        Path file = write(dir, "a.jsonl", "{\"case_id\":\"L1\",\"timestamp\":0,\"event_type\":\"a\","
                + "\"n\":123456789012345678901234}");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).hasMessageContaining(
                "column 'n', value '123456789012345678901234': integer out of the 64-bit range");
    }

    @Test
    void integralDecimalSequenceNumbersAreAcceptedOthersAreNot() {
        Path ok = write(dir, "a.jsonl", "{\"case_id\":\"L1\",\"timestamp\":0,\"event_type\":\"a\",\"sequence_number\":3.0}");
        assertThat(Datasets.loadEventLog(ok).sequenceNumber(0)).isEqualTo(3);
        Path bad = write(dir, "b.jsonl", "{\"case_id\":\"L1\",\"timestamp\":0,\"event_type\":\"a\",\"sequence_number\":3.5}");
        assertThatThrownBy(() -> Datasets.loadEventLog(bad)).isInstanceOf(ArenaException.class)
                .hasMessage(bad + ":1:66, column 'sequence_number', value '3.5': expected an integer sequence number, "
                        + "got a decimal number");
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNotTheLastOneWins() {
        String ok = "{\"case_id\":\"c0\",\"timestamp\":\"2024-03-01T00:00:00Z\",\"event_type\":\"a\"}\n";
        Path top = IoTestFiles.write(dir, "dup-top.jsonl", ok
                + "{\"case_id\":\"c0\",\"case_id\":\"c9\",\"timestamp\":\"2024-03-01T00:00:00Z\",\"event_type\":\"a\"}\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(top)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(top + ":2:").hasMessageContaining("malformed JSON: Duplicate field 'case_id'");
        Path nested = IoTestFiles.write(dir, "dup-payload.jsonl", ok + "{\"case_id\":\"c0\",\"timestamp\":"
                + "\"2024-03-01T00:00:00Z\",\"event_type\":\"a\",\"payload\":{\"budget\":1,\"budget\":2}}\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(nested)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(nested + ":2:").hasMessageContaining("Duplicate field 'budget'");
        Path array = IoTestFiles.write(dir, "dup.json", "[{\"case_id\":\"c0\",\"timestamp\":\"2024-03-01T00:00:00Z\","
                + "\"event_type\":\"a\",\"event_type\":\"b\"}]");
        assertThatThrownBy(() -> Datasets.loadEventLog(array)).isInstanceOf(ArenaException.class)
                .hasMessageContaining("Duplicate field 'event_type'");
        // The same member name in two different objects of a line is fine.
        Path fine = IoTestFiles.write(dir, "fine.jsonl", "{\"case_id\":\"c0\",\"timestamp\":\"2024-03-01T00:00:00Z\","
                + "\"event_type\":\"a\",\"actor\":{\"id\":\"u1\"},\"object_refs\":[{\"type\":\"t\",\"id\":\"x\"},"
                + "{\"type\":\"t\",\"id\":\"y\"}]}\n");
        assertThat(Datasets.loadEventLog(fine).size()).isEqualTo(1);
        assertThat(JsonlEventReader.scannedEvents(fine, ColumnMapping.defaults())).isEqualTo(1);
    }

    @Test
    void aKeyWithALineBreakStaysOnTheMessagesLine() {
        // Found by JsonlEventReaderFuzzTest: "ac\ntor" named a column over two lines.
        Path file = write(dir, "break.jsonl", "{\"case_id\":\"c\",\"timestamp\":0,\"event_type\":\"x\","
                + "\"ac\\ntor\":{\"type\":\"human\"}}\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ":1:57, column 'ac\\ntor', value '{...}': expected a string, number, boolean or"
                        + " null, got an object");
    }
}
