package org.systemarena.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reference client's example agent started as an HTTP server on a free loopback port, for one test. */
final class AgentServer implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("arena agent listening on (http://127\\.0\\.0\\.1:\\d+/)");

    private final Process process;
    private final String url;

    /** Starts {@code command} plus {@code --http 0} and waits for the address it prints on stderr. */
    AgentServer(String... command) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of(command));
        args.addAll(List.of("--http", "0"));
        process = new ProcessBuilder(args).start();
        try {
            String line = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))
                    .readLine();
            Matcher m = LISTENING.matcher(String.valueOf(line));
            assertThat(m.matches()).as(line).isTrue();
            url = m.group(1) + "decide";
        } catch (IOException | RuntimeException | AssertionError e) {
            close();
            throw e;
        }
    }

    String url() {
        return url;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
