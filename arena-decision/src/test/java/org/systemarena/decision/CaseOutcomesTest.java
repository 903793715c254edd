package org.systemarena.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.OutcomeCategory;
import org.systemarena.core.manifest.OutcomeSpec;

/** Each case's outcome on its own: by hand on a tiny log, and the extractor's on random logs. */
class CaseOutcomesTest {
    private static final long T = RandomLogs.micros(Instant.parse("2024-05-01T00:00:00Z"));
    private static final OutcomeSpec OUTCOMES = new OutcomeSpec(List.of("won", "meeting"), List.of("lost"),
            List.of("stalled"), null);

    @Test
    void theLastMatchingEventOfEachCaseCountsAndCasesWithoutOneAreCountedApart() {
        EventLogBuilder b = EventLog.builder();
        b.startEvent("a", T).eventType("state.changed").payload("new_state", "lost");
        b.startEvent("a", T + 1).eventType("outcome.recorded").payload("outcome", "won");    // a: won (last)
        b.startEvent("b", T).eventType("meeting");                                           // b: meeting, by type
        b.startEvent("c", T).eventType("outcome.recorded").payload("outcome", "unlisted");   // c: none
        b.startEvent("d", T).eventType("state.changed").payload("new_state", "stalled");     // d: stalled
        CaseOutcomes o = CaseOutcomes.of(b.build(), OUTCOMES);
        assertThat(o.outcome(0)).isEqualTo(new CaseOutcome("won", OutcomeCategory.POSITIVE));
        assertThat(o.outcome(1)).isEqualTo(new CaseOutcome("meeting", OutcomeCategory.POSITIVE));
        assertThat(o.outcome(2)).isEqualTo(CaseOutcome.UNKNOWN);
        assertThat(o.outcome(3)).isEqualTo(new CaseOutcome("stalled", OutcomeCategory.NEUTRAL));
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("won", 1L);
        expected.put("meeting", 1L);
        expected.put("lost", 0L);
        expected.put("stalled", 1L);
        expected.put(null, 1L);
        assertThat(o.counts()).containsExactlyEntriesOf(expected);
    }

    @Test
    void agreesWithTheExtractorOnEveryCaseWithADecisionPoint() {
        Manifest m = TestManifests.of(List.of(DecisionPointSpec.of("ask", "decision.requested", null,
                List.of("call"))), new OutcomeSpec(List.of("won"), List.of("lost"), List.of("stalled"), null),
                List.of());
        int compared = 0;
        int known = 0;
        for (long seed = 1; seed <= 20; seed++) {
            EventLog log = RandomLogs.log(seed, 40);
            CaseOutcomes o = CaseOutcomes.of(log, m.outcomes());
            for (CaseDecisions c : DecisionPointExtractor.of(m, log).extractAll().cases()) {
                assertThat(o.outcome(c.caseIndex())).as("seed %d case %s", seed, c.caseId()).isEqualTo(c.outcome());
                compared++;
                known += c.outcome().category() == OutcomeCategory.UNKNOWN ? 0 : 1;
            }
        }
        assertThat(compared).isGreaterThan(100);
        assertThat(known).isGreaterThan(compared / 4);
    }
}
