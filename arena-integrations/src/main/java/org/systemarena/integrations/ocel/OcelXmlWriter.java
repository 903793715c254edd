package org.systemarena.integrations.ocel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.systemarena.core.ArenaException;
import org.systemarena.core.Timestamps;
import org.systemarena.core.input.IsoTimestamps;

/**
 * Writes OCEL 2.0 XML that validates against the OCEL 2.0 XSD: relationships are {@code <object object-id qualifier
 * type>} elements (PM4Py writes {@code <relationship>}, which it reads back but the XSD rejects), and every event
 * has {@code <attributes>} and {@code <objects>}, empty or not.
 */
public final class OcelXmlWriter {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final OcelOptions options;

    private OcelXmlWriter(OcelOptions options) {
        this.options = options;
    }

    public static OcelXmlWriter create() {
        return new OcelXmlWriter(OcelOptions.defaults());
    }

    public static OcelXmlWriter create(OcelOptions options) {
        return new OcelXmlWriter(java.util.Objects.requireNonNull(options, "options"));
    }

    public void write(OcelLog log, Path path) {
        try (OutputStream out = Files.newOutputStream(path)) {
            writeTo(log, out);
        } catch (IOException e) {
            throw new ArenaException("cannot write OCEL XML file: " + e.getMessage(),
                    ArenaException.Location.of(path.toString()), e);
        }
    }

    /** Writes OCEL 2.0 XML to a stream (not closed); a failed write is an {@link ArenaException}. */
    public void write(OcelLog log, OutputStream raw) {
        try {
            writeTo(log, raw);
        } catch (IOException e) {
            throw new ArenaException("cannot write OCEL XML: " + e.getMessage(), e);
        }
    }

    private void writeTo(OcelLog log, OutputStream raw) throws IOException {
        OcelExport x = new OcelExport(log, options);
        BufferedOutputStream out = new BufferedOutputStream(raw, 1 << 16);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            nl(w, 0);
            w.writeStartElement("log");
            types(w, "object-types", "object-type", x.objectTypes);
            types(w, "event-types", "event-type", x.eventTypes);
            nl(w, 1);
            w.writeStartElement("objects");
            for (OcelObject o : x.objects) {
                nl(w, 2);
                w.writeStartElement("object");
                w.writeAttribute("id", o.id());
                w.writeAttribute("type", o.type());
                nl(w, 3);
                w.writeStartElement("attributes");
                for (OcelObject.AttributeValue a : o.attributes()) {
                    if (a.value() != null) {
                        nl(w, 4);
                        w.writeStartElement("attribute");
                        w.writeAttribute("name", a.name());
                        w.writeAttribute("time", IsoTimestamps.format(Timestamps.toMicros(a.time())));
                        w.writeCharacters(OcelValues.text(a.value()));
                        w.writeEndElement();
                    }
                }
                nl(w, 3);
                w.writeEndElement();
                List<ObjectRelation> rels = x.relationsOf(o.id());
                if (!rels.isEmpty()) {
                    nl(w, 3);
                    w.writeStartElement("objects");
                    for (ObjectRelation r : rels) {
                        nl(w, 4);
                        relationship(w, r.targetId(), r.qualifier(), x.typeOf(r.targetId()));
                    }
                    nl(w, 3);
                    w.writeEndElement();
                }
                nl(w, 2);
                w.writeEndElement();
            }
            nl(w, 1);
            w.writeEndElement();
            nl(w, 1);
            w.writeStartElement("events");
            for (int i = 0; i < x.eventCount(); i++) {
                int row = x.row(i);
                nl(w, 2);
                w.writeStartElement("event");
                w.writeAttribute("id", x.eventId(row));
                w.writeAttribute("type", x.activity(row));
                w.writeAttribute("time", x.time(row));
                nl(w, 3);
                w.writeStartElement("attributes");
                for (String[] a : x.attributes(row)) {
                    nl(w, 4);
                    w.writeStartElement("attribute");
                    w.writeAttribute("name", a[0]);
                    w.writeCharacters(a[1]);
                    w.writeEndElement();
                }
                nl(w, 3);
                w.writeEndElement();
                nl(w, 3);
                w.writeStartElement("objects");
                for (String[] r : x.relationships(row)) {
                    nl(w, 4);
                    relationship(w, r[0], r[1], r[2]);
                }
                nl(w, 3);
                w.writeEndElement();
                nl(w, 2);
                w.writeEndElement();
            }
            nl(w, 1);
            w.writeEndElement();
            nl(w, 0);
            w.writeEndElement();
            nl(w, 0);
            w.writeEndDocument();
            w.flush();
            w.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw new ArenaException("cannot write OCEL XML: " + e.getMessage(), e);
        }
    }

    private static void relationship(XMLStreamWriter w, String objectId, String qualifier, String type)
            throws XMLStreamException {
        w.writeEmptyElement("object");
        w.writeAttribute("object-id", objectId);
        w.writeAttribute("qualifier", qualifier);
        // The XSD requires a type on every <object>; an o2o target missing from the objects has none to give.
        w.writeAttribute("type", type == null ? "" : type);
    }

    private static void types(XMLStreamWriter w, String outer, String inner, Map<String, Map<String, String>> types)
            throws XMLStreamException {
        nl(w, 1);
        w.writeStartElement(outer);
        for (Map.Entry<String, Map<String, String>> t : types.entrySet()) {
            nl(w, 2);
            w.writeStartElement(inner);
            w.writeAttribute("name", t.getKey());
            nl(w, 3);
            w.writeStartElement("attributes");
            for (Map.Entry<String, String> a : t.getValue().entrySet()) {
                nl(w, 4);
                w.writeEmptyElement("attribute");
                w.writeAttribute("name", a.getKey());
                w.writeAttribute("type", a.getValue());
            }
            nl(w, 3);
            w.writeEndElement();
            nl(w, 2);
            w.writeEndElement();
        }
        nl(w, 1);
        w.writeEndElement();
    }

    private static void nl(XMLStreamWriter w, int indent) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(indent));
    }
}
