package org.systemarena.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.systemarena.core.Action;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.OutcomeSpec;
import org.systemarena.core.manifest.Severity;

/** A three-case log whose decision points, labels and constraint hits are worked out by hand in the tests. */
final class ReplayFixture {
    static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");
    static final List<String> ACTIONS = List.of("send_email", "make_call", "wait", "escalate");

    private ReplayFixture() {
    }

    static Instant day(double d) {
        return T0.plus(Duration.ofMinutes(Math.round(d * 24 * 60)));
    }

    static EventLog log() {
        EventLogBuilder b = EventLog.builder();
        // case A: 4 follow-up checks on days 1-4, three with a logged action, converted on day 5
        b.startEvent("A", day(0)).eventType("entity.created").payload("budget", 20_000L);
        timer(b, "A", 1);
        executed(b, "A", 1.01, "send_email", 0.5);
        timer(b, "A", 2);
        executed(b, "A", 2.01, "make_call", 0.25);
        timer(b, "A", 3);
        executed(b, "A", 3.01, "send_email", 0.5);
        timer(b, "A", 4);
        b.startEvent("A", day(5)).eventType("outcome.recorded").payload("outcome", "converted");
        // case B: one check, logged wait, lost on day 3.5
        b.startEvent("B", day(0.5)).eventType("entity.created").payload("budget", 5_000L);
        timer(b, "B", 1.5);
        executed(b, "B", 1.51, "wait", 0.5);
        b.startEvent("B", day(3.5)).eventType("outcome.recorded").payload("outcome", "lost");
        // case C: no budget, one check, nothing logged, no outcome
        b.startEvent("C", day(0.2)).eventType("entity.created");
        b.startEvent("C", day(0.3)).eventType("interaction.occurred").payload("direction", "outbound");
        timer(b, "C", 2.2);
        return b.build();
    }

    private static void timer(EventLogBuilder b, String caseId, double d) {
        b.startEvent(caseId, day(d)).eventType("timer.elapsed").payload("check", "follow_up");
    }

    private static void executed(EventLogBuilder b, String caseId, double d, String action, double propensity) {
        b.startEvent(caseId, day(d)).eventType("decision.executed").payload("action", action)
                .payload("propensity", propensity);
    }

    static Manifest manifest() {
        return new Manifest("fixture", "1", null, null,
                List.of(DecisionPointSpec.of("follow_up", "timer.elapsed", null, ACTIONS)),
                ACTIONS.stream().map(Action::of).toList(),
                new OutcomeSpec(List.of("converted", "meeting_booked"), List.of("lost", "went_cold"), List.of(), null),
                List.of(ConstraintSpec.of("no_spam",
                                "action_type == 'send_email' and policy_actions('send_email', 7) >= 2",
                                Severity.VIOLATION, "a third email within a week"),
                        ConstraintSpec.of("small_budget_escalation", "action_type == 'escalate' and budget < 10000",
                                Severity.WARNING, "escalating a small lead")),
                null, null, null, "fixture.yaml");
    }
}
