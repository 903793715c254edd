package org.systemarena.replay;

import java.util.ArrayList;
import java.util.List;
import org.systemarena.decision.BehaviourFeatures;
import org.systemarena.decision.DecisionPointExtractor;
import org.systemarena.decision.SnapshotReader;

/**
 * Which snapshot values a run records per decision point: the traces' summary ({@link PolicyCaller#SUMMARY_NAMES})
 * and the behaviour-model features, each name in one column however many of the two lists name it (the default
 * features include the whole summary).
 */
final class SnapshotLayout {
    final BehaviourFeatures behaviour;
    final SnapshotReader reader; // reads every column's name, in column order
    final int[] summary; // column of each summary name
    final int[] features; // column of each behaviour feature

    SnapshotLayout(DecisionPointExtractor extractor, BehaviourFeatures behaviour) {
        this.behaviour = behaviour;
        List<String> columns = new ArrayList<>(PolicyCaller.SUMMARY_NAMES);
        summary = new int[columns.size()];
        for (int i = 0; i < summary.length; i++) {
            summary[i] = i;
        }
        List<String> names = behaviour.names();
        features = new int[names.size()];
        for (int i = 0; i < features.length; i++) {
            int c = columns.indexOf(names.get(i));
            if (c < 0) {
                c = columns.size();
                columns.add(names.get(i));
            }
            features[i] = c;
        }
        reader = SnapshotReader.of(extractor, columns);
    }

    int columns() {
        return reader.names().size();
    }
}
