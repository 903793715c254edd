package org.systemarena.policy;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.systemarena.core.ArenaException;

/** Policies by name: every {@link PolicyProvider} on the class path. */
public final class PolicyRegistry {
    private final Map<String, PolicyProvider> providers;

    private PolicyRegistry(Map<String, PolicyProvider> providers) {
        this.providers = providers;
    }

    /** The providers visible to this class's loader. */
    public static PolicyRegistry load() {
        return load(PolicyRegistry.class.getClassLoader());
    }

    public static PolicyRegistry load(ClassLoader loader) {
        Map<String, PolicyProvider> found = new TreeMap<>();
        for (PolicyProvider p : ServiceLoader.load(PolicyProvider.class, loader)) {
            PolicyProvider previous = found.putIfAbsent(p.name(), p);
            if (previous != null && previous.getClass() != p.getClass()) {
                throw new ArenaException("two policy providers are named '" + p.name() + "': "
                        + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return new PolicyRegistry(Map.copyOf(found));
    }

    public java.util.SortedSet<String> names() {
        return new java.util.TreeSet<>(providers.keySet());
    }

    public PolicyProvider provider(String name) {
        PolicyProvider p = providers.get(name);
        if (p == null) {
            throw new ArenaException("unknown policy '" + name + "'; known policies: " + String.join(", ", names()));
        }
        return p;
    }

    /** A policy from its provider; an option the provider does not declare is an error naming those it has. */
    public Policy create(String name, Map<String, String> options) {
        PolicyProvider p = provider(name);
        java.util.Set<String> known = p.options();
        if (known != null) {
            for (String key : options.keySet()) {
                if (!known.contains(key)) {
                    throw new ArenaException("policy '" + name + "' has no option '" + key + "'" + (known.isEmpty()
                            ? " (it takes none)" : " (its options: " + String.join(", ", new java.util.TreeSet<>(known))
                            + ")"));
                }
            }
        }
        return p.create(options);
    }
}
