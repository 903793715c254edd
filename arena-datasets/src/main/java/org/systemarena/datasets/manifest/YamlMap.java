package org.systemarena.datasets.manifest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.systemarena.core.ArenaException;
import org.systemarena.core.input.Suggestions;
import org.systemarena.core.manifest.Durations;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping of the manifest with checked access: unknown keys (with a "did you mean"), duplicate keys and
 * wrong value types are errors naming the file, line and column. A key whose value is YAML null counts as absent.
 */
final class YamlMap {
    private final YamlSource source;
    private final String what;
    private final Node node;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Node> keys = new LinkedHashMap<>();

    private YamlMap(YamlSource source, String what, Node node) {
        this.source = source;
        this.what = what;
        this.node = node;
    }

    /** Checks that {@code node} is a mapping whose keys are all in {@code allowed}. */
    static YamlMap of(YamlSource source, Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw source.error(node, what + " must be a mapping, got " + kind(node) + shown(node));
        }
        YamlMap map = new YamlMap(source, what, node);
        for (NodeTuple t : mapping.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks) || k.getTag().equals(Tag.NULL)) {
                throw source.error(k, "keys of " + what + " must be plain names, got " + kind(k));
            }
            String key = ks.getValue();
            if (!allowed.contains(key)) {
                throw source.error(k, "unknown key '" + key + "' in " + what + Suggestions.hint(key, allowed)
                        + " (allowed: " + String.join(", ", sorted(allowed)) + ")");
            }
            if (map.keys.containsKey(key)) {
                Node first = map.keys.get(key);
                throw source.error(k, "duplicate key '" + key + "' in " + what + " (first at line "
                        + (first.getStartMark().getLine() + 1) + ")");
            }
            map.keys.put(key, k);
            Node v = t.getValueNode();
            map.values.put(key, isNull(v) ? null : v);
        }
        return map;
    }

    private static List<String> sorted(Set<String> set) {
        List<String> list = new ArrayList<>(set);
        list.sort(null);
        return list;
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode && n.getTag().equals(Tag.NULL);
    }

    static String kind(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(n)) {
            return "null";
        }
        Tag tag = n.getTag();
        if (tag.equals(Tag.INT)) {
            return "an integer";
        }
        if (tag.equals(Tag.FLOAT)) {
            return "a number";
        }
        if (tag.equals(Tag.BOOL)) {
            return "a boolean";
        }
        return "a string";
    }

    /** A scalar as messages quote it: at most 200 characters. */
    static String shown(Node n) {
        if (!(n instanceof ScalarNode s)) {
            return "";
        }
        String v = s.getValue();
        return " '" + (v.length() > 200 ? v.substring(0, 200) + "..." : v) + "'";
    }

    Node node() {
        return node;
    }

    /** The value node, or null when absent or YAML null. */
    Node get(String key) {
        return values.get(key);
    }

    Node required(String key) {
        Node v = values.get(key);
        if (v == null) {
            Node k = keys.get(key);
            throw source.error(k != null ? k : node, what + " needs '" + key + "'"
                    + (k != null ? " (it is null)" : ""));
        }
        return v;
    }

    /** A scalar as written (numbers and booleans keep their text, e.g. version 1.0 stays "1.0"), or null. */
    String text(String key) {
        Node v = values.get(key);
        return v == null ? null : text(v, what + "." + key);
    }

    String requiredText(String key) {
        String t = text(required(key), what + "." + key);
        if (t.isBlank()) {
            throw source.error(values.get(key), what + "." + key + " must not be empty");
        }
        return t;
    }

    String text(Node v, String label) {
        if (!(v instanceof ScalarNode s)) {
            throw source.error(v, label + " must be a single value, got " + kind(v));
        }
        return s.getValue();
    }

    int positiveInt(String key, int defaultValue) {
        Node v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof ScalarNode s) || !v.getTag().equals(Tag.INT)) {
            throw source.error(v, what + "." + key + " must be an integer, got " + kind(v) + shown(v));
        }
        int value;
        try {
            value = Integer.parseInt(s.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            throw source.error(v, what + "." + key + " is out of range: '" + s.getValue() + "'");
        }
        if (value <= 0) {
            throw source.error(v, what + "." + key + " must be positive, got '" + s.getValue() + "'");
        }
        return value;
    }

    Duration duration(String key) {
        Node v = values.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof ScalarNode s) || !(v.getTag().equals(Tag.STR))) {
            throw source.error(v, what + "." + key + " must be a duration like 30d, 12h or P30D, got " + kind(v)
                    + shown(v) + (v.getTag().equals(Tag.INT) ? " (a unit is required)" : ""));
        }
        Duration d;
        try {
            d = Durations.parse(s.getValue());
        } catch (ArenaException e) {
            throw source.error(v, what + "." + key + ": " + e.getMessage());
        }
        if (d.isNegative() || d.isZero()) {
            throw source.error(v, what + "." + key + " must be positive, got '" + s.getValue() + "'");
        }
        return d;
    }

    /** A list of values (a single value is not accepted: lists are written [a, b] or as "- a" lines). */
    List<Node> list(String key) {
        Node v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof SequenceNode seq)) {
            throw source.error(v, what + "." + key + " must be a list, got " + kind(v) + shown(v));
        }
        return seq.getValue();
    }

    List<String> texts(String key) {
        List<String> out = new ArrayList<>();
        for (Node n : list(key)) {
            if (isNull(n)) {
                throw source.error(n, what + "." + key + " must not contain null");
            }
            out.add(text(n, what + "." + key + " entry"));
        }
        return out;
    }
}
