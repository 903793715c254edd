package org.systemarena.eval.behaviour;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Plain timing harness (not a test): one cross-fitted behaviour model on a simulated log of {@code steps} steps in
 * cases of 1-7 steps, 2 rules, 4 actions, 8 numeric features (two with 5% missing, one boolean, one integer count)
 * and 2 categorical ones (30 and 8 levels), chosen by a state-dependent softmax policy. Arguments: [steps=400000]
 * [repetitions=3]. Prints wall and CPU time per fit; the model is single-threaded.
 *
 * <pre>
 *   mvn -o -q -pl arena-eval -am test-compile       # from the repository root
 *   taskset -c 1 java -Xmx2g -cp arena-eval/target/classes:arena-eval/target/test-classes:arena-core/target/classes \
 *       org.systemarena.eval.behaviour.BehaviourBenchmarkMain 400000 3
 * </pre>
 *
 * <p>Measured on the project's 2-core build machine (shared with other jobs), pinned to one core: 5.2-5.6 s for the
 * first fit in a fresh JVM (JIT compilation included), 4.0-4.4 s for later ones; 3 full-size Newton steps per model,
 * out-of-fold log loss 1.150 vs 1.320 for per-rule frequencies.
 */
public final class BehaviourBenchmarkMain {
    private BehaviourBenchmarkMain() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        BehaviourData data = simulate(steps, 7);
        BehaviourSettings settings = BehaviourSettings.defaults(42);
        System.out.printf(Locale.ROOT, "behaviour model: %,d steps, %,d cases, %d rules, %d actions, %d features%n",
                data.steps(), data.cases(), data.rules().size(), data.actions().size(), data.features().size());
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        BehaviourFit fit = null;
        for (int r = 0; r < repetitions; r++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            fit = CrossFittedBehaviourModel.fit(data, settings);
            System.out.printf(Locale.ROOT, "  run %d: %.3f s wall, %.3f s CPU%n", r + 1,
                    (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9);
        }
        System.out.println(fit.describe());
        for (RuleDiagnostics rule : fit.diagnostics().rules()) {
            System.out.println("  " + rule.rule() + ": " + rule.features());
            for (FoldConvergence f : rule.fits()) {
                System.out.println("    " + f);
            }
        }
    }

    /** A log whose logging policy depends on the snapshot; seeded. */
    static BehaviourData simulate(int steps, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int numeric = 8;
        double[][] x = new double[numeric][steps];
        int[] region = new int[steps];
        int[] channel = new int[steps];
        int[] caseOf = new int[steps];
        int[] rule = new int[steps];
        int[] action = new int[steps];
        int cases = 0;
        int left = 0;
        double[] eta = new double[4];
        for (int s = 0; s < steps; s++) {
            if (left == 0) {
                cases++;
                left = 1 + random.nextInt(7);
            }
            left--;
            caseOf[s] = cases - 1;
            rule[s] = random.nextInt(2);
            for (int j = 0; j < numeric; j++) {
                x[j][s] = j == 6 ? random.nextInt(2) : j == 7 ? random.nextInt(12) : random.nextGaussian();
            }
            region[s] = (int) Math.min(29, Math.abs(random.nextGaussian()) * 8);
            channel[s] = random.nextInt(8);
            for (int k = 0; k < 4; k++) {
                eta[k] = 0.3 * k * (rule[s] == 0 ? 1 : -1) + (k - 1.5) * 0.6 * x[k][s]
                        + (x[4][s] > 0.5 ? 0.8 : 0.0) * (k == 2 ? 1 : 0) + 0.1 * x[7][s] * (k == 3 ? 1 : 0)
                        + (region[s] % 4 == k ? 0.5 : 0.0) + (channel[s] == k ? 0.4 : 0.0);
            }
            action[s] = draw(eta, random);
            for (int j = 0; j < 2; j++) {
                if (random.nextInt(20) == 0) {
                    x[j][s] = Double.NaN;
                }
            }
        }
        List<FeatureColumn> features = new ArrayList<>();
        for (int j = 0; j < numeric; j++) {
            features.add(new NumericFeature("x" + j, x[j]));
        }
        List<String> regions = new ArrayList<>();
        for (int l = 0; l < 30; l++) {
            regions.add("region-" + l);
        }
        features.add(new CategoricalFeature("region", region, regions));
        features.add(new CategoricalFeature("channel", channel,
                List.of("web", "phone", "mail", "shop", "app", "partner", "fax", "other")));
        return BehaviourData.of(cases, caseOf, List.of("follow_up", "offer"), rule,
                List.of("call", "email", "wait", "visit"), action, features);
    }

    static int draw(double[] eta, SplittableRandom random) {
        double max = Double.NEGATIVE_INFINITY;
        for (double e : eta) {
            max = Math.max(max, e);
        }
        double sum = 0.0;
        for (double e : eta) {
            sum += Math.exp(e - max);
        }
        double u = random.nextDouble() * sum;
        for (int k = 0; k < eta.length; k++) {
            u -= Math.exp(eta[k] - max);
            if (u <= 0.0) {
                return k;
            }
        }
        return eta.length - 1;
    }
}
