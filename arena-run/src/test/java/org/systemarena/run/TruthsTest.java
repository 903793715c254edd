package org.systemarena.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ExampleDir;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.eval.KnownTruth;
import org.systemarena.policy.RandomPolicy;

/** The truth is computed on a generated log up to a number of leads, and above it skipped with one note. */
class TruthsTest {
    @Test
    void aLogWithMoreLeadsThanTheLimitGetsANoteAndNoTruth() {
        Workflow workflow = Datasets.loadWorkflow(ExampleDir.DIR);
        List<String> notes = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        Map<String, KnownTruth> skipped = Truths.of(ExampleDir.DIR, workflow, List.of(RandomPolicy.withSeed(1)), 1, 299,
                listener);
        assertThat(skipped).isEmpty();
        assertThat(notes).containsExactly("no true conversions: this generated log has 300 leads, more than the 299"
                + " re-simulated by default (--truth computes them)");
        Map<String, KnownTruth> computed = Truths.of(ExampleDir.DIR, workflow, List.of(RandomPolicy.withSeed(1)), 1,
                300, RunListener.NONE);
        assertThat(computed).containsOnlyKeys(RandomPolicy.withSeed(1).name());
    }
}
