package org.systemarena.eval.model;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.systemarena.eval.conversion.ConversionAnalysis;
import org.systemarena.eval.conversion.ConversionSettings;
import org.systemarena.eval.conversion.LoggedDecisions;
import org.systemarena.eval.conversion.PolicyConversion;
import org.systemarena.eval.estimate.BootstrapSettings;
import org.systemarena.eval.simulation.Actions;
import org.systemarena.eval.simulation.Horizon;
import org.systemarena.eval.simulation.LeadSimulator;
import org.systemarena.eval.simulation.LoggingPolicies;
import org.systemarena.eval.simulation.Regime;
import org.systemarena.eval.simulation.SimulatedLog;
import org.systemarena.eval.simulation.Target;
import org.systemarena.eval.simulation.VerdictSweep;

/**
 * Plain timing harness (not a test): one target's DR (cross-fitted fitted-Q models, DM, DR and WDR with their
 * bootstrap) against its importance-sampling estimate ({@link ConversionAnalysis}: settling mu, the support
 * reference, IPS/SNIPS with their bootstrap) on a simulated log. Arguments: [cases=500000] [resamples=1000]
 * [threads=2] [repetitions=3]. The log is the baseline lead world with up to four check-ins (about 3 decision points
 * per case), logged propensities.
 *
 * <pre>
 * mvn -o -q -pl arena-eval -am test-compile
 * java -Xmx3g -cp "arena-eval/target/test-classes:arena-eval/target/classes:$(cat arena-eval/target/cp.txt)" \
 *     org.systemarena.eval.model.ModelBenchmarkMain 500000 1000 2 3
 * </pre>
 */
public final class ModelBenchmarkMain {
    private ModelBenchmarkMain() {
    }

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Regime regime = new Regime("benchmark", cases, new Horizon(4, 30.0, 1.0, 7.0, 1.0), Actions.BASIC,
                LoggingPolicies.BY_DAYS_SOURCE_AND_BUDGET, true, false);
        SimulatedLog log = LeadSimulator.simulate(regime, 1);
        LoggedDecisions decisions = VerdictSweep.decisions(log);
        double[] pi = log.targetProbabilities(Target.CALL_IF_5_DAYS_ELSE_WAIT);
        BootstrapSettings bootstrap = new BootstrapSettings(42, resamples, BootstrapSettings.DEFAULT_CONFIDENCE,
                threads);
        System.out.printf(Locale.ROOT, "%,d cases, %,d decision points, %,d resamples, %d threads, %d cores%n", cases,
                decisions.size(), resamples, threads, Runtime.getRuntime().availableProcessors());
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        double[] bestIs = {Double.MAX_VALUE, Double.MAX_VALUE};
        double[] bestDr = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int r = 0; r < repetitions; r++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            ConversionAnalysis analysis = ConversionAnalysis.of(decisions, ConversionSettings.of(bootstrap));
            PolicyConversion is = analysis.evaluate(pi, false);
            long t1 = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            double[] mu = new double[decisions.size()];
            for (int s = 0; s < mu.length; s++) {
                mu[s] = analysis.mu(s);
            }
            long cpu2 = os.getProcessCpuTime();
            long t2 = System.nanoTime();
            ModelBasedResult dr = ModelBasedEstimator.of(decisions, mu, ModelSettings.defaults(42), bootstrap)
                    .evaluate(pi);
            long t3 = System.nanoTime();
            long cpu3 = os.getProcessCpuTime();
            double isWall = (t1 - t0) / 1e9;
            double isCpu = (cpu1 - cpu0) / 1e9;
            double drWall = (t3 - t2) / 1e9;
            double drCpu = (cpu3 - cpu2) / 1e9;
            bestIs[0] = Math.min(bestIs[0], isWall);
            bestIs[1] = Math.min(bestIs[1], isCpu);
            bestDr[0] = Math.min(bestDr[0], drWall);
            bestDr[1] = Math.min(bestDr[1], drCpu);
            System.out.printf(Locale.ROOT, "  run %d: IS %.2f s wall, %.2f s CPU (SNIPS %.4f); DR %.2f s wall,"
                            + " %.2f s CPU (DR %.4f [%.4f, %.4f], DM %.4f, WDR %.4f, %d FQE iterations, check %s)%n",
                    r + 1,
                    isWall, isCpu, is.estimate().snips().value(), drWall, drCpu, dr.dr().value(), dr.dr().lower(),
                    dr.dr().upper(), dr.dm().value(), dr.wdr().value(), dr.fit().iterations(),
                    dr.modelCheck().passed() ? "passed" : "failed");
        }
        System.out.printf(Locale.ROOT, "best: IS %.2f s wall, %.2f s CPU; DR %.2f s wall, %.2f s CPU; ratio %.2f wall,"
                + " %.2f CPU%n", bestIs[0], bestIs[1], bestDr[0], bestDr[1], bestDr[0] / bestIs[0],
                bestDr[1] / bestIs[1]);
    }
}
