package org.systemarena.decision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.StringDictionary;
import org.systemarena.core.manifest.BehaviourModelSpec;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.SourcePosition;
import org.systemarena.decision.expr.Expression;
import org.systemarena.decision.expr.ExpressionChecker;

/**
 * Checks a manifest's expressions and behaviour-model feature names against a log before anything is extracted,
 * collecting every problem (syntax, unknown names with a suggestion, unknown functions, bad feature names) into one
 * {@link ArenaException}.
 */
final class ManifestChecker {
    /** Names a constraint rule may use besides the snapshot names. */
    static final String ACTION_TYPE = "action_type";
    static final String ACTION_PARAMS_PREFIX = "action.params.";
    static final String POLICY_ACTIONS = "policy_actions";

    private ManifestChecker() {
    }

    /** Every name a condition may use on this log: built-ins, payload fields, event.x, state.x, features. */
    static Set<String> snapshotNames(EventLog log, List<FeatureExtractor> features) {
        Set<String> names = new TreeSet<>(SnapshotNames.BUILT_INS);
        StringDictionary keys = log.payload().keyDictionary();
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.value(k);
            if (!key.startsWith(SnapshotNames.EVENT_PREFIX) && !key.startsWith(SnapshotNames.STATE_PREFIX)) {
                names.add(key);
            }
            names.add(SnapshotNames.EVENT_PREFIX + key);
        }
        names.addAll(SnapshotNames.EVENT_FIELDS);
        StringDictionary stateKeys = log.stateAfter().keyDictionary();
        for (int k = 0; k < stateKeys.size(); k++) {
            names.add(SnapshotNames.STATE_PREFIX + stateKeys.value(k));
        }
        names.add(SnapshotNames.STATE_STATUS);
        for (FeatureExtractor f : features) {
            names.add(f.name());
        }
        return names;
    }

    /** Problems with the manifest's expressions on this log, each with its position; empty when all is well. */
    static List<String> problems(Manifest manifest, EventLog log, List<FeatureExtractor> features) {
        List<String> problems = new ArrayList<>(featureProblems(features));
        Set<String> names = snapshotNames(log, features);
        ExpressionChecker conditions = ExpressionChecker.of(names);
        for (DecisionPointSpec d : manifest.decisionPoints()) {
            if (d.condition() != null && !d.condition().isBlank()) {
                check("decision point '" + d.name() + "' condition", d.condition(), d.conditionPosition(), conditions,
                        problems);
            }
        }
        Set<String> constraintNames = new TreeSet<>(names);
        constraintNames.add(ACTION_TYPE);
        constraintNames.add(ACTION_PARAMS_PREFIX + "*");
        ExpressionChecker constraints = ExpressionChecker.of(constraintNames, Map.of(POLICY_ACTIONS, 2));
        for (ConstraintSpec c : manifest.constraints()) {
            check("constraint '" + c.name() + "' rule", c.rule(), c.rulePosition(), constraints, problems);
        }
        BehaviourModelSpec model = manifest.behaviourModel();
        for (int i = 0; i < model.features().size(); i++) {
            String problem = conditions.checkName(model.features().get(i));
            if (problem != null) {
                problems.add(model.featurePositions().get(i) + ": behaviour_model feature: " + problem);
            }
        }
        return problems;
    }

    private static void check(String what, String text, SourcePosition where, ExpressionChecker checker,
                              List<String> problems) {
        Expression e;
        try {
            e = Expression.parse(text, where);
        } catch (ArenaException ex) {
            String message = ex.getMessage();
            String located = ex.location().map(l -> l.describe() + ": ").orElse("");
            problems.add(message.startsWith(located) && !located.isEmpty()
                    ? located + what + ": " + message.substring(located.length()) : what + ": " + message);
            return;
        }
        for (ExpressionChecker.Problem p : checker.check(e)) {
            // the position leads the line, so the checker's own " at line:column" is redundant
            String message = p.message().replace(" at " + p.position().line() + ":" + p.position().column(), "");
            problems.add(p.position() + ": " + what + ": " + message + " in: " + p.expression());
        }
    }

    private static List<String> featureProblems(List<FeatureExtractor> features) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FeatureExtractor f : features) {
            String name = f.name();
            if (name == null || name.isBlank()) {
                problems.add("feature " + f + " has no name");
            } else if (SnapshotNames.isBuiltIn(name) || name.startsWith(SnapshotNames.EVENT_PREFIX)
                    || name.startsWith(SnapshotNames.STATE_PREFIX)) {
                problems.add("feature '" + name + "' clashes with a built-in snapshot name");
            } else if (!seen.add(name)) {
                problems.add("feature '" + name + "' is declared twice");
            }
        }
        return problems;
    }

    /** Checks the manifest (throwing with every problem) and compiles its decision-point rules for this log. */
    static DecisionPointExtractor.Rule[] compile(Manifest manifest, EventLog log, List<FeatureExtractor> features) {
        List<String> problems = problems(manifest, log, features);
        if (!problems.isEmpty()) {
            throw new ArenaException(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " in manifest " + manifest.source() + " for this log:\n  " + String.join("\n  ", problems));
        }
        StringDictionary types = log.eventTypeColumn().dictionary();
        StringDictionary activities = log.activityColumn().dictionary();
        List<DecisionPointSpec> specs = manifest.decisionPoints();
        DecisionPointExtractor.Rule[] rules = new DecisionPointExtractor.Rule[specs.size()];
        Set<String> ruleNames = new HashSet<>();
        for (int k = 0; k < rules.length; k++) {
            DecisionPointSpec d = specs.get(k);
            if (!ruleNames.add(d.name())) {
                throw new ArenaException("decision point name '" + d.name() + "' is used twice in manifest "
                        + manifest.source() + " (decision ids must be unique)");
            }
            Expression condition = d.condition() == null || d.condition().isBlank() ? null
                    : Expression.parse(d.condition(), d.conditionPosition());
            rules[k] = new DecisionPointExtractor.Rule(d.name(), types.code(d.trigger()), activities.code(d.trigger()),
                    condition, manifest.actionsFor(d));
        }
        return rules;
    }
}
