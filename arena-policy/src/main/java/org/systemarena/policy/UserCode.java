package org.systemarena.policy;

import org.systemarena.core.ArenaException;

/**
 * How the arena treats what user code (a {@link Policy}) throws. Everything is contained, at the decision point or
 * at the policy's set-up, except the JVM errors after which nothing the process does can be trusted: an
 * {@link OutOfMemoryError}, an {@link InternalError} or another {@link VirtualMachineError} (but a
 * {@link StackOverflowError}, which unwinds cleanly, is contained). Those stop the run.
 */
public final class UserCode {
    private UserCode() {
    }

    /** Whether {@code t} must stop the run rather than be recorded. */
    public static boolean isFatal(Throwable t) {
        return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
    }

    /** "AssertionError: message", or the class alone when there is no message. */
    public static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /**
     * The policy's name, or one error naming its class when {@code name()} throws or gives no name; a fatal JVM error
     * propagates.
     */
    public static String nameOf(Policy policy) {
        String name;
        try {
            name = policy.name();
        } catch (Throwable t) {
            if (isFatal(t)) {
                throw t;
            }
            throw new ArenaException("policy class '" + policy.getClass().getName() + "': name() threw "
                    + describe(t), t);
        }
        if (name == null || name.isBlank()) {
            throw new ArenaException("policy class '" + policy.getClass().getName() + "': name() gave "
                    + (name == null ? "null" : "a blank name") + "; a policy needs a name for its results");
        }
        return name;
    }
}
