package org.systemarena.integrations.xes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.systemarena.core.Actor;
import org.systemarena.core.Event;
import org.systemarena.core.EventLog;

class XesWriterTest {
    @TempDir
    Path dir;

    static Stream<Arguments> referenceLogs() {
        return Stream.concat(Pm4pyFixtures.XES_LOGS.stream().map(l -> l[1]),
                Stream.of("../formats/handwritten/minimal.xes")).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceLogs")
    void writesSchemaValidXesThatReadsBackEqual(String file) throws Exception {
        EventLog original = Xes.read(Pm4pyFixtures.path("input_logs/" + file));
        Path out = dir.resolve("out.xes");
        Xes.write(original, out);

        assertThat(XmlSchemas.errors(Pm4pyFixtures.path("schemas/xes-ieee-1849-2016.xsd"), out)).isEmpty();
        EventLog back = Xes.read(out);
        assertThat(back.caseIds()).isEqualTo(original.caseIds());
        assertThat(comparable(back)).isEqualTo(comparable(original));
    }

    @Test
    void gzipRoundTripAndCustomEventTypeIsKept() throws Exception {
        EventLog log = EventLog.of(List.of(
                Event.of("c1", Instant.parse("2024-01-01T10:00:00.123456Z"), "entity.created")
                        .withActivity("open").withActor(Actor.of("human", "ann"))
                        .withPayload(java.util.Map.of("n", 3L, "x", 1.5, "flag", true, "case:segment", "smb",
                                "due", Instant.parse("2024-02-01T00:00:00Z"), "note", "a<b&\"c\"")),
                Event.of("c1", Instant.parse("2024-01-02T10:00:00Z"), "xes.event").withActivity("close")
                        .withPayload(java.util.Map.of("case:segment", "smb"))));
        Path out = dir.resolve("log.xes.gz");
        Xes.write(log, out);
        byte[] head = Files.readAllBytes(out);
        assertThat(head[0] & 0xff).isEqualTo(0x1f);
        assertThat(head[1] & 0xff).isEqualTo(0x8b);

        EventLog back = Xes.read(out);
        assertThat(back.eventType(0)).isEqualTo("entity.created");
        assertThat(back.eventType(1)).isEqualTo("xes.event");
        assertThat(back.timestamp(0)).isEqualTo(Instant.parse("2024-01-01T10:00:00.123456Z"));
        assertThat(back.actor(0).id()).isEqualTo("ann");
        assertThat(comparable(back)).isEqualTo(comparable(log));
    }

    /** What XES carries: case, time, type, activity, resource and payload, per event in case order. */
    static List<List<Object>> comparable(EventLog log) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < log.size(); r++) {
            rows.add(List.of(log.caseIdOf(r), log.timestamp(r), log.eventType(r), String.valueOf(log.activity(r)),
                    String.valueOf(log.actor(r).id()), log.payload().map(r)));
        }
        return rows;
    }
}
