package org.systemarena.agents;

import java.util.ArrayList;
import java.util.List;
import org.systemarena.core.ArenaException;

/**
 * Splits a worker's command line into arguments the way a POSIX shell splits words, without running a shell:
 * whitespace separates, single quotes keep everything literally, double quotes keep whitespace and allow
 * {@code \"} and {@code \\}, and a backslash outside quotes escapes the next character. No expansion of variables,
 * globs or redirections happens.
 */
final class CommandLine {
    private CommandLine() {
    }

    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < command.length() && (command.charAt(i + 1) == '"'
                        || command.charAt(i + 1) == '\\')) {
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < command.length()) {
                word.append(command.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new ArenaException("worker command has an unclosed " + (quote == '\'' ? "single" : "double")
                    + " quote: " + command);
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new ArenaException("worker command is empty");
        }
        return List.copyOf(words);
    }
}
