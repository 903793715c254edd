package org.systemarena.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.replay.BenchmarkConfig;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.BenchmarkRunner;

/** docs/agent-protocol.md: its examples are valid, its Java runs, its messages are the ones the code gives. */
class AgentProtocolDocTest {
    static final Path DOC = Example.ROOT.resolve("docs/agent-protocol.md");

    static String doc() throws IOException {
        return Files.readString(DOC);
    }

    /** The first fenced block of {@code language} after {@code heading}. */
    static String block(String heading, String language) throws IOException {
        String text = doc();
        int from = text.indexOf(heading);
        assertThat(from).as(heading).isNotNegative();
        int start = text.indexOf("```" + language + "\n", from) + language.length() + 4;
        return text.substring(start, text.indexOf("```", start));
    }

    @Test
    void theRequestAndResponseExamplesAreValid() throws IOException {
        JsonNode request = SchemaTest.JSON.readTree(block("## The request", "json"));
        assertThat(SchemaTest.REQUEST.validate(request)).isEmpty();
        String response = block("## The response", "json");
        assertThat(SchemaTest.RESPONSE.validate(SchemaTest.JSON.readTree(response))).isEmpty();
        AgentResponse r = AgentJson.parseResponse(response, request.get("decision_id").asText());
        assertThat(r.toDecision().probabilityOf("send_email")).isEqualTo(0.8);
        assertThat(r.usage()).isEqualTo(new Usage(812L, 41L, 0.00094, "gpt-4o-mini"));
    }

    /** Each row of the malformed-response table: the response gives the message shown ("..." stands for any text). */
    @Test
    void theResponseErrorTableShowsTheMessagesTheArenaRecords() throws IOException {
        String text = doc();
        String table = text.substring(text.indexOf("| response | recorded message |"),
                text.indexOf("An action outside `allowed_actions`"));
        Matcher row = Pattern.compile("^\\| `(.+)` \\| `(.+)` \\|$", Pattern.MULTILINE).matcher(table);
        List<String> checked = new ArrayList<>();
        while (row.find()) {
            String response = row.group(1);
            String message = row.group(2);
            String actual;
            try {
                AgentJson.parseResponse(response, "lead-000029#1/inbound_reply").toDecision();
                throw new AssertionError("accepted: " + response);
            } catch (AgentException e) {
                actual = e.getMessage();
            }
            String pattern = Pattern.quote(message).replace("...", "\\E.*\\Q");
            assertThat(actual).as(response).matches(pattern);
            checked.add(response);
        }
        assertThat(checked).hasSize(13);
    }

    @Test
    void theJavaExampleIsThisTestsCodeAndRuns() throws IOException {
        String shown = block("## From Java", "java");
        String source = Files.readString(Example.ROOT.resolve(
                "arena-agents/src/test/java/org/systemarena/agents/AgentProtocolDocTest.java"));
        assertThat(indentedBy(source, 8)).contains(shown);

        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            javaExample();
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Decisions: 1649 valid, 0 failed")
                .contains("AgentStats[calls=1649, replayed=0, failures=0, recoveries=0, tokensIn=");
    }

    /** Exactly the example of docs/agent-protocol.md, "From Java". */
    private static void javaExample() {
        try (AgentPolicy agent = AgentPolicies.process(Map.of("cmd", "python3 clients/python/example_agent.py",
                "workers", "4"))) {
            Workflow workflow = Datasets.loadWorkflow(Path.of("examples/lead-followup"));
            BenchmarkRunner runner = BenchmarkRunner.of(workflow.manifest(), workflow.log(),
                    BenchmarkConfig.builder().threads(8).build());
            BenchmarkResult result = runner.run(agent);
            System.out.println(result.summary());
            System.out.println(agent.stats());
        }
    }

    /** The lines of {@code source} with {@code n} leading spaces removed where they have them. */
    private static String indentedBy(String source, int n) {
        StringBuilder sb = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            sb.append(line.startsWith(" ".repeat(n)) ? line.substring(n) : line).append('\n');
        }
        return sb.toString();
    }
}
