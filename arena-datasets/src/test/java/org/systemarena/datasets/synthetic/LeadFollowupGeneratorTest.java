package org.systemarena.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLog;
import org.systemarena.core.ObjectRef;
import org.systemarena.core.Timestamps;

class LeadFollowupGeneratorTest {
    private static final java.util.regex.Pattern REP_ID = java.util.regex.Pattern.compile("rep-\\d\\d");
    private static final List<String> ACTIONS = List.of("send_email", "make_call", "wait", "escalate");
    private static final Set<String> TYPES = Set.of("entity.created", "state.changed", "interaction.occurred",
            "decision.executed", "outcome.recorded", "timer.elapsed", "escalation.triggered");

    /**
     * The behaviour policy as the README documents it, written out independently of {@link LeadBehaviourPolicy}.
     * Order: send_email, make_call, wait, escalate.
     */
    private static double[] documentedPolicy(boolean inbound, double days, long budget) {
        if (inbound) {
            if (budget < 10_000) {
                return new double[] {0.55, 0.30, 0.10, 0.05};
            } else if (budget < 50_000) {
                return new double[] {0.40, 0.45, 0.10, 0.05};
            }
            return new double[] {0.25, 0.55, 0.05, 0.15};
        }
        if (days <= 5) {
            if (budget < 10_000) {
                return new double[] {0.50, 0.15, 0.30, 0.05};
            } else if (budget < 50_000) {
                return new double[] {0.45, 0.25, 0.25, 0.05};
            }
            return new double[] {0.35, 0.35, 0.20, 0.10};
        } else if (days <= 10) {
            if (budget < 10_000) {
                return new double[] {0.45, 0.20, 0.30, 0.05};
            } else if (budget < 50_000) {
                return new double[] {0.35, 0.35, 0.20, 0.10};
            }
            return new double[] {0.25, 0.40, 0.15, 0.20};
        }
        if (budget < 10_000) {
            return new double[] {0.30, 0.20, 0.45, 0.05};
        } else if (budget < 50_000) {
            return new double[] {0.25, 0.30, 0.30, 0.15};
        }
        return new double[] {0.15, 0.35, 0.20, 0.30};
    }

    private static String stateGroup(boolean inbound, double days, long budget) {
        String tier = budget < 10_000 ? "small" : budget < 50_000 ? "mid" : "large";
        String recency = inbound ? "reply" : days <= 5 ? "<=5d" : days <= 10 ? "<=10d" : ">10d";
        return recency + "/" + tier;
    }

    @Test
    void sameSeedGivesIdenticalEventsAndAnotherSeedDoesNot() {
        EventLog a = LeadFollowupGenerator.generate(LeadFollowupConfig.defaults());
        EventLog b = LeadFollowupGenerator.generate(LeadFollowupConfig.defaults());
        EventLog c = LeadFollowupGenerator.generate(LeadFollowupConfig.defaults().withSeed(43));
        assertThat(a.size()).isGreaterThan(3000);
        assertThat(b.events()).isEqualTo(a.events());
        assertThat(c.events()).isNotEqualTo(a.events());
    }

    @Test
    void aLeadDependsOnlyOnSeedAndIndexNotOnHowManyLeadsThereAre() {
        EventLog small = LeadFollowupGenerator.generate(LeadFollowupConfig.of(40, 7));
        EventLog large = LeadFollowupGenerator.generate(LeadFollowupConfig.of(120, 7));
        assertThat(large.filterByCase(small.caseIds()).events()).isEqualTo(small.events());
    }

    @Test
    void maxEventsStopsStartingLeadsOnceReached() {
        EventLog log = LeadFollowupGenerator.generate(LeadFollowupConfig.ofEvents(20_000, 1));
        assertThat(log.size()).isGreaterThanOrEqualTo(20_000);
        // The last lead is finished, and one lead has well under 200 events.
        assertThat(log.size()).isLessThan(20_200);
    }

    @Test
    void leadsAreInArrivalOrderAndEventsInTimeOrder() {
        LeadFollowupConfig config = LeadFollowupConfig.defaults();
        EventLog log = LeadFollowupGenerator.generate(config);
        assertThat(log.caseCount()).isEqualTo(300);
        List<String> expectedIds = new ArrayList<>();
        for (int k = 1; k <= 300; k++) {
            expectedIds.add(String.format("lead-%06d", k));
        }
        assertThat(log.caseIds()).isEqualTo(expectedIds);
        long start = Timestamps.toMicros(config.start());
        long gap = config.arrivalGap().getSeconds() * 1_000_000L;
        for (int c = 0; c < log.caseCount(); c++) {
            int first = log.caseStart(c);
            assertThat(log.eventType(first)).isEqualTo("entity.created");
            // lead k arrives within [start + k gap, start + (k+1) gap)
            assertThat(log.timestampMicros(first)).isBetween(start + c * gap, start + (c + 1) * gap - 1);
            assertThat(log.timestampMicros(first) % 1_000_000L).isZero();
            for (int r = first + 1; r < log.caseEnd(c); r++) {
                assertThat(log.timestampMicros(r)).isGreaterThanOrEqualTo(log.timestampMicros(r - 1));
                assertThat(log.sequenceNumber(r)).isEqualTo(log.sequenceNumber(r - 1) + 1);
                assertThat(log.eventType(r)).isIn(TYPES).isNotEqualTo("entity.created");
            }
            assertThat(log.sequenceNumber(first)).isZero();
        }
    }

    @Test
    void eventsCarryTheDocumentedFields() {
        EventLog log = LeadFollowupGenerator.generate(LeadFollowupConfig.defaults());
        Map<String, Integer> outcomes = new TreeMap<>();
        int casesWithoutOutcome = 0;
        for (int c = 0; c < log.caseCount(); c++) {
            int created = log.caseStart(c);
            String id = log.caseId(c);
            String suffix = id.substring("lead-".length());
            Map<String, Object> p = log.payload().map(created);
            assertThat(p.keySet()).containsExactlyInAnyOrder("source", "budget", "region", "company_size");
            assertThat(p.get("source")).isIn("web_form", "referral", "event", "outbound_list");
            assertThat(p.get("region")).isIn("na", "emea", "apac", "latam");
            assertThat(p.get("company_size")).isIn("small", "mid", "enterprise");
            assertThat(p.get("budget")).isInstanceOf(Long.class);
            assertThat((Long) p.get("budget")).isBetween(2_000L, 300_000L);
            assertThat(log.objectRefs().refs(created)).hasSize(2)
                    .contains(new ObjectRef("contact", "contact-" + suffix, "primary"));
            assertThat(log.objectRefs().refs(created).get(1).type()).isEqualTo("account");
            String status = "new";
            String finalOutcome = null;
            boolean anyOutcome = false;
            for (int r = created; r < log.caseEnd(c); r++) {
                assertThat(log.workflowType(r)).isEqualTo("lead_followup");
                assertThat(log.actor(r).id()).isNotNull();
                switch (log.eventType(r)) {
                    case "interaction.occurred":
                        assertThat(log.payload().get(r, "direction")).isIn("inbound", "outbound");
                        assertThat(log.channel(r)).isIn("email", "phone");
                        assertThat(log.activity(r)).isEqualTo("interaction.occurred:" + log.payload().get(r, "direction"));
                        assertThat(log.objectRefs().refs(r)).containsExactly(
                                new ObjectRef("contact", "contact-" + suffix, "primary"));
                        break;
                    case "state.changed":
                        assertThat(log.payload().get(r, "old_state")).isEqualTo(status);
                        String next = (String) log.payload().get(r, "new_state");
                        assertThat(allowedTransition(status, next)).as(status + " -> " + next).isTrue();
                        status = next;
                        break;
                    case "timer.elapsed":
                        assertThat(log.payload().map(r)).isEqualTo(Map.of("check", "follow_up"));
                        break;
                    case "outcome.recorded":
                        String o = (String) log.payload().get(r, "outcome");
                        assertThat(o).isIn("converted", "meeting_booked", "went_cold", "lost");
                        assertThat(finalOutcome).as("nothing follows a final outcome but its state change")
                                .isNull();
                        if (!o.equals("meeting_booked")) {
                            finalOutcome = o;
                        }
                        anyOutcome = true;
                        outcomes.merge(o, 1, Integer::sum);
                        break;
                    case "decision.executed":
                    case "escalation.triggered":
                        assertThat(finalOutcome).isNull();
                        break;
                    default:
                        break;
                }
            }
            if (!anyOutcome) {
                casesWithoutOutcome++;
            }
        }
        assertThat(outcomes.keySet()).containsExactly("converted", "lost", "meeting_booked", "went_cold");
        assertThat(casesWithoutOutcome).isPositive();
        // A converted lead booked a meeting first.
        assertThat(outcomes.get("meeting_booked")).isGreaterThanOrEqualTo(outcomes.get("converted"));
    }

    private static boolean allowedTransition(String from, String to) {
        switch (from) {
            case "new":
                return to.equals("contacted") || to.equals("closed");
            case "contacted":
                return to.equals("qualified") || to.equals("closed");
            case "qualified":
                return to.equals("meeting_scheduled") || to.equals("closed");
            case "meeting_scheduled":
                return to.equals("won") || to.equals("closed");
            default:
                return false;
        }
    }

    /** One logged decision, with the state reconstructed from the log alone. */
    private record Decision(boolean inbound, double days, long budget, String action, double propensity) {
    }

    /**
     * Walks every case: each decision.executed must follow a trigger (inbound interaction, or a follow-up timer with
     * more than two days since the last interaction) with no other trigger or decision in between, and every trigger
     * must get its decision.
     */
    private static List<Decision> decisions(EventLog log) {
        // Plain checks rather than assertThat per row: this walks hundreds of thousands of events.
        List<Decision> out = new ArrayList<>();
        for (int c = 0; c < log.caseCount(); c++) {
            long budget = (Long) log.payload().get(log.caseStart(c), "budget");
            long lastInteraction = Long.MIN_VALUE;
            String trigger = null;
            double days = Double.NaN;
            for (int r = log.caseStart(c); r < log.caseEnd(c); r++) {
                String type = log.eventType(r);
                long ts = log.timestampMicros(r);
                if (type.equals("interaction.occurred")) {
                    lastInteraction = ts;
                    if ("inbound".equals(log.payload().get(r, "direction"))) {
                        if (trigger != null) {
                            fail("trigger without decision before " + log.event(r));
                        }
                        trigger = "inbound";
                        days = 0;
                    }
                } else if (type.equals("timer.elapsed")) {
                    if (lastInteraction == Long.MIN_VALUE) {
                        fail("follow-up check before any interaction: " + log.event(r));
                    }
                    double d = (ts - lastInteraction) / 86_400_000_000.0;
                    if (d > 2) {
                        if (trigger != null) {
                            fail("trigger without decision before " + log.event(r));
                        }
                        trigger = "timer";
                        days = d;
                    }
                } else if (type.equals("decision.executed")) {
                    if (trigger == null) {
                        fail("decision.executed without a trigger before it: " + log.event(r));
                    }
                    if (!log.actor(r).type().equals("user") || !REP_ID.matcher(log.actor(r).id()).matches()) {
                        fail("decision not made by a rep: " + log.event(r));
                    }
                    out.add(new Decision(trigger.equals("inbound"), days, budget,
                            (String) log.payload().get(r, "action"), (Double) log.payload().get(r, "propensity")));
                    trigger = null;
                }
            }
            if (trigger != null) {
                fail("trigger without decision at the end of " + log.caseId(c));
            }
        }
        return out;
    }

    @Test
    void everyDecisionFollowsItsTriggerAndLogsTheExactBehaviourProbability() {
        EventLog log = LeadFollowupGenerator.generate(LeadFollowupConfig.of(2_000, 11));
        List<Decision> decisions = decisions(log);
        assertThat(decisions).hasSizeGreaterThan(4_000);
        for (Decision d : decisions) {
            double[] p = documentedPolicy(d.inbound(), d.days(), d.budget());
            assertThat(d.action()).isIn(ACTIONS);
            assertThat(d.propensity()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0)
                    .isEqualTo(p[ACTIONS.indexOf(d.action())]);
            DecisionTrigger trigger = d.inbound() ? DecisionTrigger.INBOUND_INTERACTION
                    : DecisionTrigger.FOLLOW_UP_CHECK;
            assertThat(LeadBehaviourPolicy.probabilities(trigger, d.days(), d.budget())).containsExactly(p);
            assertThat(LeadBehaviourPolicy.probability(LeadAction.of(d.action()), trigger, d.days(), d.budget()))
                    .isEqualTo(d.propensity());
        }
        // Every state of the table is visited.
        assertThat(decisions.stream().map(d -> stateGroup(d.inbound(), d.days(), d.budget())).distinct())
                .hasSize(12);
    }

    @Test
    void loggedActionFrequenciesMatchTheBehaviourPolicy() {
        EventLog log = LeadFollowupGenerator.generate(LeadFollowupConfig.of(15_000, 2024));
        List<Decision> decisions = decisions(log);
        Map<String, double[]> expected = new HashMap<>();
        Map<String, double[]> variance = new HashMap<>();
        Map<String, int[]> observed = new HashMap<>();
        for (Decision d : decisions) {
            double[] p = documentedPolicy(d.inbound(), d.days(), d.budget());
            for (String group : List.of("all", stateGroup(d.inbound(), d.days(), d.budget()))) {
                double[] e = expected.computeIfAbsent(group, g -> new double[4]);
                double[] v = variance.computeIfAbsent(group, g -> new double[4]);
                for (int a = 0; a < 4; a++) {
                    e[a] += p[a];
                    v[a] += p[a] * (1 - p[a]);
                }
                observed.computeIfAbsent(group, g -> new int[4])[ACTIONS.indexOf(d.action())]++;
            }
        }
        assertThat(observed).hasSize(13);
        for (String group : observed.keySet()) {
            for (int a = 0; a < 4; a++) {
                double sigma = Math.sqrt(variance.get(group)[a]);
                assertThat(expected.get(group)[a]).as(group + " is visited often enough to test").isGreaterThan(30);
                // 5 standard deviations: a wrong probability in any cell shows, bad luck does not.
                assertThat((double) observed.get(group)[a]).as(group + " " + ACTIONS.get(a))
                        .isCloseTo(expected.get(group)[a], org.assertj.core.data.Offset.offset(5 * sigma));
            }
        }
    }

    @Test
    void actionsChangeWhatHappensNext() {
        // Calls should get more replies than waiting: compare the share of decisions followed by an inbound
        // interaction before the next decision.
        EventLog log = LeadFollowupGenerator.generate(LeadFollowupConfig.of(10_000, 5));
        Map<String, int[]> replied = new HashMap<>();
        for (int c = 0; c < log.caseCount(); c++) {
            String pending = null;
            for (int r = log.caseStart(c); r < log.caseEnd(c); r++) {
                String type = log.eventType(r);
                if (type.equals("decision.executed")) {
                    if (pending != null) {
                        replied.computeIfAbsent(pending, k -> new int[2])[1]++;
                    }
                    pending = (String) log.payload().get(r, "action");
                } else if (pending != null && type.equals("interaction.occurred")
                        && "inbound".equals(log.payload().get(r, "direction"))) {
                    int[] counts = replied.computeIfAbsent(pending, k -> new int[2]);
                    counts[0]++;
                    counts[1]++;
                    pending = null;
                }
            }
        }
        double call = (double) replied.get("make_call")[0] / replied.get("make_call")[1];
        double email = (double) replied.get("send_email")[0] / replied.get("send_email")[1];
        double wait = (double) replied.get("wait")[0] / replied.get("wait")[1];
        assertThat(call).isGreaterThan(email + 0.05);
        assertThat(email).isGreaterThan(wait + 0.05);
    }

    @Test
    void configRejectsNonsense() {
        LeadFollowupConfig d = LeadFollowupConfig.defaults();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.withCases(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.withArrivalGap(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0.01S");
        assertThat(d.start()).isEqualTo(Instant.parse("2025-01-06T08:00:00Z"));
    }
}
