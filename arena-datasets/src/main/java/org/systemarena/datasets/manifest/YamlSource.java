package org.systemarena.datasets.manifest;

import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.core.OneLine;
import org.systemarena.core.manifest.SourcePosition;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML file's text and its name, to turn its nodes into 1-based positions and errors (the manifest's, and the run
 * module's rules files).
 */
public final class YamlSource {
    final String name;
    private final String[] lines;

    public YamlSource(String name, String text) {
        this.name = name;
        this.lines = text.split("\r\n|\r|\n", -1);
    }

    /**
     * Where a node's value starts: for a quoted scalar the first character inside the quotes, for a block scalar
     * ({@code |} or {@code >}) the first character of its first non-blank content line.
     */
    public SourcePosition valuePosition(Node node) {
        Mark m = node.getStartMark();
        int line = m.getLine() + 1;
        int column = m.getColumn() + 1;
        if (node instanceof ScalarNode s) {
            ScalarStyle style = s.getScalarStyle();
            if (style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED) {
                column++;
            } else if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
                for (int l = m.getLine() + 1; l < lines.length; l++) {
                    String text = lines[l];
                    if (!text.isBlank()) {
                        int indent = 0;
                        while (indent < text.length() && text.charAt(indent) == ' ') {
                            indent++;
                        }
                        return new SourcePosition(name, l + 1, indent + 1);
                    }
                }
            }
        }
        return new SourcePosition(name, line, column);
    }

    /** An error at the node; values the message quotes stay on its one line (a key or scalar may hold breaks). */
    public ArenaException error(Node node, String message) {
        return new ArenaException(OneLine.value(message), at(node));
    }

    /** Where the node starts. */
    public Location at(Node node) {
        Mark m = node.getStartMark();
        return Location.line(name, m.getLine() + 1, m.getColumn() + 1);
    }
}
