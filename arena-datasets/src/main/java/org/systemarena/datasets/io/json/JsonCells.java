package org.systemarena.datasets.io.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.systemarena.datasets.io.Canonical;
import org.systemarena.datasets.io.Locator;
import org.systemarena.datasets.io.RowBuffer;

/** Parses a cell that holds JSON text (CSV and Parquet carry structured fields this way) into a row buffer. */
public final class JsonCells {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonCells() {
    }

    public static void parse(byte[] json, Canonical role, String column, RowBuffer row, Locator at) {
        try (JsonParser p = FACTORY.createParser(json)) {
            parse(p, role, column, row, at, () -> new String(json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw at.error("cannot read JSON: " + e.getMessage(), column, new String(json, StandardCharsets.UTF_8));
        }
    }

    public static void parse(String json, Canonical role, String column, RowBuffer row, Locator at) {
        try (JsonParser p = FACTORY.createParser(json)) {
            parse(p, role, column, row, at, () -> json);
        } catch (IOException e) {
            throw at.error("cannot read JSON: " + e.getMessage(), column, json);
        }
    }

    private static void parse(JsonParser p, Canonical role, String column, RowBuffer row, Locator at,
                              java.util.function.Supplier<String> text) throws IOException {
        Locator cell = (message, c, value) -> at.error(message, c, text.get());
        try {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw at.error("empty JSON text", column, "");
            }
            JsonEvents.readColumn(p, role, column, row, cell);
            if (p.nextToken() != null) {
                throw at.error("unexpected text after the JSON value", column, text.get());
            }
        } catch (StreamReadException e) {
            throw at.error("malformed JSON (" + e.getOriginalMessage() + ")", column, text.get());
        }
    }
}
