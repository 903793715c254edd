package org.systemarena.integrations.petri;

import java.util.ArrayList;
import java.util.List;
import org.systemarena.integrations.discovery.ProcessTree;
import org.systemarena.integrations.discovery.ProcessTree.Activity;
import org.systemarena.integrations.discovery.ProcessTree.Operation;
import org.systemarena.integrations.discovery.ProcessTree.Silent;
import org.systemarena.integrations.petri.PetriNet.Arc;
import org.systemarena.integrations.petri.PetriNet.Place;
import org.systemarena.integrations.petri.PetriNet.Transition;

/**
 * Translates a process tree block by block into a sound workflow net: one source place (initial marking) and one
 * sink place (final marking). Each subtree sits between an entry and an exit place: an activity or tau is one
 * transition; a sequence chains its children through fresh places; a choice puts all children between the same two
 * places; parallel children run between a silent split and a silent join; a loop enters and leaves through silent
 * transitions around a place pair, the do-part going forward and the redo-part back, so no cycle touches the entry or
 * exit place of the block.
 */
public final class ProcessTreeToPetriNet {
    private final List<Place> places = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    private final List<Arc> arcs = new ArrayList<>();
    private int silentCount;

    private ProcessTreeToPetriNet() {
    }

    public static AcceptingPetriNet convert(ProcessTree tree) {
        return convert(tree, "process_tree");
    }

    public static AcceptingPetriNet convert(ProcessTree tree, String name) {
        ProcessTreeToPetriNet c = new ProcessTreeToPetriNet();
        Place source = c.place("source");
        Place sink = c.place("sink");
        c.translate(tree, source, sink);
        PetriNet net = PetriNet.of(name, c.places, c.transitions, c.arcs);
        return AcceptingPetriNet.of(net, Marking.of(source, 1), Marking.of(sink, 1));
    }

    private void translate(ProcessTree tree, Place in, Place out) {
        if (tree instanceof Activity a) {
            connect(in, transition(a.label()), out);
        } else if (tree instanceof Silent) {
            connect(in, silent("tau"), out);
        } else if (tree instanceof Operation op) {
            List<ProcessTree> children = op.children();
            switch (op.operator()) {
                case SEQUENCE -> {
                    Place from = in;
                    for (int i = 0; i < children.size(); i++) {
                        Place to = i == children.size() - 1 ? out : place(null);
                        translate(children.get(i), from, to);
                        from = to;
                    }
                }
                case XOR -> children.forEach(child -> translate(child, in, out));
                case PARALLEL -> {
                    Transition split = silent("split");
                    Transition join = silent("join");
                    arcs.add(Arc.of(in, split));
                    arcs.add(Arc.of(join, out));
                    for (ProcessTree child : children) {
                        Place start = place(null);
                        Place end = place(null);
                        arcs.add(Arc.of(split, start));
                        arcs.add(Arc.of(end, join));
                        translate(child, start, end);
                    }
                }
                case LOOP -> {
                    Place loopStart = place(null);
                    Place loopEnd = place(null);
                    connect(in, silent("loop_enter"), loopStart);
                    translate(children.get(0), loopStart, loopEnd);
                    for (int i = 1; i < children.size(); i++) {
                        translate(children.get(i), loopEnd, loopStart);
                    }
                    connect(loopEnd, silent("loop_exit"), out);
                }
                default -> throw new IllegalStateException(op.operator().toString());
            }
        }
    }

    private void connect(Place in, Transition t, Place out) {
        arcs.add(Arc.of(in, t));
        arcs.add(Arc.of(t, out));
    }

    private Place place(String id) {
        Place p = new Place(id != null ? id : "p_" + places.size(), null);
        places.add(p);
        return p;
    }

    private Transition transition(String label) {
        Transition t = Transition.of("t_" + transitions.size(), label);
        transitions.add(t);
        return t;
    }

    private Transition silent(String kind) {
        Transition t = Transition.silent(kind + "_" + silentCount++ + "_" + transitions.size());
        transitions.add(t);
        return t;
    }
}
