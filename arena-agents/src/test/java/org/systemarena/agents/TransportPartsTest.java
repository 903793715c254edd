package org.systemarena.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.ArenaException;
import org.systemarena.policy.PolicyRegistry;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.DecisionTrace;

/** The parts of the transports and the cassette, each on its own. */
class TransportPartsTest {
    @TempDir
    Path tmp;

    @Test
    void commandLinesSplitLikeAShellWithoutRunningOne() {
        assertThat(CommandLine.split("python3 agent.py")).containsExactly("python3", "agent.py");
        assertThat(CommandLine.split("  python3   'my agent.py'  --model \"gpt 4\" ")).containsExactly("python3",
                "my agent.py", "--model", "gpt 4");
        assertThat(CommandLine.split("sh -c 'echo $HOME | cat'")).containsExactly("sh", "-c", "echo $HOME | cat");
        assertThat(CommandLine.split("a\\ b \"say \\\"hi\\\"\" ''")).containsExactly("a b", "say \"hi\"", "");
        assertThatThrownBy(() -> CommandLine.split("python3 'agent.py")).isInstanceOf(ArenaException.class)
                .hasMessage("worker command has an unclosed single quote: python3 'agent.py");
        assertThatThrownBy(() -> CommandLine.split("   ")).hasMessage("worker command is empty");
    }

    @Test
    void theDefaultNameIsTheScriptsFileName() {
        assertThat(AgentPolicies.defaultName(List.of("python3", "agents/triage.py"))).isEqualTo("triage");
        assertThat(AgentPolicies.defaultName(List.of("node", "--max-old-space-size=4096", "agent.mjs")))
                .isEqualTo("agent");
        assertThat(AgentPolicies.defaultName(List.of("./my-agent"))).isEqualTo("my-agent");
        assertThat(AgentPolicies.defaultName(List.of("python3", "-c", "import sys; print(1)"))).isEqualTo("process");
    }

    @Test
    void linesAreBoundedAndALongOneIsSkippedToItsEnd() throws IOException {
        String input = "{\"a\":1}\r\n" + "x".repeat(100) + "\n" + "é\n" + "last";
        LineReader r = new LineReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), 16);
        assertThat(r.readLine()).isEqualTo("{\"a\":1}");
        assertThat(r.readLine()).isSameAs(LineReader.TOO_LONG);
        assertThat(r.readLine()).isEqualTo("é");
        assertThat(r.readLine()).isEqualTo("last");
        assertThat(r.readLine()).isNull();
    }

    /** A worker that reads its request and exits: two restarts, then the agent is given up. */
    @Test
    void afterMaxRestartsTheAgentIsGivenUpWithOneMessage() {
        try (AgentPolicy agent = AgentPolicies.process(Map.of("cmd",
                "python3 -c 'import sys; sys.stdin.readline(); sys.exit(1)'", "max_restarts", "2", "name", "dies"))) {
            BenchmarkResult r = Example.replay(1, 12, agent).get(0);
            List<String> messages = new ArrayList<>();
            for (DecisionTrace t : r.traces()) {
                if (t.caseId().equals("lead-000001")) {
                    messages.add(t.errors().get(0).message());
                }
            }
            String died = "AgentException: the worker exited with code 1 before answering";
            String gaveUp = died + "; no new worker: 2 restarts already (max_restarts)";
            assertThat(messages).hasSize(12).startsWith(
                    died + "; a new worker starts for the next decision point",
                    died + "; a new worker starts for the next decision point", gaveUp);
            assertThat(messages.subList(3, 12)).containsOnly(gaveUp);
            assertThat(agent.stats().recoveries()).isEqualTo(2);
        }
    }

    @Test
    void aCommandThatCannotStartAndBadOptionsAreErrorsBeforeTheReplay() {
        PolicyRegistry registry = PolicyRegistry.load();
        assertThatThrownBy(() -> registry.create("process", Map.of("cmd", "no-such-agent-binary")))
                .hasMessage("cannot start worker 'no-such-agent-binary': Cannot run program \"no-such-agent-binary\":"
                        + " error=2, No such file or directory");
        assertThatThrownBy(() -> registry.create("process", Map.of()))
                .hasMessage("policy 'process' needs option 'cmd'");
        assertThatThrownBy(() -> registry.create("process", Map.of("cmd", "python3", "workers", "0")))
                .hasMessage("policy 'process' option 'workers' must be between 1 and 256, got 0");
        assertThatThrownBy(() -> registry.create("http", Map.of("url", "ftp://x/")))
                .hasMessage("policy 'http' option 'url' must be an http:// or https:// URL with a host, got"
                        + " 'ftp://x/'");
        assertThatThrownBy(() -> registry.create("http", Map.of("url", "http://h/", "retries", "many")))
                .hasMessage("policy 'http' option 'retries' must be a whole number, got 'many'");
        assertThatThrownBy(() -> registry.create("http", Map.of("url", "http://h/", "cassette_mode", "replay")))
                .hasMessage("option 'cassette_mode' needs option 'cassette' (the file)");
        assertThatThrownBy(() -> registry.create("http", Map.of("url", "http://h/", "cassette",
                tmp.resolve("none.jsonl").toString(), "cassette_mode", "replay")))
                .hasMessage("cassette " + tmp.resolve("none.jsonl") + " does not exist; record it first"
                        + " (cassette_mode=record)");
        assertThatThrownBy(() -> registry.create("http", Map.of("url", "http://h/", "auth_env",
                "ARENA_NO_SUCH_VARIABLE_SET"))).hasMessage("policy 'http' option 'auth_env': environment variable"
                + " ARENA_NO_SUCH_VARIABLE_SET is not set");
    }

    @Test
    void backOffDoublesWithJitterWithinItsCapAndHonoursRetryAfter() {
        HttpTransport t = new HttpTransport(URI.create("http://127.0.0.1:9/"), Map.of(),
                new HttpTransport.HttpConfig(1, 100, 100, 3, 200, 1000, 1024));
        try {
            for (int i = 0; i < 200; i++) {
                assertThat(t.backoff(0, -1)).isBetween(100L, 200L);
                assertThat(t.backoff(1, -1)).isBetween(200L, 400L);
                assertThat(t.backoff(2, -1)).isBetween(400L, 800L);
                assertThat(t.backoff(3, -1)).isBetween(500L, 1000L);
                assertThat(t.backoff(40, -1)).isBetween(500L, 1000L);
            }
            assertThat(t.backoff(0, 0)).isZero();
            assertThat(t.backoff(0, 700)).isEqualTo(700);
            assertThat(t.backoff(0, 60_000)).isEqualTo(1000);
        } finally {
            t.close();
        }
    }

    @Test
    void theAuthorizationHeaderComesFromTheEnvironment() throws Exception {
        String home = System.getenv("HOME");
        org.junit.jupiter.api.Assumptions.assumeTrue(home != null && !home.isBlank());
        try (LoopbackAgent server = new LoopbackAgent(Map.of(), 0);
             AgentPolicy agent = AgentPolicies.http(Map.of("url", server.url() + "?key=secret", "auth_env", "HOME"))) {
            assertThat(agent.identity()).isEqualTo("http:" + server.url());
            assertThat(Example.replay(1, 1, agent).get(0).failedDecisions()).isZero();
            assertThat(server.authorizations).isNotEmpty().containsOnly("Bearer " + home.strip());
        }
    }

    /** The deadline is not part of a request's identity; the history limit is. */
    @Test
    void theCassetteKeyIgnoresTheDeadlineButNotTheHistory() {
        Path file = tmp.resolve("c.jsonl");
        try (AgentPolicy agent = new AgentPolicy("a", "test:a", new SchemaTest.Capture(), 5, 1000,
                Cassette.open(file, CassetteMode.RECORD))) {
            Example.replay(1, agent);
        }
        try (AgentPolicy agent = new AgentPolicy("a", "test:a", new SchemaTest.Capture(), 5, 9000,
                Cassette.open(file, CassetteMode.REPLAY))) {
            BenchmarkResult r = Example.replay(1, agent).get(0);
            assertThat(r.failedDecisions()).isZero();
            assertThat(agent.stats().replayed()).isEqualTo(1649);
        }
        try (AgentPolicy agent = new AgentPolicy("a", "test:a", new SchemaTest.Capture(), 6, 1000,
                Cassette.open(file, CassetteMode.REPLAY))) {
            BenchmarkResult r = Example.replay(1, agent).get(0);
            // Only decision points with at most 5 visible events send the same history with a limit of 6.
            assertThat(r.failedDecisions()).isBetween(1L, 1648L);
        }
    }

    @Test
    void aDamagedCassetteIsOneErrorNamingItsLine() throws IOException {
        Path file = tmp.resolve("bad.jsonl");
        Files.writeString(file, Cassette.HEADER + "\n{\"key\":\"abc\",\"response\":{\"action\":\"wait\"}}\n");
        assertThatThrownBy(() -> Cassette.open(file, CassetteMode.REPLAY))
                .hasMessage(file + ":2:1: entry has no 64-character 'key'");
        Files.writeString(file, "{\"arena_cassette\":1,\"protocol\":2}\n");
        assertThatThrownBy(() -> Cassette.open(file, CassetteMode.RECORD_NEW))
                .hasMessage(file + ":1:1: cassette of protocol 2, but the arena speaks 1; record it again");
        Files.writeString(file, Cassette.HEADER + "\nnot json\n");
        assertThatThrownBy(() -> Cassette.open(file, CassetteMode.REPLAY)).hasMessageStartingWith(
                file + ":2:1: line is not valid JSON at column 4");
    }

    /** One thread, so the cap falls on the same decision points every time. */
    @Test
    void aCallCapStopsAskingAndSaysSo() {
        try (AgentPolicy agent = new AgentPolicy("capped", "test:capped", new SchemaTest.Capture(), 5, 1000, null)
                .withCaps(100, Double.POSITIVE_INFINITY)) {
            BenchmarkResult r = Example.replay(1, agent).get(0);
            assertThat(r.failedDecisions()).isEqualTo(1649 - 100);
            assertThat(r.traces().stream().filter(DecisionTrace::hasError).map(t -> t.errors().get(0).message())
                    .distinct()).containsExactly("AgentException: call cap reached: the agent was asked 100 times"
                    + " (max_calls 100); it is not asked again in this run");
            assertThat(agent.stats().calls()).isEqualTo(100);
        }
    }

    @Test
    void aCostCapStopsAskingOnceTheReportedCostReachesIt() {
        try (AgentPolicy agent = AgentPolicies.process(Map.of("cmd", "python3 "
                + StdioFaultTest.resource("costly_agent.py"), "max_cost", "0.5"))) {
            BenchmarkResult r = Example.replay(1, agent).get(0);
            // Each answer costs 0.01: the 50th reaches 0.5 (within rounding), so 50 or 51 answers are paid for.
            assertThat(agent.stats().calls()).isBetween(50L, 51L);
            assertThat(r.failedDecisions()).isEqualTo(1649 - agent.stats().calls());
            assertThat(r.traces().stream().filter(DecisionTrace::hasError).map(t -> t.errors().get(0).message())
                    .findFirst()).get().asString().matches("AgentException: cost cap reached: 0\\.5\\d* spent"
                    + " \\(max_cost 0\\.5\\); the agent is not asked again in this run");
        }
    }
}
