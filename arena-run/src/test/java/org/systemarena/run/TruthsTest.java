package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.datasets.Workflow;
import org.systemarena.eval.KnownTruth;
import org.systemarena.policy.RandomPolicy;

/** The truth is computed on a generated log up to a number of leads, and above it skipped with one note. */
class TruthsTest {
    @Test
    void aLogWithMoreLeadsThanTheLimitGetsANoteAndNoTruth() {
        StringWriter err = new StringWriter();
        Workflow workflow = Workflows.load(Cli.EXAMPLE, false, new PrintWriter(err, true));
        Map<String, KnownTruth> skipped = Truths.of(Cli.EXAMPLE, workflow, List.of(RandomPolicy.withSeed(1)), 1, 299,
                false, new PrintWriter(err, true));
        assertThat(skipped).isEmpty();
        assertThat(err.toString()).isEqualTo("note: no true conversions: this generated log has 300 leads, more than"
                + " the 299 re-simulated by default (--truth computes them)" + System.lineSeparator());
        Map<String, KnownTruth> computed = Truths.of(Cli.EXAMPLE, workflow, List.of(RandomPolicy.withSeed(1)), 1, 300,
                false, new PrintWriter(new StringWriter(), true));
        assertThat(computed).containsOnlyKeys(RandomPolicy.withSeed(1).name());
    }
}
