package org.systemarena.agents;

import java.util.Arrays;

/**
 * What an agent policy did in a run: calls made and answers replayed from a cassette, failures, restarts or
 * retries, tokens and cost as the agent reported them, and the latency of the calls made (replayed answers take no
 * time). These vary between runs of the same inputs (latency always; calls, when a cassette answers), so they are
 * reported apart from the results.
 *
 * @param latencyP50Ms median latency of the calls made, in milliseconds (NaN when no call was made)
 */
public record AgentStats(long calls, long replayed, long failures, long recoveries, long tokensIn, long tokensOut,
                         double cost, double latencyP50Ms, double latencyP95Ms, double latencyP99Ms,
                         double latencyMaxMs) {

    /** Thread-safe accumulator. */
    static final class Counter {
        private long calls;
        private long replayed;
        private long failures;
        private long tokensIn;
        private long tokensOut;
        private double cost;
        private long[] latencies = new long[1024];
        private int n;

        synchronized void call(long nanos, Usage usage, boolean failed) {
            calls++;
            add(usage, failed);
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = nanos;
        }

        synchronized void replayed(Usage usage, boolean failed) {
            replayed++;
            add(usage, failed);
        }

        private void add(Usage usage, boolean failed) {
            if (failed) {
                failures++;
            }
            if (usage != null) {
                tokensIn += usage.tokensIn() == null ? 0 : usage.tokensIn();
                tokensOut += usage.tokensOut() == null ? 0 : usage.tokensOut();
                cost += usage.cost() == null ? 0 : usage.cost();
            }
        }

        synchronized long calls() {
            return calls;
        }

        synchronized double cost() {
            return cost;
        }

        synchronized AgentStats snapshot(long recoveries) {
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            return new AgentStats(calls, replayed, failures, recoveries, tokensIn, tokensOut, cost,
                    percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                    n == 0 ? Double.NaN : sorted[n - 1] / 1e6);
        }
    }

    /** The nearest-rank percentile: the smallest latency with at least {@code q} of the calls at or below it. */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
