package org.systemarena.integrations.xes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.systemarena.core.Timestamps;

class IsoDateTimesTest {

    @ParameterizedTest
    @CsvSource({
        "2010-12-30T14:32:00.000+01:00, 2010-12-30T13:32:00Z, 2010-12-30T14:32:00Z",
        "2010-12-30T14:32:00-05:30, 2010-12-30T20:02:00Z, 2010-12-30T14:32:00Z",
        "2024-03-01 09:00:00+00:00, 2024-03-01T09:00:00Z, 2024-03-01T09:00:00Z",
        "2024-03-01T09:00:00.5Z, 2024-03-01T09:00:00.5Z, 2024-03-01T09:00:00.5Z",
        "2024-03-01T09:00:00.123456789, 2024-03-01T09:00:00.123456Z, 2024-03-01T09:00:00.123456Z",
        "2024-03-01T09:00Z, 2024-03-01T09:00:00Z, 2024-03-01T09:00:00Z",
        "2024-03-01, 2024-03-01T00:00:00Z, 2024-03-01T00:00:00Z",
        "1970-01-02T12:23:00.000+01:00, 1970-01-02T11:23:00Z, 1970-01-02T12:23:00Z"
    })
    void parsesBothModes(String text, String converted, String replaced) {
        assertThat(Timestamps.fromMicros(IsoDateTimes.parseMicros(text, TimestampMode.CONVERT_OFFSET)))
                .isEqualTo(Instant.parse(converted));
        assertThat(Timestamps.fromMicros(IsoDateTimes.parseMicros(text, TimestampMode.REPLACE_OFFSET_WITH_UTC)))
                .isEqualTo(Instant.parse(replaced));
    }

    @Test
    void rejectsNonsense() {
        for (String bad : new String[] {"2024-02-30T00:00:00Z", "yesterday", "2024-01-01T25:00:00Z", ""}) {
            assertThatThrownBy(() -> IsoDateTimes.parseMicros(bad, TimestampMode.CONVERT_OFFSET))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void fastPathAgreesWithJavaTimeOnRandomOffsets() {
        Random rnd = new Random(42);
        for (int i = 0; i < 2000; i++) {
            long seconds = (long) (rnd.nextDouble() * 4_000_000_000L) - 1_000_000_000L;
            int millis = rnd.nextInt(1000);
            int offsetMinutes = (rnd.nextInt(28 * 4) - 14 * 4) * 15;
            OffsetDateTime t = Instant.ofEpochSecond(seconds, millis * 1_000_000L)
                    .atOffset(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
            String text = t.toLocalDateTime() + (offsetMinutes == 0 ? "+00:00" : t.getOffset().getId());
            assertThat(Timestamps.fromMicros(IsoDateTimes.parseMicros(text, TimestampMode.CONVERT_OFFSET)))
                    .as(text).isEqualTo(t.toInstant());
        }
    }

    @Test
    void formatsMillisOrMicrosInUtc() {
        assertThat(IsoDateTimes.format(Timestamps.toMicros(Instant.parse("2010-12-30T13:32:00Z"))))
                .isEqualTo("2010-12-30T13:32:00.000+00:00");
        assertThat(IsoDateTimes.format(Timestamps.toMicros(Instant.parse("1969-12-31T23:59:59.999999Z")), ' '))
                .isEqualTo("1969-12-31 23:59:59.999999+00:00");
    }
}
