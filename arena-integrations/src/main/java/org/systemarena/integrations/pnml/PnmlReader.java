package org.systemarena.integrations.pnml;

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
import org.systemarena.integrations.petri.AcceptingPetriNet;
import org.systemarena.integrations.petri.Marking;
import org.systemarena.integrations.petri.PetriNet;
import org.systemarena.integrations.petri.PetriNet.Arc;
import org.systemarena.integrations.petri.PetriNet.Node;
import org.systemarena.integrations.petri.PetriNet.Place;
import org.systemarena.integrations.petri.PetriNet.Transition;
import org.systemarena.integrations.xml.XmlCursor;

/**
 * Reads a P/T net from PNML (ISO/IEC 15909-2, the "pnmlcoremodel" grammar) as PM4Py and ProM write it.
 *
 * <p>The first {@code <net>} is read; places, transitions and arcs may sit directly in it or in (nested) pages.
 * A transition is silent when a {@code <toolspecific>} child says {@code activity="$invisible$"} (ProM's
 * convention); otherwise its label is its {@code <name><text>}, or its id when it has no name. Arc weights come from
 * {@code <inscription><text>} (1 when absent). The initial marking is each place's {@code <initialMarking>}; the
 * final marking is the first {@code <finalmarkings><marking>} (ProM/PM4Py extension), empty when absent. Arcs may be
 * listed before the nodes they connect.
 */
public final class PnmlReader {

    private PnmlReader() {
    }

    public static PnmlReader create() {
        return new PnmlReader();
    }

    public AcceptingPetriNet read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw new ArenaException("cannot read PNML file: " + e.getMessage(),
                    ArenaException.Location.of(path.toString()), e);
        }
    }

    public AcceptingPetriNet read(InputStream in, String source) {
        return XmlCursor.read(in, source, true, cursor -> new Parse(cursor, source).run());
    }

    private record PendingArc(String source, String target, int weight, ArenaException.Location at) {
    }

    private static final class Parse {
        private final XmlCursor cursor;
        private final XMLStreamReader xml;
        private final String source;
        private String netName;
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final List<Place> places = new ArrayList<>();
        private final List<Transition> transitions = new ArrayList<>();
        private final List<PendingArc> arcs = new ArrayList<>();
        private final Map<String, Integer> initial = new LinkedHashMap<>();
        private final Map<String, ArenaException.Location> initialAt = new LinkedHashMap<>();
        private Map<String, Integer> fin;
        private final Map<String, ArenaException.Location> finalAt = new LinkedHashMap<>();

        Parse(XmlCursor cursor, String source) {
            this.cursor = cursor;
            this.xml = cursor.xml();
            this.source = source;
        }

        AcceptingPetriNet run() throws XMLStreamException {
            if (!cursor.toRoot() || !"pnml".equals(xml.getLocalName())) {
                throw new ArenaException("the root element must be <pnml>", cursor.here());
            }
            boolean found = false;
            while (cursor.nextChild()) {
                if (!found && "net".equals(xml.getLocalName())) {
                    found = true;
                    netName = xml.getAttributeValue(null, "id");
                    readContainer(true);
                } else {
                    cursor.skip();
                }
            }
            if (!found) {
                throw new ArenaException("no <net> element", ArenaException.Location.of(source));
            }
            List<Arc> built = new ArrayList<>(arcs.size());
            for (PendingArc a : arcs) {
                Node s = nodes.get(a.source());
                Node t = nodes.get(a.target());
                if (s == null || t == null) {
                    throw new ArenaException("arc refers to an unknown node",
                            a.at().withField(s == null ? "source" : "target", s == null ? a.source() : a.target()));
                }
                if ((s instanceof Place) == (t instanceof Place)) {
                    throw new ArenaException("arc must connect a place and a transition",
                            a.at().withField("source", a.source() + " -> " + a.target()));
                }
                built.add(new Arc(s, t, a.weight()));
            }
            PetriNet net = PetriNet.of(netName, places, transitions, built);
            return AcceptingPetriNet.of(net, marking(initial, initialAt), fin == null ? Marking.empty()
                    : marking(fin, finalAt));
        }

        private Marking marking(Map<String, Integer> tokens, Map<String, ArenaException.Location> at) {
            Map<Place, Integer> m = new LinkedHashMap<>();
            tokens.forEach((id, n) -> {
                if (!(nodes.get(id) instanceof Place p)) {
                    throw new ArenaException("marking refers to an unknown place", at.get(id).withField("idref", id));
                }
                m.merge(p, n, Integer::sum);
            });
            return Marking.of(m);
        }

        /** Reads the children of a net or page. */
        private void readContainer(boolean isNet) throws XMLStreamException {
            while (cursor.nextChild()) {
                switch (xml.getLocalName()) {
                    case "name":
                        if (isNet) {
                            String text = readTextChild();
                            if (text != null && !text.isBlank()) {
                                netName = text.trim();
                            }
                        } else {
                            cursor.skip();
                        }
                        break;
                    case "page":
                        readContainer(false);
                        break;
                    case "place":
                        readPlace();
                        break;
                    case "transition":
                        readTransition();
                        break;
                    case "arc":
                        readArc();
                        break;
                    case "finalmarkings":
                        readFinalMarkings();
                        break;
                    default:
                        cursor.skip();
                }
            }
        }

        private void readPlace() throws XMLStreamException {
            ArenaException.Location at = cursor.here();
            String id = requiredId(at);
            String name = null;
            while (cursor.nextChild()) {
                switch (xml.getLocalName()) {
                    case "name":
                        name = readTextChild();
                        break;
                    case "initialMarking":
                        ArenaException.Location markAt = cursor.here();
                        String text = readTextChild();
                        int n = tokens(text, markAt);
                        if (n > 0) {
                            initial.put(id, n);
                            initialAt.put(id, markAt);
                        }
                        break;
                    default:
                        cursor.skip();
                }
            }
            Place p = new Place(id, name == null ? id : name.trim());
            register(id, p, at);
            places.add(p);
        }

        private void readTransition() throws XMLStreamException {
            ArenaException.Location at = cursor.here();
            String id = requiredId(at);
            String name = null;
            boolean invisible = false;
            while (cursor.nextChild()) {
                switch (xml.getLocalName()) {
                    case "name":
                        name = readTextChild();
                        break;
                    case "toolspecific":
                        if ("$invisible$".equals(xml.getAttributeValue(null, "activity"))) {
                            invisible = true;
                        }
                        cursor.skip();
                        break;
                    default:
                        cursor.skip();
                }
            }
            Transition t = new Transition(id, invisible ? null : name == null ? id : name.trim());
            register(id, t, at);
            transitions.add(t);
        }

        private void readArc() throws XMLStreamException {
            ArenaException.Location at = cursor.here();
            String s = xml.getAttributeValue(null, "source");
            String t = xml.getAttributeValue(null, "target");
            if (s == null || t == null) {
                throw new ArenaException("arc needs 'source' and 'target'", at.withField(s == null ? "source" : "target",
                        null));
            }
            int weight = 1;
            while (cursor.nextChild()) {
                if ("inscription".equals(xml.getLocalName())) {
                    ArenaException.Location wAt = cursor.here();
                    weight = tokens(readTextChild(), wAt);
                    if (weight < 1) {
                        throw new ArenaException("arc weight must be >= 1", wAt.withField("inscription", weight));
                    }
                } else {
                    cursor.skip();
                }
            }
            arcs.add(new PendingArc(s, t, weight, at));
        }

        private void readFinalMarkings() throws XMLStreamException {
            while (cursor.nextChild()) {
                if ("marking".equals(xml.getLocalName()) && fin == null) {
                    fin = new LinkedHashMap<>();
                    while (cursor.nextChild()) {
                        if ("place".equals(xml.getLocalName())) {
                            ArenaException.Location at = cursor.here();
                            String idref = xml.getAttributeValue(null, "idref");
                            if (idref == null) {
                                throw new ArenaException("final-marking place needs 'idref'", at.withField("idref", null));
                            }
                            int n = tokens(readTextChild(), at);
                            if (n > 0) {
                                fin.merge(idref, n, Integer::sum);
                                finalAt.put(idref, at);
                            }
                        } else {
                            cursor.skip();
                        }
                    }
                } else {
                    cursor.skip();
                }
            }
        }

        private String requiredId(ArenaException.Location at) {
            String id = xml.getAttributeValue(null, "id");
            if (id == null || id.isEmpty()) {
                throw new ArenaException("<" + xml.getLocalName() + "> needs an 'id'", at.withField("id", id));
            }
            return id;
        }

        private void register(String id, Node node, ArenaException.Location at) {
            if (nodes.putIfAbsent(id, node) != null) {
                throw new ArenaException("duplicate node id", at.withField("id", id));
            }
        }

        private int tokens(String text, ArenaException.Location at) {
            String t = text == null ? "" : text.trim();
            try {
                int n = Integer.parseInt(t);
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new ArenaException("not a non-negative integer", at.withField("text", t));
            }
        }

        /** The text of the {@code <text>} child of the current element (which is consumed), or null. */
        private String readTextChild() throws XMLStreamException {
            String text = null;
            while (cursor.nextChild()) {
                if ("text".equals(xml.getLocalName()) && text == null) {
                    text = xml.getElementText();
                } else {
                    cursor.skip();
                }
            }
            return text;
        }

    }
}
