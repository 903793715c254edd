package org.systemarena.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.systemarena.core.Action;
import org.systemarena.core.ArenaException;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.manifest.SourcePosition;
import org.systemarena.decision.expr.Expression;

/**
 * Ordered rules in the expression language (docs/expressions.md): the first rule whose condition holds on the
 * snapshot decides; when none holds, the default action. A rule that fails to evaluate is an error of this decision
 * (it is not skipped), so a typo in a rule cannot silently turn into "false".
 *
 * <p>The score is the priority of the rule that fired: the first rule scores {@code n}, the last 1, the default 0.
 */
public final class RuleBasedPolicy implements Policy {
    private final String name;
    private final List<Rule> rules;
    private final String defaultAction;

    /** One rule: when {@code condition} holds, take {@code action}. */
    public record Rule(Expression condition, String action) {
        public Rule {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(action, "action");
        }

        public static Rule of(String condition, String action) {
            return new Rule(Expression.parse(condition), action);
        }
    }

    private RuleBasedPolicy(String name, List<Rule> rules, String defaultAction) {
        this.name = Objects.requireNonNull(name, "name");
        this.rules = List.copyOf(rules);
        this.defaultAction = Objects.requireNonNull(defaultAction, "defaultAction");
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public static RuleBasedPolicy of(String name, List<Rule> rules, String defaultAction) {
        return new RuleBasedPolicy(name, rules, defaultAction);
    }

    public List<Rule> rules() {
        return rules;
    }

    public String defaultAction() {
        return defaultAction;
    }

    /** Every snapshot name the rules read, so callers can check them against a log before a run. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        rules.forEach(r -> names.addAll(r.condition().names()));
        return names;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            boolean holds;
            try {
                holds = r.condition().test(snapshot::get);
            } catch (ArenaException e) {
                throw new ArenaException("rule " + (i + 1) + " (" + r.condition().text() + "): " + e.getMessage(), e);
            }
            if (holds) {
                return Decision.of(r.action()).withScore(rules.size() - i)
                        .withReasoning("rule " + (i + 1) + ": " + r.condition().text() + " -> " + r.action());
            }
        }
        return Decision.of(defaultAction).withScore(0).withReasoning("no rule held -> " + defaultAction);
    }

    public static final class Builder {
        private final String name;
        private final List<Rule> rules = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder rule(String condition, String action) {
            rules.add(new Rule(Expression.parse(condition), action));
            return this;
        }

        /** A rule whose condition text was read from a file, so parse errors point into that file. */
        public Builder rule(String condition, SourcePosition where, String action) {
            rules.add(new Rule(Expression.parse(condition, where), action));
            return this;
        }

        public RuleBasedPolicy otherwise(String defaultAction) {
            return new RuleBasedPolicy(name, rules, defaultAction);
        }
    }
}
