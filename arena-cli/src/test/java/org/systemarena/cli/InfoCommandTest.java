package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Figures cross-checked with examples/lead-followup/README.md (300 leads, 6,806 events, 2025-01-06 .. 2025-03-21). */
class InfoCommandTest {
    @Test
    void describesTheExampleWorkflow() {
        Cli.Result r = Cli.run("info", Cli.EXAMPLE.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.rows()).contains("log: " + Cli.EXAMPLE.resolve("data/events.parquet"), "cases: 300",
                "events: 6,806", "time range: 2025-01-06T08:16:11Z .. 2025-03-21T08:15:56Z (74.0 days)",
                "event types (7):", "decision.executed 1,649", "timer.elapsed 1,386", "entity.created 300",
                "activities (15):", "interaction.occurred:inbound 578", "object types (2):",
                "payload columns (12):", "budget long 300", "propensity double 1,649", "action string 1,649");
        // one contact per lead; an account per lead unless it shares an earlier lead's
        assertThat(r.rows()).anyMatch(l -> l.matches("contact [0-9,]+ 300"));
        // 106 + 66 positive cases: the 172 of the example's observed conversion (examples/lead-followup/README.md).
        assertThat(r.rows()).containsSubsequence("outcomes (4 in the manifest; each case's last matching event):",
                "outcome category cases", "converted positive 106", "meeting_booked positive 66",
                "went_cold negative 19", "lost negative 69", "(none) unknown 40");
    }

    @Test
    void aLogFileInsideDataUsesTheManifestBesideIt() {
        Cli.Result dir = Cli.run("info", Cli.EXAMPLE.toString());
        Cli.Result file = Cli.run("info", Cli.EXAMPLE.resolve("data/events.parquet").toString());
        assertThat(file.exit()).isZero();
        assertThat(file.out()).isEqualTo(dir.out());
    }

    @Test
    void aMissingFileIsAnInputError() {
        Path missing = Cli.EXAMPLE.resolve("data/nothing.parquet");
        Cli.Result r = Cli.run("info", missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("error: " + missing + ": file not found");
    }
}
