package org.systemarena.eval;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.manifest.BehaviourModelSpec;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.HistoricalActionSpec;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.OutcomeSpec;
import org.systemarena.core.manifest.RankingSpec;
import org.systemarena.core.manifest.Severity;
import org.systemarena.eval.verdict.VerdictSettings;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

/**
 * A four-case log whose metrics EvaluatorTest works out by hand. Every timer is a decision point:
 * <pre>
 * case A  budget 20000  d1 (May 2 09:00) logged send_email mu 0.5; d2 (May 3 09:00) logged make_call mu 0.25; converted
 * case B  budget  5000  d1.5 (May 2 21:00) logged wait mu 0.5; lost
 * case C  no budget     d2.2 (May 3 13:48) logged make_call mu 0.5; meeting_booked
 * case D  no decision point; converted (not counted anywhere)
 * </pre>
 */
public final class TinyLog {
    public static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");
    public static final List<String> ACTIONS = List.of("send_email", "make_call", "wait", "escalate");

    /**
     * The verdict rule's checks with limits a three-case log can pass (2 cases, ESS 1, no minimum of effective outcomes, the mean weight check off),
     * so tests can follow every other check and the reports' numbers by hand; the defaults call every policy of
     * this log too few cases.
     */
    public static final VerdictSettings LENIENT = new VerdictSettings(2, 1.0, 0.0, 0.01, 0.01, 10.0, 0.0);

    private TinyLog() {
    }

    public static Instant day(double d) {
        return T0.plus(Duration.ofMinutes(Math.round(d * 24 * 60)));
    }

    public static EventLog log() {
        return log(true);
    }

    /** With {@code propensities} false, the log's decisions carry no propensity. */
    public static EventLog log(boolean propensities) {
        return build(propensities, false);
    }

    /**
     * The log with the logging policy's whole distribution on every decision ({@code dist}, see
     * {@link #manifestWithDistributions()}), its entry for the logged action equal to the propensity:
     * <pre>
     * A d1  send_email .5, make_call .3, wait .2      A d2  make_call .25, send_email .25, wait .5
     * B     wait .5, make_call .5                     C     make_call .5, wait .5
     * </pre>
     */
    public static EventLog logWithDistributions() {
        return build(true, true);
    }

    private static EventLog build(boolean propensities, boolean distributions) {
        EventLogBuilder b = EventLog.builder();
        b.startEvent("A", day(0)).eventType("entity.created").payload("budget", 20_000L);
        timer(b, "A", 1);
        executed(b, "A", 1.01, "send_email", 0.5, propensities,
                distributions ? "{\"send_email\": 0.5, \"make_call\": 0.3, \"wait\": 0.2}" : null);
        timer(b, "A", 2);
        executed(b, "A", 2.01, "make_call", 0.25, propensities,
                distributions ? "{\"make_call\": 0.25, \"send_email\": 0.25, \"wait\": 0.5}" : null);
        b.startEvent("A", day(5)).eventType("outcome.recorded").payload("outcome", "converted");
        b.startEvent("B", day(0.5)).eventType("entity.created").payload("budget", 5_000L);
        timer(b, "B", 1.5);
        executed(b, "B", 1.51, "wait", 0.5, propensities,
                distributions ? "{\"wait\": 0.5, \"make_call\": 0.5}" : null);
        b.startEvent("B", day(3.5)).eventType("outcome.recorded").payload("outcome", "lost");
        b.startEvent("C", day(0.2)).eventType("entity.created");
        timer(b, "C", 2.2);
        executed(b, "C", 2.21, "make_call", 0.5, propensities,
                distributions ? "{\"make_call\": 0.5, \"wait\": 0.5}" : null);
        b.startEvent("C", day(3)).eventType("outcome.recorded").payload("outcome", "meeting_booked");
        b.startEvent("D", day(0.1)).eventType("entity.created");
        b.startEvent("D", day(1)).eventType("outcome.recorded").payload("outcome", "converted");
        return b.build();
    }

    private static void timer(EventLogBuilder b, String caseId, double d) {
        b.startEvent(caseId, day(d)).eventType("timer.elapsed").payload("check", "follow_up");
    }

    private static void executed(EventLogBuilder b, String caseId, double d, String action, double propensity,
            boolean withPropensity, String distribution) {
        var e = b.startEvent(caseId, day(d)).eventType("decision.executed").payload("action", action);
        if (withPropensity) {
            e.payload("propensity", propensity);
        }
        if (distribution != null) {
            e.payload("dist", distribution);
        }
    }

    public static Manifest manifest() {
        return new Manifest("tiny", "1", "four <leads> & a test", null,
                List.of(DecisionPointSpec.of("follow_up", "timer.elapsed", null, ACTIONS)),
                ACTIONS.stream().map(Action::of).toList(),
                new OutcomeSpec(List.of("converted", "meeting_booked"), List.of("lost"), List.of(), null),
                List.of(ConstraintSpec.of("no_spam",
                                "action_type == 'send_email' and policy_actions('send_email', 7) >= 1",
                                Severity.VIOLATION, "a second email within a week"),
                        ConstraintSpec.of("small_budget_escalation", "action_type == 'escalate' and budget < 10000",
                                Severity.WARNING, "escalating a small lead")),
                null, new RankingSpec(1, Duration.ofDays(1)), BehaviourModelSpec.of(List.of("status")),
                "tiny.yaml");
    }

    /** {@link #manifest()} reading the logged distributions of {@link #logWithDistributions()} from {@code dist}. */
    public static Manifest manifestWithDistributions() {
        Manifest m = manifest();
        return new Manifest(m.name(), m.version(), m.description(), m.caseConfig(), m.decisionPoints(),
                m.allowedActions(), m.outcomes(), m.constraints(),
                new HistoricalActionSpec(null, null, null, "dist"), m.ranking(), m.behaviourModel(), m.source());
    }

    /** {@link #manifest()} with the default behaviour-model features (every payload key and the built-ins). */
    public static Manifest manifestWithDefaultFeatures() {
        Manifest m = manifest();
        return new Manifest(m.name(), m.version(), m.description(), m.caseConfig(), m.decisionPoints(),
                m.allowedActions(), m.outcomes(), m.constraints(), m.historicalAction(), m.ranking(),
                BehaviourModelSpec.defaults(), m.source());
    }

    /** Always calls; score = -budget (none without a budget). */
    public static Policy caller() {
        return policy("caller", s -> {
            Object budget = s.get("budget");
            Decision d = Decision.of("make_call");
            return budget == null ? d : d.withScore(-((Number) budget).doubleValue());
        });
    }

    /** Calls, but reports probabilities make_call 0.6, send_email 0.2, wait 0.2; no score. */
    public static Policy mixer() {
        return policy("mixer", s -> Decision.of("make_call")
                .withProbabilities(Map.of("make_call", 0.6, "send_email", 0.2, "wait", 0.2)));
    }

    /** Escalates leads with a budget under 10,000, emails the others; score 1. */
    public static Policy emailer() {
        return policy("emailer", s -> {
            Object budget = s.get("budget");
            boolean small = budget != null && ((Number) budget).longValue() < 10_000;
            return Decision.of(small ? "escalate" : "send_email").withScore(1.0);
        });
    }

    /** Calls, but throws on the 5,000 budget lead. */
    public static Policy flaky() {
        return policy("flaky", s -> {
            Object budget = s.get("budget");
            if (budget != null && ((Number) budget).longValue() == 5_000) {
                throw new IllegalStateException("cannot handle small leads");
            }
            return Decision.of("make_call");
        });
    }

    /** caller, mixer, emailer, flaky, historical (the log's own actions). */
    public static List<Policy> policies() {
        return List.of(caller(), mixer(), emailer(), flaky(), org.systemarena.policy.HistoricalPolicy.withFallback("wait"));
    }

    /** {@code policy} under another name. */
    public static Policy named(String name, Policy policy) {
        return policy(name, s -> policy.decide(s, List.of()));
    }

    private interface Body {
        Decision decide(CaseSnapshot s);
    }

    private static Policy policy(String name, Body body) {
        return new Policy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
                return body.decide(snapshot);
            }
        };
    }
}
