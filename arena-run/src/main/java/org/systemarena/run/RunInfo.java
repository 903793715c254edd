package org.systemarena.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What varies between runs of the same inputs: when and where it ran, with what, and how long each phase took.
 * Written to run-info.json beside results.json, never into it, so results.json stays byte-identical.
 */
public final class RunInfo {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Instant started = Instant.now();
    private final long start = System.nanoTime();
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private final Map<String, Map<String, Number>> usage = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> runOptions = new LinkedHashMap<>();
    private long phaseStart = start;
    private Instant ended;
    private long end;

    RunInfo() {
    }

    /** Ends the current phase, named {@code name}, and starts the next. */
    void phase(String name) {
        long now = System.nanoTime();
        phases.merge(name, now - phaseStart, Long::sum);
        phaseStart = now;
    }

    /** What a policy reports it used ({@code UsageReporting}), in the order of the run's policies. */
    void usage(String policy, Map<String, Number> figures) {
        usage.put(policy, Collections.unmodifiableMap(new LinkedHashMap<>(figures)));
    }

    /** Per policy that reports it, what it used: calls, tokens, cost, latency (see {@code UsageReporting}). */
    public Map<String, Map<String, Number>> usage() {
        return Collections.unmodifiableMap(usage);
    }

    /** A policy's run options (how it ran, not what it decided: left out of results.json's provenance). */
    void runOptions(String policy, Map<String, String> options) {
        runOptions.put(policy, Collections.unmodifiableMap(new LinkedHashMap<>(options)));
    }

    /** Per policy given any, its run options ({@code PolicyProvider.runOptions()}), e.g. its cassette. */
    public Map<String, Map<String, String>> runOptions() {
        return Collections.unmodifiableMap(runOptions);
    }

    /** Ends the run: the time from here on is no phase's. */
    void end() {
        end = System.nanoTime();
        ended = Instant.now();
    }

    public Instant started() {
        return started;
    }

    /** When the run ended (null while it runs). */
    public Instant ended() {
        return ended;
    }

    /** How long each phase took, in the order they ran ({@code load}, {@code replay}, ...). */
    public Map<String, Duration> phases() {
        Map<String, Duration> out = new LinkedHashMap<>();
        phases.forEach((name, nanos) -> out.put(name, Duration.ofNanos(nanos)));
        return Collections.unmodifiableMap(out);
    }

    public Duration total() {
        return Duration.ofNanos((ended == null ? System.nanoTime() : end) - start);
    }

    /** "load 1.23 s, replay 2.34 s, evaluate 0.45 s, write 0.67 s; total 4.69 s". */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        phases.forEach((name, nanos) -> sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                "%s %.2f s", name, nanos / 1e9)));
        return sb.append(String.format(Locale.ROOT, "; total %.2f s", total().toNanos() / 1e9)).toString();
    }

    String json(List<String> arguments, int threads, String resultsSha256) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generator", "system-arena " + Version.get());
        root.put("started", started.toString());
        root.put("ended", ended == null ? null : ended.toString());
        root.put("host", host());
        root.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        root.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        root.put("available_processors", Runtime.getRuntime().availableProcessors());
        root.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        root.put("threads", threads);
        root.putPOJO("arguments", arguments);
        root.put("results_sha256", resultsSha256);
        ObjectNode times = root.putObject("phase_seconds");
        phases.forEach((name, nanos) -> times.put(name, Math.round(nanos / 1e6) / 1e3));
        root.put("total_seconds", Math.round(total().toNanos() / 1e6) / 1e3);
        ObjectNode given = root.putObject("policy_run_options");
        runOptions.forEach((policy, options) -> {
            ObjectNode p = given.putObject(policy);
            options.forEach(p::put);
        });
        ObjectNode used = root.putObject("policy_usage");
        usage.forEach((policy, figures) -> {
            ObjectNode p = used.putObject(policy);
            figures.forEach((name, value) -> {
                double d = value.doubleValue();
                if (value instanceof Double || value instanceof Float) {
                    if (Double.isFinite(d)) {
                        p.put(name, d);
                    } else {
                        p.putNull(name);
                    }
                } else {
                    p.put(name, value.longValue());
                }
            });
        });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
