package org.systemarena.run;

/**
 * What a {@link Run} tells its caller as it goes: the phases (for a progress display), how far the replay got, and
 * notes and warnings that do not stop it. Every method does nothing by default; calls come from the thread that
 * called {@link Run#execute(RunListener)}.
 */
public interface RunListener {
    /** Listens to nothing. */
    RunListener NONE = new RunListener() {
    };

    /** The phases of a run, in order (truth only for a log the synthetic generator made). */
    enum Phase {
        LOAD, REPLAY, TRUTH, EVALUATE, WRITE;

        /** The name run-info.json and {@code -v} use: {@code load}, {@code replay}, ... */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A phase starts; {@code description} says what it does ("loading data/events.parquet (1.2 MB)"). */
    default void phaseStarted(Phase phase, String description) {
    }

    /** The phase started last has ended. */
    default void phaseEnded(Phase phase) {
    }

    /** The replay has done {@code cases} of {@code totalCases} log cases, with this many decision points so far. */
    default void replayed(int cases, int totalCases, long decisionPoints) {
    }

    /** Something the user should know that changes no result (e.g. why the truth was not computed). */
    default void note(String message) {
    }

    /** Something that went wrong without stopping the run (e.g. a policy's truth that could not be computed). */
    default void warning(String message) {
    }
}
