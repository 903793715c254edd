package org.systemarena.integrations.petri;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.systemarena.core.ArenaException;
import org.systemarena.integrations.petri.PetriNet.Place;

/** Tokens per place; places with zero tokens are left out, so two equal markings are equal maps. */
public record Marking(Map<Place, Integer> tokens) {

    public Marking {
        Objects.requireNonNull(tokens, "tokens");
        Map<Place, Integer> copy = new LinkedHashMap<>();
        tokens.forEach((place, n) -> {
            Objects.requireNonNull(place, "place");
            if (n == null || n < 0) {
                throw new ArenaException("marking: place '" + place.id() + "' has token count " + n);
            }
            if (n > 0) {
                copy.put(place, n);
            }
        });
        tokens = Collections.unmodifiableMap(copy);
    }

    public static Marking empty() {
        return new Marking(Map.of());
    }

    public static Marking of(Place place, int count) {
        return new Marking(Map.of(place, count));
    }

    public static Marking of(Map<Place, Integer> tokens) {
        return new Marking(tokens);
    }

    public int get(Place place) {
        return tokens.getOrDefault(place, 0);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** PM4Py-style text, e.g. {@code ['source:1']}, with places in the given order. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        tokens.forEach((p, n) -> sb.append(sb.length() > 1 ? ", " : "").append('\'').append(p.id()).append(':')
                .append(n).append('\''));
        return sb.append(']').toString();
    }
}
