package org.systemarena.perf;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.decision.DecisionPointExtractor;
import org.systemarena.decision.Extraction;
import org.systemarena.decision.RuleCounts;

/**
 * Times decision-point extraction (snapshots, conditions, labels; all cases, one thread) on a generated lead
 * follow-up log with the bundled example's manifest.
 *
 * <p>Usage: {@code ExtractionPerf [events] [manifest.yaml]} (defaults 5000000 and
 * {@code examples/lead-followup/manifest.yaml}); system properties {@code perf.warmups} (default 2),
 * {@code perf.runs} (default 5), {@code perf.seed} (default 42). Run with {@code -Xmx8g}.
 */
public final class ExtractionPerf {
    private ExtractionPerf() {
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 5_000_000L;
        Path manifestFile = Path.of(args.length > 1 ? args[1] : "examples/lead-followup/manifest.yaml");
        int warmups = Integer.getInteger("perf.warmups", 2);
        int runs = Integer.getInteger("perf.runs", 5);
        long seed = Long.getLong("perf.seed", 42L);
        Runtime rt = Runtime.getRuntime();
        System.out.println("ExtractionPerf on " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + ", " + rt.availableProcessors()
                + " processors visible, max heap " + (rt.maxMemory() >> 20) + " MB");

        Manifest manifest = Datasets.loadManifest(manifestFile);
        long t0 = System.nanoTime();
        EventLog log = LeadFollowupGenerator.generate(LeadFollowupConfig.ofEvents(events, seed));
        System.out.println(fmt("generated %,d events in %,d cases (seed %d) in %.1f s", log.size(), log.caseCount(),
                seed, (System.nanoTime() - t0) / 1e9));
        DecisionPointExtractor extractor = DecisionPointExtractor.of(manifest, log);

        Extraction result = null;
        for (int i = 0; i < warmups; i++) {
            result = extractor.extractAll();
        }
        // On a shared machine wall time includes waiting for a core; the thread's CPU time does not.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        double gcOfBestCpu = 0;
        for (int i = 0; i < runs; i++) {
            result = null; // let the previous result go before timing the next run
            System.gc();
            long gcStart = gcMillis();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            result = extractor.extractAll();
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            // GC runs on other threads: add its (wall) time so allocation is not free
            double gc = (gcMillis() - gcStart) / 1e3;
            if (cpu + gc < bestCpu + gcOfBestCpu) {
                bestCpu = cpu;
                gcOfBestCpu = gc;
            }
        }
        System.out.println(fmt("warm-up %d, best of %d runs, one thread", warmups, runs));
        for (RuleCounts c : result.counts()) {
            System.out.println(fmt("  rule %-20s triggers %,10d  decision points %,10d  condition false %,10d  "
                    + "errors %,d", c.rule(), c.triggerMatches(), c.decisionPoints(), c.conditionFalse(), c.errors()));
        }
        long points = result.decisionPointCount();
        System.out.println(fmt("extraction wall: %.3f s, %,.0f events/s, %,.0f decision points/s (%,d decision points)",
                best, log.size() / best, points / best, points));
        double cpuGc = bestCpu + gcOfBestCpu;
        System.out.println(fmt("extraction cpu:  %.3f s thread CPU + %.3f s GC = %.3f s, %,.0f events/s, "
                + "%,.0f decision points/s", bestCpu, gcOfBestCpu, cpuGc, log.size() / cpuGc, points / cpuGc));

        // Streaming: each case's decisions are dropped after counting, as a replay that consumes them would.
        long[] streamed = new long[1];
        double bestStream = Double.MAX_VALUE;
        double bestStreamCpu = Double.MAX_VALUE;
        double gcOfBestStreamCpu = 0;
        for (int i = 0; i < warmups + runs; i++) {
            System.gc();
            long gcStart = gcMillis();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            streamed[0] = 0;
            extractor.forEachCase(c -> streamed[0] += c.points().size());
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double wall = (System.nanoTime() - start) / 1e9;
            double gc = (gcMillis() - gcStart) / 1e3;
            if (i >= warmups) {
                bestStream = Math.min(bestStream, wall);
                if (cpu + gc < bestStreamCpu + gcOfBestStreamCpu) {
                    bestStreamCpu = cpu;
                    gcOfBestStreamCpu = gc;
                }
            }
        }
        double streamCpuGc = bestStreamCpu + gcOfBestStreamCpu;
        System.out.println(fmt("streaming wall:  %.3f s, %,.0f events/s, %,.0f decision points/s (%,d decision points)",
                bestStream, log.size() / bestStream, streamed[0] / bestStream, streamed[0]));
        System.out.println(fmt("streaming cpu:   %.3f s thread CPU + %.3f s GC = %.3f s, %,.0f events/s, "
                + "%,.0f decision points/s", bestStreamCpu, gcOfBestStreamCpu, streamCpuGc, log.size() / streamCpuGc,
                streamed[0] / streamCpuGc));
        System.out.println("load average " + loadAverage());
    }

    private static long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
