package org.systemarena.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.systemarena.replay.BenchmarkResult;

/** The JSON Schemas say what the arena sends and what it accepts: checked both ways. */
class SchemaTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Schema schema(String resource) {
        try (InputStream in = AgentProtocol.class.getResourceAsStream(resource)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static final Schema REQUEST = schema(AgentProtocol.REQUEST_SCHEMA);
    static final Schema RESPONSE = schema(AgentProtocol.RESPONSE_SCHEMA);

    /** Answers "wait" and keeps every request it is sent. */
    static final class Capture implements Transport {
        final List<String> requests = new CopyOnWriteArrayList<>();

        @Override
        public String exchange(String request, String decisionId) {
            requests.add(request);
            return "{\"action\":\"wait\"}";
        }

        @Override
        public long recoveries() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void everyRequestOfTheExampleIsValidAndItsHistoryBounded() throws IOException {
        Capture capture = new Capture();
        try (AgentPolicy agent = new AgentPolicy("capture", "test:capture", capture, 3, 1000, null)) {
            BenchmarkResult r = Example.replay(2, agent).get(0);
            assertThat(r.failedDecisions()).isZero();
        }
        assertThat(capture.requests).hasSize(1649);
        int omittedSome = 0;
        for (String line : capture.requests) {
            assertThat(line).doesNotContain("\n");
            JsonNode request = JSON.readTree(line);
            assertThat(REQUEST.validate(request)).as(line).isEmpty();
            JsonNode history = request.get("history");
            int sent = history.get("events").size();
            assertThat(sent).isEqualTo(Math.min(3, history.get("total").asInt()));
            assertThat(history.get("omitted").asInt()).isEqualTo(history.get("total").asInt() - sent);
            omittedSome += history.get("omitted").asInt() > 0 ? 1 : 0;
            // The trigger is the last event sent, and the decision id names it.
            JsonNode trigger = history.get("events").get(sent - 1);
            assertThat(request.get("decision_id").asText()).isEqualTo(trigger.get("event_id").asText() + "/"
                    + request.get("rule").asText());
            assertThat(trigger.get("time").asText()).isEqualTo(request.get("as_of").asText());
            assertThat(request.get("deadline_ms").asInt()).isEqualTo(1000);
        }
        assertThat(omittedSome).isGreaterThan(1000);
    }

    /** Answers the schema accepts are exactly those the arena reads as a decision or as the agent's error. */
    @Test
    void theResponseSchemaAndTheParserAgree() throws IOException {
        List<String> accepted = List.of(
                "{\"action\":\"wait\"}",
                "{\"action\":\"send_email\",\"params\":{\"template\":\"t\",\"n\":2,\"nested\":{\"a\":[1,2]}},"
                        + "\"probabilities\":{\"send_email\":0.75,\"wait\":0.25},\"score\":3.5,\"confidence\":0.9,"
                        + "\"reasoning\":\"r\",\"usage\":{\"tokens_in\":10,\"tokens_out\":3,\"cost\":0.002,"
                        + "\"model\":\"m\"},\"decision_id\":\"e/r\",\"protocol\":1}",
                "{\"action\":\"wait\",\"score\":null,\"confidence\":null,\"reasoning\":null,\"usage\":null}",
                "{\"action\":\"wait\",\"my_own_field\":{\"anything\":true}}");
        for (String text : accepted) {
            assertThat(RESPONSE.validate(JSON.readTree(text))).as(text).isEmpty();
            assertThat(AgentJson.parseResponse(text, "e/r").toDecision()).isNotNull();
        }
        String error = "{\"error\":\"model overloaded\"}";
        assertThat(RESPONSE.validate(JSON.readTree(error))).isEmpty();
        assertThatThrownBy(() -> AgentJson.parseResponse(error, null)).isInstanceOf(AgentException.class)
                .hasMessage("agent reported an error: model overloaded");
        List<String> refused = List.of(
                "{}",
                "{\"action\":\"\"}",
                "{\"action\":7}",
                "{\"action\":\"wait\",\"score\":\"high\"}",
                "{\"action\":\"wait\",\"confidence\":1.5}",
                "{\"action\":\"wait\",\"probabilities\":{\"wait\":1.5}}",
                "{\"action\":\"wait\",\"params\":[1]}",
                "{\"action\":\"wait\",\"usage\":{\"tokens_in\":-1}}",
                "{\"action\":\"wait\",\"usage\":{\"tokens_in\":1.5}}",
                "{\"action\":\"wait\",\"usage\":{\"cost\":-0.1}}",
                "{\"action\":\"wait\",\"usage\":{\"model\":3}}",
                "{\"action\":\"wait\",\"protocol\":2}",
                "[\"wait\"]");
        for (String text : refused) {
            assertThat(RESPONSE.validate(JSON.readTree(text))).as(text).isNotEmpty();
            assertThatThrownBy(() -> AgentJson.parseResponse(text, null)).as(text)
                    .isInstanceOf(AgentException.class);
        }
    }

    @Test
    void eachMalformedResponseIsNamedPrecisely() {
        assertThat(parseError("{}")).isEqualTo("response has no 'action' (fields: none)");
        assertThat(parseError("{\"action\":7}")).isEqualTo("response field 'action' must be a non-empty string,"
                + " got 7");
        assertThat(parseError("{\"action\":\"wait\",\"confidence\":1.5}")).isEqualTo(
                "response field 'confidence' must be in [0, 1], got 1.5");
        assertThat(parseError("{\"action\":\"wait\",\"probabilities\":{\"wait\":1.5}}")).isEqualTo(
                "response field 'probabilities.wait' must be in [0, 1], got 1.5");
        assertThat(parseError("{\"action\":\"wait\",\"probabilities\":{\"wait\":0,\"call\":1}}")).isEqualTo(
                "response field 'probabilities' gives the chosen action 'wait' no probability (wait 0.0, call 1.0)");
        assertThat(parseError("{\"action\":\"wait\",\"params\":[1]}")).isEqualTo(
                "response field 'params' must be an object, got [1]");
        assertThat(parseError("{\"action\":\"wait\",\"usage\":{\"tokens_in\":1.5}}")).isEqualTo(
                "response field 'usage.tokens_in' must be a whole number >= 0, got 1.5");
        assertThat(parseError("{\"action\":\"wait\",\"usage\":{\"cost\":-0.1}}")).isEqualTo(
                "response field 'usage.cost' must not be negative, got -0.1");
        assertThat(parseError("{\"action\":\"wait\",\"protocol\":2}")).isEqualTo(
                "response field 'protocol' is 2, but the arena speaks protocol 1");
        assertThat(parseError("[\"wait\"]")).isEqualTo("response is not a JSON object but an array: '[\"wait\"]'");
        assertThat(parseError("")).isEqualTo("response is empty");
        assertThat(parseError("{\"action\":\"wait\"} {\"x\":1}")).isEqualTo(
                "response goes on after its JSON value, at column 19: '{\"action\":\"wait\"} {\"x\":1}'");
    }

    private static String parseError(String text) {
        try {
            AgentJson.parseResponse(text, null).toDecision();
        } catch (AgentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + text);
    }
}
