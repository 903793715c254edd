package org.systemarena.run.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

/** What the provenance records of a specification: the options that decide, not those that only run it. */
class PolicySpecTest {
    private static final Policy AGENT = new Policy() {
        @Override
        public String name() {
            return "agent";
        }

        @Override
        public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void runOptionsAreLeftOutOfTheRecordedSpecification() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("cmd", "python3 agent.py");
        options.put("workers", "4");
        options.put("history", "10");
        options.put("cassette", "a.jsonl");
        PolicySpec p = new PolicySpec("process:cmd=python3 agent.py,workers=4,history=10,cassette=a.jsonl",
                "registry", AGENT, options, List.of(), Set.of("workers", "cassette", "cassette_mode"));
        assertThat(p.decisionSpec()).isEqualTo("process:cmd=python3 agent.py,history=10");
        assertThat(p.decisionOptions()).containsExactly(Map.entry("cmd", "python3 agent.py"),
                Map.entry("history", "10"));
        assertThat(p.givenRunOptions()).containsExactly(Map.entry("workers", "4"), Map.entry("cassette", "a.jsonl"));
    }

    @Test
    void aSpecificationWithoutRunOptionsIsRecordedAsGiven() {
        PolicySpec p = new PolicySpec("random:seed=7", "registry", AGENT, Map.of("seed", "7"), List.of(),
                Set.of("cassette"));
        assertThat(p.decisionSpec()).isEqualTo("random:seed=7");
        assertThat(p.givenRunOptions()).isEmpty();
        PolicySpec plain = new PolicySpec("Mine", "class", AGENT, Map.of(), List.of());
        assertThat(plain.decisionSpec()).isEqualTo("Mine");
        assertThat(plain.runOptions()).isEmpty();
    }
}
