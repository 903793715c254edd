package org.systemarena.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.systemarena.datasets.Workflow;
import org.systemarena.eval.KnownTruth;
import org.systemarena.eval.truth.LeadFollowupTruth;
import org.systemarena.eval.truth.TrueConversion;
import org.systemarena.eval.truth.TruthSettings;
import org.systemarena.policy.Policy;
import org.systemarena.policy.UserCode;

/**
 * The policies' true conversion when the workflow's log is exactly what the synthetic generator makes for the config
 * its marker records (docs/metrics.md, "The bundled example's truth"); none for any other log.
 */
final class Truths {
    /**
     * Above this many leads the truth is left out unless asked for: it re-simulates every lead under each policy,
     * which on a large generated log costs more than the rest of the run (14 s of 34 at 133k leads, PERFORMANCE.md).
     */
    static final int DEFAULT_MAX_LEADS = RunConfig.DEFAULT_MAX_TRUTH_LEADS;

    private Truths() {
    }

    static Map<String, KnownTruth> of(Path dir, Workflow workflow, List<Policy> policies, int threads,
                                      int maxLeads, RunListener listener) {
        Optional<LeadFollowupTruth> truth = LeadFollowupTruth.forWorkflow(dir, workflow.log());
        if (truth.isEmpty()) {
            return Map.of();
        }
        LeadFollowupTruth t = truth.get();
        if (t.leads() > maxLeads) {
            listener.note(String.format(Locale.ROOT, "no true conversions: this generated log has %,d leads, more"
                    + " than the %,d re-simulated by default (--truth computes them)", t.leads(), maxLeads));
            return Map.of();
        }
        // Half the library default: a standard error near 0.003, a tenth of an estimate's interval, in half the time.
        TruthSettings settings = TruthSettings.draws(Math.max(4, TruthSettings.forCases(t.leads()).draws() / 2))
                .withThreads(threads);
        Map<String, KnownTruth> out = new LinkedHashMap<>();
        listener.phaseStarted(RunListener.Phase.TRUTH, "true conversions (re-simulating " + t.leads()
                + " leads per policy)");
        try {
            for (Policy policy : policies) {
                TrueConversion c;
                try {
                    c = t.trueConversion(policy, settings);
                } catch (Throwable e) {
                    if (UserCode.isFatal(e)) {
                        throw e;
                    }
                    // A policy that fails on the re-simulated leads has no truth; its estimates stand as they are.
                    listener.warning("no true conversion for '" + UserCode.nameOf(policy) + "': the re-simulation"
                            + " failed: " + UserCode.describe(e));
                    continue;
                }
                out.put(UserCode.nameOf(policy), new KnownTruth(c.value(), c.standardError(), c.exact()
                        ? "re-simulated by the generator that made this log, exact"
                        : String.format(Locale.ROOT, "re-simulated by the generator that made this log,"
                                + " Monte Carlo over %d draws of the policy's actions per lead", c.draws())));
            }
        } finally {
            listener.phaseEnded(RunListener.Phase.TRUTH);
        }
        return out;
    }
}
