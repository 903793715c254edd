package org.systemarena.eval.simulation;

/**
 * A target's population conversion in a regime, with the standard error of the Monte Carlo that estimated it.
 *
 * @param cases how many independently drawn cases the Monte Carlo averaged
 */
public record TrueValue(double value, double standardError, int cases) {
}
