package org.systemarena.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.core.EventLog;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.synthetic.GeneratorMarker;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.run.IoErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code arena init <dir>}: scaffold a workflow repository that builds and tests on its own. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Scaffold a new workflow repository.",
                "Writes manifest.yaml, data/events.parquet (synthetic leads) with data/generator.json (which says they"
                        + " are the generator's), policies/FollowUpPolicy.java, a pom.xml importing arena-bom (this"
                        + " build's version) and a JUnit test that replays the data with BenchmarkRunner. The"
                        + " directory must not exist or be empty."})
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<dir>")
    Path dir;

    @Option(names = "--name", paramLabel = "<name>", description = "Workflow and artifact name (default: the"
            + " directory name).")
    String name;

    @Option(names = "--cases", paramLabel = "<n>", defaultValue = "60",
            description = "Synthetic leads in data/events.parquet (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--seed", paramLabel = "<seed>", defaultValue = "42",
            description = "Seed of the synthetic data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (cases < 1 || cases > 1_000_000) {
            throw new ArenaException("--cases must be between 1 and 1,000,000, got " + cases);
        }
        checkEmpty(dir);
        String workflowName = name != null ? name : dir.toAbsolutePath().normalize().getFileName().toString();
        if (!workflowName.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ArenaException("workflow name '" + workflowName + "' must be letters, digits, '.', '_' or '-'"
                    + " (it is also the Maven artifactId); choose one with --name");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NAME", workflowName);
        values.put("CASES", Integer.toString(cases));
        values.put("SEED", Long.toString(seed));
        values.put("ARENA_VERSION", Version.get());
        values.put("JUNIT_VERSION", Version.property("junit"));
        values.put("SLF4J_VERSION", Version.property("slf4j"));
        pluginVersions().forEach(values::put);

        write(dir.resolve("manifest.yaml"), template("manifest.yaml", values));
        write(dir.resolve("pom.xml"), template("pom.xml", values));
        write(dir.resolve("README.md"), template("README.md", values));
        write(dir.resolve(".gitignore"), template("gitignore", values));
        write(dir.resolve("policies/FollowUpPolicy.java"), template("FollowUpPolicy.java", values));
        write(dir.resolve("src/test/java/FollowUpPolicyTest.java"), template("FollowUpPolicyTest.java", values));
        write(dir.resolve("src/test/resources/simplelogger.properties"), template("simplelogger.properties", values));
        LeadFollowupConfig config = LeadFollowupConfig.of(cases, seed);
        EventLog log = LeadFollowupGenerator.generate(config);
        Path data = dir.resolve("data/events.parquet");
        mkdirs(data.getParent());
        Datasets.writeParquet(log, data);
        // Lets tools know the log is the generator's, and so that its policies' true conversion is known.
        GeneratorMarker.writeBeside(data.getParent(), config, log);

        out.printf(Locale.ROOT, "Created workflow '%s' in %s:%n", workflowName, dir);
        for (String f : new String[] {"manifest.yaml", "data/events.parquet", "data/generator.json",
            "policies/FollowUpPolicy.java",
                "src/test/java/FollowUpPolicyTest.java", "pom.xml", "README.md", ".gitignore"}) {
            out.println("  " + f);
        }
        out.printf(Locale.ROOT, "data: %,d events, %,d leads (seed %d); arena version %s%n", log.size(),
                log.caseCount(), seed, Version.get());
        out.println("Next: cd " + dir + " && mvn verify   (needs System Arena " + Version.get()
                + " in your Maven repository)");
        return ArenaCli.OK;
    }

    private static void checkEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new ArenaException("exists and is not a directory", Location.of(dir.toString()));
        }
        try (Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isPresent()) {
                throw new ArenaException("directory is not empty; init only writes into a new or empty directory",
                        Location.of(dir.toString()));
            }
        } catch (IOException e) {
            throw new ArenaException("cannot list the directory (" + IoErrors.describe(e, dir) + ")",
                    Location.of(dir.toString()), e);
        }
    }

    static Map<String, String> pluginVersions() {
        Properties p = new Properties();
        try (InputStream in = InitCommand.class.getResourceAsStream("init/plugins.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    static String template(String name, Map<String, String> values) {
        String text;
        try (InputStream in = InitCommand.class.getResourceAsStream("init/" + name)) {
            if (in == null) {
                throw new IllegalStateException("template init/" + name + " is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("@@" + e.getKey() + "@@", e.getValue());
        }
        int left = text.indexOf("@@");
        if (left >= 0) {
            throw new IllegalStateException("template init/" + name + " has an unknown placeholder at " + left);
        }
        return text;
    }

    private static void write(Path file, String text) {
        mkdirs(file.toAbsolutePath().getParent());
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ArenaException("cannot write the file (" + IoErrors.describe(e, file) + ")",
                    Location.of(file.toString()), e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ArenaException("cannot create the directory (" + IoErrors.describe(e, dir) + ")",
                    Location.of(dir.toString()), e);
        }
    }
}
