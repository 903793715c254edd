package org.systemarena.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;

/**
 * Routes each decision to the first policy whose guard accepts the snapshot, else to a default policy; the chosen
 * route is recorded in the decision's metadata ({@code route}).
 */
public final class CompositePolicy implements Policy {
    private final String name;
    private final List<Route> routes;
    private final Policy defaultPolicy;

    /** A guard (e.g. {@code s -> "qualified".equals(s.get("status"))}) and the policy it sends decisions to. */
    public record Route(String label, Predicate<CaseSnapshot> guard, Policy policy) {
        public Route {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(guard, "guard");
            Objects.requireNonNull(policy, "policy");
        }
    }

    private CompositePolicy(String name, List<Route> routes, Policy defaultPolicy) {
        this.name = name;
        this.routes = List.copyOf(routes);
        this.defaultPolicy = Objects.requireNonNull(defaultPolicy, "defaultPolicy");
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        for (Route r : routes) {
            if (r.guard().test(snapshot)) {
                return r.policy().decide(snapshot, allowedActions).withMetadata("route", r.label());
            }
        }
        return defaultPolicy.decide(snapshot, allowedActions).withMetadata("route", "default");
    }

    public static final class Builder {
        private final String name;
        private final List<Route> routes = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder when(String label, Predicate<CaseSnapshot> guard, Policy policy) {
            routes.add(new Route(label, guard, policy));
            return this;
        }

        public CompositePolicy otherwise(Policy defaultPolicy) {
            return new CompositePolicy(name, routes, defaultPolicy);
        }
    }
}
