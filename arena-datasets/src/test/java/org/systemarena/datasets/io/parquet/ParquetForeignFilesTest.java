package org.systemarena.datasets.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.systemarena.core.Actor;
import org.systemarena.core.Event;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventType;
import org.systemarena.core.ObjectRef;
import org.systemarena.datasets.Datasets;

/**
 * Files written by pyarrow (make_pyarrow_fixtures.py beside them): nullable columns everywhere, TIMESTAMP(NANOS,
 * UTC), dictionary-encoded event types, INT8, DATE, FIXED_LEN_BYTE_ARRAY decimals, a list of nullable structs;
 * data page v1 with Snappy and dictionaries, and v2 with ZSTD and plain encoding.
 */
class ParquetForeignFilesTest {
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"pyarrow-v1.parquet", "pyarrow-v2.parquet"})
    void readsPyarrowFiles(String name) throws URISyntaxException {
        Path file = Path.of(ParquetForeignFilesTest.class.getResource(name).toURI());
        EventLog log = Datasets.loadEventLog(file);
        Event l2 = new Event("L2#0", "L2", Instant.parse("2024-02-28T23:59:59Z"), 0, EventType.ENTITY_CREATED,
                "entity.created", null, Actor.NONE, null,
                map("budget", 120L, "vip", false, "small", 3L, "price", -0.05, "region", "APAC"), List.of(),
                Map.of(), Map.of(), Map.of(), null, null);
        Event l1a = new Event("L1#0", "L1", Instant.parse("2024-03-01T09:00:00.123456Z"), 0, EventType.ENTITY_CREATED,
                "entity.created", null, Actor.NONE, null,
                map("budget", 5000L, "score", 0.5, "vip", true, "small", 1L, "due", Instant.parse("2024-03-10T00:00:00Z"),
                        "price", 12.34, "region", "EMEA"),
                List.of(ObjectRef.of("lead", "L1", "subject"), ObjectRef.of("account", "A1")), Map.of(), Map.of(),
                Map.of(), null, null);
        Event l1b = new Event("L1#1", "L1", Instant.parse("2024-03-01T09:05:00Z"), 1, EventType.STATE_CHANGED,
                "state.changed", null, Actor.NONE, null, map("score", 1.25, "small", 2L), List.of(), Map.of(),
                Map.of("stage", "contacted"), Map.of(), null, null);
        assertThat(log.events()).containsExactly(l2, l1a, l1b);
    }
}
