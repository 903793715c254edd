package org.systemarena.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;

/** A run's config is checked when built, and its trace files get names any file system takes. */
class RunTest {
    @Test
    void fileSafeNames() {
        assertThat(RunFiles.fileSafe("threshold:days_since_last_contact"))
                .isEqualTo("threshold_days_since_last_contact");
        assertThat(RunFiles.fileSafe("a/b c")).isEqualTo("a_b_c");
        assertThat(RunFiles.fileSafe("..")).isEqualTo("_..");
    }

    @Test
    void aConfigIsCheckedWhenBuilt() {
        Path wf = Path.of("wf");
        assertThatThrownBy(() -> RunConfig.builder(wf).threads(0).build()).isInstanceOf(ArenaException.class)
                .hasMessage("--threads must be at least 1, got 0");
        assertThatThrownBy(() -> RunConfig.builder(wf).decisionTimeout(Duration.ZERO).build())
                .hasMessage("--timeout-ms must be at least 1, got 0");
        assertThatThrownBy(() -> RunConfig.builder(wf).against("random").build())
                .hasMessage("--against names the baseline of --require; give --require too");
        RunConfig defaults = RunConfig.builder(wf).build();
        assertThat(defaults.candidateSpecs()).containsExactly(RunConfig.DEFAULT_POLICY);
        assertThat(defaults.outputDir()).isEqualTo(wf.resolve("arena-results"));
        assertThat(defaults.baselines()).isNull();
        assertThat(RunConfig.builder(wf).baselines(List.of()).build().baselines()).isNull();
    }
}
