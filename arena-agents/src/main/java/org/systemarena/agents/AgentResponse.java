package org.systemarena.agents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.systemarena.core.ArenaException;
import org.systemarena.core.Values;
import org.systemarena.policy.Decision;

/**
 * An agent's answer (docs/agent-protocol.md, "The response"): the action, optional params, optional probabilities
 * over the allowed actions, score, confidence, reasoning and usage. Fields the arena does not know are ignored when
 * reading, so agents may add their own.
 */
public record AgentResponse(String action, Map<String, Object> params, Map<String, Double> probabilities,
                            Double score, Double confidence, String reasoning, Usage usage) {
    public AgentResponse {
        Objects.requireNonNull(action, "action");
        params = Values.immutableMap(params);
        probabilities = probabilities == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(probabilities));
        usage = usage == null ? Usage.NONE : usage;
    }

    /**
     * The decision this answer stands for; usage goes into the decision's metadata ({@code model},
     * {@code tokens_in}, {@code tokens_out}, {@code cost}), so traces show what each decision cost. A value the
     * decision refuses (probabilities not summing to 1, a confidence outside [0, 1]) is an {@link AgentException}
     * naming the field.
     */
    public Decision toDecision() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (usage.model() != null) {
            metadata.put("model", usage.model());
        }
        if (usage.tokensIn() != null) {
            metadata.put("tokens_in", usage.tokensIn());
        }
        if (usage.tokensOut() != null) {
            metadata.put("tokens_out", usage.tokensOut());
        }
        if (usage.cost() != null) {
            metadata.put("cost", usage.cost());
        }
        try {
            return new Decision(action, params, probabilities, score, confidence, reasoning, metadata);
        } catch (ArenaException e) {
            String field = e.getMessage().contains("confidence") ? "confidence"
                    : e.getMessage().contains("score") ? "score" : "probabilities";
            throw new AgentException("response field '" + field + "': " + e.getMessage(), e);
        }
    }
}
