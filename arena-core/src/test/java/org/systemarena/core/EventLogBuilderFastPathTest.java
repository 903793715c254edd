package org.systemarena.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLogBuilder.StringField;

/** The code-based builder methods that loaders use give the same log as the value-based ones. */
class EventLogBuilderFastPathTest {
    @Test
    void codeBasedSettersMatchValueBasedOnes() {
        EventLogBuilder fast = EventLog.builder();
        int caseCode = fast.internCaseId("C");
        int typeCode = fast.intern(StringField.EVENT_TYPE, "interaction.occurred");
        int channelCode = fast.intern(StringField.CHANNEL, "email");
        int amount = fast.internPayloadKey("amount");
        int ok = fast.internPayloadKey("ok");
        int dir = fast.internPayloadKey("direction");
        int when = fast.internPayloadKey("when");
        int gone = fast.internPayloadKey("gone");
        fast.startEventForCase(caseCode, 5_000_000L)
                .stringCode(StringField.EVENT_TYPE, typeCode)
                .stringCode(StringField.CHANNEL, channelCode)
                .string(StringField.ACTOR_ID, "u1")
                .payloadLong(amount, 3)
                .payloadDouble(amount, 2.5) // last write wins
                .payloadBoolean(ok, true)
                .payloadStringCode(dir, fast.internAttributeString("inbound"))
                .payloadInstant(when, 7_000_001L)
                .payloadNull(gone);
        EventLog a = fast.build();

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("amount", 2.5);
        payload.put("ok", true);
        payload.put("direction", "inbound");
        payload.put("when", Instant.ofEpochSecond(7, 1000));
        payload.put("gone", null);
        EventLog b = EventLog.of(java.util.List.of(Event.of("C", Instant.ofEpochSecond(5), "interaction.occurred")
                .withChannel("email").withActor(Actor.of(null, "u1")).withPayload(payload)));
        assertThat(a.events()).isEqualTo(b.events());
        assertThat(a.activity(0)).isEqualTo("interaction.occurred:inbound");
    }
}
