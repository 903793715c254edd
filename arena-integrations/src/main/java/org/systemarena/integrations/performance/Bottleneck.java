package org.systemarena.integrations.performance;

/**
 * A transition a -> b ranked by the total time cases spent on it ({@code stats.sum()}): with start/complete events
 * the waiting time after a completed until b started, otherwise the time between the two events.
 */
public record Bottleneck(int rank, String source, String target, DurationStats stats, double shareOfTotal) {
}
