package org.systemarena.eval.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;

class SupportCheckTest {
    // Two rules, three actions (a, b, c). The log took a and b at rule 0 and only a at rule 1.
    private static final List<String> ACTIONS = List.of("a", "b", "c");
    private static final List<String> RULES = List.of("r0", "r1");
    private static final int[] RULE = {0, 0, 1, 1};
    private static final boolean[] LOGGED = {true, true, false, true, false, false};
    // The reference: b at 0.005 at row 1 (below the floor 0.01), exactly 0.01 at row 0 (not below).
    private static final double[] REFERENCE = {
        0.99, 0.01, 0.0,
        0.995, 0.005, 0.0,
        1.0, 0.0, 0.0,
        1.0, 0.0, 0.0};

    @Test
    void neverLoggedAtTheRuleAndBelowTheFloorAreUnsupported() {
        SupportCheck check = new SupportCheck(ACTIONS, RULES, RULE, LOGGED, REFERENCE, 0.01, "test model");
        assertThat(check.supported(0, 1)).isTrue();   // exactly at the floor
        assertThat(check.supported(1, 1)).isFalse();  // below it
        assertThat(check.supported(2, 1)).isFalse();  // b never logged at r1
        assertThat(check.supported(0, 2)).isFalse();  // c never logged anywhere
        // A target: row 0 a .5 b .5; row 1 b 1; row 2 a .7 b .3; row 3 a 1; one voided decision would be NaN.
        double[] target = {0.5, 0.5, 0, 0, 1, 0, 0.7, 0.3, 0, 1, 0, 0};
        SupportMass m = check.measure(target);
        assertThat(m.decisions()).isEqualTo(4);
        assertThat(m.unsupportedDecisions()).isEqualTo(2);
        assertThat(m.unsupportedMass()).isCloseTo((1.0 + 0.3) / 4, within(1e-15));
        assertThat(m.actions()).containsExactly(new UnsupportedAction("r0", "b", false, 1, 1.0),
                new UnsupportedAction("r1", "b", true, 1, 0.3));
        assertThat(m.reference()).isEqualTo("test model");
    }

    @Test
    void withoutAReferenceOnlyNeverLoggedCounts() {
        SupportCheck check = new SupportCheck(ACTIONS, RULES, RULE, LOGGED, null, 0.01, "rules only");
        double[] target = {0.5, 0.5, 0, 0, 1, 0, 0.7, 0.3, 0, Double.NaN, Double.NaN, Double.NaN};
        SupportMass m = check.measure(target);
        assertThat(m.decisions()).isEqualTo(3);
        assertThat(m.unsupportedMass()).isCloseTo(0.3 / 3, within(1e-15));
    }

    @Test
    void shapesAreChecked() {
        assertThatThrownBy(() -> new SupportCheck(ACTIONS, RULES, RULE, new boolean[5], null, 0.01, "x"))
                .isInstanceOf(ArenaException.class).hasMessage("loggedAtRule has 5 entries, expected 2 rules x 3"
                        + " actions");
        SupportCheck check = new SupportCheck(ACTIONS, RULES, RULE, LOGGED, null, 0.01, "x");
        assertThatThrownBy(() -> check.measure(new double[3])).isInstanceOf(ArenaException.class)
                .hasMessage("target has 3 entries, expected 4 decision points x 3 actions");
    }
}
