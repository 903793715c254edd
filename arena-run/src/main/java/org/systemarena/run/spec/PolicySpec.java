package org.systemarena.run.spec;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.systemarena.policy.Policy;
import org.systemarena.policy.UserCode;

/**
 * A policy made from a specification, with what a run records of it so that it can be made again: the text as given,
 * how it was made, its effective options (a random policy's seed included when the run supplied it) and the files it
 * was read from.
 *
 * @param spec    the specification as given ({@code threshold:field=x,threshold=3,...}, {@code rules:calls.yaml})
 * @param kind    how it was made: {@code registry}, {@code class}, {@code rules}, or another {@link SpecKind}'s prefix
 * @param policy  the policy
 * @param options its effective options, in the order given
 * @param files   files it was read from (a rules file), as resolved
 */
public record PolicySpec(String spec, String kind, Policy policy, Map<String, String> options, List<Path> files) {
    public PolicySpec {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(policy, "policy");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        files = List.copyOf(files);
    }

    /** The policy's name (its {@code name()}, or its class name when that fails). */
    public String name() {
        return UserCode.nameOf(policy);
    }

    /** The class that decides: for a rules file the rule or threshold policy behind its name. */
    public String className() {
        Policy p = policy instanceof RulesFile.NamedPolicy named ? named.delegate() : policy;
        return p.getClass().getName();
    }
}
