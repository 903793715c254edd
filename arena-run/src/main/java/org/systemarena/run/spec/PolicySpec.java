package org.systemarena.run.spec;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * @param runOptions the names among {@code options} that change how the policy runs, not what it decides
 *                (a registry provider's {@code runOptions()})
 */
public record PolicySpec(String spec, String kind, Policy policy, Map<String, String> options, List<Path> files,
                         Set<String> runOptions) {
    public PolicySpec {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(policy, "policy");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        files = List.copyOf(files);
        runOptions = Set.copyOf(runOptions);
    }

    public PolicySpec(String spec, String kind, Policy policy, Map<String, String> options, List<Path> files) {
        this(spec, kind, policy, options, files, Set.of());
    }

    /** The options that decide what the policy does: {@code options} without the run options, in order. */
    public Map<String, String> decisionOptions() {
        Map<String, String> out = new LinkedHashMap<>(options);
        out.keySet().removeAll(runOptions);
        return Collections.unmodifiableMap(out);
    }

    /** The run options given, in order. */
    public Map<String, String> givenRunOptions() {
        Map<String, String> out = new LinkedHashMap<>(options);
        out.keySet().retainAll(runOptions);
        return Collections.unmodifiableMap(out);
    }

    /**
     * The specification as the provenance records it: as given, or, when run options were given, rebuilt as
     * {@code name:key=value,...} from the decision options (so the same specification with another cassette or more
     * workers is recorded the same).
     */
    public String decisionSpec() {
        if (givenRunOptions().isEmpty()) {
            return spec;
        }
        int colon = spec.indexOf(':');
        String head = colon < 0 ? spec : spec.substring(0, colon);
        StringBuilder out = new StringBuilder(head);
        String sep = ":";
        for (Map.Entry<String, String> e : decisionOptions().entrySet()) {
            out.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ",";
        }
        return out.toString();
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
