package org.systemarena.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.systemarena.core.ExampleDir;

/** Runs the command line in-process with captured output, and finds the bundled example. */
final class Cli {
    static final Path EXAMPLE = ExampleDir.DIR;

    /** Exit code and captured output of one command. */
    record Result(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        /** Output lines with surrounding spaces removed and inner runs of spaces made one, for table rows. */
        List<String> rows() {
            return out.lines().map(l -> l.strip().replaceAll("\\s+", " ")).toList();
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ArenaCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }
}
