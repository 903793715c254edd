package org.systemarena.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This build's version (the Maven project version, filtered into {@code version.properties}). */
public final class Version {
    private Version() {
    }

    /** The version of System Arena this library belongs to, e.g. {@code 0.1.0}. */
    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the arena-run jar");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            if (v == null || v.startsWith("${")) {
                throw new IllegalStateException("version.properties was not filtered: version=" + v);
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
