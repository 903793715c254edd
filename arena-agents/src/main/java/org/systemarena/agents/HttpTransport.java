package org.systemarena.agents;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.systemarena.core.OneLine;

/**
 * The request as the body of an HTTP POST, the answer as the response body (status 2xx). One {@link HttpClient}
 * keeps connections open between calls; at most {@code inFlight} requests are outstanding at once (callers beyond
 * that wait for a free place). A 429, a 5xx or a failed connection is retried up to {@code retries} times, after an
 * exponential back-off with jitter ({@code backoffMs}, doubled each time, at most {@code maxBackoffMs}; a
 * {@code Retry-After} in seconds is honoured within that cap). A time-out and any other status are not retried.
 */
final class HttpTransport implements Transport {
    private final URI url;
    private final String shownUrl;
    private final HttpConfig config;
    private final Map<String, String> headers;
    private final ExecutorService executor;
    private final HttpClient client;
    private final Semaphore inFlight;
    private final AtomicLong retried = new AtomicLong();

    /** Everything about the HTTP calls that can be set. */
    record HttpConfig(int inFlight, long timeoutMs, long connectTimeoutMs, int retries, long backoffMs,
                      long maxBackoffMs, int maxResponseBytes) {
    }

    HttpTransport(URI url, Map<String, String> headers, HttpConfig config) {
        this.url = url;
        this.shownUrl = withoutQuery(url);
        this.config = config;
        this.headers = Map.copyOf(headers);
        this.inFlight = new Semaphore(config.inFlight(), true);
        // Daemon threads: an agent that is never closed must not keep the JVM alive.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "arena-agent-http");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(config.connectTimeoutMs())).executor(executor).build();
    }

    @Override
    public String exchange(String request, String decisionId) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException("interrupted while waiting to send to " + shownUrl);
        }
        try {
            return send(request);
        } finally {
            inFlight.release();
        }
    }

    private String send(String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofMillis(config.timeoutMs()))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        HttpRequest request = b.build();
        String last = null;
        for (int attempt = 0; ; attempt++) {
            long retryAfterMs = -1;
            try {
                HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = r.statusCode();
                String text = read(r.body());
                if (status >= 200 && status < 300) {
                    if (text == null) {
                        throw new AgentException("answer from " + shownUrl + " is longer than "
                                + config.maxResponseBytes() + " bytes");
                    }
                    return text;
                }
                last = "HTTP " + status + " from " + shownUrl + (text == null || text.isBlank() ? ""
                        : ": '" + AgentJson.quote(text.strip()) + "'");
                if (status != 429 && status < 500) {
                    throw new AgentException(last);
                }
                retryAfterMs = retryAfter(r.headers().firstValue("Retry-After"));
            } catch (java.net.http.HttpConnectTimeoutException e) {
                // No connection yet, so nothing was asked: retried like a refused connection.
                last = "cannot reach " + shownUrl + ": no connection within " + config.connectTimeoutMs() + " ms";
            } catch (HttpTimeoutException e) {
                throw new AgentException("no answer from " + shownUrl + " within " + config.timeoutMs() + " ms"
                        + (attempt == 0 ? "" : " (attempt " + (attempt + 1) + "; before: " + last + ")"));
            } catch (IOException e) {
                last = "cannot reach " + shownUrl + ": " + OneLine.value(String.valueOf(
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AgentException("interrupted while waiting for " + shownUrl);
            }
            if (attempt >= config.retries()) {
                throw new AgentException(last + (attempt == 0 ? "" : " (after " + (attempt + 1) + " attempts)"));
            }
            retried.incrementAndGet();
            sleep(backoff(attempt, retryAfterMs));
        }
    }

    /** The wait before retry {@code attempt + 1}: exponential with jitter, or Retry-After, within the cap. */
    long backoff(int attempt, long retryAfterMs) {
        if (retryAfterMs >= 0) {
            return Math.min(retryAfterMs, config.maxBackoffMs());
        }
        long base = Math.min(config.maxBackoffMs(), config.backoffMs() << Math.min(attempt, 20));
        // Jitter in [base/2, base]: callers that failed together do not all come back at the same instant.
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    private static long retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return -1;
        }
        try {
            long seconds = Long.parseLong(header.get().strip());
            return seconds < 0 ? -1 : Math.min(seconds, Long.MAX_VALUE / 1000) * 1000;
        } catch (NumberFormatException e) {
            return -1; // an HTTP date: use the exponential back-off instead
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException("interrupted during back-off");
        }
    }

    /** The body as text, or null when it is longer than the limit. */
    private String read(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(config.maxResponseBytes() + 1);
            return bytes.length > config.maxResponseBytes() ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The URL for messages: without query or user info, which may hold a key. */
    static String withoutQuery(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    @Override
    public long recoveries() {
        return retried.get();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
