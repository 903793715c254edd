package org.systemarena.eval.glm;

import java.util.ArrayList;
import java.util.List;
import org.systemarena.eval.behaviour.CategoricalFeature;
import org.systemarena.eval.behaviour.DroppedFeature;
import org.systemarena.eval.behaviour.FeatureColumn;
import org.systemarena.eval.behaviour.NumericFeature;

/**
 * Which features may enter a rule's models, decided once per rule from the feature values of its decisions (never
 * their actions, so no fold learns from a held-out label), so that the diagnostics name one set per rule. Dropped:
 * a feature with every value missing, a constant one, and a categorical with more distinct values than half its
 * non-missing rows, which identifies rows rather than grouping them.
 */
public final class FeatureScreen {
    private FeatureScreen() {
    }

    public record Result(int[] used, List<DroppedFeature> dropped) {
    }

    public static Result screen(List<FeatureColumn> features, int[] decisions) {
        List<Integer> used = new ArrayList<>();
        List<DroppedFeature> dropped = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            FeatureColumn column = features.get(f);
            String reason = column instanceof NumericFeature n ? numeric(n, decisions)
                    : categorical((CategoricalFeature) column, decisions);
            if (reason == null) {
                used.add(f);
            } else {
                dropped.add(new DroppedFeature(column.name(), reason));
            }
        }
        return new Result(used.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(dropped));
    }

    private static String numeric(NumericFeature f, int[] decisions) {
        int present = 0;
        double first = Double.NaN;
        boolean varies = false;
        for (int s : decisions) {
            double x = f.value(s);
            if (Double.isNaN(x)) {
                continue;
            }
            if (present++ == 0) {
                first = x;
            } else if (x != first) {
                varies = true;
            }
        }
        if (present == 0) {
            return "all values missing";
        }
        return varies || present < decisions.length ? null : "constant";
    }

    private static String categorical(CategoricalFeature f, int[] decisions) {
        boolean[] seen = new boolean[f.levels().size()];
        int present = 0;
        int distinct = 0;
        for (int s : decisions) {
            int c = f.code(s);
            if (c == CategoricalFeature.MISSING) {
                continue;
            }
            present++;
            if (!seen[c]) {
                seen[c] = true;
                distinct++;
            }
        }
        if (present == 0) {
            return "all values missing";
        }
        if (distinct == 1 && present == decisions.length) {
            return "constant";
        }
        if (distinct > present / 2.0) {
            return "identifier-like (" + distinct + " distinct values in " + present + " decisions)";
        }
        return null;
    }
}
