package org.systemarena.datasets.io.csv;

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
import org.systemarena.core.EventLog;
import org.systemarena.core.ObjectRef;
import org.systemarena.core.ValueKind;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.io.CsvValues;

class CsvEventReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsWithCommasNewlinesAndQuotes() {
        Path file = write(dir, "events.csv", "case_id,timestamp,event_type,note,amount,count,flag,zip,empty,quoted\r\n"
                + "L1,2024-03-01T09:00:00Z,entity.created,\"hello, \"\"world\"\"\nline two\",12.50,42,TRUE,007,,\"17\"\r\n"
                + "L1,1709283600000,state.changed,plain,-1e3,-5,false,0,,\"\"\n");
        EventLog log = Datasets.loadEventLog(file);
        assertThat(log.size()).isEqualTo(2);
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("note", "hello, \"world\"\nline two");
        first.put("amount", 12.5);
        first.put("count", 42L);
        first.put("flag", true);
        first.put("zip", "007");
        first.put("quoted", "17");
        assertThat(log.payload().map(0)).isEqualTo(first);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("note", "plain");
        second.put("amount", -1000.0);
        second.put("count", -5L);
        second.put("flag", false);
        second.put("zip", 0L);
        second.put("quoted", "");
        assertThat(log.payload().map(1)).isEqualTo(second);
        assertThat(log.timestamp(1)).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
    }

    @Test
    void structuredColumnsHoldJson() {
        Path file = write(dir, "events.csv", "case_id,timestamp,event_type,actor,object_refs,state_after,payload\n"
                + "L1,2024-03-01,a,\"{\"\"type\"\":\"\"human\"\",\"\"id\"\":\"\"u1\"\"}\","
                + "\"[{\"\"type\"\":\"\"lead\"\",\"\"id\"\":\"\"L1\"\"}]\",\"{\"\"stage\"\":\"\"new\"\"}\","
                + "\"{\"\"x\"\":1.5}\"\n");
        EventLog log = Datasets.loadEventLog(file);
        assertThat(log.actor(0)).isEqualTo(Actor.of("human", "u1"));
        assertThat(log.objectRefs().refs(0)).isEqualTo(List.of(ObjectRef.of("lead", "L1")));
        assertThat(log.stateAfter().map(0)).isEqualTo(Map.of("stage", "new"));
        assertThat(log.payload().map(0)).isEqualTo(Map.of("x", 1.5));
    }

    @Test
    void aLaterColumnForTheSameFieldWins() {
        // The actor JSON cell sets the actor's type; the actor_type column after it sets it again, as plain text.
        Path file = write(dir, "events.csv", "case_id,timestamp,event_type,actor,actor_type\n"
                + "L1,2024-03-01T09:00:00Z,a,\"{\"\"type\"\":\"\"human\"\",\"\"id\"\":\"\"u1\"\"}\",bot\n"
                + "L1,2024-03-01T10:00:00Z,a,\"{\"\"type\"\":\"\"human\"\",\"\"id\"\":\"\"u1\"\"}\",\n");
        EventLog log = Datasets.loadEventLog(file);
        assertThat(log.actor(0)).isEqualTo(Actor.of("bot", "u1"));
        assertThat(log.actor(1)).isEqualTo(Actor.of("human", "u1")); // an empty cell leaves the field as it was
    }

    @Test
    void typesValuesByContent() {
        assertThat(CsvValues.kindOf("")).isEqualTo(ValueKind.NULL);
        assertThat(CsvValues.kindOf("0")).isEqualTo(ValueKind.LONG);
        assertThat(CsvValues.kindOf("+12")).isEqualTo(ValueKind.LONG);
        assertThat(CsvValues.kindOf("9223372036854775807")).isEqualTo(ValueKind.LONG);
        assertThat(CsvValues.kindOf("9223372036854775808")).isEqualTo(ValueKind.STRING);
        assertThat(CsvValues.kindOf("0012")).isEqualTo(ValueKind.STRING);
        assertThat(CsvValues.kindOf("1.")).isEqualTo(ValueKind.DOUBLE);
        assertThat(CsvValues.kindOf(".5")).isEqualTo(ValueKind.DOUBLE);
        assertThat(CsvValues.kindOf("2E-3")).isEqualTo(ValueKind.DOUBLE);
        assertThat(CsvValues.kindOf("1e")).isEqualTo(ValueKind.STRING);
        assertThat(CsvValues.kindOf(".")).isEqualTo(ValueKind.STRING);
        assertThat(CsvValues.kindOf("False")).isEqualTo(ValueKind.BOOLEAN);
        assertThat(CsvValues.kindOf("yes")).isEqualTo(ValueKind.STRING);
        assertThat(CsvValues.kindOf("NaN")).isEqualTo(ValueKind.STRING);
    }

    @Test
    void wrongFieldCountNamesRowAndLine() {
        Path file = write(dir, "events.csv", "case_id,timestamp,event_type\nL1,2024-03-01,a\n\"L\n2\",2024-03-01,a\n"
                + "L3,2024-03-01\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ", row 3: has 2 fields but the header has 3 (line 5)");
    }

    @Test
    void missingCaseIdAndBadTimestampNameRowColumnAndValue() {
        Path noCase = write(dir, "a.csv", "case_id,timestamp,event_type\n,2024-03-01,a\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(noCase)).isInstanceOf(ArenaException.class)
                .hasMessage(noCase + ", row 1, column 'case_id': missing case id (line 2)");
        // A cell of spaces is no case id either (it used to become a case of its own).
        Path blank = write(dir, "blank.csv", "case_id,timestamp,event_type\nL1,2024-03-01,a\n\"   \",2024-03-01,a\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(blank)).isInstanceOf(ArenaException.class)
                .hasMessage(blank + ", row 2, column 'case_id', value '   ': blank case id (only spaces) (line 3)");
        Path badTime = write(dir, "b.csv", "case_id,timestamp,event_type\nL1,2024-03-01,a\nL1,01/03/2024,a\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(badTime)).isInstanceOf(ArenaException.class)
                .hasMessage(badTime + ", row 2, column 'timestamp', value '01/03/2024': unparseable timestamp "
                        + "(expected a digit at position 3; expected ISO-8601 like 2024-03-01T09:30:00Z or epoch "
                        + "milliseconds) (line 3)");
    }

    @Test
    void malformedJsonCellIsAnError() {
        Path file = write(dir, "a.csv", "case_id,timestamp,event_type,state_after\nL1,2024-03-01,a,{stage}\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(file + ", row 1, column 'state_after', value '{stage}': malformed JSON (");
    }

    @Test
    void emptyFileUnterminatedQuoteAndDuplicateHeaderAreErrors() {
        Path empty = write(dir, "empty.csv", "");
        assertThatThrownBy(() -> Datasets.loadEventLog(empty)).hasMessage(empty + ": file is empty");
        Path open = write(dir, "open.csv", "case_id,timestamp,event_type\nL1,2024-03-01,\"a\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(open))
                .hasMessage(open + ", row 1: unterminated quoted field (opened on line 2)");
        Path dup = write(dir, "dup.csv", "case_id,timestamp,event_type,x,x\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(dup))
                .hasMessage(dup + ": header names column 'x' twice (positions 4 and 5)");
    }

    @Test
    void headerOnlyIsAnEmptyLog() {
        assertThat(Datasets.loadEventLog(write(dir, "h.csv", "case_id,timestamp,event_type\n")).size()).isZero();
    }

    @Test
    void sequenceNumbersMayBeWholeDecimals() {
        Path file = write(dir, "s.csv", "case_id,timestamp,event_type,sequence_number\nL1,2024-03-01,a,2.0\n"
                + "L1,2024-03-01,b,1\n");
        EventLog log = Datasets.loadEventLog(file);
        assertThat(log.eventType(0)).isEqualTo("b");
        assertThat(log.sequenceNumber(1)).isEqualTo(2);
        Path bad = write(dir, "t.csv", "case_id,timestamp,event_type,sequence_number\nL1,2024-03-01,a,2.5\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(bad)).isInstanceOf(ArenaException.class)
                .hasMessage(bad + ", row 1, column 'sequence_number', value '2.5': expected an integer sequence number "
                        + "(line 2)");
        Path nan = write(dir, "u.csv", "case_id,timestamp,event_type,sequence_number\nL1,2024-03-01,a,NaN\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(nan)).isInstanceOf(ArenaException.class)
                .hasMessage(nan + ", row 1, column 'sequence_number', value 'NaN': expected an integer sequence number "
                        + "(line 2)");
    }

    @Test
    void aHeaderCellWithALineBreakStaysOnTheMessagesLine() {
        // Found by CsvEventReaderFuzzTest: the header list broke the message in two.
        Path file = write(dir, "break.csv", "L1,\"hello\nworld\",42\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ": no case id column 'case_id' (columns: L1, hello\\nworld, 42)");
    }
}
