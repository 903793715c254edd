package org.systemarena.agents;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.systemarena.core.ArenaException;

/**
 * Recorded answers, keyed by a hash of the request: written on a live run, read on a replay, so a replay asks the
 * agent nothing and decides exactly as the recorded run did.
 *
 * <p>The file is JSON Lines: a header line, then one line per request, {@code {"key": ..., "decision_id": ...,
 * "response": {...}}} or, for a request the agent failed on, {@code {"key": ..., "decision_id": ..., "error":
 * "..."}} (so a replay fails there with the same message). It holds the hash of the request, never the request, and
 * nothing of the transport (no URL, header or command), so it is safe to commit. Entries are appended as they come,
 * so a run that is killed keeps what it recorded, and {@link #close} rewrites the file sorted by key, so the same
 * run gives the same file whatever the threads.
 *
 * <p>The key is the SHA-256 of the protocol version, the agent's identity (kind and command or URL) and the request
 * without its deadline.
 */
public final class Cassette implements AutoCloseable {
    static final String HEADER = "{\"arena_cassette\":1,\"protocol\":" + AgentProtocol.VERSION + "}";

    private final Path file;
    private final CassetteMode mode;
    private final TreeMap<String, Entry> entries = new TreeMap<>();
    private BufferedWriter appender;
    private boolean changed;
    private boolean closed;

    /** A recorded answer ({@code response}, canonical JSON) or failure ({@code error}). */
    record Entry(String decisionId, String response, String error) {
    }

    private Cassette(Path file, CassetteMode mode) {
        this.file = file;
        this.mode = mode;
    }

    /**
     * Opens {@code file} in {@code mode}: replay needs the file; record-new reads it when it exists; record starts
     * empty.
     */
    public static Cassette open(Path file, CassetteMode mode) {
        Cassette c = new Cassette(file, mode);
        if (mode == CassetteMode.REPLAY && !Files.exists(file)) {
            throw new ArenaException("cassette " + file + " does not exist; record it first (cassette_mode=record)");
        }
        if (mode != CassetteMode.RECORD && Files.exists(file)) {
            c.load();
        }
        if (mode == CassetteMode.RECORD) {
            c.changed = true; // an old file is replaced even when nothing is recorded
        }
        return c;
    }

    public Path file() {
        return file;
    }

    public CassetteMode mode() {
        return mode;
    }

    /** The key of a request (canonical JSON without deadline) to the agent {@code identity}. */
    public static String key(String identity, String requestWithoutDeadline) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("arena-cassette-key 1\nprotocol " + AgentProtocol.VERSION + "\n" + identity + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(requestWithoutDeadline.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The recorded entry for {@code key}, or null; in record mode always null (everything is asked anew). */
    synchronized Entry get(String key) {
        return mode == CassetteMode.RECORD ? null : entries.get(key);
    }

    synchronized int size() {
        return entries.size();
    }

    /** Records an answer or a failure; in replay mode nothing is recorded. */
    synchronized void put(String key, Entry entry) {
        if (mode == CassetteMode.REPLAY || closed) {
            return;
        }
        entries.put(key, entry);
        changed = true;
        try {
            if (appender == null) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                boolean fresh = mode == CassetteMode.RECORD || !Files.exists(file);
                appender = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        fresh ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
                if (fresh) {
                    appender.write(HEADER);
                    appender.write('\n');
                }
            }
            appender.write(line(key, entry));
            appender.write('\n');
            appender.flush();
        } catch (IOException e) {
            throw new ArenaException("cannot write cassette " + file + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites the file sorted by key (through a temporary file, so it is never half written). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (appender != null) {
                appender.close();
            }
            if (!changed) {
                return;
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(HEADER);
                w.write('\n');
                for (Map.Entry<String, Entry> e : entries.entrySet()) {
                    w.write(line(e.getKey(), e.getValue()));
                    w.write('\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ArenaException("cannot write cassette " + file + ": " + e.getMessage(), e);
        }
    }

    private static String line(String key, Entry e) {
        StringBuilder sb = new StringBuilder(128 + (e.response() == null ? 0 : e.response().length()));
        sb.append("{\"key\":\"").append(key).append("\",\"decision_id\":");
        sb.append(e.decisionId() == null ? "null" : AgentJson.mapper().valueToTree(e.decisionId()).toString());
        if (e.response() != null) {
            sb.append(",\"response\":").append(e.response());
        } else {
            sb.append(",\"error\":").append(AgentJson.mapper().valueToTree(e.error()).toString());
        }
        return sb.append('}').toString();
    }

    private void load() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ArenaException("cannot read cassette " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            ArenaException.Location at = ArenaException.Location.line(file.toString(), i + 1, 1);
            JsonNode n;
            try {
                n = AgentJson.parse(text, "line");
            } catch (AgentException e) {
                throw new ArenaException(e.getMessage(), at);
            }
            if (n.has("arena_cassette")) {
                if (n.path("protocol").asInt(-1) != AgentProtocol.VERSION) {
                    throw new ArenaException("cassette of protocol " + n.path("protocol") + ", but the arena speaks "
                            + AgentProtocol.VERSION + "; record it again", at);
                }
                continue;
            }
            String key = n.path("key").asText("");
            if (key.length() != 64) {
                throw new ArenaException("entry has no 64-character 'key'", at);
            }
            String id = n.path("decision_id").isTextual() ? n.path("decision_id").asText() : null;
            JsonNode response = n.get("response");
            JsonNode error = n.get("error");
            if (response != null && response.isObject()) {
                entries.put(key, new Entry(id, response.toString(), null));
            } else if (error != null && error.isTextual()) {
                entries.put(key, new Entry(id, null, error.asText()));
            } else {
                throw new ArenaException("entry has neither a 'response' object nor an 'error' text", at);
            }
        }
    }
}
