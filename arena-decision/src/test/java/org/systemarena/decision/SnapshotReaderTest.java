package org.systemarena.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.systemarena.core.EventLog;

/** The reader hands every name exactly the value CaseSnapshot.get gives, through the sink method of its type. */
class SnapshotReaderTest {
    /** Records values by index, and checks that each arrives through the method of its own type. */
    private static final class Recorder implements SnapshotReader.Sink {
        final Object[] values;
        final boolean[] seen;

        Recorder(int n) {
            values = new Object[n];
            seen = new boolean[n];
        }

        private void put(int i, Object v) {
            assertThat(seen[i]).as("index %d given twice", i).isFalse();
            seen[i] = true;
            values[i] = v;
        }

        @Override
        public void nullValue(int index) {
            put(index, null);
        }

        @Override
        public void longValue(int index, long value) {
            put(index, value);
        }

        @Override
        public void doubleValue(int index, double value) {
            put(index, value);
        }

        @Override
        public void booleanValue(int index, boolean value) {
            put(index, value);
        }

        @Override
        public void textValue(int index, String value) {
            assertThat(value).isNotNull();
            put(index, value);
        }

        @Override
        public void objectValue(int index, Object value) {
            assertThat(value).isNotNull().isNotInstanceOfAny(String.class, Long.class, Double.class, Boolean.class);
            put(index, value);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void readsWhatGetReturnsForEveryName(long seed) {
        EventLog log = RandomLogs.log(seed, 30);
        DecisionPointExtractor x = DecisionPointExtractor.of(ExtractionChecks.randomLogManifest(null), log,
                ExtractionChecks.featureExtractors());
        List<String> names = new ArrayList<>(DecisionPointExtractor.snapshotNames(log,
                ExtractionChecks.featureExtractors()));
        names.addAll(List.of("no_such_name", "event.no_such_field", "state.no_such_field", "state.status"));
        SnapshotReader reader = SnapshotReader.of(x, names);
        List<DecisionPoint> points = x.extractAll().decisionPoints();
        assertThat(points).hasSizeGreaterThan(20);
        // one cursor in case order (mappings reused), one backwards (a new mapping nearly every time)
        SnapshotReader.Cursor forward = reader.cursor();
        SnapshotReader.Cursor backward = reader.cursor();
        for (int i = 0; i < points.size(); i++) {
            check(forward, points.get(i), names);
            check(backward, points.get(points.size() - 1 - i), names);
        }
    }

    private static void check(SnapshotReader.Cursor cursor, DecisionPoint dp, List<String> names) {
        Recorder r = new Recorder(names.size());
        cursor.read(dp.snapshot(), r);
        boolean[] all = new boolean[names.size()];
        Arrays.fill(all, true);
        assertThat(r.seen).isEqualTo(all);
        for (int n = 0; n < names.size(); n++) {
            assertThat(r.values[n]).as("%s at %s", names.get(n), dp.id()).isEqualTo(dp.snapshot().get(names.get(n)));
        }
    }
}
