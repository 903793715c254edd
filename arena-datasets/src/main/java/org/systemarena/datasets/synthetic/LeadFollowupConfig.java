package org.systemarena.datasets.synthetic;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Settings of the synthetic lead follow-up generator.
 *
 * @param cases       number of leads
 * @param seed        the whole output is a function of the config; lead {@code k} depends only on the seed, {@code k},
 *                    {@code start}, {@code arrivalGap}, {@code reps} and {@code maxChecks}
 * @param start       when the first lead may arrive
 * @param arrivalGap  lead {@code k} arrives uniformly within {@code [start + k gap, start + (k+1) gap)}, whole seconds
 * @param reps        size of the sales team; each lead gets one rep
 * @param maxChecks   follow-up checks per lead before it is left open (no outcome)
 * @param maxEvents   stop starting new leads once this many events exist (the last lead is finished)
 */
public record LeadFollowupConfig(int cases, long seed, Instant start, Duration arrivalGap, int reps, int maxChecks,
                                 long maxEvents) {
    public static final Instant DEFAULT_START = Instant.parse("2025-01-06T08:00:00Z");

    public LeadFollowupConfig {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(arrivalGap, "arrivalGap");
        if (cases < 0) {
            throw new IllegalArgumentException("cases must be >= 0, got " + cases);
        }
        if (arrivalGap.getSeconds() < 1) {
            throw new IllegalArgumentException("arrivalGap must be at least one second, got " + arrivalGap);
        }
        if (reps < 1 || reps > 999) {
            throw new IllegalArgumentException("reps must be in 1..999, got " + reps);
        }
        if (maxChecks < 1) {
            throw new IllegalArgumentException("maxChecks must be >= 1, got " + maxChecks);
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be >= 1, got " + maxEvents);
        }
    }

    /** 300 leads, seed 42, two hours apart from 2025-01-06T08:00Z, 8 reps, 10 checks, no event limit. */
    public static LeadFollowupConfig defaults() {
        return new LeadFollowupConfig(300, 42L, DEFAULT_START, Duration.ofHours(2), 8, 10, Long.MAX_VALUE);
    }

    public static LeadFollowupConfig of(int cases, long seed) {
        return defaults().withCases(cases).withSeed(seed);
    }

    /**
     * About {@code events} events (at least that many, a few more to finish the last lead), leads one minute apart:
     * for benchmarks.
     */
    public static LeadFollowupConfig ofEvents(long events, long seed) {
        return new LeadFollowupConfig(Integer.MAX_VALUE, seed, DEFAULT_START, Duration.ofMinutes(1), 50, 10, events);
    }

    public LeadFollowupConfig withCases(int n) {
        return new LeadFollowupConfig(n, seed, start, arrivalGap, reps, maxChecks, maxEvents);
    }

    public LeadFollowupConfig withSeed(long s) {
        return new LeadFollowupConfig(cases, s, start, arrivalGap, reps, maxChecks, maxEvents);
    }

    public LeadFollowupConfig withStart(Instant s) {
        return new LeadFollowupConfig(cases, seed, s, arrivalGap, reps, maxChecks, maxEvents);
    }

    public LeadFollowupConfig withArrivalGap(Duration gap) {
        return new LeadFollowupConfig(cases, seed, start, gap, reps, maxChecks, maxEvents);
    }

    public LeadFollowupConfig withMaxEvents(long n) {
        return new LeadFollowupConfig(cases, seed, start, arrivalGap, reps, maxChecks, n);
    }
}
