package org.systemarena.eval.model;

import java.util.List;

/**
 * Where the target goes beyond what the outcome models know, as shares of its probability over its decision points
 * in the used cases.
 *
 * <ul>
 *   <li><b>Not modelled</b>: actions the log never took at the decision point's rule. No Q exists there, so V(x) is
 *       undefined wherever the target gives them probability; the fitted-Q rows that would need such a V are left
 *       out, and an estimate that needs one is not given: DM when a case's first V is missing, DR and WDR when a case
 *       needs a missing V with a positive weight. {@code dmUndefinedCases} and {@code drUndefinedCases} count the
 *       used cases that do.</li>
 *   <li><b>Model-extrapolated</b>: actions logged at the rule fewer than {@link ModelSettings#minDecisions()} times
 *       in some fold's training cases. Their Q is the model's extrapolation (from the action's decisions at other
 *       rules, or a constant when the fold has none); the estimates use it, and this flags it.</li>
 * </ul>
 */
public record ModelCoverage(int decisionPoints, double notModelledMass, List<FlaggedAction> notModelled,
        double extrapolatedMass, List<FlaggedAction> extrapolated, int dmUndefinedCases, int drUndefinedCases) {
    public ModelCoverage {
        notModelled = List.copyOf(notModelled);
        extrapolated = List.copyOf(extrapolated);
    }
}
