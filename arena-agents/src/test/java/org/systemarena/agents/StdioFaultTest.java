package org.systemarena.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.replay.BenchmarkResult;

/**
 * A stdio agent that misbehaves in every way fault_agent.py knows, on chosen cases of the example: each fault is
 * that case's decision points' error, with the exact message, and every other decision point is decided.
 */
class StdioFaultTest {
    static final Path FAULT_AGENT = resource("fault_agent.py");

    static final String RESTART = "; a new worker starts for the next decision point";

    static Path resource(String name) {
        try {
            return Path.of(StdioFaultTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static AgentPolicy faultAgent(int workers) {
        return AgentPolicies.process(Map.of("cmd", "python3 " + FAULT_AGENT, "timeout_ms", "5000",
                "max_restarts", "1000", "workers", Integer.toString(workers), "name", "faulty"));
    }

    /** Exactly what each faulty case's decision points carry (the same with one worker or several). */
    static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            entry("lead-000002", List.of("EXCEPTION: AgentException: the worker wrote a line that is not a JSON object:"
                    + " 'thinking about lead-000002...' (a worker writes only answers to stdout; log to stderr)"
                    + RESTART)),
            entry("lead-000003", List.of("EXCEPTION: AgentException: the worker exited with code 3 before answering"
                    + " (stderr: crashing on purpose at lead-000003)" + RESTART)),
            entry("lead-000005", List.of("DISALLOWED_ACTION: action 'fly_to_the_moon' is not allowed here (allowed:"
                    + " send_email, make_call, wait, escalate)")),
            entry("lead-000006", List.of("EXCEPTION: AgentException: the worker exited with code 0 before answering"
                    + RESTART)),
            entry("lead-000008", List.of("EXCEPTION: AgentException: response has no 'action' (fields: decision_id,"
                    + " score)")),
            entry("lead-000011", List.of("EXCEPTION: AgentException: response field 'score' must be a number, got"
                    + " \"high\"")),
            entry("lead-000013", List.of("EXCEPTION: AgentException: agent reported an error: model overloaded")),
            entry("lead-000020", List.of("EXCEPTION: AgentException: response field 'probabilities' must sum to 1,"
                    + " got 0.75 (wait 0.5, send_email 0.25)")),
            entry("lead-000021", List.of("EXCEPTION: AgentException: response is not valid JSON at column 16"
                    + " (Unrecognized token 'wait': was expecting (JSON String, Number, Array, Object or token 'null',"
                    + " 'true' or 'false')): '{\"action\": wait}'")),
            entry("lead-000025", List.of("EXCEPTION: AgentException: the worker wrote an answer longer than 1048576"
                    + " bytes" + RESTART)),
            entry("lead-000029", List.of("EXCEPTION: AgentException: response is for decision point 'someone-else',"
                    + " not '%s'")));

    /**
     * A worker that hangs on lead-000003 (2 decision points, after lead-000001's 12 and lead-000002's 4): the warm
     * worker gets timeout_ms, the new one also start_timeout_ms, and the case after it is decided again. Time-outs
     * of a second keep a loaded machine from timing out the healthy calls.
     */
    @Test
    void aSlowWorkerIsATimeOutOnEachOfItsDecisionPoints() {
        BenchmarkResult r;
        AgentStats stats;
        try (AgentPolicy agent = AgentPolicies.process(Map.of("cmd", "python3 " + FAULT_AGENT
                + " '{\"lead-000003\": \"slow\"}'", "timeout_ms", "1000", "start_timeout_ms", "1000"))) {
            r = Example.replay(1, 19, agent).get(0);
            stats = agent.stats();
        }
        assertThat(r.decisionPoints()).isEqualTo(19);
        assertThat(Faults.failedPoints(r)).containsExactlyEntriesOf(Map.of("lead-000003", 2L));
        assertThat(Faults.byCase(r).get("lead-000003")).containsExactly(
                "EXCEPTION: AgentException: the worker gave no answer within 1000 ms" + RESTART,
                "EXCEPTION: AgentException: the new worker gave no answer within 2000 ms (timeout_ms 1000 +"
                        + " start_timeout_ms 1000)" + RESTART);
        assertThat(stats.recoveries()).isEqualTo(2);
        assertThat(r.traces().stream().filter(t -> t.caseId().equals("lead-000004")))
                .singleElement().matches(t -> !t.hasError());
    }

    @Test
    void everyFaultIsRecordedOnItsDecisionPointsAndTheRunCompletes() {
        BenchmarkResult r;
        AgentStats stats;
        try (AgentPolicy agent = faultAgent(1)) {
            r = Example.replay(1, agent).get(0);
            stats = agent.stats();
        }
        assertThat(r.decisionPoints()).isEqualTo(1649);
        Map<String, List<String>> faults = Faults.byCase(r);
        assertThat(faults.keySet()).isEqualTo(EXPECTED.keySet());
        EXPECTED.forEach((caseId, messages) -> {
            if (caseId.equals("lead-000029")) {
                assertThat(faults.get(caseId)).hasSize(2).allMatch(m -> m.startsWith(
                        "EXCEPTION: AgentException: response is for decision point 'someone-else', not 'lead-000029#"));
            } else {
                assertThat(faults.get(caseId)).as(caseId).isEqualTo(messages);
            }
        });
        // Every decision point of a faulty case failed (the example's counts), and only those.
        assertThat(Faults.failedPoints(r)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(entry("lead-000002", 4L),
                entry("lead-000003", 2L), entry("lead-000005", 6L),
                entry("lead-000006", 5L), entry("lead-000008", 4L), entry("lead-000011", 4L),
                entry("lead-000013", 2L), entry("lead-000020", 4L), entry("lead-000021", 4L),
                entry("lead-000025", 2L), entry("lead-000029", 2L)));
        assertThat(r.failedDecisions()).isEqualTo(39);
        // Garbage, crash, silence and the over-long line each cost a worker: 4 + 2 + 5 + 2.
        assertThat(stats.recoveries()).isEqualTo(13);
        assertThat(stats.calls()).isEqualTo(1649);
        assertThat(stats.failures()).isEqualTo(39 - 6); // the disallowed action is a valid answer, refused later
        // lead-000026 answered with fields the arena does not know: ignored, and its usage counted.
        assertThat(stats.tokensIn()).isEqualTo(30);
        assertThat(stats.tokensOut()).isEqualTo(6);
    }
}
