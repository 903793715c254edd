package org.systemarena.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;

/** An input with no content at all is a mistake (a truncated export, a wrong path), not an empty log. */
public final class EmptyFiles {
    private EmptyFiles() {
    }

    /**
     * Throws when the file has no bytes or only white space (ASCII, with the zero bytes and byte order marks of UTF-16
     * and UTF-32). Read a block at a time: a gigabyte of blank lines is no reason to hold a gigabyte.
     */
    public static void check(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] block = new byte[1 << 16];
            for (int n; (n = in.read(block)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (!blank(block[i])) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            throw new ArenaException("cannot read " + file + ": " + e.getMessage(), e);
        }
        throw new ArenaException("file is empty", Location.of(file.toString()));
    }

    private static boolean blank(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0x0B || b == 0x0C || b == 0
                || b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF || b == (byte) 0xFE || b == (byte) 0xFF;
    }
}
