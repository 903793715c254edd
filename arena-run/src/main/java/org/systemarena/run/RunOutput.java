package org.systemarena.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;

/**
 * The output folder of a {@link Run} ({@code arena run}), written so that it never mixes runs: the files a run writes are cleared when
 * it starts (only those: other files in the folder are left alone), the new ones are written to a staging folder
 * beside it and moved in when the run has succeeded, results.json last. So a results.json in the folder is always a
 * completed run's, and one that fails leaves no results that look like its own.
 */
final class RunOutput {
    static final String RESULTS = "results.json";
    static final String HTML = "report.html";
    static final String MARKDOWN = "report.md";
    static final String RUN_INFO = "run-info.json";
    private static final String STAGING_PREFIX = ".arena-run-";

    private final Path dir;
    private final Path staging;
    private final List<String> files = new ArrayList<>();

    private RunOutput(Path dir, Path staging) {
        this.dir = dir;
        this.staging = staging;
    }

    /** Removes an earlier run's files (results.json, the reports, the traces) from {@code dir}, if it exists. */
    static void clear(Path dir) {
        if (!Files.isDirectory(dir)) {
            if (Files.exists(dir)) {
                throw new ArenaException("the output folder exists and is not a folder", Location.of(dir.toString()));
            }
            return;
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, RunOutput::ownFile)) {
            for (Path f : old) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new ArenaException("cannot clear the last run's results from the output folder ("
                    + IoErrors.describe(e, dir) + ")", Location.of(dir.toString()), e);
        }
    }

    /**
     * Creates the folder and tries a file in it and the staging folder beside it, so that an output the run cannot
     * write is an error before the replay rather than after it.
     */
    static void check(Path dir) {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new ArenaException("cannot create the output folder: " + p + " is a file, not a folder",
                        Location.of(dir.toString()));
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ArenaException("cannot create the output folder (" + IoErrors.describe(e, dir) + ")",
                    Location.of(dir.toString()), e);
        }
        try {
            Files.delete(Files.createTempFile(dir, STAGING_PREFIX, ".probe"));
        } catch (IOException e) {
            throw new ArenaException("cannot write in the output folder (" + IoErrors.reason(e) + ")",
                    Location.of(dir.toString()), e);
        }
        Path parent = dir.getParent() != null ? dir.getParent() : Path.of(".");
        try {
            Files.delete(Files.createTempDirectory(parent, STAGING_PREFIX + dir.getFileName() + "-"));
        } catch (IOException e) {
            throw new ArenaException("cannot write in " + parent + ", beside the output folder, where a run stages its"
                    + " files before moving them in (" + IoErrors.reason(e) + ")", Location.of(dir.toString()), e);
        }
    }

    private static boolean ownFile(Path p) {
        String name = p.getFileName().toString();
        return name.equals(RESULTS) || name.equals(HTML) || name.equals(MARKDOWN) || name.equals(RUN_INFO)
                || name.startsWith("traces-") && (name.endsWith(".jsonl") || name.endsWith(".parquet"));
    }

    static RunOutput begin(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path parent = dir.toAbsolutePath().normalize().getParent();
        // Beside the folder (same file system, so the moves are renames); a leftover from a killed run is removed.
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.filter(x -> x.getFileName().toString().startsWith(STAGING_PREFIX
                    + dir.getFileName() + "-")).toList()) {
                deleteTree(p);
            }
        }
        return new RunOutput(dir, Files.createTempDirectory(parent, STAGING_PREFIX + dir.getFileName() + "-"));
    }

    /** A file to write into the staging folder; it is moved in by {@link #commit()}. */
    Path staged(String name) {
        files.add(name);
        return staging.resolve(name);
    }

    void write(String name, String text) throws IOException {
        Files.writeString(staged(name), text, StandardCharsets.UTF_8);
    }

    /** Moves every staged file into the folder, results.json last, and removes the staging folder. */
    void commit() throws IOException {
        List<String> order = new ArrayList<>(files);
        if (order.remove(RESULTS)) {
            order.add(RESULTS);
        }
        for (String name : order) {
            Files.move(staging.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        deleteTree(staging);
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                for (Path c : s.toList()) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }
}
