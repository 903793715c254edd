package org.systemarena.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.eval.Provenance;

/** The files a run read, each with its size and SHA-256, named so that the same inputs give the same names. */
final class InputFiles {
    private InputFiles() {
    }

    /** {@code file} named relative to {@code workflowDir} when it is inside it, else as given. */
    static Provenance.InputFile of(Path workflowDir, Path file, String role) {
        Path base = workflowDir.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        String name = abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : file.toString();
        return new Provenance.InputFile(name, role, size(file), sha256(file));
    }

    static String sha256(Path file) {
        MessageDigest digest = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ArenaException("cannot read an input to record its hash (" + IoErrors.describe(e, file) + ")",
                    Location.of(file.toString()), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ArenaException("cannot read an input's size (" + IoErrors.describe(e, file) + ")",
                    Location.of(file.toString()), e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
