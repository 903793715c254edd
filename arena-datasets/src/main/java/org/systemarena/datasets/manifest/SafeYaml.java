package org.systemarena.datasets.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML files a user writes (manifests, rules files), read the one safe way: refused by size before anything is read,
 * strict UTF-8, composed into nodes only (no object construction, no tags beyond the standard scalar ones, no merge
 * keys, bounded aliases and nesting), and every failure named by file, line and column.
 */
public final class SafeYaml {
    /** Manifests and rules files are a few kilobytes; anything near this is a wrong file. */
    public static final long MAX_BYTES = 1024 * 1024;
    private static final int MAX_ALIASES = 20;
    private static final Set<Tag> STANDARD_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP,
            Tag.SEQ, Tag.TIMESTAMP);

    private SafeYaml() {
    }

    /**
     * The text of a file, {@code what} naming it in errors ("manifest", "rules file"): missing, a folder, larger than
     * {@link #MAX_BYTES} (comments count: a parser given megabytes takes seconds to say no) or not UTF-8 is an error.
     */
    public static String read(Path file, String what) {
        String source = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new ArenaException(what + " is a folder, not a file", Location.of(source));
            }
            if (!Files.isRegularFile(file)) {
                throw new ArenaException(what + " not found", Location.of(source));
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ArenaException(String.format(Locale.ROOT, "%s is too large (%,d bytes; a %s is at most %,d"
                        + " bytes, comments included)", what, size, what, MAX_BYTES), Location.of(source));
            }
            return Utf8Text.decode(Files.readAllBytes(file), source, what);
        } catch (IOException e) {
            throw new ArenaException("cannot read " + what + ": " + e.getMessage(), Location.of(source), e);
        }
    }

    /**
     * The single document of {@code text} as a node tree, or null when it has none; {@code nesting} bounds how deep
     * lists and mappings go. Non-standard tags, merge keys and recursive aliases are errors, as is YAML SnakeYAML
     * refuses, each at its line and column.
     */
    public static Node compose(String text, String source, int nesting, String what) {
        if (text.length() > MAX_BYTES) {
            throw new ArenaException(String.format(Locale.ROOT, "%s is too large (%,d characters; a %s is at most %,d,"
                    + " comments included)", what, text.length(), what, MAX_BYTES), Location.of(source));
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(nesting);
        options.setCodePointLimit((int) MAX_BYTES);
        options.setMergeOnCompose(false);
        Tracking parser = new Tracking(new ParserImpl(new StreamReader(text), options));
        Node root;
        try {
            root = new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null) {
                problem = e.getContext() + ": " + problem;
            }
            throw new ArenaException("invalid YAML: " + problem.trim(), m == null ? Location.of(source)
                    : Location.line(source, m.getLine() + 1, m.getColumn() + 1), e);
        } catch (ReaderException e) {
            throw new ArenaException(String.format(Locale.ROOT, "invalid YAML: character U+%04X is not allowed in"
                    + " YAML text", e.getCodePoint()), at(text, source, e.getPosition()), e);
        } catch (YAMLException e) {
            // The composer's own limits carry no mark: where the parser stands is where the limit was reached.
            throw new ArenaException("invalid YAML: " + limit(e.getMessage(), nesting), here(parser, source), e);
        }
        if (root != null) {
            checkTags(source, what, root, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        return root;
    }

    private static String limit(String message, int nesting) {
        if (message.startsWith("Number of aliases")) {
            return "more than " + MAX_ALIASES + " aliases to lists or mappings";
        }
        if (message.startsWith("Nesting Depth exceeded")) {
            return "lists and mappings nested more than " + nesting + " deep";
        }
        return message;
    }

    private static Location here(Tracking parser, String source) {
        if (parser.last == null) {
            return Location.of(source);
        }
        Mark m = parser.last.getStartMark();
        return Location.line(source, m.getLine() + 1, m.getColumn() + 1);
    }

    /** The parser the composer reads, remembering the last event it handed out: the alias or list over a limit. */
    private static final class Tracking implements Parser {
        private final Parser parser;
        private Event last;

        Tracking(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public Event getEvent() {
            last = parser.getEvent();
            return last;
        }
    }

    /** Line and column of the code point at {@code index} (SnakeYAML counts code points). */
    private static Location at(String text, String source, int index) {
        int end = text.offsetByCodePoints(0, Math.min(index, text.codePointCount(0, text.length())));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return Location.line(source, line, text.codePointCount(lineStart, end) + 1);
    }

    /** Rejects explicit non-standard tags (no object construction, ever), merge keys and recursive aliases. */
    private static void checkTags(String source, String what, Node node, Set<Node> path) {
        if (!path.add(node)) {
            throw error(source, node, "recursive YAML alias");
        }
        if (!STANDARD_TAGS.contains(node.getTag())) {
            throw error(source, node, node.getTag().equals(Tag.MERGE) ? "YAML merge keys (<<) are not supported"
                    : "YAML tag '" + node.getTag().getValue() + "' is not allowed in a " + what);
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                checkTags(source, what, t.getKeyNode(), path);
                checkTags(source, what, t.getValueNode(), path);
            }
        } else if (node instanceof SequenceNode s) {
            for (Node n : s.getValue()) {
                checkTags(source, what, n, path);
            }
        }
        path.remove(node);
    }

    private static ArenaException error(String source, Node node, String message) {
        Mark m = node.getStartMark();
        return new ArenaException(message, Location.line(source, m.getLine() + 1, m.getColumn() + 1));
    }
}
