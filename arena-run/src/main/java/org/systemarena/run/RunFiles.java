package org.systemarena.run;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a run wrote (docs/cli.md, "The output folder").
 *
 * @param dir     the output folder
 * @param results results.json: identical bytes for identical inputs
 * @param html    report.html
 * @param markdown report.md
 * @param runInfo run-info.json: what varies between runs (times, host, threads)
 * @param traces  each policy's decision trace file, by policy name (empty without traces)
 */
public record RunFiles(Path dir, Path results, Path html, Path markdown, Path runInfo, Map<String, Path> traces) {
    public RunFiles {
        traces = Collections.unmodifiableMap(new LinkedHashMap<>(traces));
    }

    /**
     * A policy name as part of a file name ({@code traces-<name>.parquet}): letters, digits, '.', '_' and '-' kept,
     * anything else '_'.
     */
    public static String fileSafe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
