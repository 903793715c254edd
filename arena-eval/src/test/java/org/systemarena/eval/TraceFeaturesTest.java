package org.systemarena.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.eval.behaviour.CategoricalFeature;
import org.systemarena.eval.behaviour.FeatureColumn;
import org.systemarena.eval.behaviour.NumericFeature;
import org.systemarena.replay.BenchmarkRunner;
import org.systemarena.replay.TraceTable;

class TraceFeaturesTest {
    @Test
    void snapshotColumnsBecomeNumericAndCategoricalColumnsRowForRow() {
        TraceTable table = BenchmarkRunner.of(TinyLog.manifestWithDefaultFeatures(), TinyLog.log())
                .run(TinyLog.caller()).table();
        TraceFeatures f = TraceFeatures.of(table);
        assertThat(f.leftOut()).isEmpty();
        assertThat(f.columns()).extracting(FeatureColumn::name).containsExactlyElementsOf(table.behaviourFeatures());
        NumericFeature budget = (NumericFeature) f.columns().get(table.behaviourFeatures().indexOf("budget"));
        // Rows in case order (cases by their first event): A's two decision points, C's (no budget), B's.
        assertThat(List.of(table.caseId(0), table.caseId(1), table.caseId(2))).containsExactly("A", "C", "B");
        assertThat(budget.values()).containsExactly(20_000, 20_000, Double.NaN, 5_000);
        NumericFeature days = (NumericFeature) f.columns().get(
                table.behaviourFeatures().indexOf("days_since_last_contact"));
        assertThat(days.values()).containsOnly(Double.NaN); // no interaction in the tiny log
        CategoricalFeature activity = (CategoricalFeature) f.columns().get(
                table.behaviourFeatures().indexOf("activity"));
        assertThat(activity.levels()).containsExactly("timer.elapsed");
        assertThat(activity.codes()).containsExactly(0, 0, 0, 0);
        assertThat(List.of(f.columns().get(table.behaviourFeatures().indexOf("check")).kind()))
                .containsExactly("categorical");
    }
}
