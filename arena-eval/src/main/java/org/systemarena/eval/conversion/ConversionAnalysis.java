package org.systemarena.eval.conversion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.systemarena.eval.estimate.Episode;
import org.systemarena.eval.estimate.EpisodeSet;
import org.systemarena.eval.estimate.OffPolicyEstimate;
import org.systemarena.eval.estimate.OffPolicyEstimator;
import org.systemarena.eval.estimate.PolicyComparison;
import org.systemarena.eval.estimate.PropensitySource;
import org.systemarena.eval.model.ModelBasedComparison;
import org.systemarena.eval.model.ModelBasedEstimator;
import org.systemarena.eval.model.ModelSettings;
import org.systemarena.eval.verdict.Assessment;
import org.systemarena.eval.verdict.SupportCheck;
import org.systemarena.eval.verdict.SupportMass;
import org.systemarena.eval.verdict.Verdict;
import org.systemarena.eval.verdict.VerdictRule;

/**
 * Conversion estimates and verdicts for target policies over one log (docs/metrics.md, sections 4 and 7). Built once
 * per log: it settles where the logging policy's probabilities come from (the logged distribution, the logged
 * propensities, or a behaviour model) and what the log supports; then each target is a matrix of its probabilities
 * (decision point x action, a row of NaN where it decided nothing). Immutable and thread-safe.
 */
public final class ConversionAnalysis {
    private final LoggedDecisions log;
    private final ConversionSettings settings;
    private final OffPolicyEstimator estimator;
    private final double[] mu;
    private final PropensitySource source;
    private final SupportCheck support;
    /** Built on first use: the outcome models cost more than the weights, and most comparisons never need them. */
    private volatile ModelBasedEstimator model;

    private ConversionAnalysis(LoggedDecisions log, ConversionSettings settings, double[] mu, PropensitySource source,
                               SupportCheck support) {
        this.log = log;
        this.settings = settings;
        this.estimator = OffPolicyEstimator.of(settings.bootstrap());
        this.mu = mu;
        this.source = source;
        this.support = support;
    }

    public static ConversionAnalysis of(LoggedDecisions log, ConversionSettings settings) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(settings, "settings");
        Behaviour b = Behaviour.resolve(log, settings);
        boolean[] loggedAtRule = new boolean[log.rules().size() * log.actions().size()];
        int[] rule = new int[log.size()];
        for (int s = 0; s < log.size(); s++) {
            rule[s] = log.rule(s);
            if (log.loggedAction(s) >= 0) {
                loggedAtRule[rule[s] * log.actions().size() + log.loggedAction(s)] = true;
            }
        }
        SupportCheck support = new SupportCheck(log.actions(), log.rules(), rule, loggedAtRule, b.reference(),
                settings.verdict().supportFloor(), b.referenceDescription());
        return new ConversionAnalysis(log, settings, b.mu(), b.source(), support);
    }

    public LoggedDecisions log() {
        return log;
    }

    public ConversionSettings settings() {
        return settings;
    }

    public OffPolicyEstimator estimator() {
        return estimator;
    }

    /** Where mu came from. */
    public PropensitySource propensities() {
        return source;
    }

    public SupportCheck support() {
        return support;
    }

    /**
     * The model-based estimators over the same log, mu and bootstrap resamples (so their differences pair with the
     * weights'), their folds seeded like the bootstrap (docs/metrics.md, section 9).
     */
    public ModelBasedEstimator modelBased() {
        ModelBasedEstimator m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = ModelBasedEstimator.of(log, mu.clone(), ModelSettings.defaults(settings.bootstrap().seed()),
                            settings.bootstrap());
                    model = m;
                }
            }
        }
        return m;
    }

    /** The behaviour probability of the logged action at {@code step}; NaN when no action was logged. */
    public double mu(int step) {
        return mu[step];
    }

    /**
     * One episode per case. A logging policy's probability of the logged action is mu itself, so its weights are
     * all 1, whatever its matrix says.
     */
    public EpisodeSet episodes(double[] pi, boolean loggingPolicy) {
        int m = checkShape(pi);
        List<Episode> out = new ArrayList<>(log.cases());
        for (int c = 0; c < log.cases(); c++) {
            int from = log.caseStart(c);
            int k = log.caseStart(c + 1) - from;
            double[] p = new double[k];
            double[] q = new double[k];
            for (int i = 0; i < k; i++) {
                int s = from + i;
                int a = log.loggedAction(s);
                double target = a < 0 ? Double.NaN : pi[s * m + a];
                q[i] = mu[s];
                boolean valid = !Double.isNaN(target) && mu[s] > 0.0 && mu[s] <= 1.0;
                p[i] = loggingPolicy && valid ? mu[s] : target;
            }
            out.add(Episode.of(log.caseId(c), log.reward(c), p, q));
        }
        return new EpisodeSet(out, source);
    }

    /** The target's probability on unsupported actions; none for the logging policy, whose distribution is mu. */
    public SupportMass supportMass(double[] pi, boolean loggingPolicy) {
        checkShape(pi);
        if (!loggingPolicy) {
            return support.measure(pi);
        }
        int decisions = 0;
        for (int s = 0; s < log.size(); s++) {
            decisions += Double.isNaN(pi[s * log.actions().size()]) ? 0 : 1;
        }
        return SupportMass.none(decisions, support.floor(), "the logging policy itself");
    }

    /** The assessment of an estimate (which may come from a comparison's side, when no case was unpaired). */
    public Assessment assess(OffPolicyEstimate estimate, SupportMass mass) {
        return VerdictRule.assess(estimate, mass, settings.verdict());
    }

    /** Everything about one target policy. */
    public PolicyConversion evaluate(double[] pi, boolean loggingPolicy) {
        EpisodeSet episodes = episodes(pi, loggingPolicy);
        SupportMass mass = supportMass(pi, loggingPolicy);
        OffPolicyEstimate estimate = estimator.estimate(episodes);
        return new PolicyConversion(episodes, estimate, mass, assess(estimate, mass));
    }

    /** The paired comparison of two policies and its verdict. */
    public Verdict verdict(String policy, PolicyConversion target, String baseline, PolicyConversion base,
                           PolicyComparison comparison) {
        return VerdictRule.compare(policy, target.assessment(), baseline, base.assessment(), comparison,
                settings.verdict());
    }

    /** As {@link #verdict}, with the paired model-based comparison the rule falls back on (null: none). */
    public Verdict verdict(String policy, PolicyConversion target, String baseline, PolicyConversion base,
                           PolicyComparison comparison, ModelBasedComparison model) {
        return VerdictRule.compare(policy, target.assessment(), baseline, base.assessment(), comparison, model,
                settings.verdict());
    }

    public PolicyComparison compare(PolicyConversion target, PolicyConversion base) {
        return estimator.compare(target.episodes(), base.episodes());
    }

    private int checkShape(double[] pi) {
        int m = log.actions().size();
        if (pi.length != (long) log.size() * m) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "target probabilities: %d entries, expected"
                    + " %d decision points x %d actions", pi.length, log.size(), m));
        }
        return m;
    }
}
