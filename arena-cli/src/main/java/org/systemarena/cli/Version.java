package org.systemarena.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This build's version (the Maven project version, filtered into {@code version.properties}). */
final class Version {
    private Version() {
    }

    static String get() {
        return org.systemarena.run.Version.get();
    }

    /** A version this build was made with: {@code version}, {@code junit} or {@code slf4j}. */
    static String property(String key) {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the arena-cli jar");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty(key);
            if (v == null || v.startsWith("${")) {
                throw new IllegalStateException("version.properties was not filtered: " + key + "=" + v);
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
