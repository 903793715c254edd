package org.systemarena.eval.estimate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.systemarena.core.ArenaException;

/**
 * Empirical action frequencies per state key with additive smoothing:
 * {@code mu_hat(a | k) = (n(k, a) + alpha) / (n(k) + alpha * m(k))}, where n(k, a) counts logged decisions at key k
 * that took action a, n(k) all logged decisions at k, and m(k) the size of k's action space (the largest allowed
 * action count seen at k, or the number of distinct actions logged at k if that is larger).
 *
 * <p>Consistent (mu_hat tends to mu) when the logging policy's choice depends on the state only through the key;
 * a key that hides part of that dependence biases the weights. Pick the key accordingly (docs/metrics.md).
 */
public final class EmpiricalBehaviourModel implements BehaviourModel {
    /** Laplace smoothing. */
    public static final double DEFAULT_SMOOTHING = 1.0;

    private final Map<String, KeyCounts> byKey;
    private final double smoothing;
    private final long decisions;

    private static final class KeyCounts {
        final Map<String, Long> perAction = new HashMap<>();
        long total;
        int declaredActions;

        int actionSpace() {
            return Math.max(declaredActions, perAction.size());
        }
    }

    private EmpiricalBehaviourModel(Map<String, KeyCounts> byKey, double smoothing, long decisions) {
        this.byKey = byKey;
        this.smoothing = smoothing;
        this.decisions = decisions;
    }

    /** Fits on every step with a logged action. */
    public static EmpiricalBehaviourModel fit(List<LoggedCase> cases, double smoothing) {
        return fit(LoggedSteps.of(cases), smoothing);
    }

    /** Fits on every step with a logged action. */
    public static EmpiricalBehaviourModel fit(LoggedSteps steps, double smoothing) {
        if (!(smoothing >= 0.0 && Double.isFinite(smoothing))) {
            throw new ArenaException("behaviour model smoothing must be a finite number >= 0, got " + smoothing);
        }
        Map<String, KeyCounts> byKey = new HashMap<>();
        long decisions = 0;
        for (int s = 0, n = steps.caseStart(steps.caseCount()); s < n; s++) {
            String action = steps.loggedAction(s);
            if (action == null) {
                continue;
            }
            KeyCounts k = byKey.computeIfAbsent(steps.stateKey(s), x -> new KeyCounts());
            k.perAction.merge(action, 1L, Long::sum);
            k.total++;
            k.declaredActions = Math.max(k.declaredActions, steps.allowedActionCount(s));
            decisions++;
        }
        return new EmpiricalBehaviourModel(byKey, smoothing, decisions);
    }

    @Override
    public double propensity(String stateKey, String action) {
        KeyCounts k = byKey.get(stateKey);
        if (k == null) {
            throw new ArenaException("behaviour model has no logged decision for state key '" + stateKey + "'");
        }
        long n = k.perAction.getOrDefault(action, 0L);
        double denominator = k.total + smoothing * k.actionSpace();
        return (n + smoothing) / denominator;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "empirical action frequencies per state key (%d keys, %d logged decisions),"
                + " additive smoothing alpha=%s", byKey.size(), decisions, smoothing);
    }
}
