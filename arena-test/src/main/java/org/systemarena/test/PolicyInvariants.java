package org.systemarena.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.MultipleFailuresError;
import org.systemarena.core.Action;
import org.systemarena.core.ArenaException;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.datasets.Workflow;
import org.systemarena.policy.Decision;
import org.systemarena.policy.DecisionContext;
import org.systemarena.policy.HistoricalPolicy;
import org.systemarena.policy.Policy;
import org.systemarena.policy.UserCode;
import org.systemarena.replay.BenchmarkConfig;
import org.systemarena.replay.BenchmarkRunner;

/**
 * A policy's invariants checked at every decision point of a log, property style, the log's decision points being
 * the cases: it always decides an allowed action, its probabilities are well formed (on allowed actions only; in
 * [0, 1] summing to 1 with the chosen action above 0, which {@link Decision} checks when the policy builds one), and
 * it never throws. The policy is asked through the replay itself ({@link BenchmarkRunner}), so it sees exactly the
 * point-in-time snapshots a run gives it.
 *
 * <pre>{@code
 * @TestFactory
 * List<DynamicTest> invariants(Workflow workflow) {
 *     return PolicyInvariants.check(new MyPolicy(), workflow).dynamicTests();
 * }
 * }</pre>
 *
 * or, in one test: {@code PolicyInvariants.check(new MyPolicy(), workflow).assertAll();}
 */
public final class PolicyInvariants {
    /** Counterexamples a failure message lists; the count is always given in full. */
    static final int SHOWN = 3;

    private final String policy;
    private final long decisionPoints;
    private final List<Counterexample> disallowed;
    private final List<Counterexample> illFormed;
    private final List<Counterexample> exceptions;

    private PolicyInvariants(String policy, long decisionPoints, List<Counterexample> disallowed,
                             List<Counterexample> illFormed, List<Counterexample> exceptions) {
        this.policy = policy;
        this.decisionPoints = decisionPoints;
        this.disallowed = List.copyOf(disallowed);
        this.illFormed = List.copyOf(illFormed);
        this.exceptions = List.copyOf(exceptions);
    }

    /** Replays {@code policy} over every decision point of {@code workflow}'s log and records what it broke. */
    public static PolicyInvariants check(Policy policy, Workflow workflow) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(workflow, "workflow");
        if (policy instanceof HistoricalPolicy) {
            throw new IllegalArgumentException("'historical' replays the log's own actions; its invariants are the"
                    + " log's, not a policy's");
        }
        Recorder recorder = new Recorder(policy);
        // One thread: the recorder's lists then follow the replay's case order, so failures name the same first
        // counterexample on every run.
        BenchmarkRunner runner = BenchmarkRunner.of(workflow.manifest(), workflow.log(),
                BenchmarkConfig.builder().threads(1).build());
        long points = runner.run(recorder).decisionPoints();
        return new PolicyInvariants(UserCode.nameOf(policy), points, recorder.disallowed, recorder.illFormed,
                recorder.exceptions);
    }

    public String policy() {
        return policy;
    }

    public long decisionPoints() {
        return decisionPoints;
    }

    /** Decision points where it chose an action not allowed there, or returned no decision. */
    public List<Counterexample> disallowedActions() {
        return disallowed;
    }

    /** Decision points where its probabilities were not a distribution over the allowed actions. */
    public List<Counterexample> illFormedProbabilities() {
        return illFormed;
    }

    /** Decision points where it threw (other than building an ill-formed decision). */
    public List<Counterexample> exceptions() {
        return exceptions;
    }

    public PolicyInvariants assertAlwaysAllowedAction() {
        check(disallowed, "to decide an allowed action at every decision point", "did not");
        return this;
    }

    public PolicyInvariants assertWellFormedProbabilities() {
        check(illFormed, "to give well-formed probabilities at every decision point", "did not");
        return this;
    }

    public PolicyInvariants assertNoException() {
        check(exceptions, "to throw at no decision point", "threw");
        return this;
    }

    /** All three, reporting every one that fails. */
    public void assertAll() {
        List<Throwable> failures = new ArrayList<>();
        for (Runnable r : List.<Runnable>of(this::assertAlwaysAllowedAction, this::assertWellFormedProbabilities,
                this::assertNoException)) {
            try {
                r.run();
            } catch (AssertionError e) {
                failures.add(e);
            }
        }
        if (failures.size() == 1) {
            throw (AssertionError) failures.get(0);
        }
        if (!failures.isEmpty()) {
            throw new MultipleFailuresError("'" + policy + "' breaks " + failures.size() + " invariants", failures);
        }
    }

    /** The three invariants as JUnit dynamic tests (return them from a {@code @TestFactory}). */
    public List<DynamicTest> dynamicTests() {
        return List.of(
                DynamicTest.dynamicTest("'" + policy + "' always decides an allowed action",
                        this::assertAlwaysAllowedAction),
                DynamicTest.dynamicTest("'" + policy + "' gives well-formed probabilities",
                        this::assertWellFormedProbabilities),
                DynamicTest.dynamicTest("'" + policy + "' never throws", this::assertNoException));
    }

    private void check(List<Counterexample> found, String expected, String verb) {
        if (found.isEmpty()) {
            return;
        }
        StringBuilder msg = new StringBuilder("Expected '" + policy + "' " + expected + ", but it " + verb + " at "
                + Figures.count(found.size()) + " of " + Figures.count(decisionPoints) + " decision points");
        List<String> shown = found.stream().limit(SHOWN).map(Counterexample::toString).toList();
        msg.append(found.size() == 1 ? ": " : shown.size() < found.size() ? "; the first " + shown.size() + ": "
                : ": ").append(String.join("; ", shown)).append('.');
        throw new AssertionFailedError(msg.toString());
    }

    /** Passes each call through and writes down what broke an invariant. */
    private static final class Recorder implements Policy {
        private final Policy policy;
        private final List<Counterexample> disallowed = Collections.synchronizedList(new ArrayList<>());
        private final List<Counterexample> illFormed = Collections.synchronizedList(new ArrayList<>());
        private final List<Counterexample> exceptions = Collections.synchronizedList(new ArrayList<>());

        Recorder(Policy policy) {
            this.policy = policy;
        }

        @Override
        public String name() {
            return UserCode.nameOf(policy);
        }

        @Override
        public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
            return decide(new DecisionContext("?", "?"), snapshot, allowedActions);
        }

        @Override
        public Decision decide(DecisionContext context, CaseSnapshot snapshot, List<Action> allowedActions) {
            Decision d;
            try {
                d = policy.decide(context, snapshot, allowedActions);
            } catch (RuntimeException | Error e) {
                if (UserCode.isFatal(e)) {
                    throw e;
                }
                boolean fromDecision = e instanceof ArenaException && e.getStackTrace().length > 0
                        && e.getStackTrace()[0].getClassName().equals(Decision.class.getName());
                (fromDecision ? illFormed : exceptions).add(at(context, snapshot, fromDecision ? e.getMessage()
                        : UserCode.describe(e)));
                throw e;
            }
            if (d == null) {
                disallowed.add(at(context, snapshot, "no decision (null)"));
                return null;
            }
            if (!allowedActions.isEmpty()) {
                List<String> types = allowedActions.stream().map(Action::type).toList();
                if (!types.contains(d.action())) {
                    disallowed.add(at(context, snapshot, "action '" + d.action() + "' is not allowed (allowed: "
                            + String.join(", ", types) + ")"));
                }
                for (Map.Entry<String, Double> e : d.probabilities().entrySet()) {
                    if (e.getValue() > 0 && !types.contains(e.getKey())) {
                        illFormed.add(at(context, snapshot, "probability " + e.getValue() + " on '" + e.getKey()
                                + "', which is not allowed (allowed: " + String.join(", ", types) + ")"));
                        break;
                    }
                }
            }
            return d;
        }

        private static Counterexample at(DecisionContext context, CaseSnapshot snapshot, String problem) {
            return new Counterexample(context.decisionId(), snapshot.caseId(), context.rule(), problem);
        }
    }
}
