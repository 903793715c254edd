package org.systemarena.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.replay.TraceReader;
import org.systemarena.run.RunFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code arena traces <run-folder>}: print a run's Parquet decision traces as JSON Lines. */
@Command(name = "traces", mixinStandardHelpOptions = true,
        description = {"Print a run's decision traces as JSON Lines, one decision point per line in replay order.",
                "<path> is a run's output folder (with --policy when it holds several policies' traces) or a"
                        + " traces-<policy>.parquet file. The lines are those 'arena run --traces jsonl' writes."})
final class TracesCommand implements Callable<Integer> {
    private static final String PREFIX = "traces-";
    private static final String PARQUET = ".parquet";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<path>", description = "A run's output folder or a traces file.")
    Path path;

    @Option(names = {"-p", "--policy"}, paramLabel = "<name>",
            description = "The policy whose traces to print (its name as in the report, or as in the file name).")
    String policy;

    @Option(names = "--case", paramLabel = "<id>", description = "Only the decision points of this case.")
    String caseId;

    @Option(names = "--decision", paramLabel = "<id>", description = "Only this decision point (<event_id>/<rule>).")
    String decisionId;

    @Option(names = "--limit", paramLabel = "<n>", defaultValue = "0",
            description = "Print at most <n> lines (0 = all).")
    long limit;

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new ArenaException("--limit must be 0 (all) or more, got " + limit);
        }
        Path file = Files.isDirectory(path) ? inFolder(path) : path;
        if (file.getFileName().toString().endsWith(".jsonl")) {
            throw new ArenaException("these traces are JSON Lines already (written with --traces jsonl): read them"
                    + " directly, e.g. with grep or jq", Location.of(file.toString()));
        }
        TraceReader.Query query = new TraceReader.Query(caseId, decisionId, limit == 0 ? Long.MAX_VALUE : limit);
        PrintWriter out = spec.commandLine().getOut();
        long rows = TraceReader.writeJsonl(file, query, out);
        out.flush();
        if (rows == 0 && (caseId != null || decisionId != null)) {
            spec.commandLine().getErr().println("No decision point " + (decisionId != null ? "'" + decisionId + "'"
                    : "of case '" + caseId + "'") + (decisionId != null && caseId != null ? " in case '" + caseId
                    + "'" : "") + " in " + file + ".");
        }
        return ArenaCli.OK;
    }

    private Path inFolder(Path dir) {
        List<String> stems = new ArrayList<>();
        boolean jsonl = false;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(PARQUET)) {
                    stems.add(name.substring(PREFIX.length(), name.length() - PARQUET.length()));
                } else if (name.endsWith(".jsonl")) {
                    jsonl = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e, e);
        }
        stems.sort(null);
        if (stems.isEmpty()) {
            throw new ArenaException(jsonl ? "this run wrote its traces as JSON Lines (--traces jsonl): read the"
                    + " traces-<policy>.jsonl files directly" : "no traces in this folder (was it a run's output, made"
                    + " with --traces none?)", Location.of(dir.toString()));
        }
        if (policy == null) {
            if (stems.size() == 1) {
                return dir.resolve(PREFIX + stems.get(0) + PARQUET);
            }
            throw new ArenaException("the folder holds traces of " + stems.size() + " policies: choose one with"
                    + " --policy (" + String.join(", ", stems) + ")", Location.of(dir.toString()));
        }
        for (String stem : List.of(policy, RunFiles.fileSafe(policy))) {
            if (stems.contains(stem)) {
                return dir.resolve(PREFIX + stem + PARQUET);
            }
        }
        throw new ArenaException("no traces of policy '" + policy + "' here; the folder holds " + String.join(", ",
                stems), Location.of(dir.toString()));
    }
}
