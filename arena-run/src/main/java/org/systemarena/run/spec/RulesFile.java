package org.systemarena.run.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.core.input.Suggestions;
import org.systemarena.core.manifest.SourcePosition;
import org.systemarena.datasets.manifest.SafeYaml;
import org.systemarena.datasets.manifest.YamlSource;
import org.systemarena.policy.Policy;
import org.systemarena.policy.RuleBasedPolicy;
import org.systemarena.policy.ThresholdPolicy;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A policy written as YAML (docs/cli.md, "Rules files"; {@code rules:<file.yaml>} in {@link PolicySpecs}): ordered rules in the expression language with a default
 * action, or a one-field threshold. The YAML is composed into nodes only (no object construction), so every error
 * names the file, line and column.
 *
 * <pre>
 * name: call-big-quiet-leads
 * rules:
 *   - when: "budget >= 50000 and days_since_last_contact > 3"
 *     action: make_call
 * otherwise: wait
 * </pre>
 */
public final class RulesFile {
    private static final Set<String> TOP = Set.of("name", "rules", "otherwise", "threshold");
    private static final Set<String> RULE = Set.of("when", "action");
    private static final Set<String> THRESHOLD = Set.of("field", "threshold", "above", "below");
    private static final int MAX_NESTING = 16;

    /** Where an action name or a snapshot name was written, for checks against the manifest and the log. */
    public record Use(String value, SourcePosition position, String what) {
    }

    /** The policy, with every action and (for thresholds) field it names, for checks against the workflow. */
    public record Loaded(Policy policy, List<Use> actions, List<Use> fields) {
        public Loaded {
            actions = List.copyOf(actions);
            fields = List.copyOf(fields);
        }
    }

    private final YamlSource yaml;

    private RulesFile(String source, String text) {
        this.yaml = new YamlSource(source, text);
    }

    /** Reads a rules file; its name, when it gives none, is the file's name without {@code .yaml}. */
    public static Loaded load(Path file) {
        String text = SafeYaml.read(file, "rules file");
        String fileName = file.getFileName().toString();
        String defaultName = fileName.replaceFirst("\\.(ya?ml)$", "");
        return parse(text, file.toString(), defaultName);
    }

    /** Parses a rules file's text; {@code source} names it in messages. */
    public static Loaded parse(String text, String source, String defaultName) {
        RulesFile f = new RulesFile(source, text);
        Node root = SafeYaml.compose(text, source, MAX_NESTING, "rules file");
        if (root == null) {
            throw new ArenaException("rules file is empty", Location.of(source));
        }
        return f.read(root, defaultName);
    }

    private Loaded read(Node root, String defaultName) {
        Map<String, NodeTuple> top = mapping(root, "a rules file", TOP);
        String name = top.containsKey("name") ? scalar(top.get("name").getValueNode(), "name") : defaultName;
        List<Use> actions = new ArrayList<>();
        List<Use> fields = new ArrayList<>();
        boolean hasRules = top.containsKey("rules");
        boolean hasThreshold = top.containsKey("threshold");
        if (hasRules == hasThreshold) {
            throw error(root, hasRules ? "a rules file has either 'rules' or 'threshold', not both"
                    : "a rules file needs 'rules' (with 'otherwise') or 'threshold'");
        }
        if (hasThreshold) {
            if (top.containsKey("otherwise")) {
                throw error(top.get("otherwise").getKeyNode(), "'otherwise' belongs to 'rules'; a threshold has"
                        + " 'above' and 'below'");
            }
            Node t = top.get("threshold").getValueNode();
            Map<String, NodeTuple> m = mapping(t, "'threshold'", THRESHOLD);
            String field = scalar(required(m, t, "field", "threshold"), "field");
            Node valueNode = required(m, t, "threshold", "threshold");
            String valueText = scalar(valueNode, "threshold");
            double value;
            try {
                value = Double.parseDouble(valueText);
            } catch (NumberFormatException e) {
                throw new ArenaException("'threshold' must be a number", at(valueNode).withField("threshold",
                        valueText));
            }
            // NaN would send every value below (no comparison with it holds); an infinity decides nothing either.
            if (!Double.isFinite(value)) {
                throw new ArenaException("'threshold' must be a finite number", at(valueNode).withField("threshold",
                        valueText));
            }
            Node above = required(m, t, "above", "threshold");
            Node below = required(m, t, "below", "threshold");
            actions.add(use(above, "above"));
            actions.add(use(below, "below"));
            fields.add(use(m.get("field").getValueNode(), "field"));
            Policy p = new NamedPolicy(name, ThresholdPolicy.of(field, value, scalar(above, "above"),
                    scalar(below, "below")));
            return new Loaded(p, actions, fields);
        }
        Node rulesNode = top.get("rules").getValueNode();
        if (!(rulesNode instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw error(rulesNode, "'rules' must be a non-empty list of {when, action}");
        }
        if (!top.containsKey("otherwise")) {
            throw error(root, "a rules file needs 'otherwise': the action when no rule holds");
        }
        RuleBasedPolicy.Builder b = RuleBasedPolicy.builder(name);
        for (Node r : seq.getValue()) {
            Map<String, NodeTuple> m = mapping(r, "a rule", RULE);
            Node when = required(m, r, "when", "rule");
            Node action = required(m, r, "action", "rule");
            actions.add(use(action, "action"));
            b.rule(scalar(when, "when"), valuePosition(when), scalar(action, "action"));
        }
        Node otherwise = top.get("otherwise").getValueNode();
        actions.add(use(otherwise, "otherwise"));
        return new Loaded(b.otherwise(scalar(otherwise, "otherwise")), actions, fields);
    }

    private Map<String, NodeTuple> mapping(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            throw error(node, what + " must be a mapping");
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode(), "key");
            if (!allowed.contains(key)) {
                throw error(t.getKeyNode(), "unknown key '" + key + "' in " + what + Suggestions.hint(key, allowed)
                        + "; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
            NodeTuple first = out.putIfAbsent(key, t);
            if (first != null) {
                throw error(t.getKeyNode(), "duplicate key '" + key + "' in " + what + " (first at line "
                        + (first.getKeyNode().getStartMark().getLine() + 1) + ")");
            }
        }
        return out;
    }

    private Node required(Map<String, NodeTuple> m, Node owner, String key, String what) {
        NodeTuple t = m.get(key);
        if (t == null) {
            throw error(owner, "missing key '" + key + "' in " + what);
        }
        return t.getValueNode();
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode s) || node.getTag().equals(Tag.NULL) || s.getValue().isBlank()) {
            throw error(node, "'" + what + "' must be a non-empty text or number");
        }
        return s.getValue().trim();
    }

    private Use use(Node node, String what) {
        return new Use(scalar(node, what), valuePosition(node), what);
    }

    private SourcePosition valuePosition(Node node) {
        return yaml.valuePosition(node);
    }

    private Location at(Node node) {
        return yaml.at(node);
    }

    private ArenaException error(Node node, String message) {
        return yaml.error(node, message);
    }

    /** A policy under the name its file gives it. */
    static final class NamedPolicy implements Policy {
        private final String name;
        private final Policy policy;

        NamedPolicy(String name, Policy policy) {
            this.name = name;
            this.policy = policy;
        }

        Policy delegate() {
            return policy;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public org.systemarena.policy.Decision decide(org.systemarena.core.CaseSnapshot snapshot,
                                                      List<org.systemarena.core.Action> allowedActions) {
            return policy.decide(snapshot, allowedActions);
        }
    }
}
