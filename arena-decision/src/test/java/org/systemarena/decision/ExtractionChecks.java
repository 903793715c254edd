package org.systemarena.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.systemarena.core.Event;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;

/** Shared fixtures of the property tests: a manifest exercising every path, features, and the comparison. */
final class ExtractionChecks {
    private ExtractionChecks() {
    }

    static Manifest randomLogManifest(Duration horizon) {
        return TestManifests.of(List.of(
                new DecisionPointSpec("on_request", "decision.requested",
                        "budget > 2000 or total_interactions >= 2 or outbound_count >= 1", List.of("call", "wait"),
                        null),
                DecisionPointSpec.of("on_inbound", "interaction.occurred:inbound", null, List.of()),
                DecisionPointSpec.of("on_state", "state.changed",
                        "status == 'qualified' or days_since_last_contact is None or state.stage == 3", List.of()),
                // event.flag is boolean: adding 1 is a type error on every trigger
                DecisionPointSpec.of("broken", "timer.elapsed", "event.flag + 1 > 0", List.of()),
                DecisionPointSpec.of("on_note", "note.added", "time_in_current_state_days < 3", List.of())),
                horizon);
    }

    /** Plain functions of the visible events; the extractor gets them through {@link VisibleHistory#events()}. */
    static Map<String, Function<List<Event>, Object>> features() {
        Map<String, Function<List<Event>, Object>> f = new LinkedHashMap<>();
        f.put("outbound_count", events -> events.stream()
                .filter(e -> "outbound".equals(e.payload().get("direction"))).count());
        f.put("last_note", events -> {
            Object last = null;
            for (Event e : events) {
                if (e.payload().containsKey("note")) {
                    last = e.payload().get("note");
                }
            }
            return last;
        });
        return f;
    }

    static List<FeatureExtractor> featureExtractors() {
        return features().entrySet().stream()
                .map(en -> FeatureExtractor.of(en.getKey(), v -> en.getValue().apply(v.events())))
                .toList();
    }

    /** Asserts that the extractor and the reference agree on everything. */
    static void assertSame(Extraction x, ReferenceExtractor.Result ref, EventLog log) {
        assertThat(x.cases()).hasSameSizeAs(ref.cases());
        for (int c = 0; c < x.cases().size(); c++) {
            CaseDecisions got = x.cases().get(c);
            ReferenceExtractor.RefCase want = ref.cases().get(c);
            assertThat(got.caseId()).isEqualTo(want.caseId());
            assertThat(got.outcome()).isEqualTo(want.outcome() == null ? CaseOutcome.UNKNOWN
                    : new CaseOutcome(want.outcome(), want.category()));
            assertThat(got.points()).extracting(DecisionPoint::id)
                    .containsExactlyElementsOf(want.points().stream().map(ReferenceExtractor.RefPoint::id).toList());
            for (int i = 0; i < got.points().size(); i++) {
                DecisionPoint p = got.points().get(i);
                ReferenceExtractor.RefPoint r = want.points().get(i);
                String at = p.id();
                assertThat(p.rule()).as(at).isEqualTo(r.rule());
                assertThat(p.caseId()).as(at).isEqualTo(r.caseId());
                assertThat(p.caseIndex()).as(at).isEqualTo(c);
                assertThat(p.triggerRow()).as(at).isEqualTo(r.row());
                assertThat(log.eventId(p.triggerRow())).as(at).isEqualTo(r.trigger().eventId());
                assertThat(p.time()).as(at).isEqualTo(r.trigger().timestamp());
                assertThat(p.allowedActions()).as(at).isEqualTo(r.allowedActions());
                assertThat(p.loggedAction()).as(at).isEqualTo(r.action());
                assertThat(p.loggedPropensity()).as(at).isEqualTo(r.propensity());
                assertThat(p.outcome()).as(at).isEqualTo(r.outcome());
                assertThat(p.outcomeCategory()).as(at).isEqualTo(r.category());
                assertThat(((PointInTimeSnapshot) p.snapshot()).values()).as(at).isEqualTo(r.values());
                assertThat(p.snapshot().names()).as(at).isEqualTo(r.values().keySet());
                assertThat(p.snapshot().visibleEvents()).as(at).isEqualTo(r.visible());
                assertThat(p.snapshot().triggerEvent()).as(at).isEqualTo(r.trigger());
                assertThat(p.snapshot().asOf()).as(at).isEqualTo(r.trigger().timestamp());
                assertThat(p.snapshot().caseId()).as(at).isEqualTo(r.caseId());
            }
        }
        assertThat(x.counts()).hasSameSizeAs(ref.counts());
        for (int k = 0; k < x.counts().size(); k++) {
            RuleCounts got = x.counts().get(k);
            ReferenceExtractor.RefCounts want = ref.counts().get(k);
            assertThat(new ReferenceExtractor.RefCounts(got.rule(), got.triggerMatches(), got.decisionPoints(),
                    got.conditionFalse(), got.errors())).isEqualTo(want);
            assertThat(got.errorMessages()).hasSize((int) Math.min(RuleCounts.MAX_MESSAGES, got.errors()));
        }
    }
}
