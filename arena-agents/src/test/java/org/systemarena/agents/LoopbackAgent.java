package org.systemarena.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP agent on the loopback interface for tests: answers {@code {"action": "wait"}}, except for the cases
 * given a fault, where it misbehaves in that way. Counts requests and the most at once.
 */
final class LoopbackAgent implements AutoCloseable {
    enum Fault { FLAKY, ALWAYS_503, TOO_MANY_REQUESTS, NOT_FOUND, GARBAGE, SLOW, BAD_ACTION, DROP, ECHO }

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Read once when the server classes load: without it, Nagle's algorithm and delayed ACKs hold every small
        // response back for about 40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final Map<String, Fault> faults;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final AtomicLong requests = new AtomicLong();
    /** The Authorization header of each request (null where it had none). */
    final java.util.List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    private final long delayMs;

    LoopbackAgent(Map<String, Fault> faults, long delayMs) throws IOException {
        this.faults = Map.copyOf(faults);
        this.delayMs = delayMs;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/decide", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/decide";
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        JsonNode request = JSON.readTree(ex.getRequestBody().readAllBytes());
        Fault fault = faults.get(request.path("case_id").asText());
        // Only healthy requests count: the client gives up on a slow one, which then no longer holds its place.
        boolean counted = fault == null;
        if (counted) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        }
        try (ex) {
            String decisionId = request.path("decision_id").asText();
            int attempt = attempts.computeIfAbsent(decisionId, k -> new AtomicInteger()).incrementAndGet();
            if (delayMs > 0) {
                Thread.sleep(delayMs);
            }
            if (fault == null) {
                inFlight.decrementAndGet(); // before answering: the client may send its next request at once
                counted = false;
                send(ex, 200, "{\"action\":\"wait\",\"decision_id\":\"" + decisionId + "\"}");
                return;
            }
            switch (fault) {
                case FLAKY -> send(ex, attempt == 1 ? 503 : 200, attempt == 1 ? "try again" : "{\"action\":\"wait\"}");
                case ALWAYS_503 -> send(ex, 503, "overloaded");
                case TOO_MANY_REQUESTS -> {
                    if (attempt == 1) {
                        ex.getResponseHeaders().add("Retry-After", "0");
                        send(ex, 429, "");
                    } else {
                        send(ex, 200, "{\"action\":\"send_email\",\"params\":{\"template\":\"t\"}}");
                    }
                }
                case NOT_FOUND -> send(ex, 404, "no such route");
                case GARBAGE -> send(ex, 200, "<html>oops</html>");
                case SLOW -> {
                    Thread.sleep(3000);
                    send(ex, 200, "{\"action\":\"wait\"}");
                }
                case BAD_ACTION -> send(ex, 200, "{\"action\":\"fly_to_the_moon\"}");
                case DROP -> {
                    // Closes the connection without a response.
                }
                case ECHO -> send(ex, 200, "{\"action\":\"wait\",\"reasoning\":" + JSON.writeValueAsString(
                        request.toString()) + "}");
                default -> throw new IllegalStateException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
