package org.systemarena.replay;

/**
 * Told how far a replay got, for progress bars and logs. Called on the thread that called the runner after each
 * batch of about a thousand cases per replay thread (never concurrently, never per decision); the last call reports
 * every case, unless {@link BenchmarkConfig#maxDecisionPoints()} stopped the replay early (then it reports the case
 * where it stopped).
 */
@FunctionalInterface
public interface ReplayProgress {
    /** Nothing is reported. */
    ReplayProgress NONE = (cases, totalCases, decisionPoints) -> { };

    /**
     * @param cases          cases of the log replayed so far (in case order)
     * @param totalCases     cases in the log
     * @param decisionPoints decision points replayed so far (each replayed for every policy)
     */
    void replayed(int cases, int totalCases, long decisionPoints);
}
