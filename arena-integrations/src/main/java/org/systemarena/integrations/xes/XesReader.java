package org.systemarena.integrations.xes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.Timestamps;
import org.systemarena.core.ValueKind;
import org.systemarena.core.input.IsoTimestamps;
import org.systemarena.integrations.xml.XmlCursor;

/**
 * Streams an XES file (IEEE 1849; plain or gzip, detected from the content) into an {@link EventLog} with StAX.
 *
 * <p>Mapping: a trace is a case (its {@code concept:name} is the case id, required); each event becomes a row with
 * activity = {@code concept:name}, timestamp = {@code time:timestamp} (required), actor id = {@code org:resource},
 * event type = {@link XesOptions#eventType()} (or the event's {@code arena:event_type}). Every other event attribute,
 * {@code lifecycle:transition} included, is a payload attribute of its XES type (string/id -> string, int -> long,
 * float -> double, boolean, date -> instant). Trace attributes other than {@code concept:name} are copied onto every
 * event of the trace as {@code case:<key>}, the column names PM4Py uses. Events keep file order within a case when
 * timestamps tie (the sequence number is the position in the trace). Log-level attributes, globals, classifiers,
 * list attributes, nested child attributes and empty traces are skipped. Keys escaped by {@link XesNames} are
 * decoded.
 */
public final class XesReader {

    private final XesOptions options;

    private XesReader(XesOptions options) {
        this.options = options;
    }

    public static XesReader create() {
        return new XesReader(XesOptions.defaults());
    }

    public static XesReader create(XesOptions options) {
        return new XesReader(java.util.Objects.requireNonNull(options, "options"));
    }

    public EventLog read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw new ArenaException("cannot read XES file: " + e.getMessage(),
                    ArenaException.Location.of(path.toString()), e);
        }
    }

    /** Reads from a stream (gzip detected from the first two bytes); {@code source} names it in error messages. */
    public EventLog read(InputStream raw, String source) {
        try {
            InputStream in = maybeGunzip(raw);
            return XmlCursor.read(in, source, false, cursor -> new Parse(cursor, source, options).run());
        } catch (IOException e) {
            throw new ArenaException("cannot read XES input: " + e.getMessage(), ArenaException.Location.of(source), e);
        }
    }

    static InputStream maybeGunzip(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    /** One pass over the document; attribute values of the current trace and event live in reusable buffers. */
    private static final class Parse {
        private final XmlCursor cursor;
        private final XMLStreamReader xml;
        private final String source;
        private final XesOptions options;
        private final EventLogBuilder builder = EventLog.builder();
        private final int defaultType;
        private final Attributes traceAttrs = new Attributes();
        private final Attributes eventAttrs = new Attributes();
        private String caseId;
        private ArenaException.Location traceStart;

        Parse(XmlCursor cursor, String source, XesOptions options) {
            this.cursor = cursor;
            this.xml = cursor.xml();
            this.source = source;
            this.options = options;
            this.defaultType = builder.internEventType(options.eventType());
        }

        EventLog run() throws XMLStreamException {
            if (!cursor.toRoot() || !"log".equals(xml.getLocalName())) {
                throw error("the root element must be <log>", null, xml.isStartElement() ? xml.getLocalName() : null);
            }
            while (cursor.nextChild()) {
                String name = xml.getLocalName();
                if ("trace".equals(name)) {
                    readTrace();
                } else if ("event".equals(name)) {
                    throw error("an <event> outside a <trace> has no case; not supported", null, null);
                } else {
                    cursor.skip(); // extension, global, classifier, log attributes
                }
            }
            return builder.build();
        }

        private void readTrace() throws XMLStreamException {
            traceAttrs.clear();
            caseId = null;
            traceStart = cursor.here();
            boolean sawEvent = false;
            while (cursor.nextChild()) {
                String name = xml.getLocalName();
                if ("event".equals(name)) {
                    if (!sawEvent) {
                        sawEvent = true;
                        requireCaseId();
                    }
                    readEvent();
                } else if (sawEvent) {
                    // The XSD puts trace attributes before events; a late one cannot reach the events already built.
                    throw error("trace attribute <" + name + "> after the first event of the trace", null, null);
                } else {
                    readAttribute(traceAttrs, true);
                }
            }
        }

        private void requireCaseId() {
            if (caseId == null) {
                throw new ArenaException("trace has no concept:name (needed as case id)",
                        traceStart.withField(XesKeys.CONCEPT_NAME, null));
            }
        }

        private void readEvent() throws XMLStreamException {
            eventAttrs.clear();
            ArenaException.Location eventStart = cursor.here();
            while (cursor.nextChild()) {
                readAttribute(eventAttrs, false);
            }
            if (eventAttrs.timestamp == Long.MIN_VALUE) {
                throw new ArenaException("event of case '" + caseId + "' has no time:timestamp",
                        eventStart.withField(XesKeys.TIME_TIMESTAMP, null));
            }
            builder.startEvent(caseId, eventAttrs.timestamp);
            if (eventAttrs.eventType != null) {
                builder.eventType(eventAttrs.eventType);
            } else {
                builder.eventTypeCode(defaultType);
            }
            builder.activity(eventAttrs.activity);
            if (eventAttrs.resource != null) {
                builder.actorId(eventAttrs.resource);
            }
            eventAttrs.copyPayload(builder, "");
            traceAttrs.copyPayload(builder, XesKeys.CASE_PREFIX);
        }

        /** Reads one attribute element (current start element) into {@code into}, skipping its children. */
        private void readAttribute(Attributes into, boolean trace) throws XMLStreamException {
            String type = xml.getLocalName();
            ValueKind kind;
            switch (type) {
                case "string":
                case "id":
                    kind = ValueKind.STRING;
                    break;
                case "int":
                    kind = ValueKind.LONG;
                    break;
                case "float":
                    kind = ValueKind.DOUBLE;
                    break;
                case "boolean":
                    kind = ValueKind.BOOLEAN;
                    break;
                case "date":
                    kind = ValueKind.INSTANT;
                    break;
                default:
                    cursor.skip(); // list, container and unknown elements carry no flat value
                    return;
            }
            String rawKey = xml.getAttributeValue(null, "key");
            String key = rawKey == null ? null : XesNames.decode(rawKey);
            String value = xml.getAttributeValue(null, "value");
            if (key == null || value == null) {
                throw error("<" + type + "> attribute needs 'key' and 'value'", key, value);
            }
            ArenaException.Location at = key.equals(XesKeys.TIME_TIMESTAMP) || kind != ValueKind.STRING ? cursor.here() : null;
            cursor.skip();
            if (trace && key.equals(XesKeys.CONCEPT_NAME)) {
                caseId = value;
                return;
            }
            if (!trace) {
                switch (key) {
                    case XesKeys.CONCEPT_NAME:
                        into.activity = value;
                        return;
                    case XesKeys.ORG_RESOURCE:
                        into.resource = value;
                        return;
                    case XesKeys.ARENA_EVENT_TYPE:
                        into.eventType = value;
                        return;
                    case XesKeys.TIME_TIMESTAMP:
                        if (kind == ValueKind.INSTANT) {
                            into.timestamp = parseDate(value, key, at);
                            return;
                        }
                        break;
                    default:
                        break;
                }
            }
            long raw;
            String str = null;
            try {
                switch (kind) {
                    case STRING:
                        str = value;
                        raw = 0;
                        break;
                    case LONG:
                        raw = Long.parseLong(value.trim());
                        break;
                    case DOUBLE:
                        raw = Double.doubleToRawLongBits(parseXsdDouble(value.trim()));
                        break;
                    case BOOLEAN:
                        raw = parseXsdBoolean(value.trim()) ? 1 : 0;
                        break;
                    case INSTANT:
                        raw = parseDate(value, key, at);
                        break;
                    default:
                        throw new IllegalStateException();
                }
            } catch (NumberFormatException e) {
                throw new ArenaException("not a valid XES " + type + " value", at.withField(key, value), e);
            }
            into.add(key, kind, raw, str);
        }

        private long parseDate(String value, String key, ArenaException.Location at) {
            try {
                // xs:dateTime collapses whitespace, as the other XES types here do
                return IsoTimestamps.parseMicros(value.trim(), options.timestampMode());
            } catch (IllegalArgumentException e) {
                throw new ArenaException("unparseable date: " + e.getMessage(), at.withField(key, value), e);
            }
        }

        private ArenaException error(String message, String field, String value) {
            return new ArenaException(message, cursor.here().withField(field, value));
        }
    }

    static double parseXsdDouble(String s) {
        switch (s) {
            case "INF":
            case "+INF":
                return Double.POSITIVE_INFINITY;
            case "-INF":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                // Java would also take "Infinity", "0x1p3" or a trailing 'd'; xs:double does not.
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (!(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+') {
                        throw new NumberFormatException("not an xs:double: " + s);
                    }
                }
                return Double.parseDouble(s);
        }
    }

    static boolean parseXsdBoolean(String s) {
        switch (s) {
            case "true":
            case "1":
                return true;
            case "false":
            case "0":
                return false;
            default:
                // PM4Py also accepts other capitalisations; so do we, nothing else.
                if (s.equalsIgnoreCase("true")) {
                    return true;
                }
                if (s.equalsIgnoreCase("false")) {
                    return false;
                }
                throw new NumberFormatException("not an xs:boolean: " + s);
        }
    }

    /** Reusable buffer of one element's typed attributes, so no object is kept per event. */
    private static final class Attributes {
        String[] keys = new String[16];
        byte[] kinds = new byte[16];
        long[] raws = new long[16];
        String[] strings = new String[16];
        int size;
        String activity;
        String resource;
        String eventType;
        long timestamp;

        void clear() {
            Arrays.fill(strings, 0, size, null);
            size = 0;
            activity = null;
            resource = null;
            eventType = null;
            timestamp = Long.MIN_VALUE;
        }

        void add(String key, ValueKind kind, long raw, String str) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) { // a repeated key: the last value wins, as in a map
                    kinds[i] = kind.code();
                    raws[i] = raw;
                    strings[i] = str;
                    return;
                }
            }
            if (size == keys.length) {
                int n = size * 2;
                keys = Arrays.copyOf(keys, n);
                kinds = Arrays.copyOf(kinds, n);
                raws = Arrays.copyOf(raws, n);
                strings = Arrays.copyOf(strings, n);
            }
            keys[size] = key;
            kinds[size] = kind.code();
            raws[size] = raw;
            strings[size] = str;
            size++;
        }

        void copyPayload(EventLogBuilder b, String prefix) {
            for (int i = 0; i < size; i++) {
                String key = prefix.isEmpty() ? keys[i] : prefix + keys[i];
                long raw = raws[i];
                switch (ValueKind.ofCode(kinds[i])) {
                    case STRING:
                        b.payloadString(key, strings[i]);
                        break;
                    case LONG:
                        b.payloadLong(key, raw);
                        break;
                    case DOUBLE:
                        b.payloadDouble(key, Double.longBitsToDouble(raw));
                        break;
                    case BOOLEAN:
                        b.payload(key, raw != 0);
                        break;
                    case INSTANT:
                        b.payload(key, Timestamps.fromMicros(raw));
                        break;
                    default:
                        throw new IllegalStateException();
                }
            }
        }
    }
}
