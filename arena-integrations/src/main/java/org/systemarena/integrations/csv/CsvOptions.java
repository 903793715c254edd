package org.systemarena.integrations.csv;

import java.util.Objects;
import org.systemarena.core.input.TimestampMode;
import org.systemarena.integrations.xes.XesOptions;

/**
 * Options of {@link Pm4pyCsvReader}.
 *
 * @param timestampMode how a timestamp with a UTC offset becomes an instant (PM4Py replaces the offset)
 * @param eventType     event type of rows without an {@code arena:event_type} cell
 * @param inferTypes    type payload cells (long, double, boolean, instant) when the typed value writes back to the
 *                      same text; otherwise every payload cell is a string
 * @param delimiter     the field separator
 */
public record CsvOptions(TimestampMode timestampMode, String eventType, boolean inferTypes, char delimiter) {
    public CsvOptions {
        Objects.requireNonNull(timestampMode, "timestampMode");
        Objects.requireNonNull(eventType, "eventType");
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter cannot be " + delimiter);
        }
    }

    public static CsvOptions defaults() {
        return new CsvOptions(TimestampMode.CONVERT_OFFSET, XesOptions.DEFAULT_EVENT_TYPE, true, ',');
    }

    public static CsvOptions pm4pyTimestamps() {
        return defaults().withTimestampMode(TimestampMode.REPLACE_OFFSET_WITH_UTC);
    }

    public CsvOptions withTimestampMode(TimestampMode mode) {
        return new CsvOptions(mode, eventType, inferTypes, delimiter);
    }

    public CsvOptions withEventType(String type) {
        return new CsvOptions(timestampMode, type, inferTypes, delimiter);
    }

    public CsvOptions withInferTypes(boolean infer) {
        return new CsvOptions(timestampMode, eventType, infer, delimiter);
    }

    public CsvOptions withDelimiter(char d) {
        return new CsvOptions(timestampMode, eventType, inferTypes, d);
    }
}
