package org.systemarena.integrations.pnml;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.systemarena.core.ArenaException;
import org.systemarena.integrations.petri.AcceptingPetriNet;
import org.systemarena.integrations.petri.PetriNet;
import org.systemarena.integrations.petri.PetriNet.Arc;
import org.systemarena.integrations.petri.PetriNet.Place;
import org.systemarena.integrations.petri.PetriNet.Transition;

/**
 * Writes an accepting Petri net as PNML in the layout PM4Py and ProM read: one net of type
 * {@code http://www.pnml.org/version-2009/grammar/pnmlcoremodel}, one page {@code n0}, places (with
 * {@code <initialMarking>}), transitions (silent ones named by their id and marked
 * {@code <toolspecific tool="ProM" version="6.4" activity="$invisible$" .../>}), arcs ({@code <inscription>} only for
 * weights above 1) and a {@code <finalmarkings>} block. Output is deterministic: nodes and arcs in model order, arc ids
 * {@code arc1..n}, and the ProM {@code localNodeID} a name-based UUID of the transition id.
 */
public final class PnmlWriter {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    static final String NET_TYPE = "http://www.pnml.org/version-2009/grammar/pnmlcoremodel";

    private PnmlWriter() {
    }

    public static PnmlWriter create() {
        return new PnmlWriter();
    }

    public void write(AcceptingPetriNet net, Path path) {
        try (OutputStream out = Files.newOutputStream(path)) {
            write(net, out);
        } catch (IOException e) {
            throw new ArenaException("cannot write PNML file: " + e.getMessage(),
                    ArenaException.Location.of(path.toString()), e);
        }
    }

    public String toString(AcceptingPetriNet net) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        write(net, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    public void write(AcceptingPetriNet accepting, OutputStream out) {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            PetriNet net = accepting.net();
            xml.writeStartDocument("UTF-8", "1.0");
            nl(xml, 0);
            xml.writeStartElement("pnml");
            nl(xml, 1);
            xml.writeStartElement("net");
            xml.writeAttribute("id", net.name());
            xml.writeAttribute("type", NET_TYPE);
            nl(xml, 2);
            name(xml, net.name());
            nl(xml, 2);
            xml.writeStartElement("page");
            xml.writeAttribute("id", "n0");
            for (Place p : net.places()) {
                nl(xml, 3);
                xml.writeStartElement("place");
                xml.writeAttribute("id", p.id());
                nl(xml, 4);
                name(xml, p.name());
                int tokens = accepting.initialMarking().get(p);
                if (tokens > 0) {
                    nl(xml, 4);
                    xml.writeStartElement("initialMarking");
                    text(xml, Integer.toString(tokens));
                    xml.writeEndElement();
                }
                nl(xml, 3);
                xml.writeEndElement();
            }
            for (Transition t : net.transitions()) {
                nl(xml, 3);
                xml.writeStartElement("transition");
                xml.writeAttribute("id", t.id());
                nl(xml, 4);
                name(xml, t.isSilent() ? t.id() : t.label());
                if (t.isSilent()) {
                    nl(xml, 4);
                    xml.writeEmptyElement("toolspecific");
                    xml.writeAttribute("tool", "ProM");
                    xml.writeAttribute("version", "6.4");
                    xml.writeAttribute("activity", "$invisible$");
                    xml.writeAttribute("localNodeID",
                            UUID.nameUUIDFromBytes(t.id().getBytes(StandardCharsets.UTF_8)).toString());
                }
                nl(xml, 3);
                xml.writeEndElement();
            }
            int n = 0;
            for (Arc a : net.arcs()) {
                nl(xml, 3);
                if (a.weight() == 1) {
                    xml.writeEmptyElement("arc");
                    arcAttributes(xml, a, ++n);
                } else {
                    xml.writeStartElement("arc");
                    arcAttributes(xml, a, ++n);
                    nl(xml, 4);
                    xml.writeStartElement("inscription");
                    text(xml, Integer.toString(a.weight()));
                    xml.writeEndElement();
                    nl(xml, 3);
                    xml.writeEndElement();
                }
            }
            nl(xml, 2);
            xml.writeEndElement(); // page
            nl(xml, 2);
            xml.writeStartElement("finalmarkings");
            nl(xml, 3);
            xml.writeStartElement("marking");
            for (var e : accepting.finalMarking().tokens().entrySet()) {
                nl(xml, 4);
                xml.writeStartElement("place");
                xml.writeAttribute("idref", e.getKey().id());
                text(xml, Integer.toString(e.getValue()));
                xml.writeEndElement();
            }
            nl(xml, 3);
            xml.writeEndElement(); // marking
            nl(xml, 2);
            xml.writeEndElement(); // finalmarkings
            nl(xml, 1);
            xml.writeEndElement(); // net
            nl(xml, 0);
            xml.writeEndElement(); // pnml
            nl(xml, 0);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new ArenaException("cannot write PNML: " + e.getMessage(), e);
        }
    }

    private static void arcAttributes(XMLStreamWriter xml, Arc a, int n) throws XMLStreamException {
        xml.writeAttribute("id", "arc" + n);
        xml.writeAttribute("source", a.source().id());
        xml.writeAttribute("target", a.target().id());
    }

    private static void name(XMLStreamWriter xml, String name) throws XMLStreamException {
        xml.writeStartElement("name");
        text(xml, name);
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String value) throws XMLStreamException {
        xml.writeStartElement("text");
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void nl(XMLStreamWriter xml, int indent) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(indent));
    }
}
