package org.systemarena.datasets.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;

/**
 * Reads JSON Lines (one event object per line) with Jackson's streaming parser: one pass, no tree per line.
 * Blank lines are skipped; anything that is not an object at the top level is an error.
 */
public final class JsonlEventReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private JsonlEventReader() {
    }

    public static EventLog read(Path file, ColumnMapping mapping) {
        String source = file.toString();
        EventLogBuilder builder = EventLog.builder(ExpectedRows.of(file, 0));
        RowBuffer row = new RowBuffer(builder);
        // Jackson reads 8000 bytes at a time; a larger buffer in front saves most of the read calls.
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser p = FACTORY.createParser(in)) {
            Locator at = (message, column, value) -> {
                JsonLocation loc = p.currentTokenLocation();
                return new ArenaException(message,
                        new Location(source, loc.getLineNr(), loc.getColumnNr(), column, value));
            };
            // The line of the current object, for errors about the row as a whole (a missing case id ...).
            int[] line = new int[1];
            Locator atRow = (message, column, value) -> new ArenaException(message,
                    Location.row(source, line[0], column, value));
            ParserBase base = p instanceof ParserBase b ? b : null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw at.error("expected one JSON object per line, got " + JsonEvents.describe(t), null,
                            JsonEvents.shown(p));
                }
                line[0] = base != null ? base.getTokenLineNr() : p.currentTokenLocation().getLineNr();
                row.clear();
                JsonEvents.readEvent(p, mapping, row, at);
                RowChecks.emit(row, mapping, atRow);
            }
        } catch (StreamReadException e) {
            JsonLocation loc = e.getLocation();
            throw new ArenaException("malformed JSON: " + e.getOriginalMessage(),
                    Location.line(source, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr()), e);
        } catch (IOException e) {
            throw new ArenaException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (builder.size() == 0) {
            EmptyFiles.check(file);
        }
        return builder.build();
    }
}
