package org.systemarena.integrations.ocel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.systemarena.core.ArenaException;
import org.systemarena.integrations.xml.XmlCursor;

/**
 * Streams OCEL 2.0 XML. Relationships may be {@code <object object-id qualifier/>} (the XSD) or
 * {@code <relationship object-id qualifier/>} (what PM4Py writes). The XSD order (object types, event types,
 * objects, events) is required: an event can only refer to objects already read.
 */
public final class OcelXmlReader {

    private final OcelOptions options;

    private OcelXmlReader(OcelOptions options) {
        this.options = options;
    }

    public static OcelXmlReader create() {
        return new OcelXmlReader(OcelOptions.defaults());
    }

    public static OcelXmlReader create(OcelOptions options) {
        return new OcelXmlReader(java.util.Objects.requireNonNull(options, "options"));
    }

    public OcelLog read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw new ArenaException("cannot read OCEL XML file: " + e.getMessage(),
                    ArenaException.Location.of(path.toString()), e);
        }
    }

    public OcelLog read(InputStream in, String source) {
        return XmlCursor.read(in, source, true, cursor -> new Parse(cursor, new OcelImport(options)).run());
    }

    private static final class Parse {
        private final XmlCursor cursor;
        private final XMLStreamReader xml;
        private final OcelImport imp;
        private boolean sawEvents;

        Parse(XmlCursor cursor, OcelImport imp) {
            this.cursor = cursor;
            this.xml = cursor.xml();
            this.imp = imp;
        }

        OcelLog run() throws XMLStreamException {
            if (!cursor.toRoot() || !"log".equals(xml.getLocalName())) {
                throw new ArenaException("the root element must be <log>", cursor.here());
            }
            while (cursor.nextChild()) {
                switch (xml.getLocalName()) {
                    case "object-types":
                        while (cursor.nextChild()) {
                            readType(true);
                        }
                        break;
                    case "event-types":
                        while (cursor.nextChild()) {
                            readType(false);
                        }
                        break;
                    case "objects":
                        if (sawEvents) {
                            throw new ArenaException("<objects> must come before <events>", cursor.here());
                        }
                        while (cursor.nextChild()) {
                            readObject();
                        }
                        break;
                    case "events":
                        sawEvents = true;
                        while (cursor.nextChild()) {
                            readEvent();
                        }
                        break;
                    default:
                        cursor.skip();
                }
            }
            return imp.build();
        }

        private void readType(boolean objectType) throws XMLStreamException {
            ArenaException.Location at = cursor.here();
            String name = xml.getAttributeValue(null, "name");
            if (name == null) {
                throw new ArenaException("type needs a 'name'", at.withField("name", null));
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            while (cursor.nextChild()) {
                if ("attributes".equals(xml.getLocalName())) {
                    while (cursor.nextChild()) {
                        attrs.put(xml.getAttributeValue(null, "name"), xml.getAttributeValue(null, "type"));
                        cursor.skip();
                    }
                } else {
                    cursor.skip();
                }
            }
            if (objectType) {
                imp.declareObjectType(name, attrs);
            } else {
                imp.declareEventType(name, attrs);
            }
        }

        private void readObject() throws XMLStreamException {
            ArenaException.Location at = cursor.here();
            String id = xml.getAttributeValue(null, "id");
            String type = xml.getAttributeValue(null, "type");
            List<OcelImport.RawValue> values = new ArrayList<>();
            List<String[]> rels = new ArrayList<>();
            while (cursor.nextChild()) {
                switch (xml.getLocalName()) {
                    case "attributes":
                        while (cursor.nextChild()) {
                            String name = xml.getAttributeValue(null, "name");
                            String time = xml.getAttributeValue(null, "time");
                            values.add(new OcelImport.RawValue(name, time, xml.getElementText()));
                        }
                        break;
                    case "objects":
                        readRelationships(rels);
                        break;
                    default:
                        cursor.skip();
                }
            }
            imp.addObject(id, type, values, at);
            for (String[] r : rels) {
                imp.addObjectRelation(id, r[0], r[1], at);
            }
        }

        private void readEvent() throws XMLStreamException {
            ArenaException.Location at = cursor.here();
            String id = xml.getAttributeValue(null, "id");
            String type = xml.getAttributeValue(null, "type");
            String time = xml.getAttributeValue(null, "time");
            List<Object[]> attrs = new ArrayList<>();
            List<String[]> rels = new ArrayList<>();
            while (cursor.nextChild()) {
                switch (xml.getLocalName()) {
                    case "attributes":
                        while (cursor.nextChild()) {
                            String name = xml.getAttributeValue(null, "name");
                            attrs.add(new Object[] {name, xml.getElementText()});
                        }
                        break;
                    case "objects":
                        readRelationships(rels);
                        break;
                    default:
                        cursor.skip();
                }
            }
            imp.addEvent(id, type, time, rels, attrs, at);
        }

        private void readRelationships(List<String[]> into) throws XMLStreamException {
            while (cursor.nextChild()) {
                String tag = xml.getLocalName();
                if ("object".equals(tag) || "relationship".equals(tag)) {
                    into.add(new String[] {xml.getAttributeValue(null, "object-id"),
                            xml.getAttributeValue(null, "qualifier")});
                }
                cursor.skip();
            }
        }

    }
}
