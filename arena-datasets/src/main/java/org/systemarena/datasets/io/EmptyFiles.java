package org.systemarena.datasets.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;

/** An input with no content at all is a mistake (a truncated export, a wrong path), not an empty log. */
final class EmptyFiles {
    private EmptyFiles() {
    }

    /** Throws when the file has no bytes or only whitespace. */
    static void check(Path file) {
        try {
            if (Files.size(file) == 0 || Files.readString(file).isBlank()) {
                throw new ArenaException("file is empty", Location.of(file.toString()));
            }
        } catch (IOException e) {
            throw new ArenaException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
