package org.systemarena.eval.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;

/**
 * Reads a JSON report back (e.g. for re-rendering HTML from a results file). Checks that the text is JSON, that
 * its {@code schema_version} is one this version can render, and that the sections the renderers need are there;
 * every problem names the file, line, column and value.
 */
public final class ReportReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> REQUIRED = List.of("workflow", "settings", "log", "observed_conversion",
            "leaderboard", "policies", "comparisons", "warnings");

    private ReportReader() {
    }

    public static ReportDocument read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ArenaException("cannot read report: " + e.getMessage(), Location.of(file.toString()), e);
        }
        return parse(text, file.toString());
    }

    public static ReportDocument parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ArenaException("not a JSON report: " + e.getOriginalMessage(),
                    at == null ? Location.of(source) : Location.line(source, at.getLineNr(), at.getColumnNr()), e);
        }
        if (root == null || !root.isObject()) {
            throw new ArenaException("a report must be a JSON object, found "
                    + (root == null ? "nothing" : root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)),
                    Location.line(source, 1, 1));
        }
        JsonNode version = root.get("schema_version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()
                || version.intValue() != JsonReport.SCHEMA_VERSION) {
            throw new ArenaException("unsupported schema_version (this version reads " + JsonReport.SCHEMA_VERSION
                    + ")", locate(json, source, "schema_version", version));
        }
        for (String key : REQUIRED) {
            if (!root.has(key)) {
                throw new ArenaException("report lacks the '" + key + "' section", Location.of(source)
                        .withField(key, null));
            }
        }
        for (JsonNode p : root.get("policies")) {
            for (String key : List.of("name", "decisions", "actions", "agreement", "violations", "ranking",
                    "conversion")) {
                if (!p.has(key)) {
                    throw new ArenaException("policy '" + p.path("name").asText("?") + "' lacks the '" + key
                            + "' section", Location.of(source).withField("policies." + key, null));
                }
            }
        }
        return new ReportDocument(json, root, source);
    }

    /** Where the top-level {@code key}'s value is in the text (line and column), for messages. */
    private static Location locate(String json, String source, String key, JsonNode value) {
        String shown = value == null ? "(missing)" : value.toString();
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals(key)) {
                    JsonLocation at = p.currentTokenLocation();
                    return new Location(source, at.getLineNr(), at.getColumnNr(), key, shown);
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            // Already parsed once, so this cannot fail; fall through to a location without a line.
        }
        return Location.of(source).withField(key, shown);
    }
}
