package org.systemarena.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.OutcomeCategory;
import org.systemarena.core.manifest.OutcomeSpec;

/** Label edge cases and error reporting, on tiny logs with hand-worked expectations. */
class LabelsAndErrorsTest {
    private static final long T = RandomLogs.micros(Instant.parse("2024-05-01T00:00:00Z"));
    private static final long H = 3_600_000_000L;

    private static Manifest manifest(String condition) {
        return TestManifests.of(List.of(DecisionPointSpec.of("ask", "decision.requested", condition, List.of("call"))),
                new OutcomeSpec(List.of("won", "meeting"), List.of("lost"), List.of("stalled"), null), List.of());
    }

    @Test
    void actionWindowEndsAtTheNextDecisionPointAndOutcomeNamesFollowThePriority() {
        EventLogBuilder b = EventLog.builder();
        b.startEvent("a", T).eventType("decision.requested");                                       // a#0: point 1
        b.startEvent("a", T + H).eventType("decision.requested");                                   // a#1: point 2
        b.startEvent("a", T + 2 * H).eventType("decision.executed").payload("action", "call")      // action of point 2
                .payload("propensity", "0.5");
        b.startEvent("a", T + 3 * H).eventType("decision.executed").payload("action", "wait");     // nobody's
        // outcome payload wins over new_state, and unlisted names do not match
        b.startEvent("a", T + 4 * H).eventType("state.changed").payload("new_state", "lost").payload("outcome", "won");
        b.startEvent("a", T + 5 * H).eventType("decision.requested");                               // a#5: point 3
        b.startEvent("a", T + 6 * H).eventType("outcome.recorded").payload("outcome", "unlisted");
        b.startEvent("a", T + 7 * H).eventType("state.changed").payload("new_state", "lost");      // point 3's outcome
        b.startEvent("a", T + 8 * H).eventType("meeting");                                          // by event type
        CaseDecisions c = DecisionPointExtractor.of(manifest(null), b.build()).extractAll().cases().get(0);
        assertThat(c.points()).extracting(DecisionPoint::id).containsExactly("a#0/ask", "a#1/ask", "a#5/ask");
        assertThat(c.points()).extracting(DecisionPoint::loggedAction).containsExactly(null, "call", null);
        assertThat(c.points()).extracting(DecisionPoint::loggedPropensity).containsExactly(null, 0.5, null);
        assertThat(c.points()).extracting(DecisionPoint::outcome).containsExactly("won", "won", "lost");
        assertThat(c.points()).extracting(DecisionPoint::outcomeCategory).containsExactly(OutcomeCategory.POSITIVE,
                OutcomeCategory.POSITIVE, OutcomeCategory.NEGATIVE);
        assertThat(c.points().get(0).allowedActions()).extracting(a -> a.type()).containsExactly("call");
        assertThat(c.outcome()).isEqualTo(new CaseOutcome("meeting", OutcomeCategory.POSITIVE));
    }

    @Test
    void anActionEventThatTriggersTheNextPointBelongsToNeither() {
        Manifest m = TestManifests.of(List.of(DecisionPointSpec.of("ask", "decision.requested", null, List.of()),
                DecisionPointSpec.of("did", "decision.executed", null, List.of())), null);
        EventLogBuilder b = EventLog.builder();
        b.startEvent("a", T).eventType("decision.requested");
        b.startEvent("a", T + H).eventType("decision.executed").payload("action", "call");
        b.startEvent("a", T + 2 * H).eventType("decision.executed").payload("action", "wait");
        List<DecisionPoint> ps = DecisionPointExtractor.of(m, b.build()).extractAll().decisionPoints();
        assertThat(ps).extracting(DecisionPoint::id).containsExactly("a#0/ask", "a#1/did", "a#2/did");
        assertThat(ps).extracting(DecisionPoint::loggedAction).containsExactly(null, null, null);
    }

    @Test
    void aPropensityThatIsNotAProbabilityIsAnInputError() {
        EventLogBuilder b = EventLog.builder();
        b.startEvent("a", T).eventType("decision.requested");
        b.startEvent("a", T + H).eventType("decision.executed").payload("action", "call").payload("propensity", 1.5);
        DecisionPointExtractor x = DecisionPointExtractor.of(manifest(null), b.build());
        assertThatThrownBy(x::extractAll).isInstanceOf(ArenaException.class)
                .hasMessage("event 'a#1' (case 'a'), column 'propensity', value '1.5': logged propensity must be a"
                        + " probability in (0, 1] (the logged action was taken, so its probability was above 0)");
        // 0 too: a logged action with probability 0 is impossible (was only a warning in the results).
        EventLogBuilder zero = EventLog.builder();
        zero.startEvent("a", T).eventType("decision.requested");
        zero.startEvent("a", T + H).eventType("decision.executed").payload("action", "call").payload("propensity", 0.0);
        DecisionPointExtractor z = DecisionPointExtractor.of(manifest(null), zero.build());
        assertThatThrownBy(z::extractAll).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("event 'a#1' (case 'a'), column 'propensity', value '0.0': logged propensity"
                        + " must be a probability in (0, 1]");
    }

    private static EventLog errorLog() {
        EventLogBuilder b = EventLog.builder();
        for (int i = 0; i < 8; i++) {
            b.startEvent("c" + i, T + i * H).eventType("entity.created").payload("budget", i % 2 == 0 ? "lots" : 5L);
            b.startEvent("c" + i, T + i * H + 1).eventType("decision.requested");
        }
        return b.build();
    }

    @Test
    void evaluationErrorsAreCountedWithTheFirstMessagesNeverTurnedIntoFalse() {
        Extraction x = DecisionPointExtractor.of(manifest("budget > 3"), errorLog()).extractAll();
        RuleCounts rc = x.counts().get(0);
        assertThat(rc.triggerMatches()).isEqualTo(8);
        assertThat(rc.decisionPoints()).isEqualTo(4);
        assertThat(rc.conditionFalse()).isZero();
        assertThat(rc.errors()).isEqualTo(4);
        assertThat(rc.errorMessages()).hasSize(4);
        assertThat(rc.errorMessages().get(0)).startsWith(
                "rule 'ask' at event 'c0#1' (case 'c0', 2024-05-01T00:00:00.000001Z): ").contains("budget > 3");
        assertThat(x.errorCount()).isEqualTo(4);
    }

    @Test
    void failFastThrowsAtTheFirstError() {
        DecisionPointExtractor x = DecisionPointExtractor.of(manifest("budget > 3"), errorLog()).withFailFast(true);
        assertThat(x.failFast()).isTrue();
        assertThatThrownBy(x::extractAll).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("rule 'ask' at event 'c0#1' (case 'c0', 2024-05-01T00:00:00.000001Z): ")
                .hasCauseInstanceOf(ArenaException.class);
    }

    @Test
    void aFailingFeatureIsAnErrorOfEveryRuleTriggeredThere() {
        Manifest m = TestManifests.of(List.of(DecisionPointSpec.of("one", "decision.requested", null, List.of()),
                DecisionPointSpec.of("two", "decision.requested", null, List.of())), null);
        FeatureExtractor bad = FeatureExtractor.of("bad", v -> {
            throw new IllegalStateException("boom at " + v.size());
        });
        Extraction x = DecisionPointExtractor.of(m, errorLog(), List.of(bad)).extractAll();
        assertThat(x.counts()).extracting(RuleCounts::errors).containsExactly(8L, 8L);
        assertThat(x.counts().get(1).errorMessages().get(0)).isEqualTo("rule 'two' at event 'c0#1' (case 'c0', "
                + "2024-05-01T00:00:00.000001Z): feature 'bad' failed: IllegalStateException: boom at 2");
        assertThat(x.decisionPoints()).isEmpty();
    }

    @Test
    void errorMessagesStopAtFiveButCountsDoNot() {
        EventLogBuilder b = EventLog.builder();
        for (int i = 0; i < 7; i++) {
            b.startEvent("c", T + i).eventType("decision.requested").payload("budget", "x");
        }
        RuleCounts rc = DecisionPointExtractor.of(manifest("budget > 3"), b.build()).extractAll().counts().get(0);
        assertThat(rc.errors()).isEqualTo(7);
        assertThat(rc.errorMessages()).hasSize(RuleCounts.MAX_MESSAGES);
    }
}
