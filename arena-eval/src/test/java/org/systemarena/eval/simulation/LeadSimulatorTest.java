package org.systemarena.eval.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The regimes' logs have the properties the verdict tests rely on. */
class LeadSimulatorTest {
    private static final int WORLDS = 40;

    static Stream<Named<Regime>> regimes() {
        return Regime.ALL.stream().map(r -> Named.of(r.name(), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regimes")
    void everyLogIsWellFormed(Regime regime) {
        SimulatedLog log = LeadSimulator.simulate(regime, 1);
        int k = regime.actions().size();
        assertThat(log.cases()).isEqualTo(regime.cases());
        assertThat(log.actions()).isEqualTo(regime.actions());
        assertThat(log.caseStart(0)).isZero();
        assertThat(log.caseStart(log.cases())).isEqualTo(log.steps());
        for (int c = 0; c < log.cases(); c++) {
            assertThat(log.caseStart(c + 1)).as("case %d has a step", c).isGreaterThan(log.caseStart(c));
            assertThat(log.reward(c)).isIn(0.0, 1.0);
            assertThat(log.caseId(c)).isEqualTo("lead-" + c);
            for (int s = log.caseStart(c); s < log.caseStart(c + 1); s++) {
                assertThat(log.numericFeature(s, 1)).as("check_in counts from 0").isEqualTo(s - log.caseStart(c));
                assertThat(log.rule(s)).isEqualTo(s == log.caseStart(c) ? "first_contact" : "follow_up");
                assertThat(log.numericFeature(s, 0)).isBetween(0.5, LeadDynamics.COLD_AFTER_DAYS);
                assertThat(log.numericFeature(s, 2)).isPositive();
                assertThat(log.categoricalFeature(s, 0)).isIn("web", "referral", "event");
                // A lead's budget and source are fixed for the case.
                assertThat(log.numericFeature(s, 2)).isEqualTo(log.numericFeature(log.caseStart(c), 2));
                assertThat(log.categoricalFeature(s, 0)).isEqualTo(log.categoricalFeature(log.caseStart(c), 0));
            }
        }
        assertThat(log.numericFeatureNames()).containsExactly("days_since_last_contact", "check_in", "budget");
        assertThat(log.categoricalFeatureNames()).containsExactly("source");
        assertThat(log.distributionLogged()).isFalse();
        for (int s = 0; s < log.steps(); s++) {
            double sum = 0.0;
            for (int a = 0; a < k; a++) {
                sum += log.loggingProbability(s, a);
            }
            assertThat(sum).isCloseTo(1.0, within(1e-12));
            for (int a = Actions.CALL; a <= Actions.WAIT; a++) {
                assertThat(log.loggingProbability(s, a)).as("full support over call/email/wait").isPositive();
            }
            double mu = log.loggingProbability(s, log.loggedAction(s));
            if (regime.propensitiesLogged()) {
                assertThat(log.loggedPropensity(s)).isEqualTo(mu);
            } else {
                assertThat(log.loggedPropensity(s)).isNaN();
            }
        }
    }

    @Test
    void baselineLikeLogsGiveEveryActionAtLeastATenth() {
        for (Regime regime : List.of(Regime.BASELINE, Regime.UNSUPPORTED_ACTION, Regime.SMALL_LOG,
                Regime.LONG_HORIZON)) {
            SimulatedLog log = LeadSimulator.simulate(regime, 2);
            for (int s = 0; s < log.steps(); s++) {
                for (int a = Actions.CALL; a <= Actions.WAIT; a++) {
                    assertThat(log.loggingProbability(s, a)).as(regime.name()).isGreaterThanOrEqualTo(0.1 - 1e-12);
                }
            }
        }
        assertThat(Regime.SMALL_LOG.cases()).isEqualTo(300);
        assertThat(Regime.BASELINE.cases()).isEqualTo(2_000);
    }

    @Test
    void escalateIsNeverLoggedAndHasProbabilityExactlyZero() {
        assertThat(Regime.UNSUPPORTED_ACTION.actions()).containsExactly("call", "email", "wait", "escalate");
        for (int seed = 1; seed <= WORLDS; seed++) {
            SimulatedLog log = LeadSimulator.simulate(Regime.UNSUPPORTED_ACTION, seed);
            for (int s = 0; s < log.steps(); s++) {
                assertThat(log.loggedAction(s)).isNotEqualTo(Actions.ESCALATE);
                assertThat(log.loggingProbability(s, Actions.ESCALATE)).isZero();
            }
        }
    }

    @Test
    void nearDeterministicLoggingPutsNinetySevenPercentOnEmail() {
        long steps = 0;
        long emails = 0;
        for (int seed = 1; seed <= WORLDS; seed++) {
            SimulatedLog log = LeadSimulator.simulate(Regime.NEAR_DETERMINISTIC_LOGGING, seed);
            for (int s = 0; s < log.steps(); s++) {
                assertThat(log.loggingProbability(s, Actions.EMAIL)).isEqualTo(0.97);
                assertThat(log.loggingProbability(s, Actions.CALL)).isEqualTo(0.015);
                assertThat(log.loggingProbability(s, Actions.WAIT)).isEqualTo(0.015);
                emails += log.loggedAction(s) == Actions.EMAIL ? 1 : 0;
            }
            steps += log.steps();
        }
        // About 210,000 steps: the share's standard deviation is 0.0004.
        assertThat((double) emails / steps).isCloseTo(0.97, within(0.002));
    }

    @Test
    void longHorizonHasAboutEightDecisionPointsPerCaseWithinThirtyDays() {
        long steps = 0;
        long cases = 0;
        int longest = 0;
        for (int seed = 1; seed <= WORLDS; seed++) {
            SimulatedLog log = LeadSimulator.simulate(Regime.LONG_HORIZON, seed);
            steps += log.steps();
            cases += log.cases();
            for (int c = 0; c < log.cases(); c++) {
                longest = Math.max(longest, log.caseStart(c + 1) - log.caseStart(c));
            }
        }
        double perCase = (double) steps / cases;
        System.out.printf("long_horizon: %.3f decision points per case (longest case %d)%n", perCase, longest);
        assertThat(perCase).isBetween(7.5, 8.5);
        // Gaps of at least a day in 30 days: the check-in cap never binds.
        assertThat(longest).isLessThanOrEqualTo(31).isLessThan(Regime.LONG_HORIZON.horizon().maxCheckIns());

        double baseline = LeadSimulator.simulate(Regime.BASELINE, 1).decisionPointsPerCase();
        assertThat(baseline).isBetween(2.0, 3.0);
    }

    @Test
    void perRuleActionFrequenciesAreClearlyWrongWhenPropensitiesAreMissing() {
        double deviation = 0.0;
        long entries = 0;
        int belowFivePercent = 0;
        double smallest = 1.0;
        for (int seed = 1; seed <= WORLDS; seed++) {
            SimulatedLog log = LeadSimulator.simulate(Regime.MISSING_PROPENSITIES, seed);
            assertThat(log.distributionLogged()).isFalse();
            double[][] frequencies = perRuleFrequencies(log);
            for (int s = 0; s < log.steps(); s++) {
                double[] f = frequencies[log.numericFeature(s, 1) == 0 ? 0 : 1];
                for (int a = 0; a < 3; a++) {
                    double mu = log.loggingProbability(s, a);
                    deviation += Math.abs(f[a] - mu);
                    entries++;
                    smallest = Math.min(smallest, mu);
                    belowFivePercent += mu < 0.05 ? 1 : 0;
                }
            }
        }
        System.out.printf("missing_propensities: mean |rule frequency - propensity| %.4f, smallest propensity %.4f,"
                + " %.2f%% below 0.05%n", deviation / entries, smallest, 100.0 * belowFivePercent / entries);
        assertThat(deviation / entries).isGreaterThan(0.08);
        assertThat(smallest).isGreaterThan(0.01);
        assertThat((double) belowFivePercent / entries).isLessThan(0.01);
    }

    /** frequencies[rule][action], rule 0 = first_contact, 1 = follow_up. */
    static double[][] perRuleFrequencies(SimulatedLog log) {
        double[][] counts = new double[2][log.actions().size()];
        double[] totals = new double[2];
        for (int s = 0; s < log.steps(); s++) {
            int rule = log.rule(s).equals(SimulatedLog.FIRST_CONTACT) ? 0 : 1;
            counts[rule][log.loggedAction(s)]++;
            totals[rule]++;
        }
        for (int rule = 0; rule < 2; rule++) {
            for (int a = 0; a < counts[rule].length; a++) {
                counts[rule][a] /= totals[rule];
            }
        }
        return counts;
    }

    @Test
    void aSeedGivesTheSameLogAndTheSameLeadsInEveryRegime() {
        SimulatedLog a = LeadSimulator.simulate(Regime.BASELINE, 7);
        SimulatedLog b = LeadSimulator.simulate(Regime.BASELINE, 7);
        assertThat(b.steps()).isEqualTo(a.steps());
        for (int s = 0; s < a.steps(); s++) {
            assertThat(b.loggedAction(s)).isEqualTo(a.loggedAction(s));
            assertThat(b.numericFeature(s, 0)).isEqualTo(a.numericFeature(s, 0));
        }
        SimulatedLog other = LeadSimulator.simulate(Regime.MISSING_PROPENSITIES, 7);
        for (int c = 0; c < a.cases(); c++) {
            for (int f = 0; f < 3; f++) {
                assertThat(other.numericFeature(other.caseStart(c), f)).isEqualTo(a.numericFeature(a.caseStart(c), f));
            }
            assertThat(other.categoricalFeature(other.caseStart(c), 0))
                    .isEqualTo(a.categoricalFeature(a.caseStart(c), 0));
        }
        assertThat(LeadSimulator.simulate(Regime.BASELINE, 8).observedConversion())
                .isNotEqualTo(a.observedConversion());
    }

    @Test
    void theDistributionFlagIsSeparateFromThePropensities() {
        Regime both = Regime.BASELINE.withDistributionLogged(true);
        Regime distributionOnly = Regime.MISSING_PROPENSITIES.withDistributionLogged(true);
        assertThat(LeadSimulator.simulate(both, 1).distributionLogged()).isTrue();
        SimulatedLog log = LeadSimulator.simulate(distributionOnly, 1);
        assertThat(log.distributionLogged()).isTrue();
        assertThat(log.loggedPropensity(0)).isNaN();
        assertThat(log.loggingProbability(0, log.loggedAction(0))).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regimes")
    void targetsGiveDistributionsAndDeterministicOnesPickOneAction(Regime regime) {
        SimulatedLog log = LeadSimulator.simulate(regime, 3);
        int k = regime.actions().size();
        List<Target> targets = Target.forRegime(regime);
        assertThat(targets).extracting(Target::name).contains("historical", "softened logging", "always call",
                "always wait", "call if >= 5 days since contact else wait", "uniform random", "call or email 50/50");
        assertThat(targets.stream().anyMatch(t -> t.name().startsWith("escalate"))).isEqualTo(regime.hasEscalate());
        Map<String, Integer> used = new HashMap<>();
        for (Target t : targets) {
            double[] p = log.targetProbabilities(t);
            assertThat(p).hasSize(log.steps() * k);
            for (int s = 0; s < log.steps(); s++) {
                double sum = 0.0;
                for (int a = 0; a < k; a++) {
                    double q = p[s * k + a];
                    assertThat(q).isBetween(0.0, 1.0);
                    if (t.deterministic()) {
                        assertThat(q).as(t.name()).isIn(0.0, 1.0);
                    }
                    sum += q;
                }
                assertThat(sum).as(t.name()).isCloseTo(1.0, within(1e-12));
            }
            used.merge(t.name(), 1, Integer::sum);
        }
        assertThat(used.values()).as("names are unique").containsOnly(1);

        double[] historical = log.targetProbabilities(Target.historical(regime));
        double[] uniform = log.targetProbabilities(Target.UNIFORM_RANDOM);
        double[] softened = log.targetProbabilities(Target.softenedLogging(regime));
        for (int s = 0; s < log.steps(); s++) {
            for (int a = 0; a < k; a++) {
                assertThat(historical[s * k + a]).isEqualTo(log.loggingProbability(s, a));
                assertThat(uniform[s * k + a]).isEqualTo(1.0 / k);
                double mix = 0.8 * log.loggingProbability(s, a) + (a <= Actions.WAIT ? 0.2 / 3 : 0.0);
                assertThat(softened[s * k + a]).isCloseTo(mix, within(1e-12));
            }
        }
    }

    @Test
    void anEscalatingTargetNeedsARegimeWithEscalate() {
        SimulatedLog log = LeadSimulator.simulate(Regime.SMALL_LOG, 1);
        assertThatThrownBy(() -> log.targetProbabilities(Target.ESCALATE_IF_5_DAYS_ELSE_WAIT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no escalate");
        assertThatThrownBy(() -> Regime.BASELINE.withActions(List.of("call", "wait")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
