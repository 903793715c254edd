package org.systemarena.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.Severity;
import org.systemarena.eval.Comparison;
import org.systemarena.eval.Evaluation;
import org.systemarena.eval.PolicyEvaluation;
import org.systemarena.eval.verdict.Requirement;
import org.systemarena.eval.verdict.Verdict;

/**
 * What a run's gate found (docs/cli.md, "Exit codes"): the candidates over the violation limit, the verdicts that do
 * not meet the requirement, and those that cannot tell. Each is one line saying which policy and why.
 *
 * @param overLimit candidates with more violations of the counted severities than allowed
 * @param failed    candidates whose verdict against the gate's baseline does not meet the requirement
 * @param undecided candidates whose verdict is inconclusive, so the requirement cannot be decided
 */
public record Gate(List<String> overLimit, List<String> failed, List<String> undecided) {
    public Gate {
        overLimit = List.copyOf(overLimit);
        failed = List.copyOf(failed);
        undecided = List.copyOf(undecided);
    }

    /** Whether nothing is over the limit and no requirement is unmet (undecided ones aside). */
    public boolean passed() {
        return overLimit.isEmpty() && failed.isEmpty();
    }

    /** Whether the gate passed but some requirement could not be decided. */
    public boolean inconclusive() {
        return passed() && !undecided.isEmpty();
    }

    /**
     * The baseline a requirement compares with: {@code against} when given (it must be a baseline), else
     * {@code historical} when it is one, else the first baseline.
     */
    static String baseline(String against, List<String> baselines) {
        if (baselines.isEmpty()) {
            throw new ArenaException("--require needs a baseline to compare with, and this run has none"
                    + " (drop --no-baselines or add -b)");
        }
        if (against != null) {
            if (!baselines.contains(against)) {
                throw new ArenaException("--against '" + against + "' is not a baseline of this run; baselines: "
                        + String.join(", ", baselines));
            }
            return against;
        }
        return baselines.contains("historical") ? "historical" : baselines.get(0);
    }

    /** The gate of {@code config} over the candidates of {@code evaluation}. */
    static Gate of(RunConfig config, Evaluation evaluation, String baseline) {
        List<String> overLimit = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        Severity counted = config.violationSeverity();
        Requirement requirement = config.requirement();
        for (PolicyEvaluation p : evaluation.policies()) {
            if (p.baseline()) {
                continue;
            }
            long n = p.violations().atLeast(counted);
            if (config.maxViolations() != null && n > config.maxViolations()) {
                overLimit.add(String.format(Locale.ROOT, "policy '%s' has %,d violations of severity %s or above,"
                        + " more than --max-violations %,d", p.policy(), n, counted.label(), config.maxViolations()));
            }
            if (requirement != null) {
                Comparison c = evaluation.comparison(p.policy(), baseline).orElseThrow();
                Verdict v = c.verdict();
                String line = String.format(Locale.ROOT, "policy '%s' vs '%s': %s%s, --require %s", c.policy(),
                        c.baseline(), v.outcome().code(), v.reason() == null ? "" : " (" + v.reason().code() + ")",
                        requirement);
                if (v.inconclusive()) {
                    undecided.add(line + " cannot be decided: " + v.message());
                } else if (!v.meets(requirement)) {
                    failed.add(line + " is not met: " + v.message());
                }
            }
        }
        return new Gate(overLimit, failed, undecided);
    }
}
