package org.systemarena.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.manifest.BehaviourModelSpec;
import org.systemarena.core.manifest.HistoricalActionSpec;
import org.systemarena.core.manifest.Manifest;

class BehaviourFeaturesTest {
    private static final long T = RandomLogs.micros(Instant.parse("2024-05-01T00:00:00Z"));

    private static Manifest manifest(HistoricalActionSpec historical, BehaviourModelSpec model) {
        return new Manifest("test", "1", null, null, List.of(), TestManifests.ACTIONS, null, null, historical, null,
                model, "test.yaml");
    }

    /** Payload keys in this order: budget, action, propensity, probs, status, event.x, state.y, region, k0..k69. */
    private static EventLog log() {
        EventLogBuilder b = EventLog.builder();
        b.startEvent("a", T).eventType("entity.created").payload("budget", 5L).payload("action", "call")
                .payload("propensity", 0.5).payload("probs", "{}").payload("status", "x").payload("event.x", 1L)
                .payload("state.y", 1L).payload("region", "EMEA");
        for (int k = 0; k < 70; k++) {
            b.startEvent("a", T + k + 1).eventType("note.added").payload("k" + k, (long) k);
        }
        return b.build();
    }

    @Test
    void theDefaultSetIsTheBuiltInsAndAtMost64PayloadKeysInKeyOrder() {
        BehaviourFeatures f = BehaviourFeatures.of(manifest(new HistoricalActionSpec(null, null, null, "probs"),
                null), log());
        List<String> expected = new ArrayList<>(List.of("days_since_last_contact", "total_interactions",
                "total_events", "time_since_created_days", "time_in_current_state_days", "status", "activity",
                "budget", "region"));
        List<String> omitted = new ArrayList<>();
        for (int k = 0; k < 70; k++) {
            (k < 62 ? expected : omitted).add("k" + k);
        }
        assertThat(f.names()).isEqualTo(expected);
        assertThat(f.omitted()).isEqualTo(omitted);
        assertThat(f.declared()).isFalse();
        assertThat(f.names().size() - BehaviourFeatures.DEFAULT_BUILT_INS.size())
                .isEqualTo(BehaviourFeatures.MAX_DEFAULT_PAYLOAD_KEYS);
    }

    @Test
    void theDistributionFieldIsLeftOutOnlyWhenTheManifestNamesIt() {
        BehaviourFeatures f = BehaviourFeatures.of(manifest(null, null), log());
        assertThat(f.names()).containsSubsequence("budget", "probs", "region").doesNotContain("action", "propensity");
        assertThat(f.omitted()).containsExactly("k61", "k62", "k63", "k64", "k65", "k66", "k67", "k68", "k69");
        BehaviourFeatures renamed = BehaviourFeatures.of(manifest(new HistoricalActionSpec(null, "budget", "region",
                null), null), log());
        assertThat(renamed.names()).contains("action", "propensity").doesNotContain("budget", "region");
    }

    @Test
    void declaredFeaturesAreTakenAsTheyAre() {
        BehaviourFeatures f = BehaviourFeatures.of(manifest(null, BehaviourModelSpec.of(List.of("k69", "status",
                "event.channel"))), log());
        assertThat(f.names()).containsExactly("k69", "status", "event.channel");
        assertThat(f.omitted()).isEmpty();
        assertThat(f.declared()).isTrue();
    }
}
