package org.systemarena.datasets.io.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.datasets.io.ColumnMapping;
import org.systemarena.datasets.io.EmptyFiles;
import org.systemarena.datasets.io.Locator;
import org.systemarena.datasets.io.RowBuffer;
import org.systemarena.datasets.io.RowChecks;

/**
 * Reads a JSON document holding events: a top-level array of event objects, or an object whose only key is
 * {@code events} with such an array. Streamed like {@link JsonlEventReader}; errors give line and column.
 */
public final class JsonEventReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonEventReader() {
    }

    public static EventLog read(Path file, ColumnMapping mapping) {
        String source = file.toString();
        EventLogBuilder builder = EventLog.builder();
        RowBuffer row = new RowBuffer(builder);
        try (InputStream in = Files.newInputStream(file); JsonParser p = FACTORY.createParser(in)) {
            try {
                events(p, file, source, mapping, row);
            } catch (StreamConstraintsException e) {
                throw JsonEvents.tooLarge(e, p, source, 0);
            }
        } catch (StreamReadException e) {
            JsonLocation loc = e.getLocation();
            throw new ArenaException("malformed JSON: " + e.getOriginalMessage(),
                    Location.line(source, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr()), e);
        } catch (IOException e) {
            throw new ArenaException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return builder.build();
    }

    private static void events(JsonParser p, Path file, String source, ColumnMapping mapping, RowBuffer row)
            throws IOException {
        Locator at = (message, column, value) -> {
            JsonLocation loc = p.currentTokenLocation();
            return new ArenaException(message,
                    new Location(source, loc.getLineNr(), loc.getColumnNr(), column, value));
        };
        JsonToken t = p.nextToken();
        if (t == null) {
            EmptyFiles.check(file);
            throw new ArenaException("file is empty", Location.of(source));
        }
        boolean wrapped = false;
        if (t == JsonToken.START_OBJECT) {
            wrapped = true;
            t = p.nextToken();
            if (t != JsonToken.FIELD_NAME || !"events".equals(p.currentName())) {
                throw at.error("expected the key 'events' holding the array of events", null,
                        t == JsonToken.FIELD_NAME ? p.currentName() : JsonEvents.shown(p));
            }
            t = p.nextToken();
        }
        if (t != JsonToken.START_ARRAY) {
            throw at.error("expected an array of event objects or {\"events\": [...]}, got "
                    + JsonEvents.describe(t), null, JsonEvents.shown(p));
        }
        int index = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            index++;
            if (t != JsonToken.START_OBJECT) {
                throw at.error("event " + index + ": expected an object, got " + JsonEvents.describe(t), null,
                        JsonEvents.shown(p));
            }
            JsonLocation start = p.currentTokenLocation();
            int event = index;
            Locator atEvent = (message, column, value) -> new ArenaException("event " + event + ": " + message,
                    new Location(source, start.getLineNr(), start.getColumnNr(), column, value));
            row.clear();
            JsonEvents.readEvent(p, mapping, row, at);
            RowChecks.emit(row, mapping, atEvent);
        }
        if (wrapped) {
            t = p.nextToken();
            if (t != JsonToken.END_OBJECT) {
                throw at.error("unexpected key after 'events' (the object must hold only 'events')", null,
                        t == JsonToken.FIELD_NAME ? p.currentName() : JsonEvents.shown(p));
            }
        }
        if (p.nextToken() != null) {
            throw at.error("unexpected content after the events", null, JsonEvents.shown(p));
        }
    }
}
