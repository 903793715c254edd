package org.systemarena.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A growing dictionary from names (actions, outcomes, snapshot strings) to dense int codes, first come first coded.
 * Not thread-safe: each replay chunk has its own, and assembly maps chunk codes onto one run-wide dictionary.
 */
final class NameCodes {
    static final int NONE = -1;

    /** The most instances remembered by identity; a column of ids (one per case) is looked up by content. */
    private static final int MAX_INSTANCES = 4096;
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    // Instances already met, by identity, in an open-addressing table on their cached hash: a column of snapshot
    // values or actions repeats a few dictionary instances millions of times, and comparing references is much
    // cheaper than a hash-map lookup by content (which profiled at 11% of a replay recording 17 features).
    private String[] instances = new String[16];
    private int[] instanceCodes = new int[16];
    private int instanceCount;

    /** The code of {@code name}, giving it the next code when new; {@link #NONE} for null. */
    int code(String name) {
        if (name == null) {
            return NONE;
        }
        int h = name.hashCode();
        int mask = instances.length - 1;
        int i = (h ^ (h >>> 16)) & mask;
        for (String s; (s = instances[i]) != null; i = (i + 1) & mask) {
            if (s == name) {
                return instanceCodes[i];
            }
        }
        Integer c = codes.get(name);
        if (c == null) {
            c = names.size();
            codes.put(name, c);
            names.add(name);
        }
        if (instanceCount < MAX_INSTANCES) {
            if (2 * (instanceCount + 1) > instances.length) {
                growInstances();
                remember(name, c);
            } else {
                instances[i] = name;
                instanceCodes[i] = c;
            }
            instanceCount++;
        }
        return c;
    }

    private void growInstances() {
        String[] old = instances;
        int[] oldCodes = instanceCodes;
        instances = new String[old.length * 2];
        instanceCodes = new int[old.length * 2];
        for (int i = 0; i < old.length; i++) {
            if (old[i] != null) {
                remember(old[i], oldCodes[i]);
            }
        }
    }

    private void remember(String name, int c) {
        int mask = instances.length - 1;
        int h = name.hashCode();
        int i = (h ^ (h >>> 16)) & mask;
        while (instances[i] != null) {
            i = (i + 1) & mask;
        }
        instances[i] = name;
        instanceCodes[i] = c;
    }

    String name(int code) {
        return code == NONE ? null : names.get(code);
    }

    int size() {
        return names.size();
    }

    /** For each of {@code other}'s codes, the code of the same name here (adding names this dictionary lacks). */
    int[] mapFrom(NameCodes other) {
        int[] map = new int[other.names.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = code(other.names.get(i));
        }
        return map;
    }

    List<String> names() {
        return List.copyOf(names);
    }
}
