package org.systemarena.eval.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Plain timing harness (not a test): one off-policy estimate with bootstrap intervals over many cases.
 * Arguments: [cases=500000] [resamples=1000] [threads=2] [repetitions=5]. See docs/metrics.md for the command.
 */
public final class EstimatorBenchmarkMain {
    private EstimatorBenchmarkMain() {
    }

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 5;

        SplittableRandom gen = new SplittableRandom(1);
        List<Episode> episodes = new ArrayList<>(cases);
        for (int i = 0; i < cases; i++) {
            int m = 1 + gen.nextInt(3);
            double[] pi = new double[m];
            double[] mu = new double[m];
            for (int j = 0; j < m; j++) {
                mu[j] = 0.2 + 0.6 * gen.nextDouble();
                pi[j] = gen.nextInt(4) / 3.0;
            }
            episodes.add(Episode.of("case-" + i, gen.nextInt(3) == 0 ? 1 : 0, pi, mu));
        }
        EpisodeSet set = EpisodeSet.logged(episodes);
        OffPolicyEstimator estimator = OffPolicyEstimator.of(
                new BootstrapSettings(42, resamples, BootstrapSettings.DEFAULT_CONFIDENCE, threads));

        System.out.printf(Locale.ROOT, "off-policy estimate: %,d cases, %,d resamples, %d threads, %d cores%n",
                cases, resamples, threads, Runtime.getRuntime().availableProcessors());
        // Wall time on a shared machine says little; process CPU time shows what the work itself costs.
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        OffPolicyEstimate last = null;
        for (int r = 0; r < repetitions; r++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            last = estimator.estimate(set);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
            best = Math.min(best, seconds);
            bestCpu = Math.min(bestCpu, cpuSeconds);
            System.out.printf(Locale.ROOT, "  run %d: %.3f s wall, %.3f s CPU (all threads)%n", r + 1, seconds,
                    cpuSeconds);
        }
        System.out.printf(Locale.ROOT, "best: %.3f s wall, %.3f s CPU  (SNIPS %.5f [%.5f, %.5f], ESS %.0f)%n", best, bestCpu,
                last.snips().value(), last.snips().lower(), last.snips().upper(), last.effectiveSampleSize());
    }
}
