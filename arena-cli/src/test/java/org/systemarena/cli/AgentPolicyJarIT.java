package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/arena run examples/lead-followup -p process:cmd='python3 clients/python/example_agent.py'} through the
 * shaded jar (docs/agent-protocol.md): the agent decides every decision point, and a replay from its cassette gives
 * the same results.json.
 */
class AgentPolicyJarIT {
    private static final String AGENT = "process:cmd=python3 clients/python/example_agent.py";

    @TempDir
    Path tmp;

    @Test
    void aPythonAgentRunsOnTheExampleAndItsCassetteReplaysTheRun() throws Exception {
        Path cassette = tmp.resolve("agent.cassette.jsonl");
        Path recorded = tmp.resolve("recorded");
        Jar.Run r = Jar.arena(Jar.repoRoot(), "run", "examples/lead-followup", "--no-truth", "--out",
                recorded.toString(), "-p", AGENT + ",cassette=" + cassette + ",cassette_mode=record");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode policy = new ObjectMapper().readTree(recorded.resolve("results.json").toFile()).path("policies")
                .get(0);
        assertThat(policy.path("name").asText()).isEqualTo("example_agent");
        assertThat(policy.path("decisions").path("valid").asLong()).isEqualTo(1649);
        assertThat(policy.path("decisions").path("failed").asLong()).isZero();
        // Written sorted by key when the run closes the policy it made.
        java.util.List<String> lines = Files.readAllLines(cassette);
        assertThat(lines).hasSize(1 + 1649);
        assertThat(lines.subList(1, lines.size())).isSorted();
        // What the agent used goes to run-info.json (it varies between runs), never to results.json.
        JsonNode usage = new ObjectMapper().readTree(recorded.resolve("run-info.json").toFile())
                .path("policy_usage").path("example_agent");
        assertThat(usage.path("calls").asLong()).isEqualTo(1649);
        assertThat(usage.path("replayed").asLong()).isZero();
        assertThat(usage.path("failures").asLong()).isZero();
        assertThat(usage.path("latency_p50_ms").asDouble()).isPositive();
        assertThat(Files.readString(recorded.resolve("results.json"))).doesNotContain("latency")
                .doesNotContain("cassette");
        assertThat(new ObjectMapper().readTree(recorded.resolve("run-info.json").toFile()).path("policy_run_options")
                .path("example_agent").path("cassette_mode").asText()).isEqualTo("record");

        // The replay starts no worker: a command that does not exist would fail if it were started.
        Path replayed = tmp.resolve("replayed");
        Jar.Run again = Jar.arena(Jar.repoRoot(), "run", "examples/lead-followup", "--no-truth", "--out",
                replayed.toString(), "-p", AGENT + ",cassette=" + cassette + ",cassette_mode=replay");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Files.readString(replayed.resolve("results.json")))
                .isEqualTo(Files.readString(recorded.resolve("results.json")));
        JsonNode replayUsage = new ObjectMapper().readTree(replayed.resolve("run-info.json").toFile())
                .path("policy_usage").path("example_agent");
        assertThat(replayUsage.path("calls").asLong()).isZero();
        assertThat(replayUsage.path("replayed").asLong()).isEqualTo(1649);
        assertThat(replayUsage.path("latency_p50_ms").isNull()).isTrue();
    }

    @Test
    void aMisspeltOptionOrCommandIsOneErrorBeforeTheReplay() throws Exception {
        Jar.Run r = Jar.arena(Jar.repoRoot(), "run", "examples/lead-followup", "-p", AGENT + ",wokers=4");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: policy 'process' has no option 'wokers' (its options: cassette,"
                + " cassette_mode, cmd, dir, history, max_calls, max_cost, max_restarts, name, start_timeout_ms,"
                + " timeout_ms, workers)\n");
        Jar.Run missing = Jar.arena(Jar.repoRoot(), "run", "examples/lead-followup", "-p",
                "process:cmd=pyhton3 agent.py");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("error: cannot start worker 'pyhton3 agent.py': Cannot run program"
                + " \"pyhton3\": error=2, No such file or directory\n");
    }
}
