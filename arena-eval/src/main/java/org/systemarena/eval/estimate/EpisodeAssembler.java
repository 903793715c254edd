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
        int missing = 0;
        int invalid = 0;
        int logged = 0;
        for (LoggedCase c : cases) {
            for (LoggedStep s : c.steps()) {
                if (s.loggedAction() == null) {
                    continue;
                }
                logged++;
                if (Double.isNaN(s.loggedPropensity())) {
                    missing++;
                } else if (!s.hasValidPropensity()) {
                    invalid++;
                }
            }
        }
        if (missing == 0 && invalid == 0) {
            return episodes(cases, null, PropensitySource.LOGGED);
        }
        EmpiricalBehaviourModel model = EmpiricalBehaviourModel.fit(cases, smoothing);
        String why = "of " + logged + " logged decisions, " + missing + " lack a propensity and " + invalid
                + " have one outside (0, 1]; used for all decisions: " + model.describe();
        return episodes(cases, model, PropensitySource.estimated(why));
    }

    /** Ignores logged propensities and uses an {@link EmpiricalBehaviourModel} fitted on these cases. */
    public static EpisodeSet withEstimatedBehaviour(List<LoggedCase> cases, double smoothing) {
        return withBehaviourModel(cases, EmpiricalBehaviourModel.fit(cases, smoothing));
    }

    /** Ignores logged propensities and uses {@code model}. */
    public static EpisodeSet withBehaviourModel(List<LoggedCase> cases, BehaviourModel model) {
        return episodes(cases, model, PropensitySource.estimated(model.describe()));
    }

    private static EpisodeSet episodes(List<LoggedCase> cases, BehaviourModel model, PropensitySource source) {
        List<Episode> out = new ArrayList<>(cases.size());
        for (LoggedCase c : cases) {
            int m = c.steps().size();
            double[] pi = new double[m];
            double[] mu = new double[m];
            for (int i = 0; i < m; i++) {
                LoggedStep s = c.steps().get(i);
                pi[i] = s.targetProbability();
                if (model == null) {
                    mu[i] = s.loggedPropensity();
                } else {
                    mu[i] = s.loggedAction() == null ? Double.NaN : model.propensity(s.stateKey(), s.loggedAction());
                }
            }
            out.add(new Episode(c.caseId(), pi, mu, c.reward()));
        }
        return new EpisodeSet(out, source);
    }
}
