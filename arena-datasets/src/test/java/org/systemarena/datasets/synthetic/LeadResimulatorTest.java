package org.systemarena.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.systemarena.core.Event;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;

/** Re-simulating leads with chosen actions: common random numbers, and where a simulation stops. */
class LeadResimulatorTest {
    private static final LeadFollowupConfig CONFIG = LeadFollowupConfig.of(300, 42);

    /** The logged actions of one case, in order, read from its decision.executed events. */
    private static List<LeadAction> loggedActions(EventLog log, int c) {
        List<LeadAction> out = new ArrayList<>();
        for (int r = log.caseStart(c); r < log.caseEnd(c); r++) {
            if (log.eventType(r).equals("decision.executed")) {
                out.add(LeadAction.of((String) log.payload().get(r, "action")));
            }
        }
        return out;
    }

    private static List<Event> caseEvents(EventLog log, int c) {
        List<Event> out = new ArrayList<>();
        for (int r = log.caseStart(c); r < log.caseEnd(c); r++) {
            out.add(log.event(r));
        }
        return out;
    }

    @Test
    void theLoggedActionsForcedGiveBackExactlyTheLoggedLead() {
        for (LeadFollowupConfig config : List.of(CONFIG, LeadFollowupConfig.of(2_000, 7))) {
            EventLog log = LeadFollowupGenerator.generate(config);
            for (int c = 0; c < log.caseCount(); c++) {
                int lead = Integer.parseInt(log.caseId(c).substring("lead-".length())) - 1;
                List<LeadAction> actions = loggedActions(log, c);
                LeadResimulator.Simulated s = LeadResimulator.lead(config, lead, actions);
                assertThat(s.stop().ended()).isTrue();
                assertThat(s.stop().decisions()).isEqualTo(actions.size());
                assertThat(s.log().events()).as(log.caseId(c)).isEqualTo(caseEvents(log, c));
            }
        }
    }

    @Test
    void pathsThatAgreeOnTheFirstKDecisionsAreIdenticalUpToTheNextDecision() {
        EventLog log = LeadFollowupGenerator.generate(CONFIG);
        Random random = new Random(3);
        LeadAction[] all = LeadAction.values();
        int compared = 0;
        for (int lead = 0; lead < 300; lead++) {
            // A random path, then one that follows it for k decisions and then takes another action.
            List<LeadAction> a = randomPath(lead, random);
            if (a.isEmpty()) {
                continue;
            }
            int k = random.nextInt(a.size());
            List<LeadAction> b = new ArrayList<>(a.subList(0, k));
            b.add(all[(a.get(k).ordinal() + 1 + random.nextInt(3)) % all.length]);
            List<Event> ea = LeadResimulator.lead(CONFIG, lead, a).log().events();
            LeadResimulator.Simulated sb = LeadResimulator.lead(CONFIG, lead, b);
            List<Event> eb = sb.log().events();
            int shared = indexOfDecision(ea, k + 1);
            assertThat(indexOfDecision(eb, k + 1)).as("lead %d", lead).isEqualTo(shared);
            assertThat(eb.subList(0, shared)).as("lead %d, first %d decisions shared", lead, k)
                    .isEqualTo(ea.subList(0, shared));
            // The (k+1)-th decision itself is where they part.
            assertThat(eb.get(shared).payload().get("action")).isEqualTo(b.get(k).id())
                    .isNotEqualTo(ea.get(shared).payload().get("action"));
            compared++;
        }
        assertThat(compared).isGreaterThan(250);
        assertThat(log.caseCount()).isEqualTo(300);
    }

    /**
     * Beyond the shared prefix: the {@code i}-th decision meets the same draws whatever was done before it. How long
     * the rep takes to log a decision is one such draw, scaled to its trigger's range, so after a different action at
     * decision {@code k} every later decision of the same trigger type still takes exactly as long. (With one draw
     * after another, as before, an email and a call consume different numbers of draws, and every later delay
     * would move.)
     */
    @Test
    void theIthDecisionMeetsTheSameDrawsWhateverCameBefore() {
        Random random = new Random(5);
        int compared = 0;
        for (int lead = 0; lead < 300; lead++) {
            List<LeadAction> a = randomPath(lead, random);
            if (a.size() < 3) {
                continue;
            }
            int k = random.nextInt(a.size() - 1);
            List<LeadAction> b = new ArrayList<>(a);
            b.set(k, a.get(k) == LeadAction.MAKE_CALL ? LeadAction.SEND_EMAIL : LeadAction.MAKE_CALL);
            // b follows a's later actions for as long as its lead lasts.
            List<Long[]> da = delays(LeadResimulator.lead(CONFIG, lead, a).log().events());
            List<Long[]> db = delays(follow(lead, b));
            for (int i = k + 1; i < Math.min(da.size(), db.size()); i++) {
                if (da.get(i)[0].equals(db.get(i)[0])) {
                    assertThat(db.get(i)[1]).as("lead %d decision %d", lead, i).isEqualTo(da.get(i)[1]);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    /** The events of {@code lead} taking {@code actions} in turn, up to its end or the last action. */
    private static List<Event> follow(int lead, List<LeadAction> actions) {
        for (int n = actions.size(); n >= 0; n--) {
            try {
                return LeadResimulator.lead(CONFIG, lead, actions.subList(0, n)).log().events();
            } catch (IllegalArgumentException ended) {
                // the lead ended before taking all n: try fewer
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Per decision: its trigger's kind (1 inbound, 0 follow-up check) and seconds from trigger to decision. */
    private static List<Long[]> delays(List<Event> events) {
        List<Long[]> out = new ArrayList<>();
        Event trigger = null;
        for (Event e : events) {
            String type = e.eventType().name();
            if (type.equals("timer.elapsed") || "interaction.occurred:inbound".equals(e.activity())) {
                trigger = e;
            } else if (type.equals("decision.executed")) {
                long inbound = trigger.eventType().name().equals("timer.elapsed") ? 0 : 1;
                out.add(new Long[] {inbound, e.timestamp().getEpochSecond() - trigger.timestamp().getEpochSecond()});
            }
        }
        return out;
    }

    /** A path of uniformly random actions to the lead's end. */
    private static List<LeadAction> randomPath(int lead, Random random) {
        List<LeadAction> actions = new ArrayList<>();
        while (true) {
            LeadStop stop = LeadResimulator.lead(CONFIG, lead, actions).stop();
            if (stop.ended()) {
                return actions;
            }
            actions.add(LeadAction.values()[random.nextInt(4)]);
        }
    }

    /** Position of the {@code n}-th (1-based) decision.executed event, or the size when there are fewer. */
    private static int indexOfDecision(List<Event> events, int n) {
        int seen = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).eventType().name().equals("decision.executed") && ++seen == n) {
                return i;
            }
        }
        return events.size();
    }

    @Test
    void aLeadsAttributesAndFirstContactDoNotDependOnTheActions() {
        for (int lead = 0; lead < 50; lead++) {
            LeadResimulator.Simulated none = LeadResimulator.lead(CONFIG, lead, List.of());
            List<Event> first = none.log().events();
            int shared = none.stop().triggerEvent() + 1;
            for (LeadAction a : LeadAction.values()) {
                List<Event> events = LeadResimulator.lead(CONFIG, lead, List.of(a)).log().events();
                assertThat(events.subList(0, shared)).isEqualTo(first.subList(0, shared));
            }
        }
    }

    @Test
    void aSimulationStopsRightAfterTheTriggerWithTheRepsView() {
        EventLog log = LeadFollowupGenerator.generate(CONFIG);
        for (int c = 0; c < 60; c++) {
            List<LeadAction> actions = loggedActions(log, c);
            for (int i = 0; i < actions.size(); i++) {
                LeadResimulator.Simulated s = LeadResimulator.lead(CONFIG, c, actions.subList(0, i));
                LeadStop stop = s.stop();
                assertThat(stop.ended()).isFalse();
                assertThat(stop.decisions()).isEqualTo(i);
                assertThat(stop.lead()).isEqualTo(c);
                assertThat(stop.caseId()).isEqualTo(log.caseId(c));
                EventLog prefix = s.log();
                Event trigger = prefix.event(stop.triggerEvent());
                // Only the trigger, or the state change an inbound reply causes one second later, comes last.
                assertThat(prefix.size() - stop.triggerEvent()).isBetween(1, 2);
                if (stop.trigger() == DecisionTrigger.INBOUND_INTERACTION) {
                    assertThat(trigger.activity()).isEqualTo("interaction.occurred:inbound");
                    assertThat(stop.daysSinceLastContact()).isZero();
                } else {
                    assertThat(trigger.eventType().name()).isEqualTo("timer.elapsed");
                    assertThat(prefix.size()).isEqualTo(stop.triggerEvent() + 1);
                    assertThat(stop.daysSinceLastContact()).isGreaterThan(2);
                }
                assertThat(stop.budget()).isEqualTo(log.payload().get(log.caseStart(c), "budget"));
                // The logged propensity of the action taken there is the reps' probability of it.
                double logged = (Double) log.payload().get(decisionRow(log, c, i + 1), "propensity");
                assertThat(stop.repProbabilities()[actions.get(i).ordinal()]).isEqualTo(logged);
            }
        }
    }

    private static int decisionRow(EventLog log, int c, int n) {
        int seen = 0;
        for (int r = log.caseStart(c); r < log.caseEnd(c); r++) {
            if (log.eventType(r).equals("decision.executed") && ++seen == n) {
                return r;
            }
        }
        throw new AssertionError("case " + c + " has fewer than " + n + " decisions");
    }

    @Test
    void leadsShareOneBuilderAndTooManyActionsAreRefused() {
        EventLogBuilder builder = EventLog.builder();
        LeadResimulator simulator = LeadResimulator.into(builder, CONFIG);
        EventLog log = LeadFollowupGenerator.generate(CONFIG);
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            LeadStop stop = simulator.run(c, loggedActions(log, c));
            assertThat(stop.ended()).isTrue();
            ids.add(stop.caseId());
        }
        assertThat(builder.build().events()).isEqualTo(log.filterByCase(ids).events());

        List<LeadAction> tooMany = new ArrayList<>(loggedActions(log, 0));
        tooMany.add(LeadAction.WAIT);
        assertThatThrownBy(() -> LeadResimulator.lead(CONFIG, 0, tooMany))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lead-000001 ended after " + (tooMany.size() - 1) + " decisions, but " + tooMany.size()
                        + " actions were given");
        LeadStop ended = LeadResimulator.lead(CONFIG, 0, loggedActions(log, 0)).stop();
        assertThatThrownBy(ended::repProbabilities).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lead-000001 ended after");
    }
}
