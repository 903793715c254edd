package org.systemarena.policy;

import java.util.Map;
import java.util.Set;

/**
 * Makes a policy from a name and string options; registered through {@code META-INF/services} so the command line
 * can find policies by name (see {@link PolicyRegistry}).
 */
public interface PolicyProvider {
    /** The registry name, e.g. {@code random}. */
    String name();

    /** One line for help output: what the policy does and which options it takes. */
    String description();

    Policy create(Map<String, String> options);

    /**
     * The names of the options {@link #create} reads; the registry refuses any other (a misspelt option would
     * otherwise be ignored without a word). Null, the default: not declared, so options are not checked.
     */
    default Set<String> options() {
        return null;
    }

    /**
     * The options that change how the policy is run, never what it decides: e.g. how many worker processes ask an
     * agent, its retries, or the cassette its answers are recorded in and replayed from. A run leaves them out of
     * the provenance in results.json (which stays byte-identical between a recorded run and its replay, or with
     * more workers) and records them in run-info.json. Default: none.
     */
    default Set<String> runOptions() {
        return Set.of();
    }
}
