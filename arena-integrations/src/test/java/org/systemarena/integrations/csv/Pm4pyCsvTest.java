package org.systemarena.integrations.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.integrations.xes.Pm4pyFixtures;
import org.systemarena.integrations.xes.Xes;

class Pm4pyCsvTest {
    @TempDir
    Path dir;

    static Stream<String> logs() {
        return Stream.concat(Pm4pyFixtures.XES_LOGS.stream().map(l -> "input_logs/" + l[1]),
                Stream.of("formats/handwritten/minimal.xes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void xesToCsvAndBackIsExact(String file) {
        EventLog xes = Xes.read(Pm4pyFixtures.path(file));
        Path csv = dir.resolve("log.csv");
        Pm4pyCsv.write(xes, csv);
        EventLog back = Pm4pyCsv.read(csv);
        assertThat(rows(back)).isEqualTo(rows(xes));
    }

    @Test
    void writesPm4pyColumnsAndQuotesWhatNeedsIt() throws Exception {
        EventLog log = Xes.read(Pm4pyFixtures.path("formats/handwritten/minimal.xes"));
        StringWriter out = new StringWriter();
        Pm4pyCsvWriter.create().write(log, out);
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("case:concept:name,concept:name,time:timestamp,org:resource,"
                + "lifecycle:transition,amount,automated,case:outcome,priority");
        assertThat(lines[1]).isEqualTo("case-1,submit,2024-03-01 09:00:00.000+00:00,alice,complete,120.5,,approved,");
        assertThat(lines[4]).isEqualTo("case-1,approve,2024-03-01 11:00:00.000+00:00,,complete,,false,approved,");
        assertThat(lines[5]).isEqualTo("case-2,submit,2024-03-02 09:00:00.000+00:00,,complete,,,rejected,2");
        assertThat(lines).hasSize(7);
    }

    @Test
    void readsQuotingTypesAndPandasIndexColumn() {
        String csv = ",case:concept:name,concept:name,time:timestamp,org:resource,note,n,x,zip,flag,empty\r\n"
                + "0,c1,\"a, b\",2024-01-01 10:00:00+01:00,ann,\"say \"\"hi\"\"\n twice\",3,1.5,007,true,\"\"\r\n"
                + "1,c1,c,2024-01-01T10:00:00Z,,plain,\"4\",1.50,12,True,\r\n";
        EventLog log = Pm4pyCsvReader.create().read(new StringReader(csv), "mem.csv");
        assertThat(log.size()).isEqualTo(2);
        assertThat(log.activity(0)).isEqualTo("a, b");
        assertThat(log.timestamp(0)).isEqualTo(Instant.parse("2024-01-01T09:00:00Z"));
        assertThat(log.payload().map(0)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "note", "say \"hi\"\n twice", "n", 3L, "x", 1.5, "zip", "007", "flag", true, "empty", ""));
        assertThat(log.payload().map(1)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "note", "plain", "n", "4", "x", "1.50", "zip", 12L, "flag", "True"));
        assertThat(log.actor(1).id()).isNull();

        EventLog pm4py = Pm4pyCsvReader.create(CsvOptions.pm4pyTimestamps()).read(new StringReader(csv), "mem");
        assertThat(pm4py.timestamp(0)).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
    }

    @Test
    void errorsNameFileRowColumnAndValue() throws Exception {
        Path p = dir.resolve("bad.csv");
        Files.writeString(p, "case:concept:name,concept:name,time:timestamp\nc1,a,2024-01-01T00:00:00Z\n"
                + "c1,b,31/12/2024\n");
        assertThatThrownBy(() -> Pm4pyCsv.read(p)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(p + ", row 3, column 'time:timestamp', value '31/12/2024': unparseable");

        Files.writeString(p, "case:concept:name,time:timestamp\nc1,2024-01-01T00:00:00Z\n");
        assertThatThrownBy(() -> Pm4pyCsv.read(p)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(p + ", row 1, column 'concept:name': missing required column");

        Files.writeString(p, "case:concept:name,concept:name,time:timestamp\nc1,a,2024-01-01T00:00:00Z,extra\n");
        assertThatThrownBy(() -> Pm4pyCsv.read(p)).isInstanceOf(ArenaException.class)
                .hasMessage(p + ", row 2: row has 4 fields, the header has 3");

        Files.writeString(p, "case:concept:name,concept:name,time:timestamp\n,a,2024-01-01T00:00:00Z\n");
        assertThatThrownBy(() -> Pm4pyCsv.read(p)).isInstanceOf(ArenaException.class)
                .hasMessage(p + ", row 2, column 'case:concept:name', value '': missing case id");

        Files.writeString(p, "case:concept:name,concept:name,time:timestamp\n\"c1,a,2024-01-01T00:00:00Z\n");
        assertThatThrownBy(() -> Pm4pyCsv.read(p)).isInstanceOf(ArenaException.class)
                .hasMessage(p + ", row 2: unterminated quoted field (opened on line 2)");

        Files.writeString(p, "case:concept:name,concept:name,time:timestamp\nc1,\"a\"b,2024-01-01T00:00:00Z\n");
        assertThatThrownBy(() -> Pm4pyCsv.read(p)).isInstanceOf(ArenaException.class)
                .hasMessage(p + ", row 2: unexpected character 'b' after a closing quote (line 2, field 2)");
    }

    static List<List<Object>> rows(EventLog log) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < log.size(); r++) {
            rows.add(List.of(log.caseIdOf(r), log.timestamp(r), log.eventType(r), String.valueOf(log.activity(r)),
                    String.valueOf(log.actor(r).id()), log.payload().map(r)));
        }
        return rows;
    }
}
