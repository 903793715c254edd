package org.systemarena.eval.behaviour;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The logging policy's estimated probability of every action at every step, each step scored by a model that did
 * not see its case (out-of-fold). At a step of rule r the probabilities sum to 1 over the actions logged at r at
 * least once; every other action gets exactly 0. Immutable.
 */
public final class BehaviourFit {
    private final int steps;
    private final List<String> actions;
    /** steps x actions, row-major. */
    private final double[] probabilities;
    private final BehaviourDiagnostics diagnostics;

    BehaviourFit(int steps, List<String> actions, double[] probabilities, BehaviourDiagnostics diagnostics) {
        this.steps = steps;
        this.actions = actions;
        this.probabilities = probabilities;
        this.diagnostics = diagnostics;
    }

    public int steps() {
        return steps;
    }

    public List<String> actions() {
        return actions;
    }

    /** mu(action | step's snapshot), {@code action} an index into {@link #actions()}. */
    public double probability(int step, int action) {
        Objects.checkIndex(step, steps);
        Objects.checkIndex(action, actions.size());
        return probabilities[step * actions.size() + action];
    }

    /** A copy of the step's probabilities, one per action. */
    public double[] probabilities(int step) {
        Objects.checkIndex(step, steps);
        int a = actions.size();
        return Arrays.copyOfRange(probabilities, step * a, step * a + a);
    }

    public BehaviourDiagnostics diagnostics() {
        return diagnostics;
    }

    /** {@link BehaviourDiagnostics#describe()}. */
    public String describe() {
        return diagnostics.describe();
    }
}
