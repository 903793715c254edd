package org.systemarena.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.systemarena.core.Action;
import org.systemarena.decision.DecisionPoint;
import org.systemarena.policy.Decision;
import org.systemarena.policy.DecisionContext;
import org.systemarena.policy.HistoricalPolicy;
import org.systemarena.policy.Policy;
import org.systemarena.policy.UserCode;

/**
 * Calls a policy at one decision point and turns whatever happens into a {@link DecisionTrace}: a decision, or an
 * error (exception, time-out, no decision, disallowed action) that is recorded instead of stopping the run.
 */
final class PolicyCaller implements AutoCloseable {
    /** The snapshot values copied into every trace, so a trace can be read on its own. */
    static final List<String> SUMMARY_NAMES = List.of("days_since_last_contact", "total_interactions", "total_events",
            "time_since_created_days", "time_in_current_state_days", "status", "activity");

    private final Duration timeout;
    private final ExecutorService timeoutPool;

    PolicyCaller(Duration timeout) {
        this.timeout = timeout;
        this.timeoutPool = timeout == null ? null : Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "arena-policy-call");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Asks {@code policy} at {@code dp} and records the outcome as the next row of {@code out}: the decision or,
     * when an error voids it, no action. Returns the voiding error (for fail-fast), else null.
     */
    DecisionError decide(Policy policy, DecisionPoint dp, long nowMicros, ConstraintSet constraints,
                         PolicyHistory history, NameCodes actions, PolicyColumns out) {
        List<DecisionError> errors = null;
        long start = System.nanoTime();
        Decision decision;
        DecisionError failure = null;
        try {
            decision = timeoutPool == null ? invoke(policy, dp) : invokeWithTimeout(policy, dp);
            if (decision == null) {
                failure = new DecisionError(DecisionError.Kind.NO_DECISION, "policy returned null");
            }
        } catch (TimeoutException e) {
            decision = null;
            failure = new DecisionError(DecisionError.Kind.TIMEOUT, "no decision within " + timeout.toMillis() + " ms");
        } catch (Throwable e) {
            // User code: whatever it throws is this decision point's error, unless the JVM itself is failing.
            if (UserCode.isFatal(e)) {
                throw (Error) e;
            }
            decision = null;
            failure = new DecisionError(DecisionError.Kind.EXCEPTION, describe(e));
        }
        long latency = System.nanoTime() - start;
        if (decision != null) {
            String problem = disallowed(decision, dp.allowedActions());
            if (problem != null) {
                failure = new DecisionError(DecisionError.Kind.DISALLOWED_ACTION, problem);
                decision = null;
            }
        }
        if (decision == null) {
            int row = out.add(NameCodes.NONE, null, Double.NaN, latency);
            out.errors(row, List.of(failure));
            return failure;
        }
        double loggedProbability = Double.NaN;
        if (dp.loggedAction() != null) {
            // Replaying the log is following the logging policy: its probability of the logged action is the
            // logged propensity mu, not the 1 of a deterministic choice, so its importance weights are all 1.
            loggedProbability = policy instanceof HistoricalPolicy && dp.loggedPropensity() != null
                    && decision.action().equals(dp.loggedAction())
                    ? dp.loggedPropensity() : decision.probabilityOf(dp.loggedAction());
        }
        int row = out.add(actions.code(decision.action()), decision, loggedProbability, latency);
        errors = constraints.evaluate(dp.snapshot(), decision, history, nowMicros, out, row);
        history.add(nowMicros, decision.action());
        if (errors != null) {
            out.errors(row, errors);
        }
        return null;
    }

    private static Decision invoke(Policy policy, DecisionPoint dp) {
        if (policy instanceof HistoricalPolicy historical) {
            return historical.decideLogged(dp.loggedAction(), dp.loggedPropensity());
        }
        return policy.decide(new DecisionContext(dp.id(), dp.rule()), dp.snapshot(), dp.allowedActions());
    }

    private Decision invokeWithTimeout(Policy policy, DecisionPoint dp) throws Throwable {
        Future<Decision> f = timeoutPool.submit(() -> invoke(policy, dp));
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new org.systemarena.core.ArenaException("interrupted while waiting for policy", e);
        } catch (ExecutionException e) {
            throw e.getCause(); // what the policy threw, as if called on this thread
        }
    }

    /** Null when the decision only uses allowed actions, else what is wrong. An empty allowed list allows anything. */
    private static String disallowed(Decision d, List<Action> allowed) {
        if (allowed.isEmpty()) {
            return null;
        }
        if (!isAllowed(d.action(), allowed)) {
            return "action '" + d.action() + "' is not allowed here (allowed: " + types(allowed) + ")";
        }
        for (Map.Entry<String, Double> e : d.probabilities().entrySet()) {
            if (e.getValue() > 0 && !isAllowed(e.getKey(), allowed)) {
                return "probability " + e.getValue() + " on action '" + e.getKey() + "', which is not allowed here"
                        + " (allowed: " + types(allowed) + ")";
            }
        }
        return null;
    }

    private static boolean isAllowed(String action, List<Action> allowed) {
        for (Action a : allowed) {
            if (a.type().equals(action)) {
                return true;
            }
        }
        return false;
    }

    private static String types(List<Action> allowed) {
        List<String> t = new ArrayList<>(allowed.size());
        allowed.forEach(a -> t.add(a.type()));
        return String.join(", ", t);
    }

    private static String describe(Throwable e) {
        return UserCode.describe(e);
    }

    @Override
    public void close() {
        if (timeoutPool != null) {
            timeoutPool.shutdownNow();
        }
    }
}
