package org.systemarena.integrations;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.integrations.csv.Pm4pyCsv;
import org.systemarena.integrations.csv.Pm4pyCsvWriter;
import org.systemarena.integrations.discovery.InductiveMiner;
import org.systemarena.integrations.ocel.Ocel;
import org.systemarena.integrations.ocel.OcelJsonWriter;
import org.systemarena.integrations.ocel.OcelLog;
import org.systemarena.integrations.ocel.OcelXmlWriter;
import org.systemarena.integrations.petri.AcceptingPetriNet;
import org.systemarena.integrations.petri.ProcessTreeToPetriNet;
import org.systemarena.integrations.pnml.Pnml;
import org.systemarena.integrations.pnml.PnmlWriter;
import org.systemarena.integrations.xes.Xes;
import org.systemarena.integrations.xes.XesWriter;

/**
 * Every writer fails as the readers do: an {@link ArenaException}, naming the file when there is one, never an
 * IOException or UncheckedIOException (the OCEL and CSV stream writers declared IOException).
 */
class WriterErrorsTest {
    /** A disk that is full from the first byte. */
    private static final OutputStream FULL = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }
    };

    @TempDir
    Path dir;

    private static EventLog log() {
        EventLogBuilder b = EventLog.builder();
        Instant t = Instant.parse("2024-03-01T09:00:00Z");
        for (int i = 0; i < 3; i++) {
            b.startEvent("c" + i, t.plusSeconds(i)).eventType("x").activity(i % 2 == 0 ? "a" : "b");
        }
        return b.build();
    }

    @Test
    void aFullStreamIsAnArenaException() {
        EventLog log = log();
        OcelLog ocel = OcelLog.of(log);
        AcceptingPetriNet net = ProcessTreeToPetriNet.convert(InductiveMiner.im().discover(log));
        assertThatThrownBy(() -> XesWriter.create().write(log, FULL)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("cannot write XES: ").hasMessageContaining("No space left on device");
        assertThatThrownBy(() -> PnmlWriter.create().write(net, FULL)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("cannot write PNML: ").hasMessageContaining("No space left on device");
        assertThatThrownBy(() -> OcelJsonWriter.create().write(ocel, FULL)).isInstanceOf(ArenaException.class)
                .hasMessage("cannot write OCEL JSON: No space left on device");
        assertThatThrownBy(() -> OcelXmlWriter.create().write(ocel, FULL)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("cannot write OCEL XML: ").hasMessageContaining("No space left on device");
        assertThatThrownBy(() -> Pm4pyCsvWriter.create().write(log, new OutputStreamWriter(FULL,
                StandardCharsets.UTF_8))).isInstanceOf(ArenaException.class)
                .hasMessage("cannot write CSV: No space left on device");
    }

    @Test
    void aFileThatCannotBeWrittenIsNamed() {
        EventLog log = log();
        // a folder cannot be opened for writing
        assertThatThrownBy(() -> Xes.write(log, dir)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(dir + ": cannot write XES file: ");
        assertThatThrownBy(() -> Ocel.writeJson(log, dir)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(dir + ": cannot write OCEL JSON file: ");
        assertThatThrownBy(() -> Ocel.writeXml(log, dir)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(dir + ": cannot write OCEL XML file: ");
        assertThatThrownBy(() -> Pm4pyCsv.write(log, dir)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(dir + ": cannot write CSV file: ");
        assertThatThrownBy(() -> Pnml.write(ProcessTreeToPetriNet.convert(InductiveMiner.im().discover(log)), dir))
                .isInstanceOf(ArenaException.class).hasMessageStartingWith(dir + ": cannot write PNML file: ");
    }
}
