package org.systemarena.integrations.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;
import org.systemarena.core.Event;
import org.systemarena.core.EventLog;
import org.systemarena.core.ObjectRef;
import org.systemarena.integrations.ocel.Ocel;
import org.systemarena.integrations.xes.Pm4pyFixtures;

class ObjectViewsTest {
    private static EventLog example() {
        return Ocel.readJson(Pm4pyFixtures.path("input_logs/ocel20_example.jsonocel")).events();
    }

    @Test
    void statsOfTheOcelExample() {
        // Counted from the .jsonocel with Python: distinct events, distinct objects, e2o relationships per type
        assertThat(ObjectViews.stats(example())).containsExactly(
                new ObjectTypeStats("Invoice", 9, 3, 9),
                new ObjectTypeStats("Payment", 3, 3, 3),
                new ObjectTypeStats("Purchase Order", 5, 2, 5),
                new ObjectTypeStats("Purchase Requisition", 3, 1, 3));
    }

    @Test
    void flattensTheExampleOnInvoices() {
        EventLog flat = ObjectViews.flatten(example(), "Invoice");
        assertThat(flat.caseIds()).containsExactly("R1", "R2", "R3");
        assertThat(trace(flat, "R1")).containsExactly("e5 Insert Invoice", "e7 Insert Payment");
        assertThat(trace(flat, "R2")).containsExactly("e6 Insert Invoice", "e8 Insert Payment");
        assertThat(trace(flat, "R3")).containsExactly("e9 Insert Invoice", "e10 Create Purchase Order",
                "e11 Set Payment Block", "e12 Remove Payment Block", "e13 Insert Payment");
        int first = flat.caseView("R3").orElseThrow().start();
        assertThat(flat.payload().get(first, ObjectViews.SOURCE_CASE_ID)).isEqualTo("e9");
        assertThat(flat.objectRefs().refs(first)).extracting(ObjectRef::id).contains("R3");
    }

    @Test
    void eventNamingTwoObjectsGoesToBothCasesAndUnrelatedEventsAreDropped() {
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        EventLog log = EventLog.of(List.of(
                Event.of("lead-1", t, "meeting").withPayload(Map.of("n", 1L, "x", 2.5, "ok", true))
                        .withObjectRefs(List.of(ObjectRef.of("contact", "ann", "host"), ObjectRef.of("contact", "bob"),
                                ObjectRef.of("contact", "ann", "note-taker"))),
                Event.of("lead-1", t.plusSeconds(10), "email").withObjectRefs(List.of(ObjectRef.of("contact", "bob"))),
                Event.of("lead-2", t.plusSeconds(5), "call").withObjectRefs(List.of(ObjectRef.of("company", "acme"))),
                Event.of("lead-2", t.plusSeconds(20), "note")));
        assertThat(ObjectViews.stats(log)).containsExactly(new ObjectTypeStats("company", 1, 1, 1),
                new ObjectTypeStats("contact", 2, 2, 4));
        assertThat(ObjectViews.objectIds(log, "contact")).containsExactly("ann", "bob");

        EventLog flat = ObjectViews.flatten(log, "contact");
        assertThat(flat.size()).isEqualTo(3);
        assertThat(trace(flat, "ann")).containsExactly("lead-1#0 meeting");
        assertThat(trace(flat, "bob")).containsExactly("lead-1#0 meeting", "lead-1#1 email");
        int annRow = flat.caseView("ann").orElseThrow().start();
        assertThat(flat.payload().map(annRow)).isEqualTo(Map.of("n", 1L, "x", 2.5, "ok", true,
                ObjectViews.SOURCE_CASE_ID, "lead-1"));
        assertThat(flat.objectRefs().refs(annRow)).hasSize(3);

        assertThatThrownBy(() -> ObjectViews.flatten(log, "ticket")).isInstanceOf(ArenaException.class)
                .hasMessage("no event references object type 'ticket' (types: [company, contact])");
    }

    private static List<String> trace(EventLog log, String caseId) {
        var view = log.caseView(caseId).orElseThrow();
        List<String> out = new ArrayList<>();
        for (int r = view.start(); r < view.end(); r++) {
            out.add(log.eventId(r) + " " + log.activity(r));
        }
        return out;
    }
}
