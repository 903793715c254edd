package org.systemarena.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.systemarena.core.EventLog;
import org.systemarena.datasets.Datasets;

/**
 * Times what a user runs: the CLI's runnable jar as a process, {@code arena run} with its default candidate and no
 * baselines, on a generated lead workflow ({@code arena init --cases N}: about 22.6 events a lead) in its Parquet
 * form and in JSON Lines, with {@code --threads 1} and {@code 2}. Wall, user and system CPU and peak RSS come from
 * {@code /usr/bin/time}; best of {@code perf.runs} rounds.
 *
 * <p>Usage: {@code CliPerf [events]} (default 3000000); properties {@code perf.runs} (default 3),
 * {@code perf.jar} (default: the newest {@code arena-cli/target/arena-cli-*-all.jar}; build it first with
 * {@code mvn -o -q -pl arena-cli -am package -DskipTests}).
 */
public final class CliPerf {
    private static final double EVENTS_PER_LEAD = 22.6;

    private CliPerf() {
    }

    /** One process's figures. */
    private record Run(double wall, double user, double system, long peakKb) {
        double cpu() {
            return user + system;
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 3_000_000L;
        int runs = Integer.getInteger("perf.runs", 3);
        Path jar = jar().toAbsolutePath();
        Path time = Path.of("/usr/bin/time");
        if (!Files.isExecutable(time)) {
            throw new IllegalStateException("needs /usr/bin/time (Debian: apt-get install time)");
        }
        System.out.println("CliPerf on " + Timing.machine() + ", jar " + jar);
        System.out.println(Timing.fmt("best of %d rounds; load average at start %s", runs, Timing.loadAverage()));
        Path dir = Files.createTempDirectory("arena-cli-perf");
        try {
            Path parquet = dir.resolve("leads-parquet");
            long leads = Math.round(events / EVENTS_PER_LEAD);
            exec(dir, List.of(java(), "-jar", jar.toString(), "init", parquet.toString(), "--cases",
                    String.valueOf(leads)));
            Path jsonl = dir.resolve("leads-jsonl");
            copyWorkflow(parquet, jsonl);
            EventLog log = Datasets.loadEventLog(parquet.resolve("data/events.parquet"));
            Files.delete(jsonl.resolve("data/events.parquet"));
            Datasets.writeJsonl(log, jsonl.resolve("data/events.jsonl"));
            System.out.println(Timing.fmt("workflow: %,d leads, %,d events; Parquet %.1f MB, JSON Lines %.1f MB", leads,
                    log.size(), Files.size(parquet.resolve("data/events.parquet")) / 1e6,
                    Files.size(jsonl.resolve("data/events.jsonl")) / 1e6));
            log = null;
            Timing.Table table = new Timing.Table("log", "threads", "best wall s", "CPU s (that run)",
                    "peak RSS MB (that run)", "all walls s");
            for (Path workflow : List.of(jsonl, parquet)) {
                for (int threads : new int[] {1, 2}) {
                    List<Run> rounds = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        rounds.add(timed(time, dir, List.of(java(), "-jar", jar.toString(), "run",
                                workflow.toString(), "--no-baselines", "--quiet", "--threads", String.valueOf(threads),
                                "--out", dir.resolve("out").toString())));
                    }
                    Run best = rounds.stream().min(Comparator.comparingDouble(Run::wall)).orElseThrow();
                    String walls = String.join(" ", rounds.stream().map(r -> Timing.fmt("%.2f", r.wall())).toList());
                    String name = workflow == jsonl ? "JSON Lines" : "Parquet";
                    table.add(name, String.valueOf(threads), Timing.fmt("%.2f", best.wall()), Timing.fmt("%.2f",
                            best.cpu()), String.valueOf(best.peakKb() / 1024), walls);
                    System.out.println(name + ", " + threads + " thread(s): " + walls + " s wall");
                }
            }
            System.out.println();
            System.out.println("load average at end " + Timing.loadAverage());
            System.out.print(table.render());
        } finally {
            Timing.deleteRecursively(dir);
        }
    }

    private static Path jar() throws IOException {
        String given = System.getProperty("perf.jar");
        if (given != null) {
            return Path.of(given);
        }
        Path target = Path.of("arena-cli", "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("arena-cli-.*-all\\.jar"))
                    .max(Comparator.comparingLong(CliPerf::modified)).orElseThrow(() ->
                            new IllegalStateException("no runnable jar in " + target.toAbsolutePath() + "; build it"
                                    + " with mvn -o -q -pl arena-cli -am package -DskipTests"));
        }
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs the command under /usr/bin/time and reads its figures (the last line of its error output). */
    private static Run timed(Path time, Path dir, List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of(time.toString(), "-f", "TIME %e %U %S %M"));
        full.addAll(command);
        String err = exec(dir, full);
        String line = err.lines().filter(l -> l.startsWith("TIME ")).reduce((a, b) -> b).orElseThrow(() ->
                new IllegalStateException("no timing from /usr/bin/time in:\n" + err));
        String[] f = line.split(" ");
        return new Run(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Long.parseLong(f[4]));
    }

    /** Runs a command to its end; its error output, or an exception with it when the exit code is not 0. */
    private static String exec(Path dir, List<String> command) throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        int exit = p.waitFor();
        String text = Files.readString(err, StandardCharsets.UTF_8);
        Files.delete(err);
        if (exit != 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "exit %d from %s:%n%s", exit,
                    String.join(" ", command), text));
        }
        return text;
    }

    private static void copyWorkflow(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
