package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arena init}, then {@code mvn -q -o verify} in the generated repository: its policy compiles against the
 * arena modules of this build and its JUnit test replays the data.
 *
 * <p>The generated pom imports arena-bom at this build's version, which a user gets from their local Maven
 * repository. A {@code mvn verify} from the root has not installed anything yet, so the test builds against an
 * overlay repository: every entry of the real local repository is linked in, except {@code org/systemarena}, which
 * holds this build's poms and freshly packaged jars. The real repository is not changed (Maven may add its own
 * bookkeeping files through the links), and no second Maven build of the reactor runs inside this one.
 */
class InitBuildIT {
    private static final List<String> MODULES = List.of("arena-core", "arena-datasets", "arena-decision",
            "arena-policy", "arena-replay", "arena-eval", "arena-integrations");

    @TempDir
    Path tmp;

    @Test
    void theGeneratedRepositoryBuildsAndItsTestPasses() throws Exception {
        Path wf = tmp.resolve("new-flow");
        Jar.Run init = Jar.arena(tmp, "init", "new-flow");
        assertThat(init.exit()).as(init.err()).isZero();

        Path repo = overlayRepository(tmp.resolve("m2"));
        Jar.Run build;
        try {
            build = Jar.exec(wf, List.of(mavenExecutable(), "-q", "-o", "-B", "-Dmaven.repo.local=" + repo,
                    "verify"), 600);
        } finally {
            unlink(repo.resolve("org"));
            unlink(repo);
        }
        assertThat(build.exit()).as("mvn verify in the generated repository:\n" + build.out() + build.err()).isZero();
        Path report = wf.resolve("target/surefire-reports/TEST-FollowUpPolicyTest.xml");
        assertThat(report).isRegularFile();
        assertThat(Files.readString(report)).contains("tests=\"1\"").contains("failures=\"0\"")
                .contains("errors=\"0\"").contains("skipped=\"0\"");
    }

    private static String mavenExecutable() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static Path overlayRepository(Path overlay) throws IOException {
        Path real = Path.of(System.getProperty("arena.localRepository",
                System.getProperty("user.home") + "/.m2/repository"));
        Files.createDirectories(overlay.resolve("org"));
        linkAllBut(real, overlay, "org");
        linkAllBut(real.resolve("org"), overlay.resolve("org"), "systemarena");
        String version = System.getProperty("arena.version");
        Path root = Jar.repoRoot();
        install(overlay, "arena-parent", version, root.resolve("pom.xml"), null);
        install(overlay, "arena-bom", version, root.resolve("arena-bom/pom.xml"), null);
        for (String m : MODULES) {
            Path jar = root.resolve(m).resolve("target").resolve(m + "-" + version + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build the modules first, e.g. `mvn -pl arena-cli"
                        + " -am verify` or `mvn verify` from the repository root");
            }
            install(overlay, m, version, root.resolve(m).resolve("pom.xml"), jar);
        }
        return overlay;
    }

    private static void linkAllBut(Path from, Path to, String except) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                if (!name.equals(except)) {
                    Files.createSymbolicLink(to.resolve(name), e);
                }
            }
        }
    }

    /** Removes the links (not what they point to) before the temporary directory is deleted. */
    private static void unlink(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                if (Files.isSymbolicLink(e)) {
                    Files.delete(e);
                }
            }
        }
    }

    private static void install(Path repo, String artifact, String version, Path pom, Path jar) throws IOException {
        Path dir = repo.resolve("org/systemarena").resolve(artifact).resolve(version);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifact + "-" + version + ".pom"));
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifact + "-" + version + ".jar"));
        }
    }
}
