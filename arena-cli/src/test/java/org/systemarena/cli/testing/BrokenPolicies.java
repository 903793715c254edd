package org.systemarena.cli.testing;

import java.util.List;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

/** Policy classes that fail where user code can: loading, construction, naming and deciding. */
public final class BrokenPolicies {
    private BrokenPolicies() {
    }

    static String model() {
        throw new IllegalStateException("model file missing");
    }

    /** Its static initializer throws. */
    public static final class FailingInit implements Policy {
        private static final String MODEL = model();

        @Override
        public String name() {
            return MODEL;
        }

        @Override
        public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
            return Decision.of("wait");
        }
    }

    /** Its constructor throws. */
    public static final class FailingConstructor implements Policy {
        public FailingConstructor() {
            model();
        }

        @Override
        public String name() {
            return "never";
        }

        @Override
        public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
            return Decision.of("wait");
        }
    }

    /** Its name() throws. */
    public static final class Nameless implements Policy {
        @Override
        public String name() {
            throw new UnsupportedOperationException("no name yet");
        }

        @Override
        public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
            return Decision.of("wait");
        }
    }

    /** decide() fails an assertion: a per-decision error, the run goes on. */
    public static final class Asserting implements Policy {
        @Override
        public String name() {
            return "asserting";
        }

        @Override
        public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
            throw new AssertionError("expected a budget");
        }
    }
}
