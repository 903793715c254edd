package org.systemarena.integrations.pnml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.systemarena.core.ArenaException;
import org.systemarena.integrations.petri.AcceptingPetriNet;
import org.systemarena.integrations.petri.Marking;
import org.systemarena.integrations.petri.PetriNet;
import org.systemarena.integrations.petri.PetriNet.Arc;
import org.systemarena.integrations.petri.PetriNet.Place;
import org.systemarena.integrations.petri.PetriNet.Transition;
import org.systemarena.integrations.xes.Pm4pyFixtures;

class PnmlTest {
    @TempDir
    Path dir;

    // Counts taken from the files with Python's xml.etree (places, transitions, of which $invisible$, arcs,
    // distinct visible labels); every net has source:1 -> sink:1.
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "receipt/petri_net_im.pnml, 45, 74, 47, 158, 27",
        "receipt/petri_net_imf_0.2.pnml, 47, 69, 42, 146, 27",
        "repairExample/petri_net_im.pnml, 20, 27, 19, 58, 8",
        "repairExample/petri_net_imf_0.2.pnml, 17, 22, 14, 48, 8",
        "reviewing/petri_net_im.pnml, 26, 35, 21, 74, 14",
        "reviewing/petri_net_imf_0.2.pnml, 26, 35, 21, 74, 14",
        "roadtraffic100traces/petri_net_im.pnml, 15, 20, 10, 42, 10",
        "roadtraffic100traces/petri_net_imf_0.2.pnml, 13, 19, 9, 38, 10",
        "running-example/petri_net_im.pnml, 9, 10, 2, 22, 8",
        "running-example/petri_net_imf_0.2.pnml, 9, 10, 2, 22, 8"
    })
    void readsPm4pyNetsAndRoundTrips(String file, int places, int transitions, int silent, int arcs, int labels) {
        AcceptingPetriNet apn = Pnml.read(Pm4pyFixtures.path("outputs/" + file));
        PetriNet net = apn.net();
        assertThat(net.places()).hasSize(places);
        assertThat(net.transitions()).hasSize(transitions);
        assertThat(net.transitions().stream().filter(Transition::isSilent)).hasSize(silent);
        assertThat(net.arcs()).hasSize(arcs);
        assertThat(net.transitions().stream().filter(t -> !t.isSilent()).map(Transition::label).distinct())
                .hasSize(labels);
        assertThat(apn.initialMarking().toString()).isEqualTo("['source:1']");
        assertThat(apn.finalMarking().toString()).isEqualTo("['sink:1']");

        Path out = dir.resolve("net.pnml");
        Pnml.write(apn, out);
        assertThat(Pnml.read(out)).isEqualTo(apn);
    }

    @Test
    void matchesPm4pyReadbackOfRunningExample() {
        JsonNode expected = Pm4pyFixtures.json("formats/running-example.im.pnml.readback.json");
        AcceptingPetriNet apn = Pnml.read(Pm4pyFixtures.path("formats/running-example.im.pnml"));
        assertThat(apn.net().places()).hasSize(expected.get("places").asInt());
        assertThat(apn.net().transitions()).hasSize(expected.get("transitions").asInt());
        assertThat(apn.net().arcs()).hasSize(expected.get("arcs").asInt());
        assertThat(apn.initialMarking().toString()).isEqualTo(expected.get("initial_marking").asText());
        assertThat(apn.finalMarking().toString()).isEqualTo(expected.get("final_marking").asText());
    }

    @Test
    void readsHandwrittenMinimalLikePm4py() {
        JsonNode pnml = Pm4pyFixtures.json("formats/handwritten/check_results.json").get("pnml");
        AcceptingPetriNet apn = Pnml.read(Pm4pyFixtures.path("formats/handwritten/minimal.pnml"));
        assertThat(apn.net().name()).isEqualTo("minimal");
        assertThat(apn.net().places().stream().map(Place::id).sorted().toList())
                .containsExactly("p1", "sink", "source");
        List<List<String>> expected = new java.util.ArrayList<>();
        pnml.get("transitions").forEach(t -> expected.add(java.util.Arrays.asList(t.get(0).asText(),
                t.get(1).isNull() ? null : t.get(1).asText())));
        assertThat(apn.net().transitions().stream().map(t -> java.util.Arrays.asList(t.id(), t.label())).toList())
                .isEqualTo(expected);
        assertThat(apn.initialMarking().toString()).isEqualTo(pnml.get("initial_marking").asText());
        assertThat(apn.finalMarking().toString()).isEqualTo(pnml.get("final_marking").asText());
    }

    @Test
    void writesWeightsSilentTransitionsAndMultiTokenMarkings() {
        Place p0 = Place.of("p0");
        Place p1 = new Place("p1", "waiting & ready");
        Transition a = Transition.of("t1", "a <b>");
        Transition tau = Transition.silent("tau1");
        PetriNet net = PetriNet.of("n", List.of(p0, p1), List.of(a, tau),
                List.of(new Arc(p0, a, 2), Arc.of(a, p1), Arc.of(p1, tau), new Arc(tau, p0, 3)));
        AcceptingPetriNet apn = AcceptingPetriNet.of(net, Marking.of(p0, 2), Marking.of(Map.of(p1, 1)));
        String text = Pnml.toString(apn);
        assertThat(text).contains("<inscription><text>2</text></inscription>")
                .contains("<initialMarking><text>2</text></initialMarking>")
                .contains("activity=\"$invisible$\"")
                .contains("<text>a &lt;b");
        assertThat(PnmlReader.create().read(new java.io.ByteArrayInputStream(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "mem")).isEqualTo(apn);
    }

    @Test
    void unknownArcEndpointIsReportedWithLocation() throws Exception {
        Path p = dir.resolve("bad.pnml");
        Files.writeString(p, "<pnml><net id=\"n\">\n<place id=\"p\"/>\n<transition id=\"t\"/>\n"
                + "<arc id=\"a\" source=\"p\" target=\"nope\"/>\n</net></pnml>");
        assertThatThrownBy(() -> Pnml.read(p)).isInstanceOf(ArenaException.class)
                .hasMessage(p + ":4:39, column 'target', value 'nope': arc refers to an unknown node");
    }

    @Test
    void badMarkingText() throws Exception {
        Path p = dir.resolve("bad.pnml");
        Files.writeString(p, "<pnml><net id=\"n\">\n<place id=\"p\"><initialMarking><text>x</text>"
                + "</initialMarking></place>\n</net></pnml>");
        assertThatThrownBy(() -> Pnml.read(p)).isInstanceOf(ArenaException.class)
                .hasMessageContaining("column 'text', value 'x': not a non-negative integer")
                .hasMessageStartingWith(p + ":2:");
    }
}
