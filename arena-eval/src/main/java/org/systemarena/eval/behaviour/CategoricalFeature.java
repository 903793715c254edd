package org.systemarena.eval.behaviour;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.systemarena.core.ArenaException;

/**
 * A categorical snapshot feature: per step a code into {@code levels}, or {@code -1} when missing.
 */
public record CategoricalFeature(String name, int[] codes, List<String> levels) implements FeatureColumn {
    public static final int MISSING = -1;

    public CategoricalFeature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codes, "codes");
        levels = List.copyOf(levels);
        Set<String> seen = new HashSet<>();
        for (String level : levels) {
            if (!seen.add(level)) {
                throw new ArenaException("categorical feature '" + name + "': level '" + level + "' appears twice");
            }
        }
        codes = codes.clone();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < MISSING || codes[i] >= levels.size()) {
                throw new ArenaException("categorical feature '" + name + "': step " + i + " has code " + codes[i]
                        + ", outside -1.." + (levels.size() - 1) + " (" + levels.size()
                        + (levels.size() == 1 ? " level" : " levels") + ", -1 = missing)");
            }
        }
    }

    /** Codes levels in order of first appearance; {@code null} is a missing value. */
    public static CategoricalFeature fromValues(String name, List<String> values) {
        Map<String, Integer> codeOf = new HashMap<>();
        List<String> levels = new ArrayList<>();
        int[] codes = new int[values.size()];
        for (int i = 0; i < codes.length; i++) {
            String v = values.get(i);
            if (v == null) {
                codes[i] = MISSING;
                continue;
            }
            Integer code = codeOf.get(v);
            if (code == null) {
                code = levels.size();
                codeOf.put(v, code);
                levels.add(v);
            }
            codes[i] = code;
        }
        return new CategoricalFeature(name, codes, levels);
    }

    @Override
    public int[] codes() {
        return codes.clone();
    }

    /** The code at {@code step}, {@link #MISSING} when missing. */
    public int code(int step) {
        return codes[step];
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public String kind() {
        return "categorical";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalFeature f && name.equals(f.name) && levels.equals(f.levels)
                && Arrays.equals(codes, f.codes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, levels, Arrays.hashCode(codes));
    }

    @Override
    public String toString() {
        return "CategoricalFeature[" + name + ", " + codes.length + " steps, " + levels.size() + " levels]";
    }
}
