package org.systemarena.integrations.xes;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.systemarena.core.ArenaException;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.EventLog;
import org.systemarena.core.input.IsoTimestamps;

/**
 * Writes an {@link EventLog} as XES that validates against the IEEE 1849-2016 XSD. The attribute {@code xes.version}
 * is {@code "1.0"} (PM4Py writes {@code "1849-2016"}, which the XSD's xs:decimal rejects).
 *
 * <p>The inverse of {@link XesReader}: one trace per case in case order ({@code concept:name} = case id; payload
 * attributes {@code case:<key>} of the case's events become trace attribute {@code <key>}, first value seen), one
 * event per row with {@code concept:name} = activity, {@code time:timestamp} (UTC), {@code org:resource} = actor id,
 * and every other payload attribute typed (string, long -> int, double -> float, boolean, instant -> date; null values
 * are left out, XES has no null). An event type other than {@link XesOptions#DEFAULT_EVENT_TYPE} is kept as
 * {@code arena:event_type}. Object references, state, outcome labels, channel and the other System Arena columns have
 * no XES home and are not written (use OCEL for object references).
 *
 * <p>Keys that are not valid {@code xs:Name}s are escaped {@code _xHHHH_}-style ({@link XesNames}; the reader
 * decodes them) unless {@link #verbatimKeys()} is asked for.
 *
 * <p>Elements are written without a namespace: the IEEE XSD declares no target namespace, so a file in the
 * {@code http://www.xes-standard.org/} namespace (as OpenXES writes) cannot validate against it. PM4Py, OpenXES and
 * {@link XesReader} read either form.
 *
 * <p>Declares the Concept, Time, Lifecycle and Organizational extensions, global defaults for the mandatory
 * attributes and an "Activity" classifier on {@code concept:name}, like the minimal file PM4Py reads back.
 */
public final class XesWriter {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final boolean verbatimKeys;

    private XesWriter(boolean verbatimKeys) {
        this.verbatimKeys = verbatimKeys;
    }

    /** A writer whose output always validates: keys that are not xs:Names are escaped ({@link XesNames}). */
    public static XesWriter create() {
        return new XesWriter(false);
    }

    /**
     * Writes keys exactly as they are, like PM4Py and OpenXES: a key with a space (e.g. reviewing's
     * {@code "Result by Reviewer A"}) then makes the file fail the XSD, but other tools see the key unchanged.
     */
    public XesWriter verbatimKeys() {
        return new XesWriter(true);
    }

    /** Writes to a file; gzip-compressed when the name ends with {@code .gz}. */
    public void write(EventLog log, Path path) {
        try (OutputStream raw = Files.newOutputStream(path)) {
            if (path.getFileName().toString().endsWith(".gz")) {
                try (GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16)) {
                    write(log, gz);
                }
            } else {
                write(log, raw);
            }
        } catch (IOException e) {
            throw new ArenaException("cannot write XES file: " + e.getMessage(),
                    ArenaException.Location.of(path.toString()), e);
        }
    }

    /** Writes UTF-8 XES to a stream (not closed). */
    public void write(EventLog log, OutputStream out) {
        try {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(buffered, "UTF-8");
            new Emit(log, xml, verbatimKeys).run();
            xml.flush();
            xml.close();
            buffered.flush();
        } catch (XMLStreamException | IOException e) {
            throw new ArenaException("cannot write XES: " + e.getMessage(), e);
        }
    }

    private static final class Emit {
        private final EventLog log;
        private final XMLStreamWriter xml;
        private final AttributeTable payload;
        private final boolean verbatimKeys;

        Emit(EventLog log, XMLStreamWriter xml, boolean verbatimKeys) {
            this.log = log;
            this.xml = xml;
            this.verbatimKeys = verbatimKeys;
            this.payload = log.payload();
        }

        void run() throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            newline(0);
            xml.writeStartElement("log");
            xml.writeAttribute("xes.version", "1.0");
            xml.writeAttribute("xes.features", "nested-attributes");
            extension("Concept", "concept");
            extension("Time", "time");
            extension("Lifecycle", "lifecycle");
            extension("Organizational", "org");
            newline(1);
            xml.writeStartElement("global");
            xml.writeAttribute("scope", "trace");
            newline(2);
            empty("string", XesKeys.CONCEPT_NAME, "__INVALID__");
            newline(1);
            xml.writeEndElement();
            newline(1);
            xml.writeStartElement("global");
            xml.writeAttribute("scope", "event");
            newline(2);
            empty("string", XesKeys.CONCEPT_NAME, "__INVALID__");
            newline(2);
            empty("date", XesKeys.TIME_TIMESTAMP, "1970-01-01T00:00:00.000+00:00");
            newline(1);
            xml.writeEndElement();
            newline(1);
            xml.writeEmptyElement("classifier");
            xml.writeAttribute("name", "Activity");
            xml.writeAttribute("keys", XesKeys.CONCEPT_NAME);
            for (int c = 0; c < log.caseCount(); c++) {
                trace(c);
            }
            newline(0);
            xml.writeEndElement();
            newline(0);
            xml.writeEndDocument();
        }

        private void extension(String name, String prefix) throws XMLStreamException {
            newline(1);
            xml.writeEmptyElement("extension");
            xml.writeAttribute("name", name);
            xml.writeAttribute("prefix", prefix);
            xml.writeAttribute("uri", "http://www.xes-standard.org/" + prefix + ".xesext");
        }

        private void trace(int c) throws XMLStreamException {
            int start = log.caseStart(c);
            int end = log.caseEnd(c);
            newline(1);
            xml.writeStartElement("trace");
            newline(2);
            empty("string", XesKeys.CONCEPT_NAME, log.caseId(c));
            // Trace attributes: the first non-null value of each case:<key> over the case's events.
            Map<String, Integer> caseEntries = new LinkedHashMap<>();
            for (int r = start; r < end; r++) {
                for (int e = payload.start(r); e < payload.end(r); e++) {
                    String key = payload.key(e);
                    if (key.startsWith(XesKeys.CASE_PREFIX) && key.length() > XesKeys.CASE_PREFIX.length()
                            && !caseEntries.containsKey(key) && payload.value(e) != null) {
                        caseEntries.put(key, e);
                    }
                }
            }
            for (Map.Entry<String, Integer> entry : caseEntries.entrySet()) {
                String key = entry.getKey().substring(XesKeys.CASE_PREFIX.length());
                if (!key.equals(XesKeys.CONCEPT_NAME)) {
                    newline(2);
                    typed(key, entry.getValue());
                }
            }
            for (int r = start; r < end; r++) {
                event(r);
            }
            newline(1);
            xml.writeEndElement();
        }

        private void event(int r) throws XMLStreamException {
            newline(2);
            xml.writeStartElement("event");
            if (log.activity(r) != null) {
                newline(3);
                empty("string", XesKeys.CONCEPT_NAME, log.activity(r));
            }
            newline(3);
            empty("date", XesKeys.TIME_TIMESTAMP, IsoTimestamps.format(log.timestampMicros(r)));
            String resource = log.actorIdColumn().value(r);
            if (resource != null) {
                newline(3);
                empty("string", XesKeys.ORG_RESOURCE, resource);
            }
            String type = log.eventType(r);
            if (!XesOptions.DEFAULT_EVENT_TYPE.equals(type)) {
                newline(3);
                empty("string", XesKeys.ARENA_EVENT_TYPE, type);
            }
            for (int e = payload.start(r); e < payload.end(r); e++) {
                String key = payload.key(e);
                if (!key.startsWith(XesKeys.CASE_PREFIX) && !isMappedKey(key)
                        && payload.kind(e) != org.systemarena.core.ValueKind.NULL) {
                    newline(3);
                    typed(key, e);
                }
            }
            newline(2);
            xml.writeEndElement();
        }

        /** Keys that have a column of their own; a payload copy would clash with it in the file. */
        private boolean isMappedKey(String key) {
            return key.equals(XesKeys.CONCEPT_NAME) || key.equals(XesKeys.TIME_TIMESTAMP)
                    || key.equals(XesKeys.ORG_RESOURCE) || key.equals(XesKeys.ARENA_EVENT_TYPE);
        }

        private void typed(String key, int entry) throws XMLStreamException {
            long raw = payload.rawValue(entry);
            switch (payload.kind(entry)) {
                case STRING:
                    empty("string", key, (String) payload.value(entry));
                    break;
                case LONG:
                    empty("int", key, Long.toString(raw));
                    break;
                case DOUBLE:
                    empty("float", key, xsdDouble(Double.longBitsToDouble(raw)));
                    break;
                case BOOLEAN:
                    empty("boolean", key, raw != 0 ? "true" : "false");
                    break;
                case INSTANT:
                    empty("date", key, IsoTimestamps.format(raw));
                    break;
                default:
                    break;
            }
        }

        private void empty(String type, String key, String value) throws XMLStreamException {
            xml.writeEmptyElement(type);
            xml.writeAttribute("key", verbatimKeys ? key : XesNames.encode(key));
            xml.writeAttribute("value", value);
        }

        private void newline(int indent) throws XMLStreamException {
            xml.writeCharacters("\n");
            for (int i = 0; i < indent; i++) {
                xml.writeCharacters("\t");
            }
        }
    }

    static String xsdDouble(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "INF" : "-INF";
        }
        return Double.toString(d);
    }
}
