package org.systemarena.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.systemarena.core.ArenaException;
import org.systemarena.eval.report.HtmlReport;
import org.systemarena.eval.report.MarkdownReport;
import org.systemarena.eval.report.ReportDocument;
import org.systemarena.eval.report.ReportReader;
import org.systemarena.run.IoErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code arena report <results.json>}: re-render the HTML (or Markdown) report from a results file. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render the report of a results.json again.",
                "Writes report.html (or report.md with --format markdown) beside the JSON, or where -o says, and"
                        + " prints the path written."})
final class ReportCommand implements Callable<Integer> {
    enum Format { HTML, MARKDOWN }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<results.json>")
    Path results;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>", description = "Where to write the report.")
    Path output;

    @Option(names = {"-f", "--format"}, paramLabel = "<format>", defaultValue = "html",
            description = "html or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ReportDocument doc = ReportReader.read(results);
        String text = format == Format.HTML ? HtmlReport.render(doc) : MarkdownReport.render(doc);
        Path target = output != null ? output : results.toAbsolutePath().resolveSibling(
                format == Format.HTML ? "report.html" : "report.md");
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ArenaException("cannot write the report (" + IoErrors.describe(e, target) + ")",
                    ArenaException.Location.of(target.toString()), e);
        }
        out.println((format == Format.HTML ? "HTML" : "Markdown") + " report: " + target.toAbsolutePath().normalize());
        return ArenaCli.OK;
    }
}
