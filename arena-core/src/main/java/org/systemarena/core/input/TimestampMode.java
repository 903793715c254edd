package org.systemarena.core.input;

/** How a date-time text with a UTC offset becomes an instant. A text without offset is always read as UTC. */
public enum TimestampMode {
    /** {@code 2010-12-30T14:32:00+01:00} is the instant {@code 2010-12-30T13:32:00Z}: what the text means. */
    CONVERT_OFFSET,
    /** {@code 2010-12-30T14:32:00+01:00} is read as {@code 2010-12-30T14:32:00Z}: what PM4Py does. */
    REPLACE_OFFSET_WITH_UTC
}
