package org.systemarena.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.Timestamps;
import org.systemarena.core.manifest.BehaviourModelSpec;
import org.systemarena.core.manifest.HistoricalActionSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.decision.DecisionPoint;
import org.systemarena.decision.DecisionPointExtractor;
import org.systemarena.decision.FeatureExtractor;
import org.systemarena.policy.ConstantPolicy;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

/** The behaviour-model columns and logged distributions of the trace table, against policies and extraction. */
class BehaviourColumnsTest {
    private static final Manifest EXAMPLE = Datasets.loadManifest(ExampleWorkflow.DIR.resolve("manifest.yaml"));
    private static final EventLog LEADS = LeadFollowupGenerator.generate(LeadFollowupConfig.of(400, 11));

    /** Records, per trigger event, the value of every name that its snapshot gives. */
    private static final class Recorder implements Policy {
        final List<String> names;
        final Map<String, List<Object>> seen = new ConcurrentHashMap<>();

        Recorder(List<String> names) {
            this.names = names;
        }

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
            List<Object> values = new ArrayList<>();
            names.forEach(n -> values.add(snapshot.get(n)));
            seen.put(snapshot.caseId() + "|" + snapshot.triggerEvent().eventId(), values);
            return Decision.of("wait");
        }
    }

    private static Manifest withFeatures(Manifest m, List<String> features) {
        return new Manifest(m.name(), m.version(), m.description(), m.caseConfig(), m.decisionPoints(),
                m.allowedActions(), m.outcomes(), m.constraints(), m.historicalAction(), m.ranking(),
                BehaviourModelSpec.of(features), m.source());
    }

    /** Every feature column equals, at every row, what the recording policy's snapshot gave. */
    private static TraceTable checkAgainstPolicy(Manifest manifest, EventLog log, List<FeatureExtractor> features,
                                                 int threads) {
        BenchmarkRunner runner = BenchmarkRunner.of(manifest, log,
                BenchmarkConfig.builder().threads(threads).features(features).build());
        List<String> names = runner.behaviourFeatures().names();
        Recorder recorder = new Recorder(names);
        TraceTable table = runner.run(recorder).table();
        assertThat(table.behaviourFeatures()).isEqualTo(names);
        assertThat(table.size()).isGreaterThan(100);
        assertThat(recorder.seen).hasSize(table.size()); // one rule per trigger event here
        for (int row = 0; row < table.size(); row++) {
            List<Object> want = recorder.seen.get(table.caseId(table.caseOf(row)) + "|"
                    + log.eventId(table.triggerRow(row)));
            for (int f = 0; f < names.size(); f++) {
                SnapshotColumn c = table.behaviourFeature(f);
                Object v = want.get(f);
                String at = names.get(f) + " at " + table.decisionId(row);
                assertThat(c.size()).isEqualTo(table.size());
                assertThat(c.value(row)).as(at).isEqualTo(v);
                assertThat(c.isNull(row)).as(at).isEqualTo(v == null);
                if (v instanceof Number n) {
                    assertThat(c.kind()).as(at).isEqualTo(SnapshotColumn.Kind.NUMBER);
                    assertThat(c.number(row)).as(at).isEqualTo(n.doubleValue());
                } else if (v instanceof String s && c.kind() == SnapshotColumn.Kind.TEXT) {
                    assertThat(c.text(c.textCode(row))).as(at).isEqualTo(s);
                }
            }
        }
        return table;
    }

    private static void assertSameColumns(TraceTable a, TraceTable b) {
        assertThat(b.behaviourFeatures()).isEqualTo(a.behaviourFeatures());
        assertThat(b.size()).isEqualTo(a.size());
        for (int f = 0; f < a.behaviourFeatures().size(); f++) {
            SnapshotColumn x = a.behaviourFeature(f);
            SnapshotColumn y = b.behaviourFeature(f);
            assertThat(y.kind()).isEqualTo(x.kind());
            assertThat(y.textCount()).isEqualTo(x.textCount());
            for (int row = 0; row < a.size(); row++) {
                assertThat(y.value(row)).isEqualTo(x.value(row));
                if (x.kind() == SnapshotColumn.Kind.TEXT) {
                    assertThat(y.textCode(row)).isEqualTo(x.textCode(row));
                }
            }
        }
    }

    @Test
    void theDefaultSetIsRecordedAsThePolicySawIt() {
        TraceTable one = checkAgainstPolicy(EXAMPLE, LEADS, List.of(), 1);
        assertThat(one.behaviourFeatures()).containsExactly("days_since_last_contact", "total_interactions",
                "total_events", "time_since_created_days", "time_in_current_state_days", "status", "activity",
                "source", "budget", "region", "company_size", "direction", "old_state", "new_state", "check",
                "escalated_to", "outcome");
        assertThat(one.omittedBehaviourFeatures()).isEmpty();
        assertThat(one.behaviourFeature("budget").kind()).isEqualTo(SnapshotColumn.Kind.NUMBER);
        assertThat(one.behaviourFeature("region").kind()).isEqualTo(SnapshotColumn.Kind.TEXT);
        assertThatThrownBy(() -> one.behaviourFeature("action")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'action' is not a behaviour feature of this run (features: "
                        + "days_since_last_contact, ");
        TraceTable three = checkAgainstPolicy(EXAMPLE, LEADS, List.of(), 3);
        assertSameColumns(one, three);
        // the summary shares the default set's columns and still reads as before
        for (int row = 0; row < one.size(); row++) {
            assertThat(one.snapshotSummary(row).get("status")).isEqualTo(one.behaviourFeature("status").value(row));
        }
    }

    @Test
    void aDeclaredSetIsRecordedAsThePolicySawIt() {
        List<FeatureExtractor> features = List.of(FeatureExtractor.of("outbound_calls", v -> {
            long n = 0;
            for (int r = 0; r < v.size(); r++) {
                n += "interaction.occurred:outbound".equals(v.activity(r)) ? 1 : 0;
            }
            return n;
        }), FeatureExtractor.of("first_seen", v -> Timestamps.fromMicros(v.timestampMicros(0))));
        Manifest m = withFeatures(EXAMPLE, List.of("budget", "outbound_calls", "event.event_type", "state.status",
                "days_since_last_interaction", "first_seen", "event.check", "region"));
        TraceTable one = checkAgainstPolicy(m, LEADS, features, 1);
        assertThat(one.behaviourFeatures()).containsExactly("budget", "outbound_calls", "event.event_type",
                "state.status", "days_since_last_interaction", "first_seen", "event.check", "region");
        assertThat(one.behaviourFeature("first_seen").kind()).isEqualTo(SnapshotColumn.Kind.OTHER);
        assertThat(one.behaviourFeature("first_seen").value(0)).isInstanceOf(Instant.class);
        TraceTable three = checkAgainstPolicy(m, LEADS, features, 3);
        assertSameColumns(one, three);
    }

    @Test
    void anUnknownDeclaredFeatureStopsTheRunnerWithASuggestion() {
        Manifest m = withFeatures(EXAMPLE, List.of("budjet"));
        assertThatThrownBy(() -> BenchmarkRunner.of(m, LEADS)).hasMessageContaining(
                "<code>: behaviour_model feature: unknown name 'budjet', did you mean 'budget'?");
    }

    @Test
    void payloadKeysBeyond64AreLeftOutAndListed() {
        EventLogBuilder b = EventLog.builder();
        for (int c = 0; c < 3; c++) {
            String id = "case" + c;
            b.startEvent(id, ReplayFixture.day(0)).eventType("entity.created").payload("budget", 100L * c);
            for (int k = 0; k < 70; k++) {
                b.startEvent(id, ReplayFixture.day(0.01 * (k + 1))).eventType("note.added").payload("k" + k, k + 0.5);
            }
            b.startEvent(id, ReplayFixture.day(1)).eventType("timer.elapsed");
        }
        EventLog log = b.build();
        TraceTable t = BenchmarkRunner.of(ReplayFixture.manifest(), log).run(ConstantPolicy.of("wait")).table();
        List<String> omitted = new ArrayList<>();
        for (int k = 63; k < 70; k++) {
            omitted.add("k" + k);
        }
        assertThat(t.omittedBehaviourFeatures()).isEqualTo(omitted);
        assertThat(t.behaviourFeatures()).hasSize(7 + 64).contains("budget", "k0", "k62").doesNotContain("k63");
        assertThat(t.behaviourFeature("k62").number(2)).isEqualTo(62.5);
        assertThat(t.behaviourFeature("budget").number(2)).isEqualTo(200.0);
    }

    // ---- logged distributions

    private static final String[] DISTRIBUTIONS = {
        "{\"send_email\": 0.5, \"wait\": 0.5}",
        "{\"make_call\": 0.2, \"wait\": 0.8}",
        // escalate is never logged and never chosen: it gets a code from the distributions alone
        "{\"make_call\": 0.5, \"escalate\": 0.25, \"wait\": 0.25}",
    };

    /** 300 cases in 5 chunks of 64 on 3 threads: none with a distribution before case 100, then some. */
    private static EventLog distributionLog() {
        EventLogBuilder b = EventLog.builder();
        for (int c = 0; c < 300; c++) {
            String id = String.format("c%03d", c);
            b.startEvent(id, ReplayFixture.day(0)).eventType("entity.created");
            for (int k = 0; k < 3; k++) {
                b.startEvent(id, ReplayFixture.day(k + 1)).eventType("timer.elapsed");
                if ((c + k) % 3 == 0) {
                    continue; // no action logged
                }
                String action = c < 200 ? "wait" : "make_call";
                b.startEvent(id, ReplayFixture.day(k + 1.01)).eventType("decision.executed").payload("action", action);
                if (c >= 100 && (c + k) % 2 == 0) {
                    b.payload("dist", DISTRIBUTIONS[action.equals("wait") ? c % 2 : 1 + c % 2]);
                }
            }
        }
        return b.build();
    }

    private static Manifest distributionManifest() {
        Manifest m = ReplayFixture.manifest();
        return new Manifest(m.name(), m.version(), m.description(), m.caseConfig(), m.decisionPoints(),
                m.allowedActions(), m.outcomes(), List.of(), new HistoricalActionSpec(null, null, null, "dist"),
                m.ranking(), null, m.source());
    }

    @Test
    void loggedDistributionsAreRecodedAcrossChunks() {
        EventLog log = distributionLog();
        Manifest m = distributionManifest();
        Map<String, Map<String, Double>> want = new HashMap<>();
        for (DecisionPoint dp : DecisionPointExtractor.of(m, log).extractAll().decisionPoints()) {
            want.put(dp.id(), dp.loggedDistribution());
        }
        assertThat(want.values().stream().filter(d -> d != null).count()).isGreaterThan(100);
        TraceTable one = null;
        for (int threads : new int[] {1, 3}) {
            TraceTable t = BenchmarkRunner.of(m, log, BenchmarkConfig.builder().threads(threads).build())
                    .run(ConstantPolicy.of("wait")).table();
            assertThat(t.actions()).contains("escalate");
            for (int row = 0; row < t.size(); row++) {
                Map<String, Double> d = want.get(t.decisionId(row));
                assertThat(t.hasLoggedDistribution(row)).isEqualTo(d != null);
                assertThat(t.loggingDistribution(row, TraceTable.NONE)).isNaN();
                assertThat(t.loggingDistribution(row)).isEqualTo(d == null ? null : new LinkedHashMap<>(d));
                for (int code = 0; code < t.actions().size(); code++) {
                    double p = t.loggingDistribution(row, code);
                    if (d == null) {
                        assertThat(p).isNaN();
                    } else {
                        assertThat(p).isEqualTo(d.getOrDefault(t.actions().get(code), 0.0));
                    }
                }
                if (d != null && t.loggedAction(row) != null) {
                    // the propensity came from the distribution
                    assertThat(t.loggedPropensity(row)).isEqualTo(d.get(t.loggedAction(row)));
                }
            }
            if (one == null) {
                one = t;
            } else {
                assertThat(t.actions()).isEqualTo(one.actions());
                for (int row = 0; row < t.size(); row++) {
                    assertThat(t.loggingDistribution(row)).isEqualTo(one.loggingDistribution(row));
                }
            }
        }
    }

    @Test
    void aRunCutShortKeepsTheDistributionsOfItsRows() {
        EventLog log = distributionLog();
        Manifest m = distributionManifest();
        TraceTable full = BenchmarkRunner.of(m, log).run(ConstantPolicy.of("wait")).table();
        for (int threads : new int[] {1, 3}) {
            TraceTable cut = BenchmarkRunner.of(m, log, BenchmarkConfig.builder().threads(threads)
                    .maxDecisionPoints(500).build()).run(ConstantPolicy.of("wait")).table();
            assertThat(cut.size()).isEqualTo(500);
            for (int row = 0; row < cut.size(); row++) {
                assertThat(cut.decisionId(row)).isEqualTo(full.decisionId(row));
                assertThat(cut.loggingDistribution(row)).isEqualTo(full.loggingDistribution(row));
                assertThat(cut.behaviourFeature(0).value(row)).isEqualTo(full.behaviourFeature(0).value(row));
            }
        }
    }
}
