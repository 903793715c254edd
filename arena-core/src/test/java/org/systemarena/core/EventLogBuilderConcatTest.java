package org.systemarena.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLogBuilder.StringField;

/**
 * Builders of consecutive parts of an input, concatenated in order ({@link EventLogBuilder#concat},
 * {@link EventLogBuilder#appendAll}), build the log one builder fed the whole input builds: same dictionaries in
 * the same code order, same columns, case order and sequence numbers.
 */
class EventLogBuilderConcatTest {
    private static final String[] TYPES = {"entity.created", "interaction.occurred", "state.changed",
        "outcome.recorded", "decision.executed", "timer.elapsed"};

    /** One event's calls on a builder, by value or by code as loaders make them. */
    private static List<Consumer<EventLogBuilder>> randomEvents(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Consumer<EventLogBuilder>> events = new ArrayList<>();
        long base = 1_700_000_000_000_000L;
        for (int i = 0; i < count; i++) {
            String caseId = "case-" + random.nextInt(Math.max(1, count / 6));
            // Few distinct timestamps: many ties, within a case and across cases.
            long ts = base + random.nextInt(count / 3 + 1) * 1_000_000L;
            String type = TYPES[random.nextInt(TYPES.length)];
            int shape = random.nextInt(1 << 20);
            long seq = random.nextInt(4);
            int n = i;
            double d = random.nextDouble() * 1e6;
            String word = "w" + random.nextInt(50);
            String fresh = "only-" + i;
            events.add(b -> {
                boolean byCode = (shape & 1) != 0;
                if (byCode) {
                    // An id interned and then not used: it is no case of the log (unless another row has it).
                    if ((shape & 2) != 0) {
                        b.internCaseId("unused-" + n);
                    }
                    b.startEventForCase(b.internCaseId(caseId), ts);
                    b.stringCode(StringField.EVENT_TYPE, b.intern(StringField.EVENT_TYPE, type));
                } else {
                    b.startEvent(caseId, ts).eventType(type);
                }
                if ((shape & 4) != 0) {
                    b.sequenceNumber(seq);
                }
                if ((shape & 8) != 0) {
                    b.eventId("e" + n);
                }
                if ((shape & 16) != 0) {
                    b.activity(type.equals("state.changed") ? null : "act-" + (n % 7));
                }
                if ((shape & 32) != 0) {
                    b.actor((shape & 64) != 0 ? "human" : "agent", "u" + (n % 13), (shape & 128) != 0 ? null : "name " + (n % 5));
                }
                if ((shape & 256) != 0) {
                    b.channel((shape & 512) != 0 ? "email" : "phone");
                    b.workflowType("wf");
                }
                if ((shape & 1024) != 0) {
                    b.sourceSystem("crm").correlationId("corr-" + (n / 3));
                }
                if (byCode) {
                    int k = b.internPayloadKey("amount");
                    b.payloadLong(k, n);
                    b.payloadDouble(b.internPayloadKey("score"), d);
                    b.payloadStringCode(b.internPayloadKey("word"), b.internAttributeString(word));
                    b.payloadNull(b.internPayloadKey("gone"));
                    b.payloadBoolean(b.internPayloadKey("ok"), (shape & 2048) != 0);
                    b.payloadInstant(b.internPayloadKey("when"), ts + 5);
                } else if ((shape & 4096) != 0) {
                    b.payload("direction", (shape & 8192) != 0 ? "inbound" : "outbound");
                    b.payload("new_state", word);
                    b.payload("outcome", (shape & 8192) != 0 ? "won" : null);
                    b.payloadString("fresh", fresh);
                    b.payload("at", Instant.ofEpochSecond(1_700_000_000L + n));
                    b.payloadLong("amount", -n).payloadLong("amount", n * 2L); // last write wins
                }
                if ((shape & 16384) != 0) {
                    b.stateBefore("stage", word).stateAfter("stage", "next-" + word).stateAfter("n", n);
                }
                if ((shape & 32768) != 0) {
                    b.outcomeLabel("converted", (shape & 65536) != 0).outcomeLabel("value", d);
                }
                if ((shape & 131072) != 0) {
                    b.objectRef("lead", caseId, "subject");
                    b.objectRef("order", "o" + (n % 17), null);
                }
                if ((shape & 262144) != 0) {
                    b.objectRefCodes(b.internObjectRefType("ticket"), b.internObjectRefId("t" + (n % 29)),
                            b.internObjectRefRole((shape & 524288) != 0 ? "parent" : null));
                }
            });
        }
        return events;
    }

    private static EventLogBuilder fed(List<Consumer<EventLogBuilder>> events, int from, int to) {
        EventLogBuilder b = EventLog.builder(16);
        for (int i = from; i < to; i++) {
            events.get(i).accept(b);
        }
        return b;
    }

    @Test
    void concatenatedPartsBuildTheLogOneBuilderBuilds() {
        for (long seed = 1; seed <= 12; seed++) {
            int count = 50 + (int) seed * 97;
            List<Consumer<EventLogBuilder>> events = randomEvents(seed, count);
            EventLog whole = fed(events, 0, count).build();
            SplittableRandom random = new SplittableRandom(seed * 31);
            for (int parts : new int[] {1, 2, 3, 7, 16}) {
                int[] cuts = new int[parts + 1];
                cuts[parts] = count;
                for (int p = 1; p < parts; p++) {
                    cuts[p] = random.nextInt(count + 1);
                }
                java.util.Arrays.sort(cuts, 1, parts); // empty parts included, at random
                List<EventLogBuilder> builders = new ArrayList<>();
                for (int p = 0; p < parts; p++) {
                    builders.add(fed(events, cuts[p], cuts[p + 1]));
                }
                LogAssert.assertSameLog(EventLogBuilder.concat(builders).build(), whole);
            }
        }
    }

    @Test
    void partsWithoutAttributesOrValuesMergeWithPartsThatHaveThem() {
        // All-null columns, empty attribute tables and no object references in some parts only.
        EventLogBuilder a = EventLog.builder();
        a.startEvent("c1", 10).eventType("x");
        a.startEvent("c2", 10).eventType("x");
        EventLogBuilder b = EventLog.builder();
        b.startEvent("c2", 5).eventType("y").channel("email").payload("k", "v").objectRef("o", "1", null)
                .stateAfter("s", 1L).eventId("id-b");
        EventLogBuilder c = EventLog.builder();
        c.startEvent("c3", 10).eventType("x");
        EventLogBuilder whole = EventLog.builder();
        whole.startEvent("c1", 10).eventType("x");
        whole.startEvent("c2", 10).eventType("x");
        whole.startEvent("c2", 5).eventType("y").channel("email").payload("k", "v").objectRef("o", "1", null)
                .stateAfter("s", 1L).eventId("id-b");
        whole.startEvent("c3", 10).eventType("x");
        LogAssert.assertSameLog(EventLogBuilder.concat(List.of(a, b, c)).build(), whole.build());
    }

    @Test
    void appendingKeepsTheBuilderOpenForMoreEventsAndUsesTheOtherUp() {
        EventLogBuilder a = EventLog.builder();
        a.startEvent("c1", 1).eventType("x").payload("p", 1L);
        EventLogBuilder b = EventLog.builder();
        b.startEvent("c2", 2).eventType("y").payload("q", 2L);
        a.appendAll(b);
        assertThat(a.size()).isEqualTo(2);
        assertThatThrownBy(() -> a.payload("r", 3L)).isInstanceOf(IllegalStateException.class);
        a.startEvent("c1", 3).eventType("z").payload("p", 3L);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.appendAll(b)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.appendAll(a)).isInstanceOf(IllegalArgumentException.class);
        EventLog log = a.build();
        EventLog expected = EventLog.builder().startEvent("c1", 1).eventType("x").payload("p", 1L)
                .startEvent("c2", 2).eventType("y").payload("q", 2L)
                .startEvent("c1", 3).eventType("z").payload("p", 3L).build();
        LogAssert.assertSameLog(log, expected);
        assertThat(EventLogBuilder.concat(List.of()).build().size()).isZero();
    }
}
