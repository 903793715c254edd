package org.systemarena.eval.model;

/**
 * One fold's fitted-Q evaluation: the usable cases it was fitted on (every case outside the fold), the rows of all
 * its per-action models together (after subsampling), the rounds of refitting ({@code iterations}, each one fit per
 * action), whether the regression targets settled within the tolerance before the cap, how far they moved in the
 * last round, and the Newton steps all its fits took.
 */
public record FittedQFold(int fold, int trainingCases, int rows, int iterations, boolean converged,
        double lastChange, int newtonSteps) {
}
