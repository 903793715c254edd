package org.systemarena.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.systemarena.core.ArenaException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code arena} command: validate, info, run, compare, report, init, generate-completion. Exit codes: 0 ok,
 * 1 violations over {@code --max-violations}, 2 usage or input errors, 3 internal errors (a bug). Errors print as
 * one line each ({@code error: ...}); stack traces only with {@code --verbose}.
 */
@Command(name = "arena", mixinStandardHelpOptions = true, versionProvider = ArenaCli.VersionProvider.class,
        description = "Replay a workflow's event log against policies and evaluate them (docs/cli.md).",
        subcommands = {ValidateCommand.class, InfoCommand.class, RunCommand.class, CompareCommand.class,
                ReportCommand.class, TracesCommand.class, InitCommand.class,
                AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:a candidate policy has more violations than --max-violations, or its verdict"
                + " does not meet --require",
                "2:usage or input error (bad option, file, manifest, data or policy)",
                "3:internal error (a bug; rerun with --verbose for the stack trace)",
                "4:--require: a verdict is inconclusive (the log cannot tell)"})
public final class ArenaCli implements Runnable {
    public static final int OK = 0;
    public static final int VIOLATIONS = 1;
    public static final int INPUT_ERROR = 2;
    public static final int INTERNAL_ERROR = 3;
    /** {@code run --require}: some candidate's verdict is inconclusive (and none failed outright). */
    public static final int INCONCLUSIVE = 4;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More detail, info logging, and stack traces with errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Only errors and the final result line; no progress bar.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Logging.configure(List.of(args).contains("-v") || List.of(args).contains("--verbose"));
        System.exit(commandLine().execute(args));
    }

    /** A configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ArenaCli());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(ArenaCli::handle);
        cl.setParameterExceptionHandler(ArenaCli::usageError);
        cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return cl;
    }

    /** Runs a command line with the given writers; the exit code as {@link #main} would return it. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        Logging.configure(false);
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return INPUT_ERROR;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        ArenaCli root = cl.getCommandSpec().root().userObject() instanceof ArenaCli a ? a : null;
        boolean verbose = root != null && root.verbose;
        int code;
        if (e instanceof ArenaException || e instanceof UncheckedIOException
                || e instanceof CommandLine.ParameterException) {
            Errors.print(err, e);
            code = INPUT_ERROR;
        } else {
            err.println("internal error: " + e + (verbose ? "" : " (rerun with --verbose for the stack trace)"));
            code = INTERNAL_ERROR;
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"arena " + Version.get()};
        }
    }
}
