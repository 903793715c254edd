package org.systemarena.integrations.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.systemarena.core.EventLog;
import org.systemarena.integrations.xes.Xes;
import org.systemarena.integrations.xes.XesKeys;
import org.systemarena.integrations.xes.XesOptions;

/**
 * The five public logs and what PM4Py 2.7.14 computed on them (test resources {@code pm4py/input_logs} and
 * {@code mining-reference/<log>}). Logs are read with PM4Py's timestamp reading (offset replaced by UTC).
 */
public final class Pm4pyReference {
    public static final List<String> LOGS =
            List.of("running-example", "repairExample", "reviewing", "roadtraffic100traces", "receipt");
    /** Logs with start and complete events. */
    public static final List<String> LIFECYCLE_LOGS = List.of("repairExample", "reviewing");

    private static final Map<String, String> FILES = Map.of(
            "running-example", "running-example.xes",
            "repairExample", "03_repairExample.xes.gz",
            "reviewing", "04_reviewing.xes.gz",
            "roadtraffic100traces", "roadtraffic100traces.xes",
            "receipt", "08_receipt.xes.gz");
    private static final Map<String, EventLog> CACHE = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Pm4pyReference() {
    }

    public static EventLog log(String name) {
        return CACHE.computeIfAbsent(name,
                n -> Xes.read(resource("pm4py/input_logs/" + FILES.get(n)), XesOptions.pm4pyTimestamps()));
    }

    /** Only the events with lifecycle:transition == complete. */
    public static EventLog completeOnly(String name) {
        EventLog log = log(name);
        return log.filter(r -> "complete".equals(log.payload().get(r, XesKeys.LIFECYCLE_TRANSITION)));
    }

    public static boolean exists(String name, String file) {
        return Files.exists(resource("mining-reference/" + name).resolve(file));
    }

    public static String text(String name, String file) {
        try {
            return Files.readString(resource("mining-reference/" + name).resolve(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String name, String file) {
        try {
            return JSON.readTree(resource("mining-reference/" + name).resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String path) {
        try {
            var url = Pm4pyReference.class.getClassLoader().getResource(path);
            if (url == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
