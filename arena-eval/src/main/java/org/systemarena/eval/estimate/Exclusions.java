package org.systemarena.eval.estimate;

/** How many cases were left out of an estimate, by reason (each case counted once, under its first problem). */
public record Exclusions(int missingLoggedAction, int missingPropensity, int invalidPropensity) {
    public static final Exclusions NONE = new Exclusions(0, 0, 0);

    public int total() {
        return missingLoggedAction + missingPropensity + invalidPropensity;
    }
}
