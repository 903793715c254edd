package org.systemarena.integrations.petri;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.systemarena.core.ArenaException;
import org.systemarena.integrations.petri.PetriNet.Place;

/** A Petri net with the marking it starts in and the marking that means "case completed". */
public record AcceptingPetriNet(PetriNet net, Marking initialMarking, Marking finalMarking) {

    public AcceptingPetriNet {
        Objects.requireNonNull(net, "net");
        initialMarking = initialMarking == null ? Marking.empty() : initialMarking;
        finalMarking = finalMarking == null ? Marking.empty() : finalMarking;
        Set<Place> places = new HashSet<>(net.places());
        for (Marking m : new Marking[] {initialMarking, finalMarking}) {
            for (Place p : m.tokens().keySet()) {
                if (!places.contains(p)) {
                    throw new ArenaException("Petri net '" + net.name() + "': marked place '" + p.id()
                            + "' is not in the net");
                }
            }
        }
    }

    public static AcceptingPetriNet of(PetriNet net, Marking initialMarking, Marking finalMarking) {
        return new AcceptingPetriNet(net, initialMarking, finalMarking);
    }
}
