package org.systemarena.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.systemarena.core.Timestamps;
import org.systemarena.core.input.IsoTimestamps;

class IsoTimesTest {
    /** A second parser that only ever reads bytes, so that its date memo is not the char form's. */
    private static final IsoTimes BYTES_ONLY = new IsoTimes();

    /**
     * Parses from chars and from bytes (each a slice of a larger buffer, as the parsers give), with the same
     * instance: the two forms must agree, also on the date each leaves for the next call.
     */
    private static long parse(IsoTimes times, String text) {
        char[] chars = ("xx" + text + "yy").toCharArray();
        long fromChars = times.parse(chars, 2, text.length());
        byte[] bytes = ("xxx" + text + "y\0").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(times.parse(bytes, 3, text.length())).as("bytes: " + text).isEqualTo(fromChars);
        assertThat(BYTES_ONLY.parse(bytes, 3, text.length())).as("bytes alone: " + text).isEqualTo(fromChars);
        return fromChars;
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01T09:30:15Z", "2024-03-01T09:30:15.1Z", "2024-03-01T09:30:15.123Z",
        "2024-03-01T09:30:15.123456Z", "2024-03-01T09:30:15.123456789Z", "2024-02-29T23:59:59.999999Z",
        "1969-12-31T23:59:59.5Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2000-02-29T00:00:00Z"})
    void theCommonFormMatchesJavaTime(String text) {
        long expected = Timestamps.toMicros(Instant.parse(text));
        assertThat(parse(new IsoTimes(), text)).isEqualTo(expected);
        assertThat(IsoTimestamps.parseMicros(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01T09:30:15", "2024-03-01 09:30:15Z", "2024-03-01t09:30:15Z",
        "2024-03-01T09:30:15z", "2024-03-01T09:30:15+02:00", "2024-03-01T09:30Z", "2024-03-01",
        "2024-03-01T09:30:15.Z", "2024-03-01T09:30:15,5Z", "2024-03-01T09:30:15.1234567890Z", "2023-02-29T00:00:00Z",
        "2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z", "2024-04-31T00:00:00Z", "2024-03-01T24:00:00Z",
        "2024-03-01T09:60:00Z", "2024-03-01T09:30:60Z", "2024-03-0aT09:30:15Z", "2024-03-01T09:30:1xZ",
        "2024-03-01T09:30:15.12a4Z", "1709280000000", "20240301T093015Z"})
    void otherFormsAndInvalidFieldsAreLeftToTheFullParser(String text) {
        assertThat(parse(new IsoTimes(), text)).isEqualTo(IsoTimes.OTHER);
    }

    @Test
    void consecutiveTimesAcrossDatesMatchJavaTime() {
        IsoTimes times = new IsoTimes();
        Random rnd = new Random(7);
        DateTimeFormatter seconds = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(
                java.time.ZoneOffset.UTC);
        long t = Instant.parse("1999-12-30T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 3000; i++) {
            t += rnd.nextInt(3 * 3600);
            Instant instant = Instant.ofEpochSecond(t, rnd.nextInt(1000) * 1_000_000L);
            String text = rnd.nextBoolean() ? seconds.format(instant) : instant.toString();
            assertThat(parse(times, text)).as(text).isEqualTo(Timestamps.toMicros(instant.getNano() == 0 || text
                    .length() == 20 ? Instant.ofEpochSecond(t) : instant));
        }
        // an invalid date after valid ones of the same year and month is still refused
        assertThat(parse(times, "2001-02-28T00:00:00Z")).isNotEqualTo(IsoTimes.OTHER);
        assertThat(parse(times, "2001-02-29T00:00:00Z")).isEqualTo(IsoTimes.OTHER);
    }

    @Test
    void digitStringsAreEpochMillis() {
        assertThat(TimeText.parseText("1709285415123"))
                .isEqualTo(Timestamps.toMicros(Instant.parse("2024-03-01T09:30:15.123Z")));
        assertThat(TimeText.parseText("-1000")).isEqualTo(-1_000_000L);
    }
}
