package org.systemarena.integrations.xes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.ArenaException;

class XesErrorsTest {
    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        Path p = dir.resolve("bad.xes");
        Files.writeString(p, content);
        return p;
    }

    private static final String HEAD = "<?xml version=\"1.0\"?>\n<log xes.version=\"1.0\">\n";

    @Test
    void malformedXmlNamesFileLineAndColumn() throws Exception {
        Path p = file(HEAD + "<trace>\n<string key=\"concept:name\" value=\"c1\">\n</trace>\n</log>\n");
        assertThatThrownBy(() -> Xes.read(p))
                .isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(p + ":5:")
                .hasMessageContaining("malformed XML")
                .satisfies(e -> assertThat(((ArenaException) e).location().orElseThrow().line()).isEqualTo(5));
    }

    @Test
    void traceWithoutConceptName() throws Exception {
        Path p = file(HEAD + "<trace>\n  <string key=\"x\" value=\"1\"/>\n  <event>\n"
                + "<string key=\"concept:name\" value=\"a\"/><date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/>"
                + "</event></trace></log>");
        assertThatThrownBy(() -> Xes.read(p))
                .isInstanceOf(ArenaException.class)
                .hasMessage(p + ":3:8, column 'concept:name': trace has no concept:name (needed as case id)");
    }

    @Test
    void unparseableTimestampNamesKeyAndValue() throws Exception {
        Path p = file(HEAD + "<trace><string key=\"concept:name\" value=\"c1\"/>\n<event>\n"
                + "  <date key=\"time:timestamp\" value=\"2024-13-45T00:00:00\"/>\n</event></trace></log>");
        assertThatThrownBy(() -> Xes.read(p))
                .isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(p + ":5:59, column 'time:timestamp', value '2024-13-45T00:00:00': unparseable date");
    }

    @Test
    void badIntNamesKeyAndValue() throws Exception {
        Path p = file(HEAD + "<trace><string key=\"concept:name\" value=\"c1\"/>\n<event>\n"
                + "<date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/><int key=\"n\" value=\"1.5\"/>\n"
                + "</event></trace></log>");
        assertThatThrownBy(() -> Xes.read(p))
                .isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(p + ":5:")
                .hasMessageContaining("column 'n', value '1.5': not a valid XES int value");
    }

    @Test
    void eventWithoutTimestamp() throws Exception {
        Path p = file(HEAD + "<trace><string key=\"concept:name\" value=\"c1\"/>\n<event>\n"
                + "<string key=\"concept:name\" value=\"a\"/></event></trace></log>");
        assertThatThrownBy(() -> Xes.read(p))
                .isInstanceOf(ArenaException.class)
                .hasMessage(p + ":4:8, column 'time:timestamp': event of case 'c1' has no time:timestamp");
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("nope.xes");
        assertThatThrownBy(() -> Xes.read(p)).isInstanceOf(ArenaException.class).hasMessageStartingWith(p.toString());
    }
}
