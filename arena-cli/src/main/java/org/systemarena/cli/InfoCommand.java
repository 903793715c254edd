package org.systemarena.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.EventLog;
import org.systemarena.core.ObjectRefTable;
import org.systemarena.core.StringColumn;
import org.systemarena.core.ValueKind;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.OutcomeSpec;
import org.systemarena.datasets.Datasets;
import org.systemarena.decision.CaseOutcomes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code arena info <workflow-dir|log-file>}: what is in a log. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Describe an event log.",
                "Cases, events, time range, event types and activities with counts, object types, payload"
                        + " columns with their value types, and cases per manifest outcome. A log file inside <dir>/data/ is read with"
                        + " <dir>/manifest.yaml's column mapping; otherwise with --manifest or the default columns."})
final class InfoCommand implements Callable<Integer> {
    @ParentCommand
    ArenaCli root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<workflow-dir|log-file>", description = "A workflow directory or a log"
            + " file (.parquet, .jsonl, .ndjson, .json, .csv).")
    Path input;

    @Option(names = {"-m", "--manifest"}, paramLabel = "<manifest.yaml>",
            description = "Manifest whose case section maps the log's columns.")
    Path manifestFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean progress = Progress.enabled(root.quiet);
        EventLog log;
        Path file;
        Manifest outcomes = null;
        if (Files.isDirectory(input)) {
            var workflow = Workflows.load(input, progress, err);
            log = workflow.log();
            file = Workflows.logFile(input);
            outcomes = workflow.manifest();
        } else {
            file = input;
            Manifest manifest = null;
            Path beside = input.toAbsolutePath().getParent() == null ? null
                    : input.toAbsolutePath().getParent().resolveSibling("manifest.yaml");
            if (manifestFile != null) {
                manifest = Datasets.loadManifest(manifestFile);
            } else if (beside != null && input.toAbsolutePath().getParent().getFileName() != null
                    && input.toAbsolutePath().getParent().getFileName().toString().equals("data")
                    && Files.isRegularFile(beside)) {
                manifest = Datasets.loadManifest(beside);
            }
            Manifest m = manifest;
            try (Progress p = Progress.of(progress, err, "loading " + input + " (" + Workflows.size(input) + ")")) {
                log = Datasets.loadEventLog(input, m);
            }
            outcomes = m;
        }
        print(out, file, log);
        if (outcomes != null && !outcomes.outcomes().allNames().isEmpty()) {
            outcomes(out, CaseOutcomes.of(log, outcomes.outcomes()), outcomes.outcomes());
        }
        return ArenaCli.OK;
    }

    static void print(PrintWriter out, Path file, EventLog log) {
        out.println("log: " + file);
        out.printf(Locale.ROOT, "cases: %,d%n", log.caseCount());
        out.printf(Locale.ROOT, "events: %,d%n", log.size());
        log.timeRange().ifPresentOrElse(r -> out.printf(Locale.ROOT, "time range: %s .. %s (%s)%n", r.start(),
                r.end(), days(Duration.between(r.start(), r.end()))), () -> out.println("time range: (empty log)"));
        if (log.caseCount() > 0) {
            int[] lengths = new int[log.caseCount()];
            for (int c = 0; c < lengths.length; c++) {
                lengths[c] = log.caseEnd(c) - log.caseStart(c);
            }
            java.util.Arrays.sort(lengths);
            out.printf(Locale.ROOT, "events per case: min %,d, median %,d, max %,d%n", lengths[0],
                    lengths[(lengths.length - 1) / 2], lengths[lengths.length - 1]);
        }
        counts(out, "event types", column(log.eventTypeColumn(), log.size()));
        counts(out, "activities", column(log.activityColumn(), log.size()));
        objectTypes(out, log.objectRefs());
        payload(out, log.payload());
    }

    /** Cases per manifest outcome, as the replay labels them (each case's last matching event). */
    private static void outcomes(PrintWriter out, CaseOutcomes cases, OutcomeSpec spec) {
        Map<String, Long> counts = cases.counts();
        out.printf(Locale.ROOT, "outcomes (%d in the manifest; each case's last matching event):%n",
                counts.size() - 1);
        Table t = new Table("outcome", "category", "cases");
        counts.forEach((name, n) -> t.row(name == null ? "(none)" : name, name == null ? "unknown"
                : spec.categoryOf(name).name().toLowerCase(Locale.ROOT), String.format(Locale.ROOT, "%,d", n)));
        t.print(out, "  ");
    }

    private static String days(Duration d) {
        return String.format(Locale.ROOT, "%.1f days", d.toMillis() / 86_400_000.0);
    }

    private static Map<String, Long> column(StringColumn column, int rows) {
        long[] n = new long[column.dictionary().size()];
        for (int r = 0; r < rows; r++) {
            int code = column.code(r);
            if (code >= 0) {
                n[code]++;
            }
        }
        Map<String, Long> m = new TreeMap<>();
        for (int code = 0; code < n.length; code++) {
            if (n[code] > 0) {
                m.put(column.dictionary().value(code), n[code]);
            }
        }
        return m;
    }

    private static void counts(PrintWriter out, String title, Map<String, Long> counts) {
        out.printf(Locale.ROOT, "%s (%d):%n", title, counts.size());
        Table t = new Table(title.equals("event types") ? "event type" : "activity", "events");
        counts.forEach((k, v) -> t.row(k, String.format(Locale.ROOT, "%,d", v)));
        t.print(out, "  ");
    }

    private static void objectTypes(PrintWriter out, ObjectRefTable refs) {
        int types = refs.typeDictionary().size();
        long[] references = new long[types];
        List<TreeSet<Integer>> ids = new ArrayList<>();
        for (int t = 0; t < types; t++) {
            ids.add(new TreeSet<>());
        }
        for (int e = 0; e < refs.entryCount(); e++) {
            references[refs.typeCode(e)]++;
            ids.get(refs.typeCode(e)).add(refs.idCode(e));
        }
        Map<String, Integer> order = new TreeMap<>();
        for (int t = 0; t < types; t++) {
            if (references[t] > 0) {
                order.put(refs.typeDictionary().value(t), t);
            }
        }
        out.printf(Locale.ROOT, "object types (%d):%n", order.size());
        if (order.isEmpty()) {
            return;
        }
        Table table = new Table("object type", "references", "objects");
        order.forEach((name, t) -> table.row(name, String.format(Locale.ROOT, "%,d", references[t]),
                String.format(Locale.ROOT, "%,d", ids.get(t).size())));
        table.print(out, "  ");
    }

    private static void payload(PrintWriter out, AttributeTable payload) {
        int keys = payload.keyDictionary().size();
        long[] present = new long[keys];
        boolean[][] kinds = new boolean[keys][ValueKind.values().length];
        for (int e = 0; e < payload.entryCount(); e++) {
            int k = payload.keyCode(e);
            present[k]++;
            kinds[k][payload.kindCode(e)] = true;
        }
        Map<String, Integer> order = new TreeMap<>();
        for (int k = 0; k < keys; k++) {
            if (present[k] > 0) {
                order.put(payload.keyDictionary().value(k), k);
            }
        }
        out.printf(Locale.ROOT, "payload columns (%d):%n", order.size());
        if (order.isEmpty()) {
            return;
        }
        Table table = new Table("column", "types", "events");
        order.forEach((name, k) -> {
            List<String> types = new ArrayList<>();
            for (ValueKind kind : ValueKind.values()) {
                if (kinds[k][kind.code()]) {
                    types.add(kind.name().toLowerCase(Locale.ROOT));
                }
            }
            table.row(name, String.join("|", types), String.format(Locale.ROOT, "%,d", present[k]));
        });
        table.print(out, "  ");
    }
}
