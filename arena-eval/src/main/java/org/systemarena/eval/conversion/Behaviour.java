package org.systemarena.eval.conversion;

import org.systemarena.eval.behaviour.SelectedBehaviour;
import org.systemarena.eval.estimate.PropensitySource;

/**
 * Where the logging policy's probabilities come from, settled once per log: the logged distribution when every
 * logged decision has one; else the logged propensities when every logged decision has a valid one (and no
 * estimate is forced); else the state-aware behaviour model for every decision (mixing logged and estimated
 * propensities within one estimate would weigh cases inconsistently). {@code reference} is what the support check
 * reads for the actions the log did not take: the logged distribution, or the model.
 */
record Behaviour(double[] mu, PropensitySource source, double[] reference, String referenceDescription) {
    static Behaviour resolve(LoggedDecisions log, ConversionSettings settings) {
        int n = log.size();
        int m = log.actions().size();
        int logged = 0;
        int missing = 0;
        int invalid = 0;
        int withDistribution = 0;
        for (int s = 0; s < n; s++) {
            if (log.loggedAction(s) < 0) {
                continue;
            }
            logged++;
            withDistribution += log.hasDistribution(s) ? 1 : 0;
            double p = log.loggedPropensity(s);
            if (Double.isNaN(p)) {
                missing++;
            } else if (!(p > 0.0 && p <= 1.0)) {
                invalid++;
            }
        }
        double[] mu = new double[n];
        if (!settings.estimateBehaviour() && logged > 0 && withDistribution == logged) {
            double[] reference = new double[n * m];
            for (int s = 0; s < n; s++) {
                int a = log.loggedAction(s);
                mu[s] = a < 0 ? Double.NaN : log.distribution(s, a);
                for (int b = 0; b < m; b++) {
                    reference[s * m + b] = log.distribution(s, b);
                }
            }
            return new Behaviour(mu, new PropensitySource(false, "logged action distributions"), reference,
                    "the logged action distributions");
        }
        boolean useLogged = !settings.estimateBehaviour() && missing == 0 && invalid == 0;
        SelectedBehaviour fit = SelectedBehaviour.fit(log.behaviourData(), useLogged
                ? settings.behaviour().withMaxTrainingRows(Math.min(settings.behaviour().maxTrainingRows(),
                        ConversionSettings.REFERENCE_TRAINING_ROWS)) : settings.behaviour());
        double[] reference = new double[n * m];
        for (int s = 0; s < n; s++) {
            for (int b = 0; b < m; b++) {
                reference[s * m + b] = fit.probability(s, b);
            }
            int a = log.loggedAction(s);
            mu[s] = a < 0 ? Double.NaN : useLogged ? log.loggedPropensity(s) : fit.probability(s, a);
        }
        String model = "the behaviour model: " + fit.describe();
        if (useLogged) {
            return new Behaviour(mu, PropensitySource.LOGGED, reference, model);
        }
        String why = settings.estimateBehaviour() ? fit.describe() : "of " + logged + " logged decisions, "
                + missing + " lack a propensity and " + invalid + " have one outside (0, 1]; used for all decisions: "
                + fit.describe();
        return new Behaviour(mu, PropensitySource.estimated(why), reference, model);
    }
}
