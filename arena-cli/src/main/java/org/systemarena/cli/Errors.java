package org.systemarena.cli;

import java.io.PrintWriter;

/** Prints an error as {@code error: <message>}; a message listing several problems prints one line per problem. */
final class Errors {
    private Errors() {
    }

    static void print(PrintWriter err, Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String[] lines = message.strip().split("\\R");
        err.println("error: " + lines[0]);
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                err.println("  " + lines[i].strip());
            }
        }
    }
}
