package org.systemarena.run.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.ArenaException;

/** Rules files are read as safely as manifests, and what they get wrong is named by line and column. */
class RulesFileTest {
    private static final String GOOD = "name: call-big\nrules:\n  - when: \"budget >= 1000\"\n    action: make_call\n"
            + "otherwise: wait\n";

    @TempDir
    Path dir;

    private static void fails(String yaml, String message) {
        assertThatThrownBy(() -> RulesFile.parse(yaml, "r.yaml", "r")).isInstanceOf(ArenaException.class)
                .hasMessage(message);
    }

    @Test
    void aValidFileLoads() {
        assertThat(RulesFile.parse(GOOD, "r.yaml", "r").policy().name()).isEqualTo("call-big");
    }

    @Test
    void aKeyGivenTwiceIsAnError() {
        // Was: the last one won, silently.
        fails(GOOD + "otherwise: make_call\n", "r.yaml:6:1: duplicate key 'otherwise' in a rules file (first at line"
                + " 5)");
        fails("rules:\n  - {when: x, action: a, action: b}\notherwise: w\n", "r.yaml:2:26: duplicate key 'action' in a"
                + " rule (first at line 2)");
    }

    @Test
    void tagsAndYamlLimitsAreErrorsAsInManifests() {
        // Was: a local tag accepted (not constructed, but not refused either).
        fails(GOOD.replace("action: make_call", "action: !mine make_call"), "r.yaml:4:13: YAML tag '!mine' is not"
                + " allowed in a rules file");
        fails(GOOD.replace("action: make_call", "action: !!java.net.URL make_call"), "r.yaml:4:13: invalid YAML:"
                + " Global tag is not allowed: tag:yaml.org,2002:java.net.URL");
        fails("name: x\nrules: " + "[".repeat(20) + "]".repeat(20) + "\n", "r.yaml:2:23: invalid YAML: lists and"
                + " mappings nested more than 16 deep");
    }

    @Test
    void aThresholdMustBeAFiniteNumber() {
        String t = "threshold:\n  field: budget\n  threshold: %s\n  above: make_call\n  below: wait\n";
        fails(t.formatted("NaN"), "r.yaml:3:14, column 'threshold', value 'NaN': 'threshold' must be a finite number");
        fails(t.formatted("-Infinity"), "r.yaml:3:14, column 'threshold', value '-Infinity': 'threshold' must be a"
                + " finite number");
        fails(t.formatted("lots"), "r.yaml:3:14, column 'threshold', value 'lots': 'threshold' must be a number");
    }

    @Test
    void filesAreRefusedBySizeBeforeParsingAndNamedByByteWhenNotUtf8() throws IOException {
        // 1.1 MB of comments was accepted (the code point limit does not count them).
        Path big = Files.writeString(dir.resolve("big.yaml"), GOOD + "# padding\n".repeat(110_000));
        assertThatThrownBy(() -> RulesFile.load(big)).isInstanceOf(ArenaException.class)
                .hasMessage(big + ": rules file is too large (1,100,087 bytes; a rules file is at most 1,048,576"
                        + " bytes, comments included)");
        // Was: "cannot read rules file: Input length = 1".
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), GOOD.replace("call-big", "caf\u00e9")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> RulesFile.load(latin1)).isInstanceOf(ArenaException.class)
                .hasMessage(latin1 + ":1:10: rules file is not valid UTF-8: byte 0xE9 at byte offset 9 (save the file"
                        + " as UTF-8)");
        assertThatThrownBy(() -> RulesFile.load(dir)).hasMessage(dir + ": rules file is a folder, not a file");
        assertThatThrownBy(() -> RulesFile.load(dir.resolve("none.yaml")))
                .hasMessage(dir.resolve("none.yaml") + ": rules file not found");
    }
}
