package org.systemarena.perf;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Small timing and heap helpers for the plain-main measurements: warm-up, best of N, retained heap, a text table. */
final class Timing {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Timing() {
    }

    /**
     * The best (lowest) wall time and the best CPU time of the calling thread over {@code runs} calls after
     * {@code warmups} untimed ones, and the last result. On a shared machine the CPU time is the steadier figure:
     * wall time includes waiting for a core (but neither includes all of the garbage collector's threads). Each timed
     * run starts after a full collection, so it pays for its own garbage only.
     */
    static <T> Timed<T> bestOf(int warmups, int runs, Supplier<T> task) {
        T result = null;
        for (int i = 0; i < warmups; i++) {
            result = task.get();
        }
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            // Collect the previous run's result outside the timed section: otherwise a full collection of earlier
            // runs' logs lands in whichever run fills the old generation, which a single load or replay never pays.
            result = null;
            System.gc();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            result = task.get();
            bestWall = Math.min(bestWall, System.nanoTime() - start);
            bestCpu = Math.min(bestCpu, THREADS.getCurrentThreadCpuTime() - cpu);
        }
        return new Timed<>(bestWall / 1e9, bestCpu / 1e9, result);
    }

    /** Used heap after full collections; call before and after creating an object to measure what it retains. */
    static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        // Several rounds: one System.gc() may leave finalizable or recently-promoted garbage behind.
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring heap", e);
            }
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Heap retained by what {@code create} returns (kept reachable until measured). */
    static <T> Retained<T> retained(Supplier<T> create) {
        long before = usedHeapAfterGc();
        T value = create.get();
        long after = usedHeapAfterGc();
        return new Retained<>(after - before, value);
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%s %s, %d processors visible, max heap %d MB, %s %s",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                rt.availableProcessors(), rt.maxMemory() >> 20, System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }

    /** The 1/5/15-minute load averages: on a shared machine, figures only mean something next to these. */
    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    record Timed<T>(double seconds, double cpuSeconds, T result) {
    }

    record Retained<T>(long bytes, T value) {
    }

    /** A Markdown table, printed as it fills so partial results survive a crash. */
    static final class Table {
        private final List<String> header;
        private final List<List<String>> rows = new ArrayList<>();

        Table(String... header) {
            this.header = List.of(header);
        }

        void add(String... cells) {
            rows.add(List.of(cells));
        }

        String render() {
            StringBuilder sb = new StringBuilder();
            sb.append("| ").append(String.join(" | ", header)).append(" |\n");
            sb.append("|").append("---|".repeat(header.size())).append('\n');
            for (List<String> row : rows) {
                sb.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
            return sb.toString();
        }
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** Deletes a measurement's temporary folder and everything in it. */
    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
