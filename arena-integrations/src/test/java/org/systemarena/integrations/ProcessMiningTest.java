package org.systemarena.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.OutcomeSpec;
import org.systemarena.integrations.discovery.Pm4pyReference;
import org.systemarena.integrations.discovery.ProcessTree;
import org.systemarena.integrations.petri.AcceptingPetriNet;
import org.systemarena.integrations.performance.PerformanceAnalyzer;
import org.systemarena.integrations.xes.Xes;
import org.systemarena.integrations.xes.XesOptions;

class ProcessMiningTest {
    private final EventLog log = Pm4pyReference.log("running-example");

    @Test
    void facadeDiscoversWhatPm4pyDiscovers() {
        ProcessTree expected = ProcessTree.parse(Pm4pyReference.text("running-example", "process_tree_im.txt"));
        assertThat(ProcessMining.discoverProcessTree(log).canonical()).isEqualTo(expected.canonical());
        assertThat(ProcessMining.discoverProcessTree(log, 0.2).canonical()).isEqualTo(expected.canonical());
        assertThat(ProcessMining.discoverDfg(log).edgeCount("decide", "reinitiate request")).isEqualTo(3);
        assertThat(ProcessMining.variants(log)).hasSize(6);
    }

    @Test
    void discoverPetriNetInductive() {
        AcceptingPetriNet net = ProcessMining.discoverPetriNet(log, "inductive");
        assertThat(net.net().transitions().stream().filter(t -> !t.isSilent()).map(t -> t.label()).distinct())
                .containsExactlyInAnyOrderElementsOf(log.activities());
        assertThat(net.initialMarking().tokens()).hasSize(1);
        assertThatThrownBy(() -> ProcessMining.discoverPetriNet(log, "alpha"))
                .isInstanceOf(ArenaException.class)
                .hasMessageContaining("unknown discovery algorithm 'alpha'")
                .hasMessageContaining("inductive, inductive_infrequent");
    }

    @Test
    void summaries() {
        OutcomeSpec outcomes = new OutcomeSpec(List.of("pay compensation"), List.of("reject request"), List.of(), null);
        String comparison = ProcessMining.compareVariants(log,
                org.systemarena.integrations.variants.CaseClassifier.byEndActivity("pay compensation",
                        "reject request")).summary();
        assertThat(comparison).contains("successful: 3 cases (50.0%)").contains("unsuccessful: 3 cases (50.0%)");
        // outcomes match payload 'outcome', state.changed new_state or the event type (spec 5), never the activity:
        // the XES events are all of type xes.event, so no case has an outcome
        assertThat(ProcessMining.compareVariants(log, outcomes).unclassifiedCases()).isEqualTo(6);
        String perf = new PerformanceAnalyzer().analyze(log).summary();
        assertThat(perf).contains("6 cases").contains("Bottlenecks");
        assertThat(ProcessMining.analyzePerformance(log).summary()).isEqualTo(perf);
    }

    @Test
    void exportsXesThatReadsBackToTheSameModel(@TempDir Path dir) {
        Path file = dir.resolve("log.xes");
        ProcessMining.exportXes(log, file);
        EventLog back = Xes.read(file, XesOptions.defaults());
        assertThat(ProcessMining.discoverProcessTree(back).canonical())
                .isEqualTo(ProcessMining.discoverProcessTree(log).canonical());
    }
}
