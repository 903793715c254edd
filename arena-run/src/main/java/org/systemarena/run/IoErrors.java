package org.systemarena.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An I/O failure in words for an error line: "permission denied: out/report.html", not
 * "java.nio.file.AccessDeniedException: out/report.html".
 */
public final class IoErrors {
    private IoErrors() {
    }

    /**
     * The failure and its file, which is named as in {@code asGiven} when it is that path or one of its parents
     * (the JDK names them absolute).
     */
    public static String describe(IOException e, Path asGiven) {
        if (!(e instanceof FileSystemException f) || f.getFile() == null) {
            return reason(e);
        }
        String file = f.getFile();
        for (Path p = asGiven; p != null; p = p.getParent()) {
            if (p.toAbsolutePath().normalize().toString().equals(file)) {
                file = p.toString();
                break;
            }
        }
        return reason(e) + ": " + file;
    }

    /** The failure without its file: "permission denied", "not a directory". */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason().toLowerCase(Locale.ROOT) : "cannot access";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
