package org.systemarena.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.systemarena.core.Timestamps;

class TimestampParserTest {
    private static long micros(String iso) {
        return Timestamps.toMicros(Instant.parse(iso));
    }

    @ParameterizedTest
    @CsvSource({
        "2024-03-01T09:30:15Z, 2024-03-01T09:30:15Z",
        "2024-03-01T09:30:15.123Z, 2024-03-01T09:30:15.123Z",
        "2024-03-01T09:30:15.123456Z, 2024-03-01T09:30:15.123456Z",
        "2024-03-01T09:30:15.123456789Z, 2024-03-01T09:30:15.123456Z",
        "2024-03-01T09:30:15+02:00, 2024-03-01T07:30:15Z",
        "2024-03-01T09:30:15-0530, 2024-03-01T15:00:15Z",
        "2024-03-01T01:00:00+03, 2024-02-29T22:00:00Z",
        "2024-03-01 09:30:15, 2024-03-01T09:30:15Z",
        "2024-03-01T09:30, 2024-03-01T09:30:00Z",
        "2024-03-01, 2024-03-01T00:00:00Z",
        "1969-12-31T23:59:59.5Z, 1969-12-31T23:59:59.5Z",
        "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
        "2000-02-29T12:00:00z, 2000-02-29T12:00:00Z",
    })
    void parsesIsoForms(String text, String expected) {
        assertThat(TimestampParser.parseMicros(text)).isEqualTo(micros(expected));
    }

    @Test
    void agreesWithJavaTimeOnRandomInstantsAndOffsets() {
        Random rnd = new Random(7);
        DateTimeFormatter withOffset = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");
        for (int i = 0; i < 20_000; i++) {
            long seconds = -2_000_000_000L + (long) (rnd.nextDouble() * 6_000_000_000L);
            Instant instant = Instant.ofEpochSecond(seconds, rnd.nextInt(1_000_000) * 1000L);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((rnd.nextInt(28 * 4) - 14 * 4) * 900);
            String text = OffsetDateTime.ofInstant(instant, offset).format(withOffset);
            assertThat(TimestampParser.parseMicros(text)).as(text).isEqualTo(Timestamps.toMicros(instant));
            String local = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
            assertThat(TimestampParser.parseMicros(local)).as(local).isEqualTo(Timestamps.toMicros(instant));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024", "2024-13-01", "2024-02-30", "2023-02-29", "2024-03-01T25:00", "2024-03-01T09:60",
        "2024-03-01X09:30", "2024-03-01T09:30:15.Z", "2024-03-01T09:30:15+25:00", "yesterday", "2024-03-01T09:30:15ZZ",
        "2024-3-1"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> TimestampParser.parseMicros(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void digitStringsAreEpochMillis() {
        assertThat(TimeText.parseText("1709285415123"))
                .isEqualTo(micros("2024-03-01T09:30:15.123Z"));
        assertThat(TimeText.parseText("-1000")).isEqualTo(-1_000_000L);
    }
}
