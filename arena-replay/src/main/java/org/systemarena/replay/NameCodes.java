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

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private String lastName;
    private int lastCode = NONE;

    /** The code of {@code name}, giving it the next code when new; {@link #NONE} for null. */
    int code(String name) {
        if (name == null) {
            return NONE;
        }
        // Consecutive decisions mostly repeat the same few instances: skip the hash lookup for a repeat.
        if (name == lastName) {
            return lastCode;
        }
        Integer c = codes.get(name);
        if (c == null) {
            c = names.size();
            codes.put(name, c);
            names.add(name);
        }
        lastName = name;
        lastCode = c;
        return c;
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
