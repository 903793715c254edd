package org.systemarena.integrations.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** IM and IMf trees equal PM4Py's on the reference logs, children of X and + compared as unordered. */
class InductiveMinerReferenceTest {

    static java.util.List<String> logs() {
        return Pm4pyReference.LOGS;
    }

    static java.util.List<String> lifecycleLogs() {
        return Pm4pyReference.LIFECYCLE_LOGS;
    }

    @ParameterizedTest
    @MethodSource("logs")
    void imTreeEqualsPm4py(String name) {
        ProcessTree expected = ProcessTree.parse(Pm4pyReference.text(name, "process_tree_im.txt"));
        ProcessTree actual = InductiveMiner.im().discover(Pm4pyReference.log(name));
        assertThat(actual.canonical()).isEqualTo(expected.canonical());
    }

    @ParameterizedTest
    @MethodSource("logs")
    void imfTreeEqualsPm4py(String name) {
        ProcessTree expected = ProcessTree.parse(Pm4pyReference.text(name, "process_tree_imf_0.2.txt"));
        ProcessTree actual = InductiveMiner.imf(0.2).discover(Pm4pyReference.log(name));
        assertThat(actual.canonical()).isEqualTo(expected.canonical());
    }

    @ParameterizedTest
    @MethodSource("lifecycleLogs")
    void imTreeOfCompleteEventsEqualsPm4py(String name) {
        ProcessTree expected = ProcessTree.parse(Pm4pyReference.text(name, "complete_only_process_tree_im.txt"));
        ProcessTree actual = InductiveMiner.im().discover(Pm4pyReference.completeOnly(name));
        assertThat(actual.canonical()).isEqualTo(expected.canonical());
    }
}
