package org.systemarena.datasets.io;

import org.systemarena.core.ArenaException;

/** Builds an error that points at the input place currently being read (file, row or line, column, value). */
@FunctionalInterface
public interface Locator {
    ArenaException error(String message, String column, String value);
}
