package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of the bad-input corpus ({@link Corpus}) through the shaded jar, as a user would run it: the exit code
 * and the whole of stderr are exactly what the case says, and no case ends in a stack trace, an OutOfMemoryError,
 * an internal error (exit 3) or a time-out. The child JVMs get a small heap (256 MiB), so an input that makes the
 * loader allocate what a file declares rather than what it holds fails here.
 *
 * <p>The cases run two at a time (a JVM each) before the tests report, so the class takes about a minute.
 */
class BadInputCorpusIT {
    private static final long TIMEOUT_SECONDS = 30;
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    @TempDir
    static Path tmp;

    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseEndsInItsOwnPreciseError() throws Exception {
        List<Corpus.Case> cases = Corpus.cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        List<Future<Outcome>> runs = new ArrayList<>();
        for (Corpus.Case c : cases) {
            runs.add(pool.submit(() -> run(c)));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Corpus.Case c = cases.get(i);
            Future<Outcome> run = runs.get(i);
            tests.add(DynamicTest.dynamicTest(c.id(), () -> check(c, run.get())));
        }
        return tests.stream();
    }

    /**
     * What one case did; {@code skipped} when the machine cannot make the input (a read-only folder, for root
     * without a way to run the case as 'nobody').
     */
    private record Outcome(Jar.Run run, long millis, String skipped) {
    }

    private static Outcome run(Corpus.Case c) throws Exception {
        Path kindDir = Files.createDirectories(tmp.resolve(c.kind()));
        Path dir = Corpus.assemble(c, kindDir);
        List<String> command = new ArrayList<>();
        if (c.has("read-only")) {
            Path locked = dir.resolve(c.steps().stream().filter(s -> s.get(0).equals("read-only")).findFirst()
                    .orElseThrow().get(1));
            if (Files.isWritable(locked)) {
                // Root writes anyway (CI runs as root): the case then runs as 'nobody', when the machine can.
                if (!canRunAsNobody()) {
                    return new Outcome(null, 0, "this user can write to a read-only folder and cannot run as nobody");
                }
                openToOthers(kindDir);
                command.addAll(AS_NOBODY);
            }
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        command.add("-jar");
        command.add(Jar.jar().toString());
        command.addAll(c.args());
        long start = System.nanoTime();
        Jar.Run r = Jar.exec(kindDir, command, TIMEOUT_SECONDS);
        return new Outcome(r, (System.nanoTime() - start) / 1_000_000, null);
    }

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final List<String> AS_NOBODY = List.of(SETPRIV.toString(), "--reuid=65534", "--regid=65534",
            "--clear-groups");

    private static boolean canRunAsNobody() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(SETPRIV)
                && Files.isReadable(Jar.jar()) && readableByOthers(Jar.jar());
    }

    /** The jar and the folders above it must be readable by others for 'nobody' to start it. */
    private static boolean readableByOthers(Path file) {
        try {
            for (Path p = file.toAbsolutePath(); p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_READ)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The kind's folder and the temporary folder above it, readable and traversable by others (not writable). */
    private static synchronized void openToOthers(Path kindDir) throws IOException {
        letOthersRead(tmp);
        try (Stream<Path> all = Files.walk(kindDir)) {
            for (Path p : all.toList()) {
                letOthersRead(p);
            }
        }
    }

    private static void letOthersRead(Path p) throws IOException {
        Set<PosixFilePermission> perms = new HashSet<>(Files.getPosixFilePermissions(p));
        perms.add(PosixFilePermission.OTHERS_READ);
        if (Files.isDirectory(p)) {
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        Files.setPosixFilePermissions(p, perms);
    }

    private static void check(Corpus.Case c, Outcome o) {
        assumeFalse(o.skipped() != null, o.skipped());
        Jar.Run r = o.run();
        String output = r.out() + r.err();
        assertThat(output).as("a stack trace").doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(output).as("an out-of-memory error").doesNotContain("OutOfMemoryError");
        assertThat(r.exit()).as("exit code (3 is an internal error); stderr:\n" + r.err()).isNotEqualTo(3)
                .isEqualTo(c.exit());
        assertThat(r.err().lines().toList()).as("stderr").containsExactlyElementsOf(c.stderr());
        assertThat(o.millis()).as("milliseconds").isLessThan(TIMEOUT_SECONDS * 1000);
    }
}
