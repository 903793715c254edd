package org.systemarena.eval.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;

class EpisodeAssemblerTest {
    private static final double NaN = Double.NaN;

    @Test
    void completeLoggedPropensitiesAreUsedAsTheyAre() {
        EpisodeSet set = EpisodeAssembler.assemble(List.of(
                LoggedCase.of("a", 1, List.of(LoggedStep.of("r1", "call", 2, 0.4, 1.0), LoggedStep.of("r1", "wait", 2, 0.6, 0.0))),
                LoggedCase.of("b", 0, List.of(LoggedStep.of("r1", "call", 2, 0.4, 1.0)))));
        assertThat(set.propensities()).isEqualTo(PropensitySource.LOGGED);
        assertThat(set.episodes().get(0)).isEqualTo(Episode.of("a", 1, new double[] {1.0, 0.0}, new double[] {0.4, 0.6}));
    }

    @Test
    void aMissingPropensitySwitchesEveryDecisionToTheSmoothedEmpiricalModel() {
        // Key r1: call x3, wait x1, 3 allowed actions; key r2: email x1, 2 allowed actions.
        List<LoggedCase> cases = List.of(
                LoggedCase.of("a", 1, List.of(LoggedStep.of("r1", "call", 3, 0.5, 1.0), LoggedStep.of("r2", "email", 2, NaN, 0.5))),
                LoggedCase.of("b", 0, List.of(LoggedStep.of("r1", "call", 3, 0.5, 1.0))),
                LoggedCase.of("c", 0, List.of(LoggedStep.of("r1", "wait", 3, 0.0, 0.0), LoggedStep.of("r1", "call", 3, 0.5, 1.0))),
                LoggedCase.of("d", 1, List.of(LoggedStep.of("r1", null, 3, NaN, 0.7))));

        EpisodeSet set = EpisodeAssembler.assemble(cases, 1.0);

        assertThat(set.propensities().estimated()).isTrue();
        assertThat(set.propensities().description()).isEqualTo("of 5 logged decisions, 1 lack a propensity and 1 have"
                + " one outside (0, 1]; used for all decisions: empirical action frequencies per state key (2 keys,"
                + " 5 logged decisions), additive smoothing alpha=1.0");
        // mu(call|r1) = (3+1)/(4+3) ; mu(wait|r1) = (1+1)/(4+3) ; mu(email|r2) = (1+1)/(1+2)
        assertThat(set.episodes().get(0).loggedPropensities()).containsExactly(4.0 / 7.0, 2.0 / 3.0);
        assertThat(set.episodes().get(2).loggedPropensities()).containsExactly(2.0 / 7.0, 4.0 / 7.0);
        // No logged action: pi and mu stay unknown, and the estimator excludes the case with a warning.
        assertThat(set.episodes().get(3).targetProbabilities()[0]).isNaN();
        assertThat(set.episodes().get(3).loggedPropensities()[0]).isNaN();
    }

    @Test
    void modelWithoutSmoothingIsPlainFrequencies() {
        EmpiricalBehaviourModel m = EmpiricalBehaviourModel.fit(List.of(
                LoggedCase.of("a", 1, List.of(LoggedStep.of("k", "x", 2, NaN, 1), LoggedStep.of("k", "y", 2, NaN, 1),
                        LoggedStep.of("k", "x", 2, NaN, 1)))), 0.0);
        assertThat(m.propensity("k", "x")).isEqualTo(2.0 / 3.0);
        assertThat(m.propensity("k", "y")).isEqualTo(1.0 / 3.0);
        assertThat(m.propensity("k", "z")).isZero();
        assertThatThrownBy(() -> m.propensity("other", "x")).isInstanceOf(ArenaException.class)
                .hasMessage("behaviour model has no logged decision for state key 'other'");
    }

    @Test
    void theEstimateSaysWhenTheBehaviourModelIsEstimated() {
        EpisodeSet set = EpisodeAssembler.withEstimatedBehaviour(List.of(
                LoggedCase.of("a", 1, List.of(LoggedStep.of("k", "x", 2, 0.5, 1.0)))), 1.0);
        OffPolicyEstimate e = OffPolicyEstimator.of(BootstrapSettings.of(1)).estimate(set);
        assertThat(e.propensities().estimated()).isTrue();
        assertThat(e.warnings().get(0).code()).isEqualTo(EstimateWarning.Code.ESTIMATED_BEHAVIOUR_MODEL);
        assertThat(e.warnings().get(0).message()).isEqualTo("propensities come from an estimated behaviour model, not"
                + " the log: empirical action frequencies per state key (1 keys, 1 logged decisions), additive"
                + " smoothing alpha=1.0");
        // mu(x|k) = (1+1)/(1+2) = 2/3, w = 1.5
        assertThat(e.ips().value()).isEqualTo(1.5);
    }
}
