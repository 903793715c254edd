package org.systemarena.eval;

import java.util.ArrayList;
import java.util.List;
import org.systemarena.eval.behaviour.CategoricalFeature;
import org.systemarena.eval.behaviour.FeatureColumn;
import org.systemarena.eval.behaviour.NumericFeature;
import org.systemarena.replay.SnapshotColumn;
import org.systemarena.replay.TraceTable;

/**
 * A trace table's behaviour-model features (the snapshot values the replay recorded, docs/manifest.md) as the model's
 * input columns: numbers and booleans (1/0) numeric (an infinite number counts as missing), text categorical; columns
 * of instants or of mixed kinds cannot enter a logistic model and are left out by name, as are the payload keys
 * beyond the default set's limit. (A column with no value at any decision point goes in as numeric; the model drops
 * it as always missing and its description says so.)
 */
record TraceFeatures(List<FeatureColumn> columns, List<String> leftOut) {
    static TraceFeatures of(TraceTable table) {
        List<FeatureColumn> columns = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<String> names = table.behaviourFeatures();
        int n = table.size();
        for (int i = 0; i < names.size(); i++) {
            SnapshotColumn c = table.behaviourFeature(i);
            String name = names.get(i);
            switch (c.kind()) {
                case NUMBER, BOOLEAN, EMPTY -> {
                    double[] v = new double[n];
                    for (int row = 0; row < n; row++) {
                        double x = c.kind() == SnapshotColumn.Kind.EMPTY || c.isNull(row) ? Double.NaN : c.number(row);
                        v[row] = Double.isFinite(x) ? x : Double.NaN; // an infinite value cannot be standardised

                    }
                    columns.add(new NumericFeature(name, v));
                }
                case TEXT -> {
                    int[] codes = new int[n];
                    for (int row = 0; row < n; row++) {
                        codes[row] = c.isNull(row) ? -1 : c.textCode(row);
                    }
                    List<String> levels = new ArrayList<>(c.textCount());
                    for (int k = 0; k < c.textCount(); k++) {
                        levels.add(c.text(k));
                    }
                    columns.add(new CategoricalFeature(name, codes, levels));
                }
                default -> leftOut.add(name + " (not a number, boolean or text)");
            }
        }
        table.omittedBehaviourFeatures().forEach(k -> leftOut.add(k + " (beyond the default set's 64 payload keys)"));
        return new TraceFeatures(List.copyOf(columns), List.copyOf(leftOut));
    }
}
