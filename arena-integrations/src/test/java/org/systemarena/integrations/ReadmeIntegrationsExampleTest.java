package org.systemarena.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.EventLog;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.integrations.performance.PerformanceAnalyzer;
import org.systemarena.integrations.petri.AcceptingPetriNet;
import org.systemarena.integrations.xes.Xes;

/** The README's process-mining example, run as written on the bundled example workflow. */
class ReadmeIntegrationsExampleTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void readmeShowsThisTestsExample() throws IOException {
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(ROOT.resolve("README.md")));
        String block = null;
        while (m.find()) {
            if (m.group(1).contains("ProcessMining.")) {
                block = m.group(1);
            }
        }
        assertThat(block).isNotNull();
        String self = Files.readString(
                Path.of("src/test/java/org/systemarena/integrations/ReadmeIntegrationsExampleTest.java"));
        for (String line : block.strip().lines().toList()) {
            assertThat(self).contains(line.strip());
        }
    }

    @Test
    void readmeExampleRunsOnTheBundledWorkflow(@TempDir Path outDir) {
        Workflow workflow = Datasets.loadWorkflow(ROOT.resolve("examples/lead-followup"));
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        EventLog ran;
        EventLog filtered;
        AcceptingPetriNet discovered;
        try {
            // --- README example (keep in sync with README.md) ---
            EventLog log = workflow.log();
            EventLog account = log.filterByObject("account", "acct-000001");              // filter_by_object
            ProcessMining.exportXes(log, outDir.resolve("events.xes"));                    // export_to_pm4py (XES PM4Py reads)
            AcceptingPetriNet net = ProcessMining.discoverPetriNet(log, "inductive");      // discover_process: net + markings
            System.out.println(ProcessMining.compareVariants(log, workflow.manifest().outcomes()).summary());
            System.out.println(new PerformanceAnalyzer().analyze(log).summary());
            // --- end of README example ---
            ran = log;
            filtered = account;
            discovered = net;
        } finally {
            System.setOut(console);
        }
        String out = printed.toString(StandardCharsets.UTF_8);

        // Independent recount of the filter: every event of the log that references account acct-000001.
        int expected = 0;
        for (int r = 0; r < ran.size(); r++) {
            if (ran.objectRefs().refs(r).stream().anyMatch(o -> o.type().equals("account") && o.id().equals("acct-000001"))) {
                expected++;
            }
        }
        assertThat(filtered.size()).isEqualTo(expected).isPositive();
        EventLog reread = Xes.read(outDir.resolve("events.xes"));
        assertThat(reread.size()).isEqualTo(ran.size());
        assertThat(reread.caseCount()).isEqualTo(ran.caseCount());
        assertThat(discovered.initialMarking().tokens()).hasSize(1);
        assertThat(discovered.finalMarking().tokens()).hasSize(1);
        assertThat(discovered.net().transitions().stream().filter(t -> !t.isSilent()).map(t -> t.label())
                .distinct()).containsExactlyInAnyOrderElementsOf(ran.activities());
        assertThat(out).isNotBlank();
    }
}
