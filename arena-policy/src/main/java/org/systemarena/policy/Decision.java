package org.systemarena.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.systemarena.core.ArenaException;
import org.systemarena.core.Values;

/**
 * What a policy decided: the action type, optional parameters, optional probabilities over the allowed actions
 * (empty means deterministic: probability 1 on {@code action}), an optional score used as ranking priority for
 * Precision@K, an optional confidence in [0, 1], free-text reasoning and metadata.
 */
public record Decision(String action, Map<String, Object> params, Map<String, Double> probabilities, Double score,
                       Double confidence, String reasoning, Map<String, Object> metadata) {
    private static final double SUM_TOLERANCE = 1e-6;

    public Decision {
        Objects.requireNonNull(action, "action");
        params = Values.immutableMap(params);
        metadata = Values.immutableMap(metadata);
        probabilities = probabilities == null ? Map.of() : Map.copyOf(probabilities);
        if (!probabilities.isEmpty()) {
            double sum = 0;
            for (Map.Entry<String, Double> e : probabilities.entrySet()) {
                double p = e.getValue();
                if (!(p >= 0 && p <= 1)) {
                    throw new ArenaException("probability of '" + e.getKey() + "' must be in [0, 1], got " + p);
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                throw new ArenaException("probabilities must sum to 1, got " + sum + " for " + probabilities);
            }
            if (probabilities.getOrDefault(action, 0.0) <= 0) {
                throw new ArenaException("chosen action '" + action + "' has probability 0 in " + probabilities);
            }
        }
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            throw new ArenaException("confidence must be in [0, 1], got " + confidence);
        }
        if (score != null && score.isNaN()) {
            throw new ArenaException("score must not be NaN");
        }
    }

    /** A deterministic decision for an action. */
    public static Decision of(String action) {
        return new Decision(action, Map.of(), Map.of(), null, null, null, Map.of());
    }

    /** The probability this decision gave to {@code actionType}: from the distribution, else 1 or 0. */
    public double probabilityOf(String actionType) {
        if (probabilities.isEmpty()) {
            return action.equals(actionType) ? 1.0 : 0.0;
        }
        return probabilities.getOrDefault(actionType, 0.0);
    }

    public boolean isDeterministic() {
        return probabilities.isEmpty() || probabilities.getOrDefault(action, 0.0) == 1.0;
    }

    public Decision withParams(Map<String, ?> newParams) {
        return new Decision(action, Values.immutableMap(newParams), probabilities, score, confidence, reasoning, metadata);
    }

    public Decision withProbabilities(Map<String, Double> newProbabilities) {
        return new Decision(action, params, newProbabilities, score, confidence, reasoning, metadata);
    }

    public Decision withScore(double newScore) {
        return new Decision(action, params, probabilities, newScore, confidence, reasoning, metadata);
    }

    public Decision withConfidence(double newConfidence) {
        return new Decision(action, params, probabilities, score, newConfidence, reasoning, metadata);
    }

    public Decision withReasoning(String newReasoning) {
        return new Decision(action, params, probabilities, score, confidence, newReasoning, metadata);
    }

    public Decision withMetadata(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(metadata);
        m.put(key, value);
        return new Decision(action, params, probabilities, score, confidence, reasoning, m);
    }
}
