package org.systemarena.eval.behaviour;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a {@link BehaviourFit} came out: one entry per decision rule, the folds actually used (1 when there were
 * fewer than 2 cases and nothing could be held out), and the settings that shaped it.
 */
public record BehaviourDiagnostics(List<RuleDiagnostics> rules, int folds, boolean crossFitted,
        BehaviourSettings settings) {
    public BehaviourDiagnostics {
        rules = List.copyOf(rules);
        Objects.requireNonNull(settings, "settings");
    }

    /** Features used by at least one rule's models, in data order. */
    public List<String> usedFeatures() {
        Set<String> used = new LinkedHashSet<>();
        for (RuleDiagnostics r : modelled()) {
            r.features().forEach(f -> used.add(f.feature()));
        }
        return List.copyOf(used);
    }

    /** Features no rule's models use, each with the reason given at the first rule that dropped it. */
    public List<DroppedFeature> droppedFeatures() {
        Set<String> used = new LinkedHashSet<>(usedFeatures());
        Map<String, DroppedFeature> dropped = new LinkedHashMap<>();
        for (RuleDiagnostics r : modelled()) {
            for (DroppedFeature d : r.dropped()) {
                if (!used.contains(d.feature())) {
                    dropped.putIfAbsent(d.feature(), d);
                }
            }
        }
        return List.copyOf(dropped.values());
    }

    /** Mean log loss over the decisions of modelled rules ({@code NaN} when there are none). */
    public double logLoss() {
        return pooled(false);
    }

    /** The same for per-rule action frequencies. */
    public double frequencyLogLoss() {
        return pooled(true);
    }

    private double pooled(boolean frequency) {
        double sum = 0.0;
        long n = 0;
        for (RuleDiagnostics r : modelled()) {
            sum += (frequency ? r.frequencyLogLoss() : r.logLoss()) * r.decisions();
            n += r.decisions();
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private List<RuleDiagnostics> modelled() {
        List<RuleDiagnostics> out = new ArrayList<>();
        for (RuleDiagnostics r : rules) {
            if (r.status() == RuleDiagnostics.Status.MODELLED) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * One plain sentence for reports, e.g. "multinomial logistic regression per decision rule on 7 snapshot features
     * (2 dropped: customer_id identifier-like (...), region constant), 5-fold cross-fitted by case, L2 1.0, smoothing
     * 1.0; out-of-fold log loss 0.912 vs 1.046 for per-rule frequencies".
     */
    public String describe() {
        StringBuilder sb = new StringBuilder("multinomial logistic regression per decision rule on ");
        int used = usedFeatures().size();
        sb.append(used == 0 ? "no snapshot features (intercepts only)"
                : used + (used == 1 ? " snapshot feature" : " snapshot features"));
        List<DroppedFeature> dropped = droppedFeatures();
        if (!dropped.isEmpty()) {
            sb.append(" (").append(dropped.size()).append(" dropped: ")
                    .append(dropped.stream().map(d -> d.feature() + " " + d.reason()).collect(Collectors.joining(", ")))
                    .append(')');
        }
        sb.append(", ").append(crossFitted ? folds + "-fold cross-fitted by case"
                : "fitted and scored on all steps (fewer than 2 cases, so not cross-fitted)");
        sb.append(", L2 ").append(settings.l2()).append(", smoothing ").append(settings.smoothing());
        if (modelled().isEmpty()) {
            sb.append("; no rule has two or more logged actions, so nothing was fitted");
        } else {
            sb.append(String.format(Locale.ROOT, "; %s log loss %.3f vs %.3f for per-rule frequencies",
                    crossFitted ? "out-of-fold" : "in-sample", logLoss(), frequencyLogLoss()));
        }
        int models = 0;
        int subsampled = 0;
        int notConverged = 0;
        for (RuleDiagnostics r : modelled()) {
            for (FoldConvergence f : r.fits()) {
                if (f.trainingDecisions() == 0) {
                    continue;
                }
                models++;
                subsampled += f.subsampled() ? 1 : 0;
                notConverged += f.converged() ? 0 : 1;
            }
        }
        if (subsampled > 0) {
            sb.append(String.format(Locale.ROOT, "; %d of %d models fitted on an evenly spread subsample of %,d"
                    + " training decisions", subsampled, models, settings.maxTrainingRows()));
        }
        if (notConverged > 0) {
            sb.append("; ").append(notConverged).append(" of ").append(models).append(" models did not converge");
        }
        long silent = rules.stream().filter(r -> r.status() == RuleDiagnostics.Status.NO_LOGGED_ACTION).count();
        if (silent > 0) {
            sb.append("; ").append(silent).append(silent == 1 ? " rule" : " rules")
                    .append(" with no logged action (probability 0 for every action)");
        }
        return sb.toString();
    }
}
