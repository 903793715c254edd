package org.systemarena.datasets.synthetic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.systemarena.core.EventLog;
import org.systemarena.datasets.Datasets;

/**
 * Writes the synthetic lead follow-up log of {@code examples/lead-followup}.
 *
 * <p>{@code GenerateExample [output.parquet|output.jsonl] [cases] [seed]}; defaults
 * {@code examples/lead-followup/data/events.parquet}, {@link #CASES} leads, seed {@link #SEED}: the settings of the
 * committed file. The log's {@link GeneratorMarker} ({@code generator.json}) is written beside it.
 */
public final class GenerateExample {
    public static final int CASES = 300;
    public static final long SEED = 42L;
    public static final String DEFAULT_OUTPUT = "examples/lead-followup/data/events.parquet";

    private GenerateExample() {
    }

    /** The example's log: the default config ({@link LeadFollowupConfig#defaults()}) with these leads and seed. */
    public static EventLog exampleLog(int cases, long seed) {
        return LeadFollowupGenerator.generate(LeadFollowupConfig.of(cases, seed));
    }

    /** The example's config: the default config with these leads and seed. */
    public static LeadFollowupConfig exampleConfig(int cases, long seed) {
        return LeadFollowupConfig.of(cases, seed);
    }

    public static void main(String[] args) {
        if (args.length > 3 || (args.length > 0 && args[0].startsWith("-"))) {
            System.err.println("usage: GenerateExample [output.parquet|output.jsonl] [cases] [seed]");
            System.exit(2);
        }
        Path out = Path.of(args.length > 0 ? args[0] : DEFAULT_OUTPUT);
        int cases = args.length > 1 ? Integer.parseInt(args[1]) : CASES;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : SEED;
        LeadFollowupConfig config = exampleConfig(cases, seed);
        EventLog log = LeadFollowupGenerator.generate(config);
        write(log, out);
        GeneratorMarker.writeBeside(out.toAbsolutePath().getParent(), config, log);
        Path marker = out.resolveSibling(GeneratorMarker.FILE_NAME);
        System.out.printf(Locale.ROOT, "wrote %s: %d events, %d leads (seed %d), and %s%n", out, log.size(),
                log.caseCount(), seed, marker);
    }

    static void write(EventLog log, Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new org.systemarena.core.ArenaException("cannot create the directory of " + out + ": " + e, e);
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            Datasets.writeParquet(log, out);
        } else if (name.endsWith(".jsonl")) {
            Datasets.writeJsonl(log, out);
        } else {
            throw new IllegalArgumentException("output must end in .parquet or .jsonl: " + out);
        }
    }
}
