package org.systemarena.integrations.petri;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.systemarena.core.ArenaException;

/**
 * A place/transition net. Nodes are identified by their id; the lists keep the order in which they were given (a
 * writer emits them in that order, so output is deterministic).
 *
 * <p>Every arc connects a place and a transition (either direction); ids are unique across places and transitions,
 * as PNML requires.
 */
public record PetriNet(String name, List<Place> places, List<Transition> transitions, List<Arc> arcs) {

    public PetriNet {
        name = name == null ? "net" : name;
        places = List.copyOf(places);
        transitions = List.copyOf(transitions);
        arcs = List.copyOf(arcs);
        Set<String> ids = new HashSet<>();
        for (Place p : places) {
            if (!ids.add(p.id())) {
                throw new ArenaException("Petri net '" + name + "': duplicate node id '" + p.id() + "'");
            }
        }
        for (Transition t : transitions) {
            if (!ids.add(t.id())) {
                throw new ArenaException("Petri net '" + name + "': duplicate node id '" + t.id() + "'");
            }
        }
        Set<Node> nodes = new HashSet<>(places);
        nodes.addAll(transitions);
        for (Arc a : arcs) {
            if (!nodes.contains(a.source()) || !nodes.contains(a.target())) {
                throw new ArenaException("Petri net '" + name + "': arc " + a + " connects a node that is not in the net");
            }
        }
    }

    public static PetriNet of(String name, List<Place> places, List<Transition> transitions, List<Arc> arcs) {
        return new PetriNet(name, places, transitions, arcs);
    }

    /** A node of the net: a {@link Place} or a {@link Transition}. */
    public sealed interface Node permits Place, Transition {
        String id();
    }

    /** A place; {@code name} is a display name (PNML {@code <name>}), the id when absent. */
    public record Place(String id, String name) implements Node {
        public Place {
            Objects.requireNonNull(id, "place id");
            name = name == null ? id : name;
        }

        public static Place of(String id) {
            return new Place(id, id);
        }
    }

    /** A transition; a null {@code label} makes it silent (tau, "invisible" in PNML tool-specific terms). */
    public record Transition(String id, String label) implements Node {
        public Transition {
            Objects.requireNonNull(id, "transition id");
        }

        public static Transition of(String id, String label) {
            return new Transition(id, label);
        }

        public static Transition silent(String id) {
            return new Transition(id, null);
        }

        public boolean isSilent() {
            return label == null;
        }
    }

    /** A weighted arc from a place to a transition or from a transition to a place. */
    public record Arc(Node source, Node target, int weight) {
        public Arc {
            Objects.requireNonNull(source, "arc source");
            Objects.requireNonNull(target, "arc target");
            if ((source instanceof Place) == (target instanceof Place)) {
                throw new ArenaException("arc " + source.id() + " -> " + target.id()
                        + " must connect a place and a transition");
            }
            if (weight < 1) {
                throw new ArenaException("arc " + source.id() + " -> " + target.id() + " has weight " + weight
                        + ", must be >= 1");
            }
        }

        public static Arc of(Node source, Node target) {
            return new Arc(source, target, 1);
        }
    }

    /** Nodes by id, in declaration order (places first). */
    public Map<String, Node> nodesById() {
        Map<String, Node> m = new LinkedHashMap<>();
        places.forEach(p -> m.put(p.id(), p));
        transitions.forEach(t -> m.put(t.id(), t));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Arcs leaving a node, in arc order. */
    public List<Arc> outArcs(Node node) {
        return arcs.stream().filter(a -> a.source().equals(node)).toList();
    }

    /** Arcs entering a node, in arc order. */
    public List<Arc> inArcs(Node node) {
        return arcs.stream().filter(a -> a.target().equals(node)).toList();
    }
}
