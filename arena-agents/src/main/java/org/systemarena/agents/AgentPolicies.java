package org.systemarena.agents;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.systemarena.core.ArenaException;
import org.systemarena.policy.PolicyProvider;

/**
 * The two agent policies by registry name, so {@code -p process:cmd=python3 agent.py} and
 * {@code -p http:url=http://localhost:8000/decide} work wherever policy specs do (docs/agent-protocol.md,
 * "Options"). Java code can call {@link #process} and {@link #http} with the same options.
 */
public final class AgentPolicies {
    /** Default time the agent has for one answer. */
    public static final long DEFAULT_TIMEOUT_MS = 30_000;
    /** Default longest answer, in bytes. */
    public static final int MAX_RESPONSE_BYTES = 1 << 20;

    private AgentPolicies() {
    }

    /** Worker processes on stdio; options as for {@code -p process:...}. */
    public static AgentPolicy process(Map<String, String> options) {
        AgentOptions o = new AgentOptions("process", options);
        String cmd = o.required("cmd");
        List<String> command = CommandLine.split(cmd);
        String dir = o.text("dir", null);
        Path directory = dir == null ? null : Path.of(dir);
        if (directory != null && !Files.isDirectory(directory)) {
            throw new ArenaException("policy 'process' option 'dir': no such directory: " + dir);
        }
        int workers = o.integer("workers", 1, 1, 256);
        long timeout = o.number("timeout_ms", DEFAULT_TIMEOUT_MS, 1, 3_600_000);
        int maxRestarts = o.integer("max_restarts", 20, 0, 1_000_000);
        long startTimeout = o.number("start_timeout_ms", 10_000, 0, 3_600_000);
        String identity = "process:" + String.join(" ", command);
        String name = o.text("name", defaultName(command));
        long maxCalls = o.number("max_calls", Long.MAX_VALUE, 0, Long.MAX_VALUE);
        double maxCost = o.decimal("max_cost", Double.POSITIVE_INFINITY);
        int history = history(o);
        Cassette cassette = cassette(o);
        if (cassette != null && cassette.mode() == CassetteMode.REPLAY) {
            return new AgentPolicy(name, identity, NoTransport.INSTANCE, history, timeout, cassette)
                    .withCaps(maxCalls, maxCost);
        }
        Transport t = new StdioTransport(command, directory, workers, timeout, startTimeout, maxRestarts,
                MAX_RESPONSE_BYTES);
        return new AgentPolicy(name, identity, t, history, timeout, cassette).withCaps(maxCalls, maxCost);
    }

    /** HTTP POST to a URL; options as for {@code -p http:...}. */
    public static AgentPolicy http(Map<String, String> options) {
        AgentOptions o = new AgentOptions("http", options);
        String url = o.required("url");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ArenaException("policy 'http' option 'url' is not a URL: '" + url + "' (" + e.getReason()
                    + ")");
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new ArenaException("policy 'http' option 'url' must be an http:// or https:// URL with a host, got '"
                    + url + "'");
        }
        long timeout = o.number("timeout_ms", DEFAULT_TIMEOUT_MS, 1, 3_600_000);
        HttpTransport.HttpConfig config = new HttpTransport.HttpConfig(o.integer("in_flight", 8, 1, 4096), timeout,
                o.number("connect_timeout_ms", 5_000, 1, 600_000), o.integer("retries", 3, 0, 100),
                o.number("backoff_ms", 200, 0, 600_000), o.number("max_backoff_ms", 10_000, 0, 3_600_000),
                MAX_RESPONSE_BYTES);
        Map<String, String> headers = new LinkedHashMap<>();
        String authEnv = o.text("auth_env", null);
        if (authEnv != null) {
            String token = System.getenv(authEnv);
            if (token == null || token.isBlank()) {
                throw new ArenaException("policy 'http' option 'auth_env': environment variable " + authEnv
                        + " is not set");
            }
            headers.put("Authorization", "Bearer " + token.strip());
        }
        String identity = "http:" + HttpTransport.withoutQuery(uri);
        String name = o.text("name", "http-" + uri.getHost() + (uri.getPort() < 0 ? "" : "-" + uri.getPort()));
        long maxCalls = o.number("max_calls", Long.MAX_VALUE, 0, Long.MAX_VALUE);
        double maxCost = o.decimal("max_cost", Double.POSITIVE_INFINITY);
        int history = history(o);
        Cassette cassette = cassette(o);
        Transport t = cassette != null && cassette.mode() == CassetteMode.REPLAY ? NoTransport.INSTANCE
                : new HttpTransport(uri, headers, config);
        return new AgentPolicy(name, identity, t, history, timeout, cassette).withCaps(maxCalls, maxCost);
    }

    private static int history(AgentOptions o) {
        return o.integer("history", AgentProtocol.DEFAULT_HISTORY, 0, 100_000);
    }

    private static Cassette cassette(AgentOptions o) {
        String file = o.text("cassette", null);
        String mode = o.text("cassette_mode", null);
        if (file == null) {
            if (mode != null) {
                throw new ArenaException("option 'cassette_mode' needs option 'cassette' (the file)");
            }
            return null;
        }
        return Cassette.open(Path.of(file), mode == null ? CassetteMode.RECORD_NEW : CassetteMode.parse(mode));
    }

    /** The script's file name without extension ({@code python3 agents/triage.py} is {@code triage}). */
    static String defaultName(List<String> command) {
        String last = command.get(0);
        for (String word : command) {
            if (!word.startsWith("-")) {
                last = word;
            }
        }
        String file = last.substring(last.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        String name = dot > 0 ? file.substring(0, dot) : file;
        // Code given inline (python3 -c '...') makes no name: say what it is.
        return name.isBlank() || name.length() > 64 || !name.matches("[A-Za-z0-9._-]+") ? "process" : name;
    }

    private static Set<String> optionNames(String... specific) {
        Set<String> s = new HashSet<>(AgentOptions.COMMON);
        s.addAll(List.of(specific));
        return Set.copyOf(s);
    }

    /** {@code process:cmd=...}: worker processes speaking JSON lines. */
    public static final class ProcessProvider implements PolicyProvider {
        @Override
        public String name() {
            return "process";
        }

        @Override
        public String description() {
            return "an agent in any language as worker processes speaking JSON lines (docs/agent-protocol.md);"
                    + " options cmd, workers, timeout_ms, start_timeout_ms, max_restarts, dir, history, name,"
                    + " cassette, cassette_mode, max_calls, max_cost";
        }

        @Override
        public Set<String> options() {
            return optionNames("cmd", "workers", "max_restarts", "start_timeout_ms", "dir");
        }

        @Override
        public Set<String> runOptions() {
            return Set.of("workers", "max_restarts", "start_timeout_ms", "cassette", "cassette_mode");
        }

        @Override
        public org.systemarena.policy.Policy create(Map<String, String> options) {
            return process(options);
        }
    }

    /** {@code http:url=...}: an agent behind HTTP POST. */
    public static final class HttpProvider implements PolicyProvider {
        @Override
        public String name() {
            return "http";
        }

        @Override
        public String description() {
            return "an agent behind HTTP POST (docs/agent-protocol.md); options url, in_flight, timeout_ms,"
                    + " connect_timeout_ms, retries, backoff_ms, max_backoff_ms, auth_env, history, name, cassette,"
                    + " cassette_mode, max_calls, max_cost";
        }

        @Override
        public Set<String> options() {
            return optionNames("url", "in_flight", "connect_timeout_ms", "retries", "backoff_ms", "max_backoff_ms",
                    "auth_env");
        }

        @Override
        public Set<String> runOptions() {
            return Set.of("in_flight", "connect_timeout_ms", "retries", "backoff_ms", "max_backoff_ms", "auth_env",
                    "cassette", "cassette_mode");
        }

        @Override
        public org.systemarena.policy.Policy create(Map<String, String> options) {
            return http(options);
        }
    }

    /** The transport of a replay-only policy: it is never asked. */
    private enum NoTransport implements Transport {
        INSTANCE;

        @Override
        public String exchange(String request, String decisionId) {
            throw new AgentException("replay only: no agent to ask");
        }

        @Override
        public long recoveries() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
