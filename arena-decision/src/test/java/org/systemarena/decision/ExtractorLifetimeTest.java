package org.systemarena.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;

/**
 * An extractor and its log are garbage once the caller drops them, whichever threads walked its cases. (A walker kept
 * in a ThreadLocal refers back to its extractor, so the thread's map kept every extractor it had used: the
 * synthetic example's truth builds thousands, and a test JVM running a few runs in a row ran out of heap.)
 */
class ExtractorLifetimeTest {
    private static final long T = RandomLogs.micros(Instant.parse("2024-05-01T00:00:00Z"));

    @Test
    void anExtractorUsedOnALongLivedThreadCanBeCollected() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            WeakReference<DecisionPointExtractor> ref = pool.submit(ExtractorLifetimeTest::usedAndDropped).get();
            // The pool's thread lives on, as a test runner's or a server's does.
            Future<?> alive = pool.submit(() -> { });
            alive.get();
            assertThat(collected(ref)).as("extractor collected while the thread that used it lives").isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCallersShareAFewWalkersAndGetTheSameAnswers() throws Exception {
        DecisionPointExtractor x = DecisionPointExtractor.of(manifest(), log(200));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> ids = new java.util.ArrayList<>();
            for (int c = 0; c < 200; c++) {
                int k = c;
                ids.add(pool.submit(() -> x.extractCase(k).points().get(0).id()));
            }
            for (int c = 0; c < 200; c++) {
                assertThat(ids.get(c).get()).isEqualTo(x.log().caseId(c) + "#0/ask");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static WeakReference<DecisionPointExtractor> usedAndDropped() {
        DecisionPointExtractor x = DecisionPointExtractor.of(manifest(), log(3));
        assertThat(x.extractCase(0).points()).hasSize(1);
        return new WeakReference<>(x);
    }

    private static boolean collected(WeakReference<?> ref) throws InterruptedException {
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return ref.get() == null;
    }

    private static Manifest manifest() {
        return TestManifests.of(List.of(DecisionPointSpec.of("ask", "decision.requested", null, List.of("call"))),
                null);
    }

    private static EventLog log(int cases) {
        EventLogBuilder b = EventLog.builder();
        for (int c = 0; c < cases; c++) {
            b.startEvent("case-" + c, T + c).eventType("decision.requested");
        }
        return b.build();
    }
}
