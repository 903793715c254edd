package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.run.TraceFormat;
import picocli.CommandLine;

class ArenaCliTest {
    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = Cli.run();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).contains("error: a command is required");
    }

    @Test
    void unknownOptionIsAUsageErrorOnOneLine() {
        Cli.Result r = Cli.run("run", "--bogus", "x");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines().get(0)).isEqualTo("error: Unknown option: '--bogus'");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownCommandSuggestsTheClosest() {
        Cli.Result r = Cli.run("valdate", "x");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("error: Unmatched arguments from index 0: 'valdate', 'x'")
                .contains("validate");
    }

    @Test
    void versionIsThisBuilds() {
        Cli.Result r = Cli.run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("arena " + Version.get());
        assertThat(Version.get()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.exit()).isZero();
        for (String c : List.of("validate", "info", "run", "compare", "report", "init", "generate-completion")) {
            assertThat(r.out()).containsPattern("(?m)^\\s+" + c + "\\b");
        }
        assertThat(r.out()).contains("Exit codes:").containsPattern("(?m)^\\s+1\\s+a candidate policy has more")
                .containsPattern("(?m)^\\s+2\\s+usage or input error");
    }

    /** Parses as {@link ArenaCli#commandLine} configures it (enum values such as --traces' in lower case). */
    private static CommandLine parser(Object command) {
        return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Test
    void runOptionsParse() {
        RunCommand run = new RunCommand();
        parser(run).parseArgs("wf", "-p", "random", "--policy", "rules:r.yaml", "-b", "historical",
                "--out", "o", "--threads", "4", "--seed", "7", "--max-decision-points", "100", "--fail-fast",
                "--timeout-ms", "250", "--max-violations", "3", "--violation-severity", "warning", "-cp",
                "a" + java.io.File.pathSeparator + "b", "--traces", "jsonl");
        assertThat(run.workflowDir).isEqualTo(Path.of("wf"));
        assertThat(run.policies).containsExactly("random", "rules:r.yaml");
        assertThat(run.baselines).containsExactly("historical");
        assertThat(run.out).isEqualTo(Path.of("o"));
        assertThat(run.threads).isEqualTo(4);
        assertThat(run.seed).isEqualTo(7);
        assertThat(run.maxDecisionPoints).isEqualTo(100);
        assertThat(run.failFast).isTrue();
        assertThat(run.timeoutMs).isEqualTo(250);
        assertThat(run.maxViolations).isEqualTo(3);
        assertThat(run.violationSeverity).isEqualTo("warning");
        assertThat(run.classPath).containsExactly(Path.of("a"), Path.of("b"));
        assertThat(run.traces).isEqualTo(TraceFormat.JSONL);
    }

    @Test
    void runDefaults() {
        RunCommand run = new RunCommand();
        parser(run).parseArgs("wf");
        assertThat(run.policies).isEmpty();
        assertThat(run.baselines).isEmpty();
        assertThat(run.out).isNull();
        assertThat(run.traces).isEqualTo(TraceFormat.NONE);
        assertThat(run.threads).isEqualTo(1);
        assertThat(run.seed).isEqualTo(42);
        assertThat(run.maxDecisionPoints).isZero();
        assertThat(run.failFast).isFalse();
        assertThat(run.timeoutMs).isNull();
        assertThat(run.maxViolations).isNull();
        assertThat(run.violationSeverity).isEqualTo("violation");
    }

    @Test
    void inheritedVerboseAndQuietReachTheRoot() {
        CommandLine cl = ArenaCli.commandLine();
        cl.parseArgs("run", "wf", "--quiet", "-v");
        ArenaCli root = cl.getCommand();
        assertThat(root.quiet).isTrue();
        assertThat(root.verbose).isTrue();
    }

    @Test
    void notANumberIsAUsageError() {
        Cli.Result r = Cli.run("run", "wf", "--threads", "many");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("error: Invalid value for option '--threads': 'many' is not an int");
    }

    @Test
    void completionScriptCoversTheCommands() {
        Cli.Result r = Cli.run("generate-completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F _complete_arena").contains("validate").contains("compare")
                .contains("--max-violations");
    }
}
