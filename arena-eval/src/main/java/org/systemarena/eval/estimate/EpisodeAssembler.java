package org.systemarena.eval.estimate;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns logged trajectories into episodes, settling where the propensities come from: the log when every decision
 * point with a logged action has a propensity in (0, 1]; otherwise an estimated behaviour model for <em>all</em>
 * decision points (mixing logged and estimated propensities within one estimate would weight cases inconsistently).
 */
public final class EpisodeAssembler {
    private EpisodeAssembler() {
    }

    /** Logged propensities when complete, else {@link EmpiricalBehaviourModel} with Laplace smoothing. */
    public static EpisodeSet assemble(List<LoggedCase> cases) {
        return assemble(cases, EmpiricalBehaviourModel.DEFAULT_SMOOTHING);
    }

    public static EpisodeSet assemble(List<LoggedCase> cases, double smoothing) {
        return assemble(LoggedSteps.of(cases), smoothing);
    }

    public static EpisodeSet assemble(LoggedSteps steps, double smoothing) {
        int missing = 0;
        int invalid = 0;
        int logged = 0;
        for (int s = 0, n = steps.caseStart(steps.caseCount()); s < n; s++) {
            if (steps.loggedAction(s) == null) {
                continue;
            }
            logged++;
            double mu = steps.loggedPropensity(s);
            if (Double.isNaN(mu)) {
                missing++;
            } else if (!Episode.isValidPropensity(mu)) {
                invalid++;
            }
        }
        if (missing == 0 && invalid == 0) {
            return episodes(steps, null, PropensitySource.LOGGED);
        }
        EmpiricalBehaviourModel model = EmpiricalBehaviourModel.fit(steps, smoothing);
        String why = "of " + logged + " logged decisions, " + missing + " lack a propensity and " + invalid
                + " have one outside (0, 1]; used for all decisions: " + model.describe();
        return episodes(steps, model, PropensitySource.estimated(why));
    }

    /** Ignores logged propensities and uses an {@link EmpiricalBehaviourModel} fitted on these cases. */
    public static EpisodeSet withEstimatedBehaviour(List<LoggedCase> cases, double smoothing) {
        return withEstimatedBehaviour(LoggedSteps.of(cases), smoothing);
    }

    public static EpisodeSet withEstimatedBehaviour(LoggedSteps steps, double smoothing) {
        return withBehaviourModel(steps, EmpiricalBehaviourModel.fit(steps, smoothing));
    }

    /** Ignores logged propensities and uses {@code model}. */
    public static EpisodeSet withBehaviourModel(List<LoggedCase> cases, BehaviourModel model) {
        return withBehaviourModel(LoggedSteps.of(cases), model);
    }

    public static EpisodeSet withBehaviourModel(LoggedSteps steps, BehaviourModel model) {
        return episodes(steps, model, PropensitySource.estimated(model.describe()));
    }

    private static EpisodeSet episodes(LoggedSteps steps, BehaviourModel model, PropensitySource source) {
        List<Episode> out = new ArrayList<>(steps.caseCount());
        for (int c = 0; c < steps.caseCount(); c++) {
            int from = steps.caseStart(c);
            int m = steps.caseStart(c + 1) - from;
            double[] pi = new double[m];
            double[] mu = new double[m];
            for (int i = 0; i < m; i++) {
                int s = from + i;
                String action = steps.loggedAction(s);
                pi[i] = action == null ? Double.NaN : steps.targetProbability(s);
                if (model == null) {
                    mu[i] = steps.loggedPropensity(s);
                } else {
                    mu[i] = action == null ? Double.NaN : model.propensity(steps.stateKey(s), action);
                }
            }
            out.add(new Episode(steps.caseId(c), pi, mu, steps.reward(c)));
        }
        return new EpisodeSet(out, source);
    }
}
