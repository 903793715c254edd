package org.systemarena.agents;

/**
 * What one answer cost, as the agent reports it: tokens in and out, cost (in the agent's currency unit, the same for
 * every answer of a run) and the model that answered. Every part is optional (null).
 */
public record Usage(Long tokensIn, Long tokensOut, Double cost, String model) {
    public static final Usage NONE = new Usage(null, null, null, null);

    public boolean isEmpty() {
        return tokensIn == null && tokensOut == null && cost == null && model == null;
    }
}
