package org.systemarena.core.manifest;

import java.util.Locale;
import org.systemarena.core.ArenaException;

/** Constraint severities, in increasing order; {@code VIOLATION} and above count in the violation rate. */
public enum Severity {
    WARNING, VIOLATION, CRITICAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.label().equals(text)) {
                return s;
            }
        }
        throw new ArenaException("unknown severity '" + text + "' (expected warning, violation or critical)");
    }
}
