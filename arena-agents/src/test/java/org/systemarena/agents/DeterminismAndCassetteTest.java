package org.systemarena.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.DecisionTrace;

/**
 * Asking an agent concurrently changes nothing but latency, and a cassette replays a run exactly without asking.
 * The reference: the example agent, one worker, one thread, recorded to a cassette.
 */
class DeterminismAndCassetteTest {
    @TempDir
    static Path tmp;
    static Path cassette;
    static String sequentialResults;
    static List<String> sequentialDecisions;

    @BeforeAll
    static void recordSequentially() {
        cassette = tmp.resolve("agent.cassette.jsonl");
        try (AgentPolicy agent = example(Map.of("cassette", cassette.toString(), "cassette_mode", "record"))) {
            List<BenchmarkResult> r = Example.replay(1, agent);
            sequentialResults = Example.resultsJson(r);
            sequentialDecisions = decisions(r.get(0));
            assertThat(agent.stats().calls()).isEqualTo(1649);
        }
    }

    static AgentPolicy example(Map<String, String> extra) {
        Map<String, String> options = new java.util.HashMap<>(extra);
        options.put("cmd", "python3 " + Example.EXAMPLE_AGENT);
        options.put("name", "example");
        return AgentPolicies.process(options);
    }

    /** Each decision point's id, decision and errors, in replay order: everything but latency. */
    static List<String> decisions(BenchmarkResult r) {
        List<String> out = new ArrayList<>();
        for (DecisionTrace t : r.traces()) {
            out.add(t.decisionId() + " " + t.decision() + " " + t.loggedProbability() + " " + t.errors());
        }
        return out;
    }

    @Test
    void fourWorkersOnEightThreadsGiveTheSameResultsAsOne() {
        try (AgentPolicy agent = example(Map.of("workers", "4"))) {
            List<BenchmarkResult> r = Example.replay(8, agent);
            assertThat(Example.resultsJson(r)).isEqualTo(sequentialResults);
            assertThat(decisions(r.get(0))).isEqualTo(sequentialDecisions);
        }
    }

    @Test
    void faultsLandOnTheSameDecisionPointsWithTheSameMessagesWhateverTheConcurrency() {
        List<String> one;
        List<String> four;
        try (AgentPolicy agent = StdioFaultTest.faultAgent(1)) {
            one = decisions(Example.replay(1, agent).get(0));
        }
        try (AgentPolicy agent = StdioFaultTest.faultAgent(4)) {
            four = decisions(Example.replay(4, agent).get(0));
        }
        assertThat(four).isEqualTo(one);
        assertThat(one.stream().filter(s -> !s.endsWith(" []"))).hasSize(39);
    }

    @Test
    void aReplayFromTheCassetteAsksNothingAndGivesByteIdenticalResults() throws IOException {
        long children = ProcessHandle.current().children().count();
        try (AgentPolicy agent = replayOnly()) {
            assertThat(ProcessHandle.current().children().count()).as("workers started").isEqualTo(children);
            List<BenchmarkResult> r = Example.replay(4, agent);
            assertThat(agent.stats().calls()).isZero();
            assertThat(agent.stats().replayed()).isEqualTo(1649);
            assertThat(Example.resultsJson(r)).isEqualTo(sequentialResults);
            assertThat(decisions(r.get(0))).isEqualTo(sequentialDecisions);
        }
        String text = Files.readString(cassette);
        assertThat(text).doesNotContain("python3").doesNotContain("example_agent");
        assertThat(text.lines()).hasSize(1 + 1649).first().isEqualTo(Cassette.HEADER);
    }

    /** A replay-only policy with the recorded identity: the workers are never started. */
    private static AgentPolicy replayOnly() {
        return example(Map.of("cassette", cassette.toString(), "cassette_mode", "replay"));
    }

    @Test
    void recordNewAsksOnlyForWhatTheCassetteLacksAndWritesTheSameFile() throws IOException {
        Path partial = tmp.resolve("partial.jsonl");
        List<String> lines = Files.readAllLines(cassette);
        List<String> kept = new ArrayList<>(lines.subList(0, 1 + 1000)); // the header and 1,000 answers
        Files.write(partial, kept);
        try (AgentPolicy agent = example(Map.of("cassette", partial.toString(), "cassette_mode", "record-new",
                "workers", "2"))) {
            List<BenchmarkResult> r = Example.replay(4, agent);
            assertThat(agent.stats().replayed()).isEqualTo(1000);
            assertThat(agent.stats().calls()).isEqualTo(649);
            assertThat(Example.resultsJson(r)).isEqualTo(sequentialResults);
        }
        assertThat(Files.readString(partial)).isEqualTo(Files.readString(cassette));
    }

    @Test
    void aReplayOfARequestTheCassetteLacksIsThatDecisionPointsError() throws IOException {
        Path partial = tmp.resolve("short.jsonl");
        Files.write(partial, Files.readAllLines(cassette).subList(0, 1 + 1600));
        try (AgentPolicy agent = example(Map.of("cassette", partial.toString(), "cassette_mode", "replay"))) {
            BenchmarkResult r = Example.replay(1, agent).get(0);
            assertThat(agent.stats().calls()).isZero();
            assertThat(r.failedDecisions()).isEqualTo(49);
            assertThat(r.traces().stream().filter(DecisionTrace::hasError).map(t -> t.errors().get(0).message()))
                    .allMatch(m -> m.matches("AgentException: cassette .*short\\.jsonl has no answer to this request"
                            + " \\(key [0-9a-f]{12}\\); record it with cassette_mode=record-new"));
        }
    }
}
