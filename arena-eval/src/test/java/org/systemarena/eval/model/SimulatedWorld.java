package org.systemarena.eval.model;

import org.systemarena.eval.conversion.ConversionAnalysis;
import org.systemarena.eval.conversion.ConversionSettings;
import org.systemarena.eval.conversion.LoggedDecisions;
import org.systemarena.eval.estimate.BootstrapSettings;
import org.systemarena.eval.simulation.LeadSimulator;
import org.systemarena.eval.simulation.Regime;
import org.systemarena.eval.simulation.SimulatedLog;
import org.systemarena.eval.simulation.VerdictSweep;

/** One simulated world as the evaluator would see it: the log's decisions and mu from {@link ConversionAnalysis}. */
record SimulatedWorld(Regime regime, SimulatedLog log, LoggedDecisions decisions, ConversionAnalysis analysis,
        double[] mu, BootstrapSettings bootstrap) {
    static SimulatedWorld of(Regime regime, long seed) {
        SimulatedLog log = LeadSimulator.simulate(regime, seed);
        LoggedDecisions decisions = VerdictSweep.decisions(log);
        BootstrapSettings bootstrap = new BootstrapSettings(seed, 1_000, BootstrapSettings.DEFAULT_CONFIDENCE, 2);
        ConversionAnalysis analysis = ConversionAnalysis.of(decisions, ConversionSettings.of(bootstrap));
        double[] mu = new double[decisions.size()];
        for (int s = 0; s < mu.length; s++) {
            mu[s] = analysis.mu(s);
        }
        return new SimulatedWorld(regime, log, decisions, analysis, mu, bootstrap);
    }

    ModelBasedEstimator estimator() {
        return ModelBasedEstimator.of(decisions, mu, ModelSettings.defaults(bootstrap.seed()), bootstrap);
    }
}
