package org.systemarena.decision;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable action-to-probability map that iterates in the order the actions were written. Order matters: the
 * replay codes actions in the order it meets them and sums probabilities in iteration order, and both must be the
 * same in every run ({@code Map.copyOf} iterates in an order that changes between JVM runs). Decision points of one
 * action event share one instance.
 */
final class OrderedDistribution extends AbstractMap<String, Double> {
    private final String[] actions;
    private final Double[] probabilities;
    private Set<Entry<String, Double>> entries;

    OrderedDistribution(String[] actions, Double[] probabilities) {
        this.actions = actions;
        this.probabilities = probabilities;
    }

    /** {@code map} itself when it is one already, else an ordered copy; null stays null. */
    static OrderedDistribution copyOf(Map<String, Double> map) {
        if (map == null || map instanceof OrderedDistribution) {
            return (OrderedDistribution) map;
        }
        String[] a = new String[map.size()];
        Double[] p = new Double[a.length];
        int i = 0;
        for (Entry<String, Double> e : map.entrySet()) {
            a[i] = Objects.requireNonNull(e.getKey(), "action");
            p[i++] = Objects.requireNonNull(e.getValue(), "probability");
        }
        return new OrderedDistribution(a, p);
    }

    @Override
    public int size() {
        return actions.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Double get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : probabilities[i];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < actions.length; i++) {
            if (actions[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        Set<Entry<String, Double>> s = entries;
        if (s == null) {
            s = new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Double>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < actions.length;
                        }

                        @Override
                        public Entry<String, Double> next() {
                            if (next >= actions.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return Map.entry(actions[i], probabilities[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return actions.length;
                }
            };
            entries = s;
        }
        return s;
    }
}
