package org.systemarena.integrations.variants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.manifest.OutcomeSpec;

class VariantComparisonTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    /** Leads: won ones got a demo; lost ones did not. Outcomes in three spec forms (payload, state, event type). */
    private static EventLog leads() {
        EventLogBuilder b = EventLog.builder();
        event(b, "w1", 0, "entity.created", null);
        event(b, "w1", 1, "interaction.occurred", null).payload("direction", "outbound");
        event(b, "w1", 2, "demo", null);
        event(b, "w1", 4, "outcome.recorded", null).payload("outcome", "won");
        event(b, "w2", 0, "entity.created", null);
        event(b, "w2", 2, "demo", null);
        event(b, "w2", 6, "state.changed", null).payload("new_state", "won");
        event(b, "l1", 0, "entity.created", null);
        event(b, "l1", 1, "interaction.occurred", null).payload("direction", "outbound");
        event(b, "l1", 3, "lost", null);
        event(b, "x1", 0, "entity.created", null);
        // a case whose outcome changes: the last matching event counts
        event(b, "l2", 0, "entity.created", null);
        event(b, "l2", 1, "outcome.recorded", null).payload("outcome", "won");
        event(b, "l2", 2, "state.changed", null).payload("new_state", "lost");
        return b.build();
    }

    private static EventLogBuilder event(EventLogBuilder b, String caseId, int day, String type, String activity) {
        return b.startEvent(caseId, T0.plus(Duration.ofDays(day))).eventType(type).activity(activity);
    }

    @Test
    void groupsByManifestOutcomesAndFindsDistinguishingActivities() {
        OutcomeSpec outcomes = new OutcomeSpec(List.of("won"), List.of("lost"), List.of(), null);
        VariantComparison c = VariantComparison.compare(leads(), outcomes);

        assertThat(c.successful().caseCount()).isEqualTo(2);
        assertThat(c.unsuccessful().caseCount()).isEqualTo(2);
        assertThat(c.unclassifiedCases()).isEqualTo(1);
        assertThat(c.successful().share()).isEqualTo(0.5);
        // won cases last 4 and 6 days, lost ones 3 and 2 days
        assertThat(c.successful().caseDuration().mean()).isCloseTo(5 * 86400.0, within(1e-9));
        assertThat(c.unsuccessful().caseDuration().mean()).isCloseTo(2.5 * 86400.0, within(1e-9));
        VariantComparison.Difference top = c.distinguishingActivities().get(0);
        assertThat(top.item()).isEqualTo("demo");
        assertThat(top.successfulShare()).isEqualTo(1.0);
        assertThat(top.unsuccessfulShare()).isEqualTo(0.0);
        // every transition differs by 0.5 except entity.created -> interaction (in one case of each group);
        // ties are listed by name
        assertThat(c.distinguishingTransitions().get(0))
                .isEqualTo(new VariantComparison.Difference("demo -> outcome.recorded:won", 0.5, 0.0));
        assertThat(c.distinguishingTransitions().get(c.distinguishingTransitions().size() - 1))
                .isEqualTo(new VariantComparison.Difference("entity.created -> interaction.occurred:outbound", 0.5, 0.5));
        assertThat(c.summary())
                .contains("successful: 2 cases (50.0%)")
                .contains("unsuccessful: 2 cases (50.0%)")
                .contains("neither: 1 cases")
                .contains("demo: 100.0% vs 0.0% (+100.0 pts)");
    }

    @Test
    void endActivityClassifier() {
        VariantComparison c = VariantComparison.compare(leads(), CaseClassifier.byEndActivity("demo", "lost"));
        assertThat(c.successful().caseCount()).isZero();
        assertThat(c.unsuccessful().caseCount()).isEqualTo(1);
        assertThat(c.unsuccessful().variants().get(0).activities())
                .containsExactly("entity.created", "interaction.occurred:outbound", "lost");
    }
}
