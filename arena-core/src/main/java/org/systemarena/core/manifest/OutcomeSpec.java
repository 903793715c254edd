package org.systemarena.core.manifest;

import java.time.Duration;
import java.util.List;

/**
 * Outcome names by category, and the optional horizon within which a decision point's outcome must occur.
 * A name listed in no category is neutral when matched.
 */
public record OutcomeSpec(List<String> positive, List<String> negative, List<String> neutral, Duration horizon) {
    public OutcomeSpec {
        positive = positive == null ? List.of() : List.copyOf(positive);
        negative = negative == null ? List.of() : List.copyOf(negative);
        neutral = neutral == null ? List.of() : List.copyOf(neutral);
    }

    public static OutcomeSpec none() {
        return new OutcomeSpec(List.of(), List.of(), List.of(), null);
    }

    /** Every outcome name, positive first. */
    public List<String> allNames() {
        return java.util.stream.Stream.of(positive, negative, neutral).flatMap(List::stream).toList();
    }

    public OutcomeCategory categoryOf(String outcomeName) {
        if (outcomeName == null) {
            return OutcomeCategory.UNKNOWN;
        }
        if (positive.contains(outcomeName)) {
            return OutcomeCategory.POSITIVE;
        }
        if (negative.contains(outcomeName)) {
            return OutcomeCategory.NEGATIVE;
        }
        return OutcomeCategory.NEUTRAL;
    }
}
