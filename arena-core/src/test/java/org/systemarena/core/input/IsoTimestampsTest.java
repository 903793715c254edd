package org.systemarena.core.input;

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

/**
 * The one timestamp grammar, checked against java.time on random instants and offsets; the offset modes of the
 * process-mining readers; and the xs:dateTime text their writers produce.
 */
class IsoTimestampsTest {
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
        assertThat(IsoTimestamps.parseMicros(text)).isEqualTo(micros(expected));
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
            assertThat(IsoTimestamps.parseMicros(text)).as(text).isEqualTo(Timestamps.toMicros(instant));
            String local = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
            assertThat(IsoTimestamps.parseMicros(local)).as(local).isEqualTo(Timestamps.toMicros(instant));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024", "2024-13-01", "2024-02-30", "2023-02-29", "2024-03-01T25:00", "2024-03-01T09:60",
        "2024-03-01X09:30", "2024-03-01T09:30:15.Z", "2024-03-01T09:30:15+25:00", "yesterday", "2024-03-01T09:30:15ZZ",
        "2024-3-1"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> IsoTimestamps.parseMicros(text)).isInstanceOf(IllegalArgumentException.class);
    }

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
    void anOffsetIsConvertedOrReplacedWithUtc(String text, String converted, String replaced) {
        assertThat(IsoTimestamps.parseMicros(text, TimestampMode.CONVERT_OFFSET)).isEqualTo(micros(converted));
        assertThat(IsoTimestamps.parseMicros(text, TimestampMode.REPLACE_OFFSET_WITH_UTC)).isEqualTo(micros(replaced));
    }

    @Test
    void reasonsNameWhatIsWrong() {
        assertThatThrownBy(() -> IsoTimestamps.parseMicros("2024-13-45T00:00:00"))
                .hasMessage("month 13 out of range");
        assertThatThrownBy(() -> IsoTimestamps.parseMicros("2024-02-30T00:00:00Z"))
                .hasMessage("day 30 out of range for 2024-2");
        assertThatThrownBy(() -> IsoTimestamps.parseMicros("31/12/2024")).hasMessage("expected a digit at position 3");
    }

    @Test
    void formatsMillisOrMicrosInUtc() {
        assertThat(IsoTimestamps.format(micros("2010-12-30T13:32:00Z"))).isEqualTo("2010-12-30T13:32:00.000+00:00");
        assertThat(IsoTimestamps.format(micros("1969-12-31T23:59:59.999999Z"), ' '))
                .isEqualTo("1969-12-31 23:59:59.999999+00:00");
        assertThatThrownBy(() -> IsoTimestamps.format(micros("+10000-01-01T00:00:00Z")))
                .hasMessage("year 10000 cannot be written as an xs:dateTime");
    }

    @Test
    void formattedTextParsesBack() {
        Random rnd = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            long micros = -2_000_000_000_000_000L + (long) (rnd.nextDouble() * 6_000_000_000_000_000L);
            assertThat(IsoTimestamps.parseMicros(IsoTimestamps.format(micros, i % 2 == 0 ? 'T' : ' ')))
                    .isEqualTo(micros);
        }
    }
}
