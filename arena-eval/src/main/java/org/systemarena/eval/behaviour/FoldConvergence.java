package org.systemarena.eval.behaviour;

/**
 * One fitted model of a rule: the fold it scores, its training decisions (the rule's decisions in the other folds)
 * and how many of them it was fitted on (fewer when subsampled), its design columns (intercept included), and its
 * Newton run: full-size steps taken (after the warm start from a subsample, for large fits), the final gradient norm
 * relative to the total row weight, and whether that reached the tolerance ({@code 1e-8}). With no training decisions
 * nothing is fitted and the fold's steps get the prior alone (every action of the rule equally likely): zero rows,
 * columns and iterations.
 */
public record FoldConvergence(int fold, int trainingDecisions, int rowsUsed, int columns, int iterations,
        double gradientNorm, boolean converged) {
    public boolean subsampled() {
        return rowsUsed < trainingDecisions;
    }
}
