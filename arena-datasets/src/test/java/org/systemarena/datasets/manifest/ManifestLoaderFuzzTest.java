package org.systemarena.datasets.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.FuzzLoop;
import org.systemarena.datasets.FuzzLoop.Budget;
import org.systemarena.datasets.FuzzLoop.Input;
import org.systemarena.datasets.FuzzLoop.Tally;
import org.systemarena.datasets.Mutator;

/**
 * Random mutations of valid manifests (#17 item 7), with YAML's anchors, aliases, tags, complex keys, merge keys,
 * directives, block scalars and numbers of every form: each loads or ends in one ArenaException that starts with the
 * file's path, never a SnakeYAML exception, another exception or a hang. Seeded, and bounded in time.
 */
class ManifestLoaderFuzzTest {
    /** Aliases to aliases, the "billion laughs": refused by count before they are expanded. */
    private static final String LAUGHS = "x: &a [l, l, l]\ny: &b [*a, *a, *a]\nz: &c [*b, *b, *b]\nw: [*c, *c, *c]\n";
    private static final String ANCHORED = """
            name: anchored
            version: '2'
            case: &case {id_field: lead, timestamp_field: "ts", event_type_field: kind}
            decision_points:
              - name: check
                trigger: timer.elapsed
                condition: |
                  days_since_last_contact > 2
                  and budget >= 1_000
                allowed_actions: &acts [call, mail]
              - {name: inbound, trigger: 'interaction.occurred:inbound', allowed_actions: *acts}
            allowed_actions:
              - action: call
                params: {tries: 0x1F, ratio: .5, big: 1e3, inf: .inf, none: ~, flag: yes, list: [1, -2, "3"]}
              - mail
            outcomes: {positive: [won], negative: [lost], neutral: [], horizon: 14d}
            constraints:
              - {name: c1, rule: "action_type == 'call'", severity: warning, message: "calls: at most 3"}
            historical_action: {event_type: decision.executed, field: action, propensity_field: p,
              distribution_field: probs}
            ranking: {k: 3, period: 1h}
            behaviour_model:
              features: [budget, 'event.channel']
            """;
    private static final List<String> TOKENS = List.of("&a ", "*a", "*acts", "*case", "!!python/object:os.system ",
            "!foo ", "!!binary ", "!!int ", "!!float ", "!!str ", "!!map ", "!!seq ", "!!timestamp ", "!!null ",
            "!<tag:yaml.org,2002:str> ", "? ", "? [a, b]\n: ", "<<: *case\n", "<<: ", "---\n", "...\n", "%YAML 1.1\n",
            "%TAG ! tag:x,2000:\n", "|", ">", "|-", ">+", "- ", ": ", "#", "'", "''", "~", ".inf", "-.inf", ".nan",
            "0o17", "0b101", "012", "1_000", "1:20", "190:20:30.15", "+12", "0x", "1e", "30x", "1000000000000d", "0d",
            "-1d", "1.5d", "P1D", "12h", "0.5ms", "1ns", "106751991167301d", "yes", "no", "on", "off", "y", "n",
            "send_email", "\\x", "\\U0010FFFF", "\"\\ud800\"", "\"\\x00\"", "name", "k", "period", "horizon",
            "features", "allowed_actions", "decision_points", "trigger", "condition", "severity", "error", "\n  ",
            "\n    ", "\n- ", LAUGHS, "{", "}", "[", "]", ",", "\u0085", "\u2029", "\u0007", "\ufffe");
    private static final List<String> RUNS = List.of("[", "{a: ", "- ", "  ", "&a [*a, ", "? ", "*a, ", "!!str ",
            "\n");

    @TempDir
    Path dir;

    @Test
    void mutatedManifestsLoadOrFailAtTheirPlace() throws IOException, URISyntaxException {
        List<byte[]> valid = new ArrayList<>();
        valid.add(ANCHORED.getBytes(StandardCharsets.UTF_8));
        valid.add(Files.readAllBytes(Path.of(ManifestLoaderFuzzTest.class.getResource("full-manifest.yaml").toURI())));
        Path example = Path.of("../examples/lead-followup/manifest.yaml");
        if (Files.exists(example)) {
            valid.add(Files.readAllBytes(example));
        }
        Path file = dir.resolve("manifest.yaml");
        for (byte[] v : valid) {
            Files.write(file, v);
            assertThat(Datasets.loadManifest(file).name()).isNotBlank();
        }
        Tally tally = FuzzLoop.run("Manifest", new Budget(2026_12_09L, 2_000, 30_000, 6_000), file,
                random -> new Input(new Mutator(random, TOKENS, RUNS).mutate(valid.get(random.nextInt(valid.size())),
                        4), true),
                (f, index) -> Datasets.loadManifest(f).toString());
        assertThat(tally.loaded()).as("loaded").isGreaterThan(tally.cases() / 50);
        assertThat(tally.errors()).as("errors").isGreaterThan(tally.cases() / 10);
    }
}
