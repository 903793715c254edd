package org.systemarena.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.core.Action;
import org.systemarena.core.ArenaException;

class BaselinePoliciesTest {
    private static final List<Action> ACTIONS = List.of(Action.of("send_email"), Action.of("make_call"),
            Action.of("wait"), Action.of("escalate"));

    @Test
    void thresholdPolicyComparesStrictlyAndScoresByValue() {
        ThresholdPolicy p = ThresholdPolicy.of("days_since_last_contact", 3, "make_call", "wait");
        Decision above = p.decide(MapSnapshot.of("c", Map.of("days_since_last_contact", 3.5)), ACTIONS);
        Decision equal = p.decide(MapSnapshot.of("c", Map.of("days_since_last_contact", 3L)), ACTIONS);
        Decision missing = p.decide(MapSnapshot.of("c", Map.of()), ACTIONS);
        assertThat(above.action()).isEqualTo("make_call");
        assertThat(above.score()).isEqualTo(3.5);
        assertThat(above.reasoning()).isEqualTo("days_since_last_contact = 3.5 > 3.0 -> make_call");
        assertThat(equal.action()).isEqualTo("wait");
        assertThat(missing.action()).isEqualTo("wait");
        assertThat(missing.score()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(above.probabilityOf("make_call")).isEqualTo(1.0);
        assertThat(above.probabilityOf("wait")).isEqualTo(0.0);
        assertThatThrownBy(() -> p.decide(MapSnapshot.of("c", Map.of("days_since_last_contact", "soon")), ACTIONS))
                .isInstanceOf(ArenaException.class)
                .hasMessage("threshold field 'days_since_last_contact' is not numeric: String 'soon'");
    }

    @Test
    void randomPolicyIsSeededPerDecisionAndUniform() {
        RandomPolicy p = RandomPolicy.withSeed(7);
        Map<String, Integer> counts = new HashMap<>();
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            MapSnapshot s = new MapSnapshot("case-" + i, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i),
                    Map.of("total_events", (long) (i % 5)));
            Decision d = p.decide(s, ACTIONS);
            assertThat(d).isEqualTo(p.decide(s, ACTIONS)); // same snapshot, same draw
            assertThat(d.probabilityOf(d.action())).isEqualTo(0.25);
            counts.merge(d.action(), 1, Integer::sum);
        }
        // each action ~ Binomial(40000, 0.25): sd ~ 87, so 5 sd ~ 433
        for (Action a : ACTIONS) {
            assertThat(counts.get(a.type())).isBetween(10_000 - 433, 10_000 + 433);
        }
        RandomPolicy other = RandomPolicy.withSeed(8);
        int differ = 0;
        for (int i = 0; i < 100; i++) {
            MapSnapshot s = MapSnapshot.of("case-" + i, Map.of());
            if (!other.decide(s, ACTIONS).action().equals(p.decide(s, ACTIONS).action())) {
                differ++;
            }
        }
        assertThat(differ).isGreaterThan(50);
    }

    @Test
    void decisionValidatesProbabilities() {
        assertThatThrownBy(() -> Decision.of("a").withProbabilities(Map.of("a", 0.5, "b", 0.4)))
                .isInstanceOf(ArenaException.class).hasMessageStartingWith("probabilities must sum to 1, got 0.9");
        assertThatThrownBy(() -> Decision.of("a").withProbabilities(Map.of("a", 0.0, "b", 1.0)))
                .hasMessageStartingWith("chosen action 'a' has probability 0");
        assertThatThrownBy(() -> Decision.of("a").withProbabilities(Map.of("a", 1.5, "b", -0.5)))
                .hasMessageContaining("must be in [0, 1]");
        assertThatThrownBy(() -> Decision.of("a").withConfidence(2)).hasMessage("confidence must be in [0, 1], got 2.0");
        Decision d = Decision.of("a").withProbabilities(Map.of("a", 0.75, "b", 0.25));
        assertThat(d.isDeterministic()).isFalse();
        assertThat(d.probabilityOf("b")).isEqualTo(0.25);
    }

    @Test
    void fallbackTakesOverOnErrorsAndDisallowedActions() {
        Policy broken = new Policy() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Decision decide(org.systemarena.core.CaseSnapshot s, List<Action> allowed) {
                throw new IllegalStateException("model offline");
            }
        };
        Decision d = FallbackPolicy.of(broken, ConstantPolicy.of("wait")).decide(MapSnapshot.of("c", Map.of()), ACTIONS);
        assertThat(d.action()).isEqualTo("wait");
        assertThat(d.metadata()).containsEntry("fallback_reason", "primary failed: model offline");
        Decision d2 = FallbackPolicy.of(ConstantPolicy.of("fax"), ConstantPolicy.of("wait"))
                .decide(MapSnapshot.of("c", Map.of()), ACTIONS);
        assertThat(d2.metadata()).containsEntry("fallback_reason", "primary chose disallowed action fax");
        Decision d3 = FallbackPolicy.of(ConstantPolicy.of("make_call"), ConstantPolicy.of("wait"))
                .decide(MapSnapshot.of("c", Map.of()), ACTIONS);
        assertThat(d3.action()).isEqualTo("make_call");
        assertThat(d3.metadata()).isEmpty();
    }

    /** The runner's context reaches both policies behind a fallback (an agent needs the decision id). */
    @Test
    void fallbackPassesTheDecisionContextOn() {
        List<String> seen = new java.util.ArrayList<>();
        class Recording implements Policy {
            private final String action;

            Recording(String action) {
                this.action = action;
            }

            @Override
            public String name() {
                return action;
            }

            @Override
            public Decision decide(org.systemarena.core.CaseSnapshot s, List<Action> allowed) {
                seen.add(action + " without context");
                return Decision.of(action);
            }

            @Override
            public Decision decide(DecisionContext context, org.systemarena.core.CaseSnapshot s, List<Action> allowed) {
                seen.add(action + " at " + context.decisionId() + " (" + context.rule() + ")");
                return Decision.of(action);
            }
        }
        Policy p = FallbackPolicy.of(new Recording("fax"), new Recording("wait"));
        DecisionContext context = new DecisionContext("e7/follow_up_check", "follow_up_check");
        assertThat(p.decide(context, MapSnapshot.of("c", Map.of()), ACTIONS).action()).isEqualTo("wait");
        assertThat(p.decide(MapSnapshot.of("c", Map.of()), ACTIONS).action()).isEqualTo("wait");
        assertThat(seen).containsExactly("fax at e7/follow_up_check (follow_up_check)",
                "wait at e7/follow_up_check (follow_up_check)", "fax without context", "wait without context");
        // A policy that does not override the context form is asked as before.
        assertThat(ConstantPolicy.of("wait").decide(context, MapSnapshot.of("c", Map.of()), ACTIONS).action())
                .isEqualTo("wait");
    }

    @Test
    void compositeRoutesByGuard() {
        CompositePolicy p = CompositePolicy.builder("router")
                .when("qualified", s -> "qualified".equals(s.get("status")), ConstantPolicy.of("make_call"))
                .otherwise(ConstantPolicy.of("send_email"));
        Decision q = p.decide(MapSnapshot.of("c", Map.of("status", "qualified")), ACTIONS);
        Decision o = p.decide(MapSnapshot.of("c", Map.of("status", "new")), ACTIONS);
        assertThat(q.action()).isEqualTo("make_call");
        assertThat(q.metadata()).containsEntry("route", "qualified");
        assertThat(o.action()).isEqualTo("send_email");
        assertThat(o.metadata()).containsEntry("route", "default");
    }

    @Test
    void historicalReplaysTheLoggedActionOnly() {
        HistoricalPolicy p = HistoricalPolicy.withFallback("wait");
        assertThat(p.decideLogged("make_call", 0.4).action()).isEqualTo("make_call");
        assertThat(p.decideLogged("make_call", 0.4).metadata()).containsEntry("logged_propensity", 0.4);
        assertThat(p.decideLogged(null, null).action()).isEqualTo("wait");
        assertThatThrownBy(() -> HistoricalPolicy.create().decideLogged(null, null))
                .hasMessage("no logged action at this decision point and no fallback action");
        assertThatThrownBy(() -> p.decide(MapSnapshot.of("c", Map.of()), ACTIONS))
                .hasMessageContaining("run it through BenchmarkRunner");
    }

    @Test
    void registryFindsBuiltInsByName() {
        PolicyRegistry r = PolicyRegistry.load();
        assertThat(r.names()).contains("random", "constant", "threshold", "historical");
        Policy t = r.create("threshold", Map.of("field", "budget", "threshold", "5000", "above", "make_call",
                "below", "send_email"));
        assertThat(t.decide(MapSnapshot.of("c", Map.of("budget", 6000L)), ACTIONS).action()).isEqualTo("make_call");
        assertThatThrownBy(() -> r.create("thresh", Map.of())).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("unknown policy 'thresh'; known policies: ");
        assertThatThrownBy(() -> r.create("threshold", Map.of("field", "x", "threshold", "high")))
                .hasMessage("policy 'threshold' option 'threshold' must be a number, got 'high'");
        assertThatThrownBy(() -> r.create("constant", Map.of())).hasMessage("policy 'constant' needs option 'action'");
    }

    @Test
    void registryOptionsAreCheckedAndThresholdsAreFinite() {
        PolicyRegistry registry = PolicyRegistry.load();
        // A misspelt option was ignored: constant:action=wait,colour=red ran as constant:action=wait.
        assertThatThrownBy(() -> registry.create("constant", Map.of("action", "wait", "colour", "red")))
                .isInstanceOf(ArenaException.class).hasMessage("policy 'constant' has no option 'colour' (its options:"
                        + " action)");
        assertThatThrownBy(() -> registry.create("random", Map.of("sed", "4")))
                .hasMessage("policy 'random' has no option 'sed' (its options: seed)");
        assertThat(registry.create("historical", Map.of("fallback", "wait")).name()).isEqualTo("historical");
        // NaN: no value is greater, so every decision went below, without a word.
        Map<String, String> nan = Map.of("field", "budget", "threshold", "NaN", "above", "a", "below", "b");
        assertThatThrownBy(() -> registry.create("threshold", nan)).isInstanceOf(ArenaException.class)
                .hasMessage("policy 'threshold' option 'threshold' must be a finite number, got 'NaN'");
        assertThatThrownBy(() -> ThresholdPolicy.of("budget", Double.POSITIVE_INFINITY, "a", "b"))
                .isInstanceOf(ArenaException.class)
                .hasMessage("threshold of field 'budget' must be a finite number, got Infinity");
    }
}
