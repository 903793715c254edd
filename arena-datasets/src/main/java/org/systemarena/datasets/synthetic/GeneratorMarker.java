package org.systemarena.datasets.synthetic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.core.EventLog;

/**
 * The file {@code generator.json} written beside a log that {@link LeadFollowupGenerator} made: which generator (and
 * data version), with which config, and the log's {@link LogFingerprint}. It says where a log came from, so a tool can
 * tell whether what it loaded is still exactly that log (see {@link GeneratedLog}). Format in docs/data-formats.md:
 *
 * <pre>{@code
 * {
 *   "generator" : "org.systemarena.datasets.synthetic.LeadFollowupGenerator",
 *   "generator_version" : 2,
 *   "config" : {"cases" : 300, "seed" : 42, "start" : "2025-01-06T08:00:00Z", "arrival_gap" : "PT2H", "reps" : 8,
 *               "max_checks" : 10, "max_events" : null},
 *   "log" : {"events" : 7034, "cases" : 300, "sha256" : "..."}
 * }
 * }</pre>
 */
public record GeneratorMarker(String generator, int generatorVersion, LeadFollowupConfig config,
                              LogFingerprint log) {
    /** The marker's file name, in the directory of the log it describes ({@code data/} of a workflow). */
    public static final String FILE_NAME = "generator.json";
    /** The {@code generator} of the logs {@link LeadFollowupGenerator} makes. */
    public static final String LEAD_FOLLOWUP = LeadFollowupGenerator.class.getName();

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public GeneratorMarker {
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(log, "log");
    }

    /** The marker of {@code log}, which the current generator made from {@code config}. */
    public static GeneratorMarker of(LeadFollowupConfig config, EventLog log) {
        return new GeneratorMarker(LEAD_FOLLOWUP, LeadFollowupGenerator.VERSION, config, LogFingerprint.of(log));
    }

    /** Writes the marker of {@code log} as {@code dataDir/generator.json}. */
    public static Path writeBeside(Path dataDir, LeadFollowupConfig config, EventLog log) {
        Path file = dataDir.resolve(FILE_NAME);
        of(config, log).write(file);
        return file;
    }

    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generator", generator);
        root.put("generator_version", generatorVersion);
        ObjectNode c = root.putObject("config");
        c.put("cases", config.cases());
        c.put("seed", config.seed());
        c.put("start", config.start().toString());
        c.put("arrival_gap", config.arrivalGap().toString());
        c.put("reps", config.reps());
        c.put("max_checks", config.maxChecks());
        if (config.maxEvents() == Long.MAX_VALUE) {
            c.putNull("max_events"); // no limit
        } else {
            c.put("max_events", config.maxEvents());
        }
        ObjectNode l = root.putObject("log");
        l.put("events", log.events());
        l.put("cases", log.cases());
        l.put("sha256", log.sha256());
        try {
            Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ArenaException("cannot write the generator marker: " + e.getMessage(),
                    Location.of(file.toString()), e);
        }
    }

    /**
     * Reads a marker.
     *
     * @throws ArenaException naming the file and the field when it is not a marker this code can read
     */
    public static GeneratorMarker read(Path file) {
        String source = file.toString();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ArenaException("not JSON: " + e.getOriginalMessage(), Location.line(source,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr()), e);
        } catch (IOException e) {
            throw new ArenaException("cannot read the generator marker: " + e, Location.of(source), e);
        }
        if (root == null || !root.isObject()) {
            throw new ArenaException("a generator marker must be a JSON object", Location.of(source));
        }
        String generator = text(root, "generator", source);
        int version = (int) number(root, "generator_version", source, false);
        JsonNode c = object(root, "config", source);
        JsonNode l = object(root, "log", source);
        LeadFollowupConfig config;
        try {
            JsonNode maxEvents = c.get("max_events");
            config = new LeadFollowupConfig((int) number(c, "config.cases", source, false),
                    number(c, "config.seed", source, true), Instant.parse(text(c, "config.start", source)),
                    Duration.parse(text(c, "config.arrival_gap", source)), (int) number(c, "config.reps", source,
                    false), (int) number(c, "config.max_checks", source, false),
                    maxEvents == null || maxEvents.isNull() ? Long.MAX_VALUE
                            : number(c, "config.max_events", source, true));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ArenaException("invalid generator config: " + e.getMessage(), Location.of(source), e);
        }
        LogFingerprint fingerprint = new LogFingerprint(number(l, "log.events", source, true),
                (int) number(l, "log.cases", source, false), text(l, "log.sha256", source));
        return new GeneratorMarker(generator, version, config, fingerprint);
    }

    private static JsonNode object(JsonNode parent, String name, String source) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isObject()) {
            throw new ArenaException("'" + name + "' must be a JSON object", Location.row(source, 0, name,
                    n == null ? null : n.toString()));
        }
        return n;
    }

    private static String text(JsonNode parent, String path, String source) {
        JsonNode n = parent.get(leaf(path));
        if (n == null || !n.isTextual()) {
            throw new ArenaException("'" + path + "' must be a string", Location.row(source, 0, path,
                    n == null ? null : n.toString()));
        }
        return n.asText();
    }

    /** A whole number; an int unless {@code wide}. */
    private static long number(JsonNode parent, String path, String source, boolean wide) {
        JsonNode n = parent.get(leaf(path));
        if (n == null || !n.isIntegralNumber() || !(wide ? n.canConvertToLong() : n.canConvertToInt())) {
            throw new ArenaException("'" + path + "' must be a whole number", Location.row(source, 0, path,
                    n == null ? null : n.toString()));
        }
        return n.asLong();
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
