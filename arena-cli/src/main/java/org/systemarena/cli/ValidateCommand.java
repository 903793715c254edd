package org.systemarena.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.decision.DecisionPoint;
import org.systemarena.decision.DecisionPointExtractor;
import org.systemarena.decision.RuleCounts;
import org.systemarena.decision.UndeclaredActions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code arena validate <workflow-dir>}: loads the manifest and the log, checks every manifest expression against
 * the log, and extracts the decision points, counting them per rule. Every problem is listed; exit 2 when any.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a workflow's manifest against its data.",
                "The manifest and the log must load, every condition and constraint rule may only use names the log"
                        + " provides, and conditions must evaluate without errors. Prints decision points per rule;"
                        + " exits 2 with every problem listed when something is wrong."})
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    ArenaCli root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<workflow-dir>", description = "Directory with manifest.yaml and data/.")
    Path workflowDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean progress = Progress.enabled(root.quiet);
        Manifest manifest;
        Workflow workflow;
        try {
            manifest = Datasets.loadManifest(workflowDir.resolve("manifest.yaml"));
            workflow = Workflows.load(workflowDir, progress, err);
        } catch (ArenaException e) {
            return fail(err, List.of(e.getMessage()));
        }
        EventLog log = workflow.log();
        long conditions = manifest.decisionPoints().stream()
                .filter(d -> d.condition() != null && !d.condition().isBlank()).count();
        out.printf(Locale.ROOT, "manifest: %s (%s%s): %s, %s, %s%n", manifest.source(), manifest.name(),
                manifest.version() == null ? "" : " " + manifest.version(),
                count(manifest.decisionPoints().size(), "decision point rule"),
                count(manifest.allowedActions().size(), "action"), count(manifest.constraints().size(), "constraint"));
        Path logFile = Workflows.logFile(workflowDir);
        out.printf(Locale.ROOT, "log: %s: %,d events in %,d cases%n", logFile, log.size(), log.caseCount());

        List<String> problems = new ArrayList<>(DecisionPointExtractor.check(manifest, log, List.of()));
        if (!problems.isEmpty()) {
            return fail(err, problems);
        }
        out.printf(Locale.ROOT, "expressions: %d condition%s and %d constraint rule%s use only known names%n",
                conditions, conditions == 1 ? "" : "s", manifest.constraints().size(),
                manifest.constraints().size() == 1 ? "" : "s");

        DecisionPointExtractor extractor = DecisionPointExtractor.of(manifest, log);
        long[] logged = new long[3];
        UndeclaredActions undeclared = new UndeclaredActions();
        List<RuleCounts> counts;
        try (Progress p = Progress.of(progress, err, "extracting decision points")) {
            counts = extractor.forEachCase(c -> {
                for (DecisionPoint dp : c.points()) {
                    logged[0]++;
                    logged[1] += dp.loggedAction() != null ? 1 : 0;
                    logged[2] += dp.loggedPropensity() != null ? 1 : 0;
                    undeclared.add(dp.rule(), dp.loggedAction(), dp.allowedActions());
                }
            });
        } catch (ArenaException e) {
            // A label of the log (a logged distribution) that is not what the manifest says: a problem like the others.
            return fail(err, List.of(e.getMessage()));
        }
        out.println("decision points:");
        Table t = new Table("rule", "trigger", "trigger matches", "decision points", "condition false", "errors");
        for (int i = 0; i < counts.size(); i++) {
            RuleCounts c = counts.get(i);
            DecisionPointSpec d = manifest.decisionPoints().get(i);
            t.row(c.rule(), d.trigger(), fmt(c.triggerMatches()), fmt(c.decisionPoints()), fmt(c.conditionFalse()),
                    fmt(c.errors()));
            if (c.errors() > 0) {
                problems.add(String.format(Locale.ROOT, "%s: decision point '%s' condition failed to evaluate %,d"
                        + " time%s: %s", d.conditionPosition(), c.rule(), c.errors(), c.errors() == 1 ? "" : "s",
                        String.join("; ", c.errorMessages())));
            }
        }
        t.print(out, "  ");
        out.printf(Locale.ROOT, "logged actions: %,d of %,d decision points have one (%,d with a propensity)%n",
                logged[1], logged[0], logged[2]);
        for (int i = 0; i < counts.size(); i++) {
            if (counts.get(i).triggerMatches() == 0) {
                err.printf("warning: decision point '%s': no event of the log has event type or activity '%s'%n",
                        counts.get(i).rule(), manifest.decisionPoints().get(i).trigger());
            }
        }
        if (logged[0] == 0) {
            err.println("warning: the log has no decision point: a run would have nothing to evaluate");
        }
        undeclared.warnings().forEach(w -> err.println("warning: " + w));
        if (!problems.isEmpty()) {
            return fail(err, problems);
        }
        out.println("valid: " + workflowDir);
        return ArenaCli.OK;
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static int fail(PrintWriter err, List<String> problems) {
        for (String p : problems) {
            Errors.print(err, new ArenaException(p));
        }
        err.printf("invalid: %d problem%s%n", problems.size(), problems.size() == 1 ? "" : "s");
        err.flush();
        return ArenaCli.INPUT_ERROR;
    }
}
