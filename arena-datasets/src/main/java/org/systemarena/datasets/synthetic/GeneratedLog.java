package org.systemarena.datasets.synthetic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;

/**
 * Whether a workflow's loaded log is exactly what {@link LeadFollowupGenerator} makes: the config it was made from
 * when it is, and in either case a sentence saying why (for a log message). Only then may anything the generator
 * knows about its leads, such as a policy's true conversion, be taken as the truth of this log.
 *
 * @param config the generator's config, when the log is its output; empty otherwise
 * @param reason why or why not, naming the marker file and the figures that decided
 */
public record GeneratedLog(Optional<LeadFollowupConfig> config, String reason) {
    /** Logs of at most this many leads are regenerated to check the marker is the current generator's output. */
    static final int REGENERATE_AT_MOST = 100_000;

    public GeneratedLog {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean generated() {
        return config.isPresent();
    }

    /**
     * Checks {@code workflowDir/data/generator.json} against {@code log}: the marker must be present and readable,
     * name this generator and its data version, carry the fingerprint of {@code log}, and (for up to 100,000 leads,
     * which take seconds) be what the generator makes now for the marker's config.
     */
    public static GeneratedLog check(Path workflowDir, EventLog log) {
        Path file = workflowDir.resolve("data").resolve(GeneratorMarker.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return no("no " + file + ": the log is not marked as the synthetic generator's");
        }
        GeneratorMarker marker;
        try {
            marker = GeneratorMarker.read(file);
        } catch (ArenaException e) {
            return no(e.getMessage());
        }
        if (!marker.generator().equals(GeneratorMarker.LEAD_FOLLOWUP)) {
            return no(file + ": made by '" + marker.generator() + "', not " + GeneratorMarker.LEAD_FOLLOWUP);
        }
        if (marker.generatorVersion() != LeadFollowupGenerator.VERSION) {
            return no(file + ": written by version " + marker.generatorVersion() + " of the generator, which made"
                    + " other data than this version " + LeadFollowupGenerator.VERSION + " does");
        }
        LogFingerprint loaded = LogFingerprint.of(log);
        String differs = difference("the loaded log", loaded, marker.log());
        if (differs != null) {
            return no(file + ": " + differs);
        }
        LeadFollowupConfig config = marker.config();
        if (config.cases() <= REGENERATE_AT_MOST) {
            LogFingerprint made = LogFingerprint.of(LeadFollowupGenerator.generate(config));
            differs = difference("the generator's output for this config", made, marker.log());
            if (differs != null) {
                return no(file + ": " + differs);
            }
        }
        return new GeneratedLog(Optional.of(config), String.format(Locale.ROOT,
                "%s: the log is LeadFollowupGenerator's (version %d, %,d leads, seed %d): %,d events, sha256 %s",
                file, marker.generatorVersion(), config.cases(), config.seed(), loaded.events(),
                loaded.sha256().substring(0, 12)));
    }

    private static GeneratedLog no(String reason) {
        return new GeneratedLog(Optional.empty(), reason);
    }

    private static String difference(String what, LogFingerprint actual, LogFingerprint marked) {
        if (actual.events() != marked.events() || actual.cases() != marked.cases()) {
            return String.format(Locale.ROOT, "%s has %,d events in %,d cases, the marker says %,d in %,d", what,
                    actual.events(), actual.cases(), marked.events(), marked.cases());
        }
        if (!actual.sha256().equals(marked.sha256())) {
            return String.format(Locale.ROOT, "%s has the marker's %,d events in %,d cases but other values (sha256 %s,"
                    + " the marker says %s)", what, actual.events(), actual.cases(), actual.sha256().substring(0, 12),
                    marked.sha256().substring(0, 12));
        }
        return null;
    }
}
