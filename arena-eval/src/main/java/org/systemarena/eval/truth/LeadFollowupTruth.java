package org.systemarena.eval.truth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.systemarena.core.ArenaException;
import org.systemarena.eval.Parallel;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.synthetic.GeneratedLog;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.decision.CaseDecisions;
import org.systemarena.decision.DecisionPoint;
import org.systemarena.decision.DecisionPointExtractor;
import org.systemarena.policy.HistoricalPolicy;
import org.systemarena.policy.Policy;

/**
 * The true conversion of any policy on the leads of {@link LeadFollowupGenerator}, the synthetic generator behind the
 * bundled example and {@code arena init}: every lead is re-simulated with the policy deciding at each of its decision
 * points, from the point-in-time snapshot the replay would give it there, with the same luck as in the log wherever
 * the policy's actions do not change it (common random numbers). The lead's reward is its case outcome as the manifest
 * defines it (positive or not); the truth is the mean, over the leads with at least one decision point, of the
 * probability of a positive outcome. docs/metrics.md, "The bundled example's truth", has the details.
 *
 * <pre>{@code
 * LeadFollowupTruth.forWorkflow(workflow.dir(), workflow.log())
 *         .ifPresent(truth -> System.out.println(truth.trueConversion(policy).summary()));
 * }</pre>
 *
 * <p>A deterministic policy has one path per lead, so its truth is exact. A stochastic one (a {@code Decision} with
 * probabilities) is averaged over its own choices, by enumerating them on leads with few paths and by Monte Carlo
 * with a standard error on the others ({@link TruthSettings}). {@link HistoricalPolicy} stands for the reps' own
 * policy ({@code LeadBehaviourPolicy}), which is what it replays. Results are deterministic.
 *
 * <p>Immutable. Leads are re-simulated on {@link TruthSettings#threads} threads, so a policy may be asked about
 * different leads at once, as the replay's contract already allows.
 */
public final class LeadFollowupTruth {
    private static final Logger LOG = LoggerFactory.getLogger(LeadFollowupTruth.class);
    /** Leads simulated together in one round's log. */
    static final int LEADS_PER_BATCH = 64;

    private final LeadFollowupConfig config;
    private final Manifest manifest;
    private final int leads;

    private LeadFollowupTruth(LeadFollowupConfig config, Manifest manifest) {
        this.config = Objects.requireNonNull(config, "config");
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.leads = LeadFollowupGenerator.leadCount(config);
    }

    /** The truth of the generator's leads for {@code config}, with the generator's own manifest. */
    public static LeadFollowupTruth of(LeadFollowupConfig config) {
        return new LeadFollowupTruth(config, LeadFollowupGenerator.manifest());
    }

    /**
     * The truth with a workflow's own manifest, which must put its decision points where the generator's reps decide
     * (otherwise computing a truth throws an {@link ArenaException} saying where they differ); its outcomes define
     * the reward.
     */
    public static LeadFollowupTruth of(LeadFollowupConfig config, Manifest manifest) {
        return new LeadFollowupTruth(config, manifest);
    }

    /**
     * The truth of a workflow directory's policies, when its log is exactly the generator's (see {@link #check});
     * empty otherwise, with the reason logged at debug level.
     */
    public static Optional<LeadFollowupTruth> forWorkflow(Path dir, EventLog log) {
        WorkflowTruth t = check(dir, log);
        LOG.debug("true conversion {}: {}", t.available() ? "known" : "not known", t.reason());
        return t.truth();
    }

    /**
     * Whether the truth applies to the workflow in {@code dir} whose loaded log is {@code log}: only when
     * {@code data/generator.json} is present and the log is exactly what the generator makes for its config
     * ({@link GeneratedLog#check}), and the workflow's {@code manifest.yaml} puts one decision point at each of the
     * generator's decisions (as many decision points as {@code decision.executed} events, each with its logged
     * action). The reason says which check decided.
     */
    public static WorkflowTruth check(Path dir, EventLog log) {
        GeneratedLog generated = GeneratedLog.check(dir, log);
        if (!generated.generated()) {
            return WorkflowTruth.none(generated.reason());
        }
        Path manifestFile = dir.resolve("manifest.yaml");
        Manifest manifest;
        String mismatch;
        try {
            manifest = Datasets.loadManifest(manifestFile);
            mismatch = decisionMismatch(manifest, log);
        } catch (ArenaException e) {
            return WorkflowTruth.none(e.getMessage());
        }
        if (mismatch != null) {
            return WorkflowTruth.none(manifestFile + ": " + mismatch);
        }
        return new WorkflowTruth(Optional.of(of(generated.config().orElseThrow(), manifest)), generated.reason());
    }

    /** Null when the manifest's decision points are the generator's decisions on this log, else how they differ. */
    private static String decisionMismatch(Manifest manifest, EventLog log) {
        String actionType = manifest.historicalAction().eventType();
        long actions = 0;
        for (int r = 0; r < log.size(); r++) {
            actions += log.eventType(r).equals(actionType) ? 1 : 0;
        }
        DecisionPointExtractor extractor = DecisionPointExtractor.of(manifest, log);
        long points = 0;
        long withAction = 0;
        Set<Integer> triggers = new HashSet<>();
        boolean shared = false;
        for (int c = 0; c < log.caseCount(); c++) {
            CaseDecisions d = extractor.extractCase(c);
            for (DecisionPoint p : d.points()) {
                points++;
                withAction += p.loggedAction() != null ? 1 : 0;
                shared |= !triggers.add(p.triggerRow());
            }
        }
        if (points == actions && withAction == points && !shared) {
            return null;
        }
        return String.format(Locale.ROOT, "its decision points are not where the generator's reps decide: %,d decision"
                + " points (%,d with a logged action%s) for %,d %s events", points, withAction,
                shared ? ", some sharing a trigger" : "", actions, actionType);
    }

    public LeadFollowupConfig config() {
        return config;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** How many leads the generator makes for the config (those with a decision point are the truth's cases). */
    public int leads() {
        return leads;
    }

    /** The policy's true conversion, with the default settings for this many leads ({@link TruthSettings#forCases}). */
    public TrueConversion trueConversion(Policy policy) {
        return trueConversion(policy, TruthSettings.forCases(leads));
    }

    public TrueConversion trueConversion(Policy policy, TruthSettings settings) {
        Objects.requireNonNull(policy, "policy");
        return compute(policy instanceof HistoricalPolicy ? RepTarget.INSTANCE : new PolicyTarget(policy), settings);
    }

    /** The true conversion of the reps' own policy, the one that made the log ({@code historical} replays it). */
    public TrueConversion loggingPolicy() {
        return loggingPolicy(TruthSettings.forCases(leads));
    }

    public TrueConversion loggingPolicy(TruthSettings settings) {
        return compute(RepTarget.INSTANCE, settings);
    }

    private TrueConversion compute(Target target, TruthSettings settings) {
        Objects.requireNonNull(settings, "settings");
        PathRounds rounds = new PathRounds(config, manifest, target);
        List<Callable<List<LeadSearch>>> batches = new ArrayList<>();
        for (int from = 0; from < leads; from += LEADS_PER_BATCH) {
            int first = from;
            int end = Math.min(leads, from + LEADS_PER_BATCH);
            batches.add(() -> {
                List<LeadSearch> batch = new ArrayList<>(end - first);
                for (int k = first; k < end; k++) {
                    batch.add(new LeadSearch(k, settings));
                }
                rounds.run(batch);
                return batch;
            });
        }
        int cases = 0;
        int exact = 0;
        double sum = 0;
        double variance = 0;
        // Summed in lead order whatever the threads, so the figures are the same to the last bit.
        for (List<LeadSearch> batch : Parallel.map(batches, settings.threadCount(), "re-simulating leads")) {
            for (LeadSearch s : batch) {
                if (!s.hasDecision()) {
                    continue;
                }
                cases++;
                sum += s.value();
                variance += s.variance();
                exact += s.exact() ? 1 : 0;
            }
        }
        double value = cases == 0 ? Double.NaN : sum / cases;
        double se = cases == 0 ? Double.NaN : Math.sqrt(variance) / cases;
        boolean allExact = exact == cases;
        return new TrueConversion(value, allExact ? 0.0 : se, cases,
                allExact ? TrueConversion.EXACT : TrueConversion.MONTE_CARLO, allExact ? 0 : settings.draws(), exact);
    }
}
