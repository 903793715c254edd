package org.systemarena.eval;

/**
 * SPEC §7 observed conversion: among the cases with at least one decision point, the share whose case outcome is
 * positive. The same for every policy of one log, because decision points come from the log, not the policy.
 */
public record ObservedConversion(int cases, int positiveCases, double rate) {
    public static ObservedConversion of(int cases, int positiveCases) {
        return new ObservedConversion(cases, positiveCases, cases == 0 ? Double.NaN : (double) positiveCases / cases);
    }
}
