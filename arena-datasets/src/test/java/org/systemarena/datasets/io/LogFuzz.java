package org.systemarena.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.FuzzLoop;
import org.systemarena.datasets.FuzzLoop.Budget;
import org.systemarena.datasets.FuzzLoop.Input;
import org.systemarena.datasets.FuzzLoop.Tally;
import org.systemarena.datasets.FuzzSamples;
import org.systemarena.datasets.Mutator;

/**
 * The fuzz run every text reader shares: mutated valid files, loaded without a manifest and, every other case, with
 * the one that checks logged propensities.
 */
public final class LogFuzz {
    private LogFuzz() {
    }

    public static Tally run(String what, Budget budget, Path file, List<String> valid, List<String> tokens,
                     List<String> runs) {
        List<byte[]> bytes = valid.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
        // The corpus itself must load, or the mutations start from errors.
        for (String v : valid) {
            IoTestFiles.write(file.getParent(), file.getFileName().toString(), v);
            assertThat(FuzzLoop.walk(Datasets.loadEventLog(file, FuzzSamples.MANIFEST))).as(v).isNotNull();
        }
        Tally tally = FuzzLoop.run(what, budget, file,
                random -> new Input(new Mutator(random, tokens, runs)
                        .mutate(bytes.get(random.nextInt(bytes.size())), 4), true),
                (f, index) -> FuzzLoop.walk(Datasets.loadEventLog(f, index % 2 == 0 ? null : FuzzSamples.MANIFEST)));
        // Both outcomes occurred, so both were exercised.
        assertThat(tally.loaded()).as("loaded").isGreaterThan(tally.cases() / 50);
        assertThat(tally.errors()).as("errors").isGreaterThan(tally.cases() / 10);
        return tally;
    }
}
