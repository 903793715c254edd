package org.systemarena.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;
import org.systemarena.datasets.Datasets;

/**
 * The corpus of bad inputs (test resources {@code org/systemarena/cli/corpus}): one folder per case under a folder
 * per kind, each with a {@code case.txt} that reads like a terminal session:
 *
 * <pre>
 * # A misspelt top-level key, with a suggestion.
 * prepare: expand manifest.yaml
 * $ arena validate unknown-top-key
 * error: unknown-top-key/manifest.yaml:17:1: unknown key 'constraint' in the manifest (did you mean ...
 * invalid: 1 problem
 * exit 2
 * </pre>
 *
 * The lines between the command and {@code exit N} are the whole expected stderr. A case folder holds the files
 * that differ from {@code corpus/base} (a small valid workflow): without its own {@code manifest.yaml} or
 * {@code data/} it gets the base's. The command runs in the kind's folder, so paths in messages start with the
 * case's name. {@code prepare:} steps make what a file cannot hold or should not (big, binary or derived inputs):
 * see {@link #prepare}.
 */
final class Corpus {
    /** One case: where it is, how it is prepared and run, and what it must print. */
    record Case(String kind, String name, List<List<String>> steps, List<String> args, List<String> stderr,
                int exit) {
        String id() {
            return kind + "/" + name;
        }

        boolean has(String step) {
            return steps.stream().anyMatch(s -> s.get(0).equals(step));
        }
    }

    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat (\\d+):(.*?)}}", Pattern.DOTALL);

    private Corpus() {
    }

    static Path root() {
        try {
            return Path.of(Corpus.class.getResource("corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Case> cases() throws IOException {
        Path root = root();
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("case.txt")).sorted().toList()) {
                Path dir = file.getParent();
                cases.add(parse(dir.getParent().getFileName().toString(), dir.getFileName().toString(),
                        Files.readAllLines(file, StandardCharsets.UTF_8)));
            }
        }
        return cases;
    }

    static Case parse(String kind, String name, List<String> lines) {
        List<List<String>> steps = new ArrayList<>();
        List<String> args = null;
        List<String> stderr = new ArrayList<>();
        for (String line : lines) {
            if (args == null) {
                if (line.startsWith("prepare:")) {
                    steps.add(List.of(line.substring("prepare:".length()).strip().split(" +")));
                } else if (line.startsWith("$ arena ")) {
                    args = words(line.substring("$ arena ".length()));
                } else if (!line.startsWith("#") && !line.isBlank()) {
                    throw new IllegalArgumentException(kind + "/" + name + ": unexpected line before the command: "
                            + line);
                }
            } else if (line.matches("exit \\d+")) {
                return new Case(kind, name, steps, args, stderr, Integer.parseInt(line.substring(5)));
            } else {
                stderr.add(line);
            }
        }
        throw new IllegalArgumentException(kind + "/" + name + ": case.txt needs '$ arena ...' and 'exit N'");
    }

    /** Words split at spaces; '...' quotes a word that holds spaces or is empty. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(text);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words;
    }

    /** Writes the case's files into {@code kindDir/<name>} and runs its prepare steps; returns that folder. */
    static Path assemble(Case c, Path kindDir) throws IOException {
        Path from = root().resolve(c.kind()).resolve(c.name());
        Path to = kindDir.resolve(c.name());
        copyTree(from, to);
        Files.delete(to.resolve("case.txt"));
        Path base = root().resolve("base");
        if (!Files.exists(to.resolve("manifest.yaml")) && !c.has("no-manifest")) {
            Files.copy(base.resolve("manifest.yaml"), to.resolve("manifest.yaml"));
        }
        if (!Files.exists(to.resolve("data")) && !c.has("no-data")) {
            copyTree(base.resolve("data"), to.resolve("data"));
        }
        for (List<String> step : c.steps()) {
            prepare(to, step);
        }
        return to;
    }

    /**
     * The prepare steps, each on files of the case folder:
     * <ul>
     *   <li>{@code no-manifest}, {@code no-data}: leave out the base's manifest or data;</li>
     *   <li>{@code expand <file>}: each {@code {{repeat N:text}}} in the file becomes N copies of the text;</li>
     *   <li>{@code parquet}: {@code data/events.jsonl} written as {@code data/events.parquet} by
     *       {@link Datasets#writeParquet}, in place of it;</li>
     *   <li>{@code truncate <file> <n>}: the first n bytes of the file are kept (n &lt; 0: the last -n dropped);</li>
     *   <li>{@code footer <column> <field> <value>}: a field of the Parquet footer's metadata of that column chunk
     *       in the first row group ({@code total_compressed_size}, {@code total_uncompressed_size}, {@code num_values},
     *       {@code data_page_offset}) set; {@code footer - num_rows <n>}: the file's and the row group's row count;</li>
 *   <li>{@code schema <column> name|name-only|type|repetition <value>}: the column's schema element in the footer
 *       renamed (with its column chunks, or alone),
 *       given another physical type (a {@code Type} name; its annotation dropped) or repetition;</li>
     *   <li>{@code page <column> <field> <value>}: a field of the first page header of the column's chunk
     *       ({@code compressed_page_size}, {@code uncompressed_page_size}, {@code num_values}) set;</li>
     *   <li>{@code garble <column>}: the bytes of the column's first page after its header overwritten;</li>
     *   <li>{@code compile <dir>}: the {@code .java} files under the folder compiled in place (against this test's
     *       class path), then {@code delete <file>}: a file removed;</li>
     *   <li>{@code read-only <dir>}: the folder made read-only (r-x).</li>
     * </ul>
     */
    static void prepare(Path dir, List<String> step) throws IOException {
        String what = step.get(0);
        switch (what) {
            case "no-manifest", "no-data" -> {
            }
            case "expand" -> {
                Path file = dir.resolve(step.get(1));
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                Matcher m = REPEAT.matcher(text);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(out, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
                }
                Files.writeString(file, m.appendTail(out), StandardCharsets.ISO_8859_1);
            }
            case "parquet" -> {
                Path jsonl = dir.resolve("data/events.jsonl");
                Datasets.writeParquet(Datasets.loadEventLog(jsonl), dir.resolve("data/events.parquet"));
                Files.delete(jsonl);
            }
            case "truncate" -> {
                Path file = dir.resolve(step.get(1));
                byte[] bytes = Files.readAllBytes(file);
                int n = Integer.parseInt(step.get(2));
                Files.write(file, java.util.Arrays.copyOf(bytes, n >= 0 ? n : bytes.length + n));
            }
            case "footer" -> footer(dir.resolve("data/events.parquet"), step.get(1), step.get(2),
                    Long.parseLong(step.get(3)));
            case "schema" -> schema(dir.resolve("data/events.parquet"), step.get(1), step.get(2), step.get(3));
            case "page" -> page(dir.resolve("data/events.parquet"), step.get(1), step.get(2),
                    Integer.parseInt(step.get(3)));
            case "garble" -> garble(dir.resolve("data/events.parquet"), step.get(1));
            case "compile" -> compile(dir.resolve(step.get(1)));
            case "delete" -> Files.delete(dir.resolve(step.get(1)));
            case "read-only" -> Files.setPosixFilePermissions(dir.resolve(step.get(1)),
                    PosixFilePermissions.fromString("r-xr-xr-x"));
            default -> throw new IllegalArgumentException("unknown prepare step " + step);
        }
    }

    private static void footer(Path file, String column, String field, long value) throws IOException {
        rewriteFooter(file, meta -> {
            if (field.equals("num_rows")) {
                meta.setNum_rows(value);
                meta.getRow_groups().get(0).setNum_rows(value);
                return;
            }
            ColumnMetaData c = chunk(meta, column).getMeta_data();
            switch (field) {
                case "total_compressed_size" -> c.setTotal_compressed_size(value);
                case "total_uncompressed_size" -> c.setTotal_uncompressed_size(value);
                case "num_values" -> c.setNum_values(value);
                case "data_page_offset" -> c.setData_page_offset(value);
                default -> throw new IllegalArgumentException("unknown footer field " + field);
            }
        });
    }

    /** The file with its footer (thrift, its length, the magic) rewritten by {@code edit}. */
    private static void rewriteFooter(Path file, java.util.function.Consumer<FileMetaData> edit) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int n = bytes.length;
        int length = ByteBuffer.wrap(bytes, n - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int start = n - 8 - length;
        FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(bytes, start, length));
        edit.accept(meta);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, start);
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        Util.writeFileMetaData(meta, footer);
        out.write(footer.toByteArray());
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
        out.write(new byte[] {'P', 'A', 'R', '1'});
        Files.write(file, out.toByteArray());
    }

    /** A column's schema element in the footer: its name, physical type or repetition rewritten. */
    private static void schema(Path file, String column, String field, String value) throws IOException {
        rewriteFooter(file, meta -> {
            SchemaElement e = meta.getSchema().stream().filter(s -> s.getName().equals(column)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no column " + column));
            switch (field) {
                case "name" -> {
                    e.setName(value);
                    meta.getRow_groups().forEach(g -> g.getColumns().stream()
                            .filter(c -> c.getMeta_data().getPath_in_schema().equals(List.of(column)))
                            .forEach(c -> c.getMeta_data().setPath_in_schema(List.of(value))));
                }
                case "name-only" -> e.setName(value); // the column chunks keep the old path: an inconsistent footer
                case "type" -> {
                    e.setType(org.apache.parquet.format.Type.valueOf(value));
                    e.unsetConverted_type();
                    e.unsetLogicalType();
                    if (value.equals("FIXED_LEN_BYTE_ARRAY")) {
                        e.setType_length(4);
                    }
                }
                case "repetition" -> e.setRepetition_type(FieldRepetitionType.valueOf(value));
                default -> throw new IllegalArgumentException("unknown schema field " + field);
            }
        });
    }

    private static ColumnChunk chunk(FileMetaData meta, String column) {
        return meta.getRow_groups().get(0).getColumns().stream()
                .filter(c -> String.join(".", c.getMeta_data().getPath_in_schema()).equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + column));
    }

    private static FileMetaData meta(byte[] bytes) throws IOException {
        int n = bytes.length;
        int length = ByteBuffer.wrap(bytes, n - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return Util.readFileMetaData(new ByteArrayInputStream(bytes, n - 8 - length, length));
    }

    /** The offset of the column's first page (its dictionary page when it has one). */
    private static int firstPage(FileMetaData meta, String column) {
        ColumnMetaData c = chunk(meta, column).getMeta_data();
        return (int) (c.isSetDictionary_page_offset() && c.getDictionary_page_offset() > 0
                ? c.getDictionary_page_offset() : c.getData_page_offset());
    }

    private static void page(Path file, String column, String field, int value) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start = firstPage(meta(bytes), column);
        ByteArrayInputStream in = new ByteArrayInputStream(bytes, start, bytes.length - start);
        PageHeader h = Util.readPageHeader(in);
        int headerEnd = bytes.length - in.available();
        switch (field) {
            case "compressed_page_size" -> h.setCompressed_page_size(value);
            case "uncompressed_page_size" -> h.setUncompressed_page_size(value);
            case "num_values" -> {
                if (h.isSetDictionary_page_header()) {
                    h.getDictionary_page_header().setNum_values(value);
                } else {
                    h.getData_page_header().setNum_values(value);
                }
            }
            default -> throw new IllegalArgumentException("unknown page header field " + field);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, start);
        Util.writePageHeader(h, out);
        out.write(bytes, headerEnd, bytes.length - headerEnd);
        Files.write(file, out.toByteArray());
    }

    private static void garble(Path file, String column) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start = firstPage(meta(bytes), column);
        ByteArrayInputStream in = new ByteArrayInputStream(bytes, start, bytes.length - start);
        PageHeader h = Util.readPageHeader(in);
        int data = bytes.length - in.available();
        for (int i = 0; i < h.getCompressed_page_size(); i++) {
            bytes[data + i] = (byte) (0xA5 ^ i);
        }
        Files.write(file, bytes);
    }

    private static void compile(Path dir) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", dir.toString(), "-cp",
                System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        if (javac.run(null, null, err, args.toArray(new String[0])) != 0) {
            throw new IllegalStateException("cannot compile " + dir + ": " + err.toString(StandardCharsets.UTF_8));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Assembles cases into a folder to look at or run by hand: {@code Corpus <dest> [kind/name | kind]...}. */
    public static void main(String[] args) throws IOException {
        Path dest = Path.of(args[0]);
        for (Case c : cases()) {
            boolean wanted = args.length == 1;
            for (int i = 1; i < args.length; i++) {
                wanted |= c.id().equals(args[i]) || c.kind().equals(args[i]);
            }
            if (wanted) {
                System.out.println(c.id() + "\t" + String.join("\u0001", c.args()) + "\t" + assemble(c,
                        dest.resolve(c.kind())));
            }
        }
    }
}
