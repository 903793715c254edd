package org.systemarena.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;

/** The extractor against the from-scratch reference, on seeded random logs. */
class ReferenceImplementationTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void sameDecisionPointsValuesLabelsAndCounts(long seed) {
        EventLog log = RandomLogs.log(seed, 25);
        Manifest m = ExtractionChecks.randomLogManifest(seed % 2 == 0 ? null : Duration.ofDays(2));
        Extraction x = DecisionPointExtractor.of(m, log, ExtractionChecks.featureExtractors()).extractAll();
        ReferenceExtractor.Result ref = ReferenceExtractor.extract(m, log.events(), ExtractionChecks.features());
        ExtractionChecks.assertSame(x, ref, log);
        assertThat(x.decisionPointCount()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(longs = {101, 102, 103})
    void extractCaseConcurrentlyGivesTheSameAsExtractAll(long seed) throws Exception {
        EventLog log = RandomLogs.log(seed, 60);
        DecisionPointExtractor x = DecisionPointExtractor.of(ExtractionChecks.randomLogManifest(null), log,
                ExtractionChecks.featureExtractors());
        Extraction all = x.extractAll();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CaseDecisions>> futures = new java.util.ArrayList<>();
            for (int c = log.caseCount() - 1; c >= 0; c--) {
                int ci = c;
                futures.add(pool.submit(() -> x.extractCase(ci)));
            }
            for (int i = 0; i < futures.size(); i++) {
                CaseDecisions got = futures.get(i).get();
                CaseDecisions want = all.cases().get(log.caseCount() - 1 - i);
                assertThat(got.caseId()).isEqualTo(want.caseId());
                assertThat(got.counts()).isEqualTo(want.counts());
                assertThat(got.outcome()).isEqualTo(want.outcome());
                assertThat(got.points()).hasSameSizeAs(want.points());
                for (int p = 0; p < got.points().size(); p++) {
                    DecisionPoint a = got.points().get(p);
                    DecisionPoint b = want.points().get(p);
                    assertThat(a.id()).isEqualTo(b.id());
                    assertThat(((PointInTimeSnapshot) a.snapshot()).values())
                            .isEqualTo(((PointInTimeSnapshot) b.snapshot()).values());
                    assertThat(a.loggedAction()).isEqualTo(b.loggedAction());
                    assertThat(a.outcome()).isEqualTo(b.outcome());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
