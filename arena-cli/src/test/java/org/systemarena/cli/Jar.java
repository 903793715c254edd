package org.systemarena.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs programs as a user would (the shaded jar with {@code java -jar}, Maven) and captures their output. */
final class Jar {
    /** Exit code and output of a finished process. */
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private Jar() {
    }

    static Path jar() {
        String p = System.getProperty("arena.jar");
        if (p == null) {
            throw new IllegalStateException("system property arena.jar is not set (run the *IT tests with failsafe)");
        }
        Path jar = Path.of(p);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the runnable jar " + jar + " does not exist: package arena-cli first");
        }
        return jar;
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("arena.root", "..")).toAbsolutePath().normalize();
    }

    /** {@code java -jar arena-cli-<version>-all.jar args...} with the test JVM's java. */
    static Run arena(Path workingDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return exec(workingDir, command, 300);
    }

    static Run exec(Path workingDir, List<String> command, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("arena-it", ".out");
        Path err = Files.createTempFile("arena-it", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
