package org.systemarena.eval.simulation;

import java.util.List;
import java.util.Objects;

/**
 * One configuration of the lead world: how many cases a log has, how long they run, which actions exist, which
 * policy wrote the log and what the log tells about it. Simulate one with {@link LeadSimulator#simulate}; the seed
 * picks the world.
 *
 * @param propensitiesLogged whether each step carries the logging policy's probability of the logged action (else
 *     {@code NaN})
 * @param distributionLogged whether each step carries the logging policy's whole distribution over the actions
 *     (independent of {@code propensitiesLogged})
 */
public record Regime(String name, int cases, Horizon horizon, List<String> actions, Policy logging,
        boolean propensitiesLogged, boolean distributionLogged) {

    public static final Regime BASELINE = new Regime("baseline", 2_000, Horizon.THREE_CHECK_INS, Actions.BASIC,
            LoggingPolicies.BY_DAYS_SOURCE_AND_BUDGET, true, false);
    /** The baseline with an escalate action that the logging policy never takes. */
    public static final Regime UNSUPPORTED_ACTION = BASELINE.named("unsupported_action")
            .withActions(Actions.WITH_ESCALATE);
    public static final Regime NEAR_DETERMINISTIC_LOGGING = BASELINE.named("near_deterministic_logging")
            .withLogging(LoggingPolicies.MOSTLY_EMAIL);
    /** A logging policy that depends strongly on every feature, and no propensities in the log. */
    public static final Regime MISSING_PROPENSITIES = BASELINE.named("missing_propensities")
            .withLogging(LoggingPolicies.SOFTMAX_OF_FEATURES).withPropensitiesLogged(false);
    public static final Regime SMALL_LOG = BASELINE.named("small_log").withCases(300);
    public static final Regime LONG_HORIZON = BASELINE.named("long_horizon").withHorizon(Horizon.THIRTY_DAYS);

    public static final List<Regime> ALL = List.of(BASELINE, UNSUPPORTED_ACTION, NEAR_DETERMINISTIC_LOGGING,
            MISSING_PROPENSITIES, SMALL_LOG, LONG_HORIZON);

    public Regime {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(logging, "logging");
        actions = List.copyOf(actions);
        // Policies write actions by fixed index, so only these two action lists make sense.
        if (!actions.equals(Actions.BASIC) && !actions.equals(Actions.WITH_ESCALATE)) {
            throw new IllegalArgumentException("actions must be " + Actions.BASIC + " or " + Actions.WITH_ESCALATE
                    + ", got " + actions);
        }
        if (cases < 1) {
            throw new IllegalArgumentException("a regime needs at least one case, got " + cases);
        }
    }

    public boolean hasEscalate() {
        return actions.size() > Actions.ESCALATE;
    }

    public Regime named(String newName) {
        return new Regime(newName, cases, horizon, actions, logging, propensitiesLogged, distributionLogged);
    }

    public Regime withCases(int newCases) {
        return new Regime(name, newCases, horizon, actions, logging, propensitiesLogged, distributionLogged);
    }

    public Regime withHorizon(Horizon newHorizon) {
        return new Regime(name, cases, newHorizon, actions, logging, propensitiesLogged, distributionLogged);
    }

    public Regime withActions(List<String> newActions) {
        return new Regime(name, cases, horizon, newActions, logging, propensitiesLogged, distributionLogged);
    }

    public Regime withLogging(Policy newLogging) {
        return new Regime(name, cases, horizon, actions, newLogging, propensitiesLogged, distributionLogged);
    }

    public Regime withPropensitiesLogged(boolean logged) {
        return new Regime(name, cases, horizon, actions, logging, logged, distributionLogged);
    }

    public Regime withDistributionLogged(boolean logged) {
        return new Regime(name, cases, horizon, actions, logging, propensitiesLogged, logged);
    }
}
