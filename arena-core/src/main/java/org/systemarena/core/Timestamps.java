package org.systemarena.core;

import java.time.Instant;

/** The log stores instants as microseconds since the epoch (UTC): finer than the milliseconds the spec asks for. */
public final class Timestamps {
    private Timestamps() {
    }

    public static long toMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    public static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** Days between two micro instants, as a double (the unit of the {@code *_days} snapshot values). */
    public static double daysBetween(long fromMicros, long toMicros) {
        return (toMicros - fromMicros) / 86_400_000_000.0;
    }

    public static final long MICROS_PER_DAY = 86_400_000_000L;
}
