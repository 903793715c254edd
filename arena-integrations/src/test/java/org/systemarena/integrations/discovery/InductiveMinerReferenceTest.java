package org.systemarena.integrations.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.systemarena.core.EventLog;

/**
 * IM and IMf trees equal PM4Py's on the reference logs, children of X and + compared as unordered.
 *
 * <p>One tree is known to differ (see docs/process-mining.md): repairExample IMf, where PM4Py makes 'Inform User'
 * optional. PM4Py 2.7.14's concurrency split keeps, for each projected trace, the count of the last variant that
 * projects to it instead of the sum (PM4Py issue #535, acknowledged as a bug), so its 'Inform User' sublog is 1
 * trace with and 1 without the activity (50% empty, above the 0.2 threshold) where the log has 1102 and 2 (0.2%,
 * dropped as noise). For a known difference the test checks that PM4Py's tree is exactly ours with that one
 * subtree replaced, and fails if the trees start to match, so the list is kept honest.
 */
class InductiveMinerReferenceTest {
    /** Reference file -> (our subtree, PM4Py's subtree in its place), in the text notation. */
    private static final Map<String, List<String>> KNOWN_DIFFERENCES = Map.of(
            "repairExample/process_tree_imf_0.2.txt", List.of("'Inform User'", "X( tau, 'Inform User' )"));

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
        List<String> difference = KNOWN_DIFFERENCES.get(name + "/" + file);
        if (difference != null) {
            assertThat(actual.canonical()).as("now matches: remove from KNOWN_DIFFERENCES")
                    .isNotEqualTo(expected.canonical());
            String ours = actual.toString();
            assertThat(ours.indexOf(difference.get(0))).as("one occurrence of " + difference.get(0))
                    .isNotNegative().isEqualTo(ours.lastIndexOf(difference.get(0)));
            ProcessTree patched = ProcessTree.parse(ours.replace(difference.get(0), difference.get(1)));
            assertThat(patched.canonical()).isEqualTo(expected.canonical());
            return;
        }
        assertThat(actual.canonical()).isEqualTo(expected.canonical());
    }
}
