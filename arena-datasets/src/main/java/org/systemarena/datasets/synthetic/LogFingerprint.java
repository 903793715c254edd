package org.systemarena.datasets.synthetic;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.systemarena.core.Event;
import org.systemarena.core.EventLog;
import org.systemarena.core.ObjectRef;
import org.systemarena.core.Timestamps;

/**
 * What a log is, in three figures: its events, its cases and a SHA-256 over every event as a value ({@link Event}, in
 * case order). Two logs with equal events have equal fingerprints whatever file they were read from (Parquet and JSON
 * Lines give the same values), and a change to any field of any event changes the hash.
 *
 * <p>Each event is encoded field by field with a type tag and a length before every string, and attribute maps in key
 * order, so no two different events encode alike.
 */
public record LogFingerprint(long events, int cases, String sha256) {
    public LogFingerprint {
        Objects.requireNonNull(sha256, "sha256");
    }

    public static LogFingerprint of(EventLog log) {
        MessageDigest digest = newDigest();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            for (int r = 0; r < log.size(); r++) {
                bytes.reset();
                encode(log.event(r), out);
                out.flush();
                digest.update(bytes.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return new LogFingerprint(log.size(), log.caseCount(), HexFormat.of().formatHex(digest.digest()));
    }

    private static void encode(Event e, DataOutputStream out) throws IOException {
        text(out, e.eventId());
        text(out, e.caseId());
        out.writeLong(Timestamps.toMicros(e.timestamp()));
        out.writeLong(e.sequenceNumber());
        text(out, e.eventType().name());
        text(out, e.activity());
        text(out, e.workflowType());
        text(out, e.actor().type());
        text(out, e.actor().id());
        text(out, e.actor().name());
        text(out, e.channel());
        attributes(out, e.payload());
        out.writeInt(e.objectRefs().size());
        for (ObjectRef ref : e.objectRefs()) {
            text(out, ref.type());
            text(out, ref.id());
            text(out, ref.role());
        }
        attributes(out, e.stateBefore());
        attributes(out, e.stateAfter());
        attributes(out, e.outcomeLabels());
        text(out, e.sourceSystem());
        text(out, e.correlationId());
    }

    private static void attributes(DataOutputStream out, Map<String, Object> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, Object> entry : new TreeMap<>(map).entrySet()) {
            text(out, entry.getKey());
            value(out, entry.getValue());
        }
    }

    private static void value(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte('N');
        } else if (v instanceof String s) {
            out.writeByte('S');
            text(out, s);
        } else if (v instanceof Long l) {
            out.writeByte('L');
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte('D');
            out.writeLong(Double.doubleToLongBits(d));
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? 'T' : 'F');
        } else if (v instanceof Instant i) {
            out.writeByte('I');
            out.writeLong(i.getEpochSecond());
            out.writeInt(i.getNano());
        } else {
            out.writeByte('O');
            text(out, v.getClass().getName() + ":" + v);
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
