package org.systemarena.eval.estimate;

import java.util.List;

/**
 * Logged trajectories addressed by index: cases, each a contiguous run of steps in case order. This lets a column
 * store (a replay's trace table) feed the episode assembly without a {@link LoggedStep} object per decision point;
 * {@link #of(List)} views {@link LoggedCase} objects the same way.
 */
public interface LoggedSteps {
    int caseCount();

    /** Index of case {@code c}'s first step; {@code caseStart(caseCount())} is the number of steps. */
    int caseStart(int c);

    String caseId(int c);

    /** The case's reward, in [0, 1]. */
    double reward(int c);

    /** See {@link LoggedStep#stateKey()}. */
    String stateKey(int step);

    /** The logged action, or null when the log has none. */
    String loggedAction(int step);

    /** How many actions were allowed at this step (at least 1). */
    int allowedActionCount(int step);

    /** The log's probability of the logged action; NaN when absent. */
    double loggedPropensity(int step);

    /** The target policy's probability of the logged action; NaN when no action was logged. */
    double targetProbability(int step);

    /** Cases as indexed steps. */
    static LoggedSteps of(List<LoggedCase> cases) {
        int[] starts = new int[cases.size() + 1];
        for (int c = 0; c < cases.size(); c++) {
            starts[c + 1] = starts[c] + cases.get(c).steps().size();
        }
        LoggedStep[] steps = new LoggedStep[starts[cases.size()]];
        for (int c = 0; c < cases.size(); c++) {
            List<LoggedStep> s = cases.get(c).steps();
            for (int i = 0; i < s.size(); i++) {
                steps[starts[c] + i] = s.get(i);
            }
        }
        return new LoggedSteps() {
            @Override
            public int caseCount() {
                return cases.size();
            }

            @Override
            public int caseStart(int c) {
                return starts[c];
            }

            @Override
            public String caseId(int c) {
                return cases.get(c).caseId();
            }

            @Override
            public double reward(int c) {
                return cases.get(c).reward();
            }

            @Override
            public String stateKey(int step) {
                return steps[step].stateKey();
            }

            @Override
            public String loggedAction(int step) {
                return steps[step].loggedAction();
            }

            @Override
            public int allowedActionCount(int step) {
                return steps[step].allowedActionCount();
            }

            @Override
            public double loggedPropensity(int step) {
                return steps[step].loggedPropensity();
            }

            @Override
            public double targetProbability(int step) {
                return steps[step].targetProbability();
            }
        };
    }
}
