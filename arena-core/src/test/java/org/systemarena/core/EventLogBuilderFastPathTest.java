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

    @Test
    void objectReferencesByCodeMatchReferencesByValue() {
        EventLogBuilder fast = EventLog.builder();
        int contact = fast.internObjectRefType("contact");
        int account = fast.internObjectRefType("account");
        int c1 = fast.internObjectRefId("contact-1");
        int a1 = fast.internObjectRefId("acct-1");
        int primary = fast.internObjectRefRole("primary");
        assertThat(fast.internObjectRefRole(null)).isEqualTo(StringDictionary.NULL);
        assertThat(fast.internObjectRefId("contact-1")).isEqualTo(c1);
        fast.startEvent("L", 1L).string(StringField.EVENT_TYPE, "entity.created")
                .objectRefCodes(contact, c1, primary).objectRefCodes(account, a1, StringDictionary.NULL);
        fast.startEvent("L", 2L).string(StringField.EVENT_TYPE, "timer.elapsed").objectRefCodes(contact, c1, primary);
        EventLog a = fast.build();

        EventLog b = EventLog.of(java.util.List.of(
                Event.of("L", Instant.EPOCH.plusNanos(1000), "entity.created").withObjectRefs(java.util.List.of(
                        ObjectRef.of("contact", "contact-1", "primary"), ObjectRef.of("account", "acct-1"))),
                Event.of("L", Instant.EPOCH.plusNanos(2000), "timer.elapsed").withObjectRefs(java.util.List.of(
                        ObjectRef.of("contact", "contact-1", "primary")))));
        assertThat(a.events()).isEqualTo(b.events());
        assertThat(a.filterByObject("account", "acct-1").size()).isEqualTo(1);
    }

    @Test
    void objectReferenceCodesAreChecked() {
        EventLogBuilder b = EventLog.builder();
        int type = b.internObjectRefType("contact");
        int id = b.internObjectRefId("contact-1");
        b.startEvent("L", 1L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.objectRefCodes(type, id + 1, StringDictionary.NULL))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown object reference id code 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.objectRefCodes(StringDictionary.NULL, id, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown object reference type code -1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.objectRefCodes(type, id, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown object reference role code 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.internObjectRefId(null))
                .isInstanceOf(ArenaException.class).hasMessageContaining("object reference needs a type and an id");
    }

    @Test
    void caseIdsInternedWithoutEventsAreNotCases() {
        EventLogBuilder b = EventLog.builder();
        b.internCaseId("ghost"); // as a loader does for a row whose case id column is repeated
        int later = b.internCaseId("L2");
        b.startEvent("L1", 5L).string(StringField.EVENT_TYPE, "a");
        b.startEventForCase(later, 1L).string(StringField.EVENT_TYPE, "b");
        EventLog log = b.build();
        assertThat(log.caseIds()).containsExactly("L2", "L1");
        assertThat(log.caseCount()).isEqualTo(2);
        assertThat(log.caseId(0)).isEqualTo("L2");
        assertThat(log.caseId(1)).isEqualTo("L1");
    }
}
