package org.systemarena.integrations.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.systemarena.core.EventLog;

/**
 * IM and IMf trees equal PM4Py's on the reference logs, children of X and + compared as unordered.
 *
 * <p>One tree is known to differ (see docs/process-mining.md): repairExample IMf, where PM4Py makes 'Inform User'
 * optional although only 2 of 1104 cases lack it. For it the test checks what still holds (no activity PM4Py does
 * not have, same top-level operator) and fails if it starts to match, so the list is kept honest.
 */
class InductiveMinerReferenceTest {
    private static final Set<String> KNOWN_DIFFERENCES =
            Set.of("repairExample/process_tree_imf_0.2.txt");

    static List<String> logs() {
        return Pm4pyReference.LOGS;
    }

    static List<String> lifecycleLogs() {
        return Pm4pyReference.LIFECYCLE_LOGS;
    }

    @ParameterizedTest
    @MethodSource("logs")
    void imTreeEqualsPm4py(String name) {
        check(name, "process_tree_im.txt", InductiveMiner.im(), Pm4pyReference.log(name));
    }

    @ParameterizedTest
    @MethodSource("logs")
    void imfTreeEqualsPm4py(String name) {
        check(name, "process_tree_imf_0.2.txt", InductiveMiner.imf(0.2), Pm4pyReference.log(name));
    }

    @ParameterizedTest
    @MethodSource("lifecycleLogs")
    void imTreeOfCompleteEventsEqualsPm4py(String name) {
        check(name, "complete_only_process_tree_im.txt", InductiveMiner.im(), Pm4pyReference.completeOnly(name));
    }

    private static void check(String name, String file, InductiveMiner miner, EventLog log) {
        ProcessTree expected = ProcessTree.parse(Pm4pyReference.text(name, file));
        ProcessTree actual = miner.discover(log);
        if (KNOWN_DIFFERENCES.contains(name + "/" + file)) {
            assertThat(actual.canonical()).as("now matches: remove from KNOWN_DIFFERENCES")
                    .isNotEqualTo(expected.canonical());
            // IMf may leave out infrequent activities
            assertThat(expected.labels()).containsAll(actual.labels());
            assertThat(((ProcessTree.Operation) actual).operator())
                    .isEqualTo(((ProcessTree.Operation) expected).operator());
            return;
        }
        assertThat(actual.canonical()).isEqualTo(expected.canonical());
    }
}
