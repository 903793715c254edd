package org.systemarena.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;

class AgreementTest {
    private static final List<String> ACTIONS = List.of("call", "email", "wait");

    @Test
    void matchRateAndConfusionMatrixByHand() {
        String[] logged = {"call", "call", "email", "wait", null, "wait", "email"};
        String[] decided = {"call", "email", "email", "call", "call", null, "email"};

        Agreement a = Agreement.ofNames(ACTIONS, logged, decided);

        assertThat(a.decisions()).isEqualTo(7);
        assertThat(a.missingLogged()).isEqualTo(1);
        assertThat(a.undecided()).isEqualTo(1);
        assertThat(a.compared()).isEqualTo(5);
        assertThat(a.matches()).isEqualTo(3);
        assertThat(a.matchRate()).isEqualTo(0.6);
        assertThat(a.confusion()).isEqualTo(new long[][] {
            {1, 1, 0},
            {0, 2, 0},
            {1, 0, 0},
        });
        assertThat(a.count(2, 0)).isEqualTo(1);
    }

    @Test
    void codesAndNamesGiveTheSameResult() {
        Agreement byCode = Agreement.of(ACTIONS, new int[] {0, 0, 1, 2, -1, 2, 1}, new int[] {0, 1, 1, 0, 0, -1, 1});
        assertThat(byCode.confusion()).isEqualTo(Agreement.ofNames(ACTIONS,
                new String[] {"call", "call", "email", "wait", null, "wait", "email"},
                new String[] {"call", "email", "email", "call", "call", null, "email"}).confusion());
    }

    @Test
    void matrixIsACopy() {
        Agreement a = Agreement.of(ACTIONS, new int[] {0}, new int[] {0});
        a.confusion()[0][0] = 99;
        assertThat(a.count(0, 0)).isEqualTo(1);
    }

    @Test
    void nothingComparableGivesAnUndefinedRate() {
        Agreement a = Agreement.of(ACTIONS, new int[] {-1, -1}, new int[] {0, 1});
        assertThat(a.compared()).isZero();
        assertThat(a.matchRate()).isNaN();
    }

    @Test
    void badInputNamesTheDecisionAndValue() {
        assertThatThrownBy(() -> Agreement.ofNames(ACTIONS, new String[] {"call", "fax"}, new String[] {"call", "call"}))
                .isInstanceOf(ArenaException.class)
                .hasMessage("agreement: logged action 'fax' at decision 1 is not one of [call, email, wait]");
        assertThatThrownBy(() -> Agreement.of(ACTIONS, new int[] {3}, new int[] {0}))
                .isInstanceOf(ArenaException.class)
                .hasMessage("agreement: logged action code 3 at decision 0 is outside [-1, 2]");
        assertThatThrownBy(() -> Agreement.of(ACTIONS, new int[] {0}, new int[] {0, 1}))
                .isInstanceOf(ArenaException.class).hasMessage("agreement: 1 logged actions but 2 decisions");
    }
}
