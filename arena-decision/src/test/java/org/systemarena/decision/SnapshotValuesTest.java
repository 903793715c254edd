package org.systemarena.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.OutcomeCategory;

/** Snapshot values and labels on a small log, every expected value worked out by hand. */
class SnapshotValuesTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final long DAY = 86_400_000_000L;
    private static final long HOUR = 3_600_000_000L;

    private static long t(long micros) {
        return RandomLogs.micros(T0) + micros;
    }

    /** See the comments for what each event is for. */
    static EventLog log() {
        EventLogBuilder b = EventLog.builder();
        b.startEvent("L1", t(0)).sequenceNumber(0).eventType("entity.created").payload("budget", 5000L)
                .payload("source", "web");
        b.startEvent("L1", t(DAY)).sequenceNumber(1).eventType("interaction.occurred").payload("direction", "outbound");
        b.startEvent("L1", t(2 * DAY)).sequenceNumber(2).eventType("state.changed").payload("new_state", "qualified")
                .stateAfter("status", "qualified").stateAfter("stage", 2L);
        b.startEvent("L1", t(2 * DAY + 12 * HOUR)).sequenceNumber(3).eventType("decision.requested")
                .payload("budget", 7000L).channel("email");
        // same timestamp as the trigger above, later sequence: invisible to it
        b.startEvent("L1", t(2 * DAY + 12 * HOUR)).sequenceNumber(4).eventType("interaction.occurred")
                .payload("direction", "inbound").payload("secret", "later");
        b.startEvent("L1", t(3 * DAY)).sequenceNumber(5).eventType("decision.executed").payload("action", "call")
                .payload("propensity", 0.25);
        b.startEvent("L1", t(4 * DAY)).sequenceNumber(6).eventType("decision.requested");
        b.startEvent("L1", t(10 * DAY)).sequenceNumber(7).eventType("outcome.recorded").payload("outcome", "won");
        // a second case: no interaction, no state change, a trigger tied with an earlier-input event
        b.startEvent("L2", t(HOUR)).sequenceNumber(1).eventType("decision.requested").eventId("L2-b");
        b.startEvent("L2", t(HOUR)).sequenceNumber(0).eventType("entity.created").payload("budget", 10L)
                .eventId("L2-a");
        b.startEvent("L2", t(HOUR)).sequenceNumber(1).eventType("note.added").payload("secret", "tie")
                .eventId("L2-c");
        return b.build();
    }

    static Manifest manifest(Duration horizon) {
        return TestManifests.of(List.of(DecisionPointSpec.of("followup", "decision.requested", null, List.of())),
                horizon);
    }

    @Test
    void valuesAtFirstTriggerAreWhatTheVisibleEventsSay() {
        Extraction x = DecisionPointExtractor.of(manifest(null), log()).extractAll();
        DecisionPoint p = x.cases().get(0).points().get(0);
        assertThat(p.id()).isEqualTo("L1#3/followup");
        assertThat(p.time()).isEqualTo(T0.plus(Duration.ofHours(60)));
        PointInTimeSnapshot s = (PointInTimeSnapshot) p.snapshot();
        assertThat(s.values()).containsOnly(
                entry("days_since_last_contact", 1.5),
                entry("days_since_last_interaction", 1.5),
                entry("total_interactions", 1L),
                entry("total_events", 4L),
                entry("time_since_created_days", 2.5),
                entry("time_in_current_state_days", 0.5),
                entry("status", "qualified"),
                entry("event_type", "decision.requested"),
                entry("activity", "decision.requested"),
                entry("budget", 7000L),
                entry("source", "web"),
                entry("direction", "outbound"),
                entry("new_state", "qualified"),
                entry("event.budget", 7000L),
                entry("event.event_id", "L1#3"),
                entry("event.event_type", "decision.requested"),
                entry("event.activity", "decision.requested"),
                entry("event.timestamp", T0.plus(Duration.ofHours(60))),
                entry("event.channel", "email"),
                entry("event.actor_type", null),
                entry("event.actor_id", null),
                entry("state.status", "qualified"),
                entry("state.stage", 2L));
        assertThat(s.visibleEvents()).hasSize(4);
        assertThat(s.visibleEvents()).isEqualTo(log().events().subList(0, 4));
        assertThat(s.triggerEvent().eventId()).isEqualTo("L1#3");
        assertThat(s.get("secret")).isNull();
        assertThat(s.has("secret")).isFalse();
        assertThat(p.loggedAction()).isEqualTo("call");
        assertThat(p.loggedPropensity()).isEqualTo(0.25);
        assertThat(p.outcome()).isEqualTo("won");
        assertThat(p.outcomeCategory()).isEqualTo(OutcomeCategory.POSITIVE);
    }

    @Test
    void secondTriggerSeesTheTiedInteractionAndHasNoLoggedAction() {
        DecisionPoint p = DecisionPointExtractor.of(manifest(null), log()).extractAll().cases().get(0).points().get(1);
        assertThat(p.id()).isEqualTo("L1#6/followup");
        assertThat(p.snapshot().get("days_since_last_contact")).isEqualTo(1.5);
        assertThat(p.snapshot().get("total_interactions")).isEqualTo(2L);
        assertThat(p.snapshot().get("total_events")).isEqualTo(7L);
        assertThat(p.snapshot().get("direction")).isEqualTo("inbound");
        assertThat(p.snapshot().get("secret")).isEqualTo("later");
        assertThat(p.snapshot().get("budget")).isEqualTo(7000L);
        assertThat(p.snapshot().get("time_in_current_state_days")).isEqualTo(2.0);
        assertThat(p.snapshot().has("event.budget")).isFalse();
        assertThat(p.loggedAction()).isNull();
        assertThat(p.loggedPropensity()).isNull();
    }

    @Test
    void horizonIsInclusiveToTheMicrosecond() {
        // second point at day 4, outcome at day 10: exactly 6 days later
        DecisionPoint atSix = DecisionPointExtractor.of(manifest(Duration.ofDays(6)), log()).extractAll()
                .cases().get(0).points().get(1);
        assertThat(atSix.outcome()).isEqualTo("won");
        DecisionPoint under = DecisionPointExtractor.of(manifest(Duration.ofDays(6).minusNanos(1000)), log())
                .extractAll().cases().get(0).points().get(1);
        assertThat(under.outcome()).isNull();
        assertThat(under.outcomeCategory()).isEqualTo(OutcomeCategory.UNKNOWN);
        // the first point's first outcome is 7.5 days later: beyond a 7-day horizon
        CaseDecisions c = DecisionPointExtractor.of(manifest(Duration.ofDays(7)), log()).extractAll().cases().get(0);
        assertThat(c.points().get(0).outcome()).isNull();
        assertThat(c.points().get(1).outcome()).isEqualTo("won");
        assertThat(c.outcome()).isEqualTo(new CaseOutcome("won", OutcomeCategory.POSITIVE));
    }

    @Test
    void caseWithoutInteractionOrStateChangeAndTiesBrokenBySequenceThenInput() {
        CaseDecisions c = DecisionPointExtractor.of(manifest(null), log()).extractAll().cases().get(1);
        assertThat(c.caseId()).isEqualTo("L2");
        DecisionPoint p = c.points().get(0);
        assertThat(p.id()).isEqualTo("L2-b/followup");
        // L2-a (sequence 0) comes first although it was input later; L2-c ties with L2-b and was input after it
        assertThat(p.snapshot().visibleEvents()).extracting(e -> e.eventId()).containsExactly("L2-a", "L2-b");
        Map<String, Object> v = ((PointInTimeSnapshot) p.snapshot()).values();
        assertThat(v).containsEntry("days_since_last_contact", null).containsEntry("total_interactions", 0L)
                .containsEntry("status", null).containsEntry("state.status", null)
                .containsEntry("time_since_created_days", 0.0).containsEntry("time_in_current_state_days", 0.0)
                .containsEntry("budget", 10L).doesNotContainKey("secret");
        assertThat(c.outcome()).isEqualTo(CaseOutcome.UNKNOWN);
        assertThat(p.outcome()).isNull();
    }

    @Test
    void featuresSeeTheVisibleRowsAndTheValuesComputedBeforeThem() {
        FeatureExtractor trace = FeatureExtractor.of("trace", v -> {
            StringBuilder sb = new StringBuilder(v.caseId()).append(':');
            for (int i = 0; i < v.size(); i++) {
                sb.append(v.eventType(i)).append('/').append(v.activity(i)).append('@')
                        .append((v.timestampMicros(i) - RandomLogs.micros(T0)) / HOUR).append('h')
                        .append(v.timestamp(i).equals(v.event(i).timestamp()) ? "" : "!").append(' ');
            }
            return sb.append("| budget=").append(v.value("budget")).append(" contact=")
                    .append(v.value("days_since_last_contact")).append(" trigger=").append(v.trigger().eventId())
                    .append(" events=").append(v.events().size()).toString();
        });
        Manifest m = TestManifests.of(List.of(DecisionPointSpec.of("followup", "decision.requested",
                "trace != None", List.of())), null);
        List<DecisionPoint> ps = DecisionPointExtractor.of(m, log(), List.of(trace)).extractAll().decisionPoints();
        assertThat(ps.get(0).snapshot().get("trace")).isEqualTo("L1:entity.created/entity.created@0h "
                + "interaction.occurred/interaction.occurred:outbound@24h state.changed/state.changed:qualified@48h "
                + "decision.requested/decision.requested@60h | budget=7000 contact=1.5 trigger=L1#3 events=4");
        assertThat(ps.get(2).snapshot().get("trace")).isEqualTo("L2:entity.created/entity.created@1h "
                + "decision.requested/decision.requested@1h | budget=10 contact=null trigger=L2-b events=2");
    }

    @Test
    void countsPerRule() {
        Extraction x = DecisionPointExtractor.of(manifest(null), log()).extractAll();
        assertThat(x.counts()).containsExactly(new RuleCounts("followup", 3, 3, 0, 0, List.of()));
        assertThat(x.decisionPointCount()).isEqualTo(3);
        assertThat(x.events()).isEqualTo(11);
    }
}
