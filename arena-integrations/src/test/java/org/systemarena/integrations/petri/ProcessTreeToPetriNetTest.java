package org.systemarena.integrations.petri;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.systemarena.integrations.discovery.InductiveMiner;
import org.systemarena.integrations.discovery.Pm4pyReference;
import org.systemarena.integrations.discovery.ProcessTree;
import org.systemarena.integrations.variants.VariantLog;

class ProcessTreeToPetriNetTest {

    @Test
    void everyOperatorGivesTheTreesLanguage() {
        ProcessTree tree = ProcessTree.parse("->( 'a', X( 'b', tau ), +( 'c', 'd' ), *( 'e', 'f' ) )");
        AcceptingPetriNet net = ProcessTreeToPetriNet.convert(tree);
        NetSemantics sem = new NetSemantics(net);
        assertThat(sem.accepts(List.of("a", "b", "c", "d", "e"))).isTrue();
        assertThat(sem.accepts(List.of("a", "d", "c", "e", "f", "e"))).isTrue();
        assertThat(sem.accepts(List.of("a", "c", "d", "e", "f", "e", "f", "e"))).isTrue();
        assertThat(sem.accepts(List.of("a", "c", "e", "d"))).as("d after the loop").isFalse();
        assertThat(sem.accepts(List.of("a", "b", "b", "c", "d", "e"))).isFalse();
        assertThat(sem.accepts(List.of("a", "c", "d", "e", "f"))).as("loop must end with its do-part").isFalse();
        assertThat(sem.accepts(List.of("a", "c", "d"))).isFalse();
        assertThat(sem.isSound(10_000)).isTrue();
        assertThat(net.initialMarking().toString()).isEqualTo("['source:1']");
        assertThat(net.finalMarking().toString()).isEqualTo("['sink:1']");
        assertThat(net.net().transitions().stream().filter(t -> !t.isSilent()).map(t -> t.label()))
                .containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f");
    }

    @ParameterizedTest
    @ValueSource(strings = {"running-example", "repairExample", "reviewing", "roadtraffic100traces", "receipt"})
    void imNetReplaysEveryVariantOfItsLog(String name) {
        VariantLog variants = VariantLog.of(Pm4pyReference.log(name));
        NetSemantics sem = new NetSemantics(ProcessTreeToPetriNet.convert(InductiveMiner.im().discover(variants)));
        for (int v = 0; v < variants.size(); v++) {
            assertThat(sem.accepts(variants.activities(v))).as(variants.activities(v).toString()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"running-example", "repairExample", "roadtraffic100traces"})
    void discoveredNetsAreSoundWorkflowNets(String name) {
        ProcessTree tree = InductiveMiner.imf(0.2).discover(Pm4pyReference.log(name));
        assertThat(new NetSemantics(ProcessTreeToPetriNet.convert(tree)).isSound(500_000)).isTrue();
    }
}
