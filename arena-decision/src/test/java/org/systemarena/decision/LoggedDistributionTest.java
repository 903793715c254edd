package org.systemarena.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.core.Action;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.HistoricalActionSpec;
import org.systemarena.core.manifest.Manifest;

/** historical_action.distribution_field: parsing, every kind of error with its message, and what is recorded. */
class LoggedDistributionTest {
    private static final long T = RandomLogs.micros(Instant.parse("2024-05-01T00:00:00Z"));
    private static final long H = 3_600_000_000L;
    private static final String AT = "event 'a#1' (case 'a'), column 'dist', value '";

    private static Manifest manifest(List<Action> actions, List<String> allowed) {
        return new Manifest("test", "1", null, null,
                List.of(DecisionPointSpec.of("ask", "decision.requested", null, allowed)), actions, null, null,
                new HistoricalActionSpec(null, null, null, "dist"), null, null, "test.yaml");
    }

    private static final Manifest MANIFEST = manifest(TestManifests.ACTIONS, List.of("call", "wait"));

    /** One case: a request, then the executed action with whichever labels are not null. */
    private static EventLog log(String action, Object propensity, Object dist) {
        EventLogBuilder b = EventLog.builder();
        b.startEvent("a", T).eventType("decision.requested");
        b.startEvent("a", T + H).eventType("decision.executed");
        if (action != null) {
            b.payload("action", action);
        }
        if (propensity != null) {
            b.payload("propensity", propensity);
        }
        if (dist != null) {
            b.payload("dist", dist);
        }
        return b.build();
    }

    private static DecisionPoint point(Manifest m, String action, Object propensity, Object dist) {
        List<DecisionPoint> ps = DecisionPointExtractor.of(m, log(action, propensity, dist)).extractAll()
                .decisionPoints();
        assertThat(ps).hasSize(1);
        return ps.get(0);
    }

    private static void fails(String action, Object propensity, Object dist, String message) {
        DecisionPointExtractor x = DecisionPointExtractor.of(MANIFEST, log(action, propensity, dist));
        assertThatThrownBy(x::extractAll).isInstanceOf(ArenaException.class).hasMessage(AT + dist + "': " + message);
    }

    @Test
    void aGoodDistributionIsRecordedInTheOrderLoggedWithItsPropensity() {
        DecisionPoint dp = point(MANIFEST, "call", 0.25, "{\"wait\": 0.75, \"call\": 0.25}");
        assertThat(dp.loggedAction()).isEqualTo("call");
        assertThat(dp.loggedPropensity()).isEqualTo(0.25);
        assertThat(dp.loggedDistribution()).containsExactly(Map.entry("wait", 0.75), Map.entry("call", 0.25));
        assertThatThrownBy(() -> dp.loggedDistribution().put("x", 1.0))
                .isInstanceOf(UnsupportedOperationException.class);
        // JSON as any writer may format it: spacing, escapes, exponents
        DecisionPoint escaped = point(MANIFEST, "call", null, " {\n\"c\\u0061ll\":2.5e-1,\t\"wait\" : 0.75 } ");
        assertThat(escaped.loggedDistribution()).containsExactly(Map.entry("call", 0.25), Map.entry("wait", 0.75));
    }

    @Test
    void withoutALoggedPropensityTheDistributionGivesIt() {
        assertThat(point(MANIFEST, "call", null, "{\"call\": 0.25, \"wait\": 0.75}").loggedPropensity())
                .isEqualTo(0.25);
        // within the tolerance the logged propensity is kept as logged
        assertThat(point(MANIFEST, "call", 0.2500004, "{\"call\": 0.25, \"wait\": 0.75}").loggedPropensity())
                .isEqualTo(0.2500004);
        // no distribution field on the event: nothing changes
        DecisionPoint none = point(MANIFEST, "call", 0.5, null);
        assertThat(none.loggedDistribution()).isNull();
        assertThat(none.loggedPropensity()).isEqualTo(0.5);
    }

    @Test
    void aDistributionWithoutALoggedActionIsKept() {
        DecisionPoint dp = point(MANIFEST, null, null, "{\"call\": 0.5, \"wait\": 0.5}");
        assertThat(dp.loggedAction()).isNull();
        assertThat(dp.loggedPropensity()).isNull();
        assertThat(dp.loggedDistribution()).containsExactly(Map.entry("call", 0.5), Map.entry("wait", 0.5));
    }

    @Test
    void disallowedActionsAreAcceptedOnlyWithProbabilityZero() {
        DecisionPoint dp = point(MANIFEST, "call", null, "{\"call\": 1, \"send_email\": 0}");
        assertThat(dp.loggedDistribution()).containsExactly(Map.entry("call", 1.0), Map.entry("send_email", 0.0));
        fails("call", null, "{\"call\": 0.5, \"send_email\": 0.5}", "logged action distribution gives 0.5 to action "
                + "'send_email', which decision point 'ask' does not allow (allowed: call, wait)");
        // a rule without a list allows every declared action; with none declared, any action
        Manifest everyDeclared = manifest(TestManifests.ACTIONS, List.of());
        assertThat(point(everyDeclared, "call", null, "{\"call\": 0.5, \"send_email\": 0.5}").loggedDistribution())
                .hasSize(2);
        assertThatThrownBy(() -> DecisionPointExtractor.of(everyDeclared, log("call", null,
                "{\"call\": 0.5, \"fax\": 0.5}")).extractAll()).hasMessageEndingWith("to action 'fax', which decision "
                + "point 'ask' does not allow (allowed: call, send_email, wait)");
        Manifest anyAction = manifest(List.of(), List.of());
        assertThat(point(anyAction, "call", null, "{\"call\": 0.5, \"fax\": 0.5}").loggedDistribution()).hasSize(2);
    }

    @Test
    void everyErrorSaysWhatIsWrong() {
        String object = "logged action distribution must be a JSON object of action type to probability: ";
        fails("call", null, "[0.5, 0.5]", object + "expected '{' at character 1");
        fails("call", null, "", object + "expected '{' but the text ends at character 1");
        fails("call", null, "{\"call\": 0.5 \"wait\": 0.5}", object + "expected ',' or '}' at character 14");
        fails("call", null, "{\"call\": 0.5,", object + "expected an action name in double quotes but the text ends "
                + "at character 14");
        fails("call", null, "{call: 1}", object + "expected an action name in double quotes at character 2");
        fails("call", null, "{\"call\": 1} x", object + "unexpected text after the object at character 13");
        fails("call", null, "{\"call\": 1, \"call\": 0}", object + "action 'call' appears twice");
        fails("call", null, "{\"\": 1}", object + "an empty action name at character 2");
        fails("call", null, "{\"call\": 01}", object + "expected ',' or '}' at character 11");
        fails("call", null, "{\"call\": \"1\"}", "logged action distribution: the probability of 'call' must be a "
                + "number, got a string");
        fails("call", null, "{\"call\": null}", "logged action distribution: the probability of 'call' must be a "
                + "number, got null");
        fails("call", null, "{\"call\": {\"p\": 1}}", "logged action distribution: the probability of 'call' must "
                + "be a number, got an object");
        fails("call", null, "{\"call\": 1e999}", "logged action distribution: the probability of 'call' must be a "
                + "finite number, got 1e999");
        fails("call", null, "{\"call\": NaN}", "logged action distribution: the probability of 'call' must be a "
                + "finite number, got NaN");
        fails("call", null, "{\"call\": 1.5, \"wait\": -0.5}", "logged action distribution: the probability of "
                + "'call' must be in [0, 1], got 1.5");
        fails("call", null, "{\"call\": 0.5, \"wait\": -0.0001}", "logged action distribution: the probability of "
                + "'wait' must be in [0, 1], got -0.0001");
        fails("call", null, "{\"call\": 0.5, \"wait\": 0.4}", "logged action distribution: the probabilities sum to "
                + "0.9, not 1 (within 1e-6)");
        fails("call", null, "{}", "logged action distribution: the probabilities sum to 0.0, not 1 (within 1e-6)");
        fails("call", null, "{\"wait\": 1}", "logged action distribution has no probability for the logged action "
                + "'call'");
        fails("call", null, "{\"call\": 0, \"wait\": 1}", "logged action distribution gives the logged action 'call' "
                + "probability 0");
        fails("call", 0.3, "{\"call\": 0.25, \"wait\": 0.75}", "logged propensity 0.3 (column 'propensity') "
                + "disagrees with the logged action distribution, which gives the logged action 'call' 0.25");
        fails("call", null, 0.5, "logged action distribution must be a JSON object of action type to probability, "
                + "written as text, got a number");
        fails("call", null, true, "logged action distribution must be a JSON object of action type to probability, "
                + "written as text, got a boolean");
    }

    @Test
    void aSumWithinTheToleranceIsAccepted() {
        assertThat(point(MANIFEST, "call", null, "{\"call\": 0.3333333, \"wait\": 0.6666665}").loggedPropensity())
                .isEqualTo(0.3333333);
    }

    /** The walker remembers the last text it parsed: what depends on the event is still checked at every event. */
    @Test
    void aRepeatedTextIsCheckedAgainstEachEventsAction() {
        String dist = "{\"call\": 0.25, \"wait\": 0.75}";
        EventLogBuilder b = EventLog.builder();
        b.startEvent("a", T).eventType("decision.requested");
        b.startEvent("a", T + H).eventType("decision.executed").payload("action", "call").payload("dist", dist);
        b.startEvent("b", T).eventType("decision.requested");
        b.startEvent("b", T + H).eventType("decision.executed").payload("action", "wait").payload("dist", dist);
        b.startEvent("c", T).eventType("decision.requested");
        b.startEvent("c", T + H).eventType("decision.executed").payload("action", "wait").payload("propensity", 0.5)
                .payload("dist", dist);
        DecisionPointExtractor x = DecisionPointExtractor.of(MANIFEST, b.build());
        assertThat(x.extractCase(0).points().get(0).loggedPropensity()).isEqualTo(0.25);
        assertThat(x.extractCase(1).points().get(0).loggedPropensity()).isEqualTo(0.75);
        assertThat(x.extractCase(1).points().get(0).loggedDistribution())
                .isSameAs(x.extractCase(1).points().get(0).loggedDistribution());
        assertThatThrownBy(() -> x.extractCase(2)).hasMessage("event 'c#1' (case 'c'), column 'dist', value '" + dist
                + "': logged propensity 0.5 (column 'propensity') disagrees with the logged action distribution, "
                + "which gives the logged action 'wait' 0.75");
    }

    @Test
    void aDecisionPointBuiltInCodeCopiesItsDistribution() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("wait", 0.5);
        m.put("call", 0.5);
        DecisionPoint dp = point(MANIFEST, "call", null, "{\"call\": 1}");
        DecisionPoint copy = new DecisionPoint(dp.id(), dp.rule(), dp.caseIndex(), dp.caseId(), dp.triggerRow(),
                dp.time(), dp.allowedActions(), dp.snapshot(), "call", 0.5, m, null, null);
        m.put("call", 0.25);
        assertThat(copy.loggedDistribution()).containsExactly(Map.entry("wait", 0.5), Map.entry("call", 0.5));
        assertThat(copy.loggedDistribution()).isEqualTo(Map.of("wait", 0.5, "call", 0.5));
    }
}
