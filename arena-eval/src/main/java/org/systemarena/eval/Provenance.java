package org.systemarena.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a results file was computed from, so that any of its rows can be computed again: the tool and its version,
 * every input file with its size and SHA-256, the manifest's hash, each policy's specification, options and class,
 * the seed and the replay's limits (docs/report-schema.md, "provenance"). Nothing here varies between runs of the
 * same inputs (no time, host, path outside the workflow or thread count: those are in run-info.json).
 *
 * @param tool              the tool's name ({@code system-arena})
 * @param version           its version
 * @param inputs            the files read, names relative to the workflow folder where they are in it
 * @param manifestSha256    the SHA-256 of the manifest file's bytes (hex)
 * @param seed              the run's seed: the bootstrap's, and a random policy's when its specification has none
 * @param maxDecisionPoints the replay's limit (0: none)
 * @param failFast          whether the first policy error stopped the run
 * @param decisionTimeoutMs a decision slower than this was a time-out error (null: no limit)
 * @param policies          per policy, in the results' order
 */
public record Provenance(String tool, String version, List<InputFile> inputs, String manifestSha256, long seed,
                         long maxDecisionPoints, boolean failFast, Long decisionTimeoutMs,
                         List<PolicySource> policies) {
    public Provenance {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(version, "version");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(manifestSha256, "manifestSha256");
        policies = List.copyOf(policies);
    }

    /**
     * One file read by the run.
     *
     * @param file   its name: relative to the workflow folder when inside it, else as given
     * @param role   what it is: {@code manifest}, {@code log}, {@code generator_marker}, {@code rules},
     *               {@code class_path}
     * @param bytes  its size
     * @param sha256 the SHA-256 of its bytes (hex)
     */
    public record InputFile(String file, String role, long bytes, String sha256) {
        public InputFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * How one policy was made.
     *
     * @param name      the policy's name (as in the results)
     * @param role      {@code candidate} or {@code baseline}
     * @param spec      its specification as given ({@code threshold:field=...}, {@code rules:calls.yaml}, a class)
     * @param kind      {@code registry}, {@code class}, {@code rules}, or another specification form's prefix
     * @param className the class that decides
     * @param options   its effective options (a random policy's seed included when the run supplied it)
     */
    public record PolicySource(String name, String role, String spec, String kind, String className,
                               Map<String, String> options) {
        public PolicySource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(className, "className");
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }
    }
}
