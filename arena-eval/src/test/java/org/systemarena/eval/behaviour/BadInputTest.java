package org.systemarena.eval.behaviour;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;

class BadInputTest {
    private static final List<String> RULES = List.of("triage", "close");
    private static final List<String> ACTIONS = List.of("call", "wait");

    private static BehaviourData data(int cases, int[] caseOf, int[] rule, int[] action, List<FeatureColumn> features) {
        return BehaviourData.of(cases, caseOf, RULES, rule, ACTIONS, action, features);
    }

    @Test
    void perStepArraysMustHaveOneEntryPerStep() {
        assertThatThrownBy(() -> data(2, new int[] {0, 1, 1}, new int[] {0, 1}, new int[] {0, 0, 1}, List.of()))
                .isInstanceOf(ArenaException.class)
                .hasMessage("behaviour data: rule has 2 entries but caseOf has 3 (one per step)");
        assertThatThrownBy(() -> data(2, new int[] {0, 1, 1}, new int[] {0, 1, 0}, new int[] {0, 1}, List.of()))
                .isInstanceOf(ArenaException.class)
                .hasMessage("behaviour data: loggedAction has 2 entries but caseOf has 3 (one per step)");
        assertThatThrownBy(() -> data(2, new int[] {0, 1, 1}, new int[] {0, 1, 0}, new int[] {0, 1, 1},
                List.of(NumericFeature.of("age", 1, 2))))
                .isInstanceOf(ArenaException.class)
                .hasMessage("behaviour data: feature 'age' has 2 values but there are 3 steps (caseOf has 3 entries)");
    }

    @Test
    void indicesMustBeInRange() {
        assertThatThrownBy(() -> data(2, new int[] {0, 2}, new int[] {0, 1}, new int[] {0, 1}, List.of()))
                .isInstanceOf(ArenaException.class)
                .hasMessage("behaviour data: step 1 has case 2, outside 0..1 (cases = 2)");
        assertThatThrownBy(() -> data(2, new int[] {0, 1}, new int[] {0, 2}, new int[] {0, 1}, List.of()))
                .isInstanceOf(ArenaException.class)
                .hasMessage("behaviour data: step 1 has rule 2, outside 0..1 (rules [triage, close])");
        assertThatThrownBy(() -> data(2, new int[] {0, 1}, new int[] {0, 1}, new int[] {-2, 1}, List.of()))
                .isInstanceOf(ArenaException.class)
                .hasMessage("behaviour data: step 0 has logged action -2, outside -1..1 (actions [call, wait], -1 = no"
                        + " action)");
        assertThatThrownBy(() -> data(-1, new int[0], new int[0], new int[0], List.of()))
                .isInstanceOf(ArenaException.class).hasMessage("behaviour data: cases must be >= 0, got -1");
    }

    @Test
    void namesMustBeDistinct() {
        assertThatThrownBy(() -> BehaviourData.of(1, new int[] {0}, List.of("a", "a"), new int[] {0}, ACTIONS,
                new int[] {0}, List.of()))
                .isInstanceOf(ArenaException.class).hasMessage("behaviour data: rule 'a' appears twice");
        assertThatThrownBy(() -> BehaviourData.of(1, new int[] {0}, RULES, new int[] {0}, List.of("x", "x"),
                new int[] {0}, List.of()))
                .isInstanceOf(ArenaException.class).hasMessage("behaviour data: action 'x' appears twice");
        assertThatThrownBy(() -> data(1, new int[] {0}, new int[] {0}, new int[] {0},
                List.of(NumericFeature.of("age", 1), NumericFeature.of("age", 2))))
                .isInstanceOf(ArenaException.class).hasMessage("behaviour data: feature name 'age' appears twice");
    }

    @Test
    void featureValuesAreChecked() {
        assertThatThrownBy(() -> new CategoricalFeature("region", new int[] {0, 3, -1}, List.of("n", "s", "e")))
                .isInstanceOf(ArenaException.class)
                .hasMessage("categorical feature 'region': step 1 has code 3, outside -1..2 (3 levels, -1 = missing)");
        assertThatThrownBy(() -> new CategoricalFeature("region", new int[] {-2}, List.of("n")))
                .isInstanceOf(ArenaException.class)
                .hasMessage("categorical feature 'region': step 0 has code -2, outside -1..0 (1 level, -1 = missing)");
        assertThatThrownBy(() -> new CategoricalFeature("region", new int[] {0}, List.of("n", "n")))
                .isInstanceOf(ArenaException.class)
                .hasMessage("categorical feature 'region': level 'n' appears twice");
        assertThatThrownBy(() -> NumericFeature.of("age", 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(ArenaException.class)
                .hasMessage("numeric feature 'age': step 1 has the infinite value Infinity (use NaN for a missing"
                        + " value)");
    }

    @Test
    void settingsAreChecked() {
        BehaviourSettings d = BehaviourSettings.defaults(1);
        assertThatThrownBy(() -> d.withFolds(1)).isInstanceOf(ArenaException.class)
                .hasMessage("behaviour model folds must be at least 2, got 1");
        assertThatThrownBy(() -> d.withL2(0)).isInstanceOf(ArenaException.class)
                .hasMessage("behaviour model L2 penalty must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> d.withSmoothing(Double.NaN)).isInstanceOf(ArenaException.class)
                .hasMessage("behaviour model smoothing must be a finite number > 0, got NaN");
        assertThatThrownBy(() -> d.withQuantileBins(0)).isInstanceOf(ArenaException.class)
                .hasMessage("behaviour model quantile bins must be at least 1 (1 = no bins), got 0");
        assertThatThrownBy(() -> d.withMaxLevels(0)).isInstanceOf(ArenaException.class)
                .hasMessage("behaviour model max levels must be at least 1, got 0");
        assertThatThrownBy(() -> d.withMaxTrainingRows(0)).isInstanceOf(ArenaException.class)
                .hasMessage("behaviour model max training rows must be at least 1, got 0");
    }

    @Test
    void inputsAreCopiedIn() {
        double[] values = {1, 2};
        NumericFeature f = NumericFeature.of("age", values);
        values[0] = 99;
        int[] action = {0, 1};
        BehaviourData data = data(1, new int[] {0, 0}, new int[] {0, 0}, action, List.of(f));
        action[0] = 1;
        org.assertj.core.api.Assertions.assertThat(f.value(0)).isEqualTo(1.0);
        org.assertj.core.api.Assertions.assertThat(data.loggedAction(0)).isZero();
    }
}
