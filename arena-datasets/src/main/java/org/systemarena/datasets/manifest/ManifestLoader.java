package org.systemarena.datasets.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.systemarena.core.Action;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.core.input.Suggestions;
import org.systemarena.core.manifest.BehaviourModelSpec;
import org.systemarena.core.manifest.CaseConfig;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.HistoricalActionSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.OutcomeSpec;
import org.systemarena.core.manifest.RankingSpec;
import org.systemarena.core.manifest.Severity;
import org.systemarena.core.manifest.SourcePosition;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads {@code manifest.yaml} (SPEC §4, docs/manifest.md) into a {@link Manifest}. The YAML is only composed into a
 * node tree, never constructed into objects: no tags beyond the standard scalar ones, bounded aliases, nesting and
 * size. Working on nodes keeps the line and column of every value for error messages and for the positions of
 * conditions and rules.
 */
public final class ManifestLoader {
    private static final int MAX_NESTING = 32;

    private static final Set<String> TOP = Set.of("name", "version", "description", "case", "decision_points",
            "allowed_actions", "outcomes", "constraints", "historical_action", "ranking", "behaviour_model");
    private static final Set<String> CASE = Set.of("id_field", "timestamp_field", "event_type_field",
            "activity_field", "sequence_field");
    private static final Set<String> DECISION_POINT = Set.of("name", "trigger", "condition", "allowed_actions");
    private static final Set<String> ACTION = Set.of("action", "params", "description");
    private static final Set<String> OUTCOMES = Set.of("positive", "negative", "neutral", "horizon");
    private static final Set<String> CONSTRAINT = Set.of("name", "rule", "severity", "message");
    private static final Set<String> HISTORICAL = Set.of("event_type", "field", "propensity_field",
            "distribution_field");
    private static final Set<String> BEHAVIOUR_MODEL = Set.of("features");
    private static final Set<String> RANKING = Set.of("k", "period");

    private ManifestLoader() {
    }

    public static Manifest load(Path file) {
        return parse(SafeYaml.read(file, "manifest"), file.toString());
    }

    /** Parses manifest text; {@code sourceName} names it in errors and positions. */
    public static Manifest parse(String text, String sourceName) {
        Node root = SafeYaml.compose(text, sourceName, MAX_NESTING, "manifest");
        if (root == null || YamlMap.isNull(root)) {
            throw new ArenaException("manifest is empty", Location.of(sourceName));
        }
        return new ManifestLoader.Reader(new YamlSource(sourceName, text)).manifest(root);
    }

    /** Reads the node tree of one manifest. */
    private static final class Reader {
        private final YamlSource source;

        Reader(YamlSource source) {
            this.source = source;
        }

        Manifest manifest(Node root) {
            YamlMap top = YamlMap.of(source, root, "the manifest", TOP);
            String name = top.requiredText("name");
            String version = top.text("version");
            String description = top.text("description");
            CaseConfig caseConfig = caseConfig(top.get("case"));
            List<Action> actions = actions(top);
            List<DecisionPointSpec> points = decisionPoints(top, actions);
            OutcomeSpec outcomes = outcomes(top.get("outcomes"));
            List<ConstraintSpec> constraints = constraints(top);
            HistoricalActionSpec historical = historical(top.get("historical_action"));
            RankingSpec ranking = ranking(top.get("ranking"));
            BehaviourModelSpec behaviourModel = behaviourModel(top.get("behaviour_model"));
            return new Manifest(name, version, description, caseConfig, points, actions, outcomes, constraints,
                    historical, ranking, behaviourModel, source.name);
        }

        private CaseConfig caseConfig(Node node) {
            if (node == null) {
                return CaseConfig.defaults();
            }
            YamlMap m = YamlMap.of(source, node, "case", CASE);
            return new CaseConfig(nonBlank(m, "id_field"), nonBlank(m, "timestamp_field"),
                    nonBlank(m, "event_type_field"), nonBlank(m, "activity_field"), nonBlank(m, "sequence_field"));
        }

        private String nonBlank(YamlMap m, String key) {
            String v = m.text(key);
            if (v != null && v.isBlank()) {
                throw source.error(m.get(key), "case." + key + " must not be empty");
            }
            return v;
        }

        private List<Action> actions(YamlMap top) {
            List<Action> actions = new ArrayList<>();
            Map<String, Node> seen = new HashMap<>();
            for (Node n : top.list("allowed_actions")) {
                String type;
                Action action;
                if (n instanceof ScalarNode && !YamlMap.isNull(n)) {
                    type = ((ScalarNode) n).getValue();
                    if (type.isBlank()) {
                        throw source.error(n, "allowed action must not be empty");
                    }
                    action = Action.of(type);
                } else {
                    YamlMap m = YamlMap.of(source, n, "allowed action", ACTION);
                    type = m.requiredText("action");
                    Node paramsNode = m.get("params");
                    Map<String, Object> params = Map.of();
                    if (paramsNode != null) {
                        if (!(paramsNode instanceof MappingNode)) {
                            throw source.error(paramsNode, "params of action '" + type + "' must be a mapping, got "
                                    + YamlMap.kind(paramsNode) + YamlMap.shown(paramsNode));
                        }
                        @SuppressWarnings("unchecked")
                        Map<String, Object> p = (Map<String, Object>) value(paramsNode);
                        params = p;
                    }
                    action = new Action(type, params, m.text("description"));
                }
                Node previous = seen.putIfAbsent(type, n);
                if (previous != null) {
                    throw source.error(n, "duplicate action '" + type + "' (first declared at line "
                            + (previous.getStartMark().getLine() + 1) + ")");
                }
                actions.add(action);
            }
            return actions;
        }

        private List<DecisionPointSpec> decisionPoints(YamlMap top, List<Action> declared) {
            List<String> declaredTypes = declared.stream().map(Action::type).toList();
            List<DecisionPointSpec> points = new ArrayList<>();
            Map<String, Node> seen = new HashMap<>();
            for (Node n : top.list("decision_points")) {
                YamlMap m = YamlMap.of(source, n, "decision point", DECISION_POINT);
                String name = m.requiredText("name");
                Node previous = seen.putIfAbsent(name, m.get("name"));
                if (previous != null) {
                    throw source.error(m.get("name"), "duplicate decision point name '" + name
                            + "' (first at line " + (previous.getStartMark().getLine() + 1) + ")");
                }
                String trigger = m.requiredText("trigger");
                Node conditionNode = m.get("condition");
                String condition = conditionNode == null ? null : m.text(conditionNode, "condition of '" + name + "'");
                // Written but empty is a condition lost (a template left unfilled), not "always true".
                if (condition != null && condition.isBlank()) {
                    throw source.error(conditionNode, "decision point '" + name + "': condition is empty; write one,"
                            + " or leave the key out for a decision point at every trigger");
                }
                List<String> allowed = m.texts("allowed_actions");
                List<Node> allowedNodes = m.list("allowed_actions");
                if (m.get("allowed_actions") != null && allowed.isEmpty()) {
                    throw source.error(m.get("allowed_actions"), "decision point '" + name + "': allowed_actions is"
                            + " empty, so no action could be taken; list at least one, or leave the key out to allow"
                            + " every declared action");
                }
                for (int i = 0; i < allowed.size(); i++) {
                    String a = allowed.get(i);
                    // With no top-level list, decision points declare their actions themselves.
                    if (!declaredTypes.isEmpty() && !declaredTypes.contains(a)) {
                        throw source.error(allowedNodes.get(i), "decision point '" + name + "' allows action '" + a
                                + "', which allowed_actions does not declare" + Suggestions.hint(a, declaredTypes)
                                + " (declared: " + String.join(", ", declaredTypes) + ")");
                    }
                    if (allowed.subList(0, i).contains(a)) {
                        throw source.error(allowedNodes.get(i), "decision point '" + name + "' lists action '" + a
                                + "' twice");
                    }
                }
                points.add(new DecisionPointSpec(name, trigger, condition, allowed,
                        conditionNode == null ? null : source.valuePosition(conditionNode)));
            }
            return points;
        }

        private OutcomeSpec outcomes(Node node) {
            if (node == null) {
                return OutcomeSpec.none();
            }
            YamlMap m = YamlMap.of(source, node, "outcomes", OUTCOMES);
            Map<String, String> categoryOf = new LinkedHashMap<>();
            List<List<String>> lists = new ArrayList<>();
            for (String category : List.of("positive", "negative", "neutral")) {
                List<String> names = m.texts(category);
                List<Node> nodes = m.list(category);
                for (int i = 0; i < names.size(); i++) {
                    String previous = categoryOf.putIfAbsent(names.get(i), category);
                    if (previous != null) {
                        throw source.error(nodes.get(i), "outcome '" + names.get(i) + "' is listed "
                                + (previous.equals(category) ? "twice in " + category : "as both " + previous
                                + " and " + category));
                    }
                }
                lists.add(names);
            }
            return new OutcomeSpec(lists.get(0), lists.get(1), lists.get(2), m.duration("horizon"));
        }

        private List<ConstraintSpec> constraints(YamlMap top) {
            List<ConstraintSpec> constraints = new ArrayList<>();
            Map<String, Node> seen = new HashMap<>();
            for (Node n : top.list("constraints")) {
                YamlMap m = YamlMap.of(source, n, "constraint", CONSTRAINT);
                String name = m.requiredText("name");
                Node previous = seen.putIfAbsent(name, m.get("name"));
                if (previous != null) {
                    throw source.error(m.get("name"), "duplicate constraint name '" + name + "' (first at line "
                            + (previous.getStartMark().getLine() + 1) + ")");
                }
                String rule = m.requiredText("rule");
                Severity severity = null;
                String severityText = m.text("severity");
                if (severityText != null) {
                    try {
                        severity = Severity.parse(severityText);
                    } catch (ArenaException e) {
                        List<String> labels = List.of("warning", "violation", "critical");
                        throw source.error(m.get("severity"), "constraint '" + name + "': unknown severity '"
                                + severityText + "'" + Suggestions.hint(severityText, labels)
                                + " (expected warning, violation or critical)");
                    }
                }
                constraints.add(new ConstraintSpec(name, rule, severity, m.text("message"),
                        source.valuePosition(m.get("rule"))));
            }
            return constraints;
        }

        private HistoricalActionSpec historical(Node node) {
            if (node == null) {
                return HistoricalActionSpec.defaults();
            }
            YamlMap m = YamlMap.of(source, node, "historical_action", HISTORICAL);
            HistoricalActionSpec spec = new HistoricalActionSpec(m.text("event_type"), m.text("field"),
                    m.text("propensity_field"), m.text("distribution_field"));
            String distribution = spec.distributionField();
            if (distribution != null) {
                Node at = m.get("distribution_field");
                if (distribution.isBlank()) {
                    throw source.error(at, "historical_action.distribution_field must not be empty");
                }
                // One payload value cannot be both the action (or its propensity) and a JSON object of them all.
                if (distribution.equals(spec.field()) || distribution.equals(spec.propensityField())) {
                    throw source.error(at, "historical_action.distribution_field '" + distribution
                            + "' must differ from field '" + spec.field() + "' and propensity_field '"
                            + spec.propensityField() + "'");
                }
            }
            return spec;
        }

        private BehaviourModelSpec behaviourModel(Node node) {
            if (node == null) {
                return BehaviourModelSpec.defaults();
            }
            YamlMap m = YamlMap.of(source, node, "behaviour_model", BEHAVIOUR_MODEL);
            List<String> names = m.texts("features");
            List<Node> nodes = m.list("features");
            List<SourcePosition> positions = new ArrayList<>(names.size());
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (name.isBlank()) {
                    throw source.error(nodes.get(i), "behaviour_model.features must not contain an empty name");
                }
                int first = names.subList(0, i).indexOf(name);
                if (first >= 0) {
                    throw source.error(nodes.get(i), "behaviour_model.features lists '" + name
                            + "' twice (first at line " + (nodes.get(first).getStartMark().getLine() + 1) + ")");
                }
                positions.add(source.valuePosition(nodes.get(i)));
            }
            return new BehaviourModelSpec(names, positions);
        }

        private RankingSpec ranking(Node node) {
            if (node == null) {
                return RankingSpec.defaults();
            }
            YamlMap m = YamlMap.of(source, node, "ranking", RANKING);
            java.time.Duration period = m.duration("period");
            // Periods are counted in epoch milliseconds (the evaluation's period grid).
            if (period != null && period.toNanos() % 1_000_000 != 0) {
                throw source.error(m.get("period"), "ranking.period must be a whole number of milliseconds, got '"
                        + ((ScalarNode) m.get("period")).getValue() + "'");
            }
            return new RankingSpec(m.positiveInt("k", 10), period);
        }

        /** A params value as plain Java data: String, Long, Double, Boolean, null, Map or List. */
        private Object value(Node n) {
            if (n instanceof MappingNode m) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (NodeTuple t : m.getValue()) {
                    Node k = t.getKeyNode();
                    if (!(k instanceof ScalarNode ks) || YamlMap.isNull(k)) {
                        throw source.error(k, "keys of params must be plain names");
                    }
                    if (map.containsKey(ks.getValue())) {
                        throw source.error(k, "duplicate key '" + ks.getValue() + "' in params");
                    }
                    map.put(ks.getValue(), value(t.getValueNode()));
                }
                return Collections.unmodifiableMap(map);
            }
            if (n instanceof SequenceNode s) {
                List<Object> list = new ArrayList<>();
                s.getValue().forEach(item -> list.add(value(item)));
                return Collections.unmodifiableList(list);
            }
            ScalarNode s = (ScalarNode) n;
            String v = s.getValue();
            Tag tag = n.getTag();
            try {
                if (tag.equals(Tag.NULL)) {
                    return null;
                }
                if (tag.equals(Tag.INT)) {
                    return Long.decode(v.replace("_", "").replace("0o", "0"));
                }
                if (tag.equals(Tag.FLOAT)) {
                    String f = v.replace("_", "").toLowerCase(java.util.Locale.ROOT);
                    if (f.endsWith(".inf")) {
                        return f.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                    }
                    return f.equals(".nan") ? Double.NaN : Double.parseDouble(f);
                }
            } catch (NumberFormatException e) {
                throw source.error(n, "number out of range: '" + v + "'");
            }
            if (tag.equals(Tag.BOOL)) {
                String b = v.toLowerCase(java.util.Locale.ROOT);
                return b.equals("true") || b.equals("yes") || b.equals("on") || b.equals("y");
            }
            return v;
        }
    }
}
