package org.systemarena.agents;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.systemarena.core.Action;
import org.systemarena.core.OneLine;

/**
 * Requests and responses as JSON: a request is written as one line with its fields in a fixed order and snapshot
 * values sorted by name (so the same decision point always gives the same bytes, which the cassette's key relies
 * on); a response is read leniently about unknown fields and strictly about known ones, and every problem is one
 * {@link AgentException} naming the field and the value.
 */
public final class AgentJson {
    /** Longest excerpt of a bad response quoted in an error message. */
    static final int QUOTE = 200;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private AgentJson() {
    }

    /** The request as one line of JSON (no line break), with {@code deadline_ms} when {@code withDeadline}. */
    public static String request(AgentRequest r, boolean withDeadline) {
        StringWriter w = new StringWriter(1024);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("protocol", r.protocol());
            nullableString(g, "decision_id", r.decisionId());
            g.writeStringField("case_id", r.caseId());
            nullableString(g, "rule", r.rule());
            g.writeStringField("as_of", r.asOf().toString());
            g.writeFieldName("values");
            writeMap(g, r.values());
            g.writeObjectFieldStart("history");
            g.writeNumberField("total", r.history().total());
            g.writeNumberField("omitted", r.history().omitted());
            g.writeArrayFieldStart("events");
            for (HistoryEvent e : r.history().events()) {
                g.writeStartObject();
                nullableString(g, "event_id", e.eventId());
                g.writeStringField("time", e.time().toString());
                g.writeStringField("type", e.type());
                nullableString(g, "activity", e.activity());
                nullableString(g, "channel", e.channel());
                nullableString(g, "actor_type", e.actorType());
                nullableString(g, "actor_id", e.actorId());
                g.writeFieldName("payload");
                writeMap(g, e.payload());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("allowed_actions");
            for (Action a : r.allowedActions()) {
                g.writeStartObject();
                g.writeStringField("type", a.type());
                g.writeFieldName("params");
                writeMap(g, a.params());
                nullableString(g, "description", a.description());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (withDeadline) {
                g.writeNumberField("deadline_ms", r.deadlineMs());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    /** The response in its canonical form: known fields only, in a fixed order (what a cassette stores). */
    public static String response(AgentResponse r) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("action", r.action());
            if (!r.params().isEmpty()) {
                g.writeFieldName("params");
                writeMap(g, r.params());
            }
            if (!r.probabilities().isEmpty()) {
                g.writeObjectFieldStart("probabilities");
                for (Map.Entry<String, Double> e : r.probabilities().entrySet()) {
                    g.writeNumberField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            if (r.score() != null) {
                g.writeNumberField("score", r.score());
            }
            if (r.confidence() != null) {
                g.writeNumberField("confidence", r.confidence());
            }
            nullableString(g, "reasoning", r.reasoning());
            Usage u = r.usage();
            if (!u.isEmpty()) {
                g.writeObjectFieldStart("usage");
                if (u.tokensIn() != null) {
                    g.writeNumberField("tokens_in", u.tokensIn());
                }
                if (u.tokensOut() != null) {
                    g.writeNumberField("tokens_out", u.tokensOut());
                }
                if (u.cost() != null) {
                    g.writeNumberField("cost", u.cost());
                }
                nullableString(g, "model", u.model());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Reads a response to the request for {@code decisionId} (null: not checked). Unknown fields are ignored; a
     * response with {@code error} is the agent saying it could not decide, and is thrown as such.
     */
    public static AgentResponse parseResponse(String text, String decisionId) {
        JsonNode root = parse(text, "response");
        if (!root.isObject()) {
            throw new AgentException("response is not a JSON object but " + kind(root) + ": '" + quote(text) + "'");
        }
        JsonNode protocol = root.get("protocol");
        if (protocol != null && !protocol.isNull()
                && !(protocol.isIntegralNumber() && protocol.asLong() == AgentProtocol.VERSION)) {
            throw new AgentException("response field 'protocol' is " + protocol + ", but the arena speaks protocol "
                    + AgentProtocol.VERSION);
        }
        JsonNode echoed = root.get("decision_id");
        if (decisionId != null && echoed != null && !echoed.isNull() && !decisionId.equals(echoed.asText())) {
            throw new AgentException("response is for decision point '" + OneLine.value(echoed.asText())
                    + "', not '" + decisionId + "'");
        }
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            throw new AgentException("agent reported an error: " + OneLine.value(error.isTextual() ? error.asText()
                    : error.toString()));
        }
        JsonNode action = root.get("action");
        if (action == null || action.isNull()) {
            throw new AgentException("response has no 'action' (fields: " + fieldNames(root) + ")");
        }
        if (!action.isTextual() || action.asText().isBlank()) {
            throw new AgentException("response field 'action' must be a non-empty string, got " + quote(action));
        }
        Map<String, Object> params = null;
        JsonNode p = root.get("params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new AgentException("response field 'params' must be an object, got " + quote(p));
            }
            params = toMap(p);
        }
        Map<String, Double> probabilities = null;
        JsonNode pr = root.get("probabilities");
        if (pr != null && !pr.isNull()) {
            if (!pr.isObject()) {
                throw new AgentException("response field 'probabilities' must be an object of action to number, got "
                        + quote(pr));
            }
            probabilities = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = pr.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                probabilities.put(e.getKey(), number(e.getValue(), "probabilities." + e.getKey(), false));
            }
        }
        if (probabilities != null && !probabilities.isEmpty()) {
            checkDistribution(probabilities, action.asText());
        }
        Double score = optionalNumber(root, "score");
        Double confidence = optionalNumber(root, "confidence");
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            throw new AgentException("response field 'confidence' must be in [0, 1], got " + root.get("confidence"));
        }
        String reasoning = optionalString(root, "reasoning");
        Usage usage = Usage.NONE;
        JsonNode u = root.get("usage");
        if (u != null && !u.isNull()) {
            if (!u.isObject()) {
                throw new AgentException("response field 'usage' must be an object, got " + quote(u));
            }
            usage = new Usage(count(u, "tokens_in"), count(u, "tokens_out"), cost(u), optionalString(u, "model",
                    "usage.model"));
        }
        return new AgentResponse(action.asText(), params, probabilities, score, confidence, reasoning, usage);
    }

    /** The checks {@code Decision} makes, with messages that list the actions in the order the agent gave them. */
    private static void checkDistribution(Map<String, Double> probabilities, String action) {
        double sum = 0;
        StringBuilder listed = new StringBuilder();
        for (Map.Entry<String, Double> e : probabilities.entrySet()) {
            double p = e.getValue();
            if (!(p >= 0 && p <= 1)) {
                throw new AgentException("response field 'probabilities." + OneLine.value(e.getKey())
                        + "' must be in [0, 1], got " + p);
            }
            sum += p;
            listed.append(listed.length() == 0 ? "" : ", ").append(OneLine.value(e.getKey())).append(' ').append(p);
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new AgentException("response field 'probabilities' must sum to 1, got " + sum + " (" + listed + ")");
        }
        if (probabilities.getOrDefault(action, 0.0) <= 0) {
            throw new AgentException("response field 'probabilities' gives the chosen action '" + OneLine.value(action)
                    + "' no probability (" + listed + ")");
        }
    }

    static JsonNode parse(String text, String what) {
        if (text.isBlank()) {
            throw new AgentException(what + " is empty");
        }
        try (com.fasterxml.jackson.core.JsonParser parser = FACTORY.createParser(text)) {
            JsonNode n = MAPPER.readTree(parser);
            if (n == null || n.isMissingNode()) {
                throw new AgentException(what + " is empty");
            }
            // Two answers on one line are not one answer.
            if (parser.nextToken() != null) {
                throw new AgentException(what + " goes on after its JSON value, at column "
                        + parser.currentTokenLocation().getColumnNr() + ": '" + quote(text) + "'");
            }
            return n;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            throw new AgentException(what + " is not valid JSON" + where + " (" + OneLine.value(firstLine(
                    e.getOriginalMessage())) + "): '" + quote(text) + "'");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does not fail otherwise
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static Double optionalNumber(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : number(n, field, false);
    }

    private static double number(JsonNode n, String field, boolean nonNegative) {
        if (!n.isNumber()) {
            throw new AgentException("response field '" + field + "' must be a number, got " + quote(n));
        }
        double d = n.asDouble();
        if (!Double.isFinite(d)) {
            throw new AgentException("response field '" + field + "' must be a finite number, got " + n);
        }
        if (nonNegative && d < 0) {
            throw new AgentException("response field '" + field + "' must not be negative, got " + n);
        }
        return d;
    }

    private static Long count(JsonNode usage, String field) {
        JsonNode n = usage.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
            throw new AgentException("response field 'usage." + field + "' must be a whole number >= 0, got "
                    + quote(n));
        }
        return n.asLong();
    }

    private static Double cost(JsonNode usage) {
        JsonNode n = usage.get("cost");
        return n == null || n.isNull() ? null : number(n, "usage.cost", true);
    }

    private static String optionalString(JsonNode root, String field) {
        return optionalString(root, field, field);
    }

    private static String optionalString(JsonNode root, String field, String path) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new AgentException("response field '" + path + "' must be a string, got " + quote(n));
        }
        return n.asText();
    }

    private static Map<String, Object> toMap(JsonNode object) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), toValue(e.getValue()));
        }
        return m;
    }

    private static Object toValue(JsonNode n) {
        if (n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isObject()) {
            return java.util.Collections.unmodifiableMap(toMap(n));
        }
        List<Object> list = new ArrayList<>(n.size());
        n.forEach(x -> list.add(toValue(x)));
        return java.util.Collections.unmodifiableList(list);
    }

    static void writeMap(JsonGenerator g, Map<String, ?> map) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, ?> e : map.entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            // JSON has no NaN or infinity: a value that is not finite is sent as null.
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull();
            }
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof Instant i) {
            g.writeString(i.toString());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable<?> it) {
            g.writeStartArray();
            for (Object x : it) {
                writeValue(g, x);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    private static void nullableString(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }

    private static String fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String kind(JsonNode n) {
        return n.isArray() ? "an array" : n.isTextual() ? "a string" : n.isNumber() ? "a number"
                : n.isBoolean() ? "a boolean" : "null";
    }

    private static String quote(JsonNode n) {
        return quote(n.toString());
    }

    /** At most {@link #QUOTE} characters of {@code text}, on one line. */
    static String quote(String text) {
        String t = text.length() > QUOTE ? text.substring(0, QUOTE) + "..." : text;
        return OneLine.value(t);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
