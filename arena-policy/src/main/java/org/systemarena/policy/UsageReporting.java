package org.systemarena.policy;

import java.util.Map;

/**
 * A policy that can say what it used in a run, e.g. an agent outside the JVM: calls made and replayed, tokens, cost,
 * latency. These figures vary between runs of the same inputs, so a run writes them to run-info.json, never into
 * results.json.
 */
public interface UsageReporting {
    /**
     * The figures so far, by name in a fixed order (e.g. {@code calls}, {@code replayed}, {@code cost},
     * {@code latency_p95_ms}); a number that is undefined (no call made) is NaN.
     */
    Map<String, Number> usage();
}
