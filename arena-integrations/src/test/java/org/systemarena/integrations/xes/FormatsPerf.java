package org.systemarena.integrations.xes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.integrations.csv.Pm4pyCsv;
import org.systemarena.integrations.objects.ObjectViews;
import org.systemarena.integrations.ocel.Ocel;

/**
 * Throughput of the format readers and writers on a seeded synthetic log; a plain harness (not a test), run by
 * hand: {@code java -cp <test classpath> org.systemarena.integrations.xes.FormatsPerf [events]}. Prints the
 * best of three runs per operation, wall-clock and CPU time of the running thread.
 */
public final class FormatsPerf {
    private FormatsPerf() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        EventLog log = synthetic(events, 42);
        Path dir = Files.createTempDirectory("formats-bench");
        System.out.printf("log: %,d events, %,d cases%n", log.size(), log.caseCount());
        Path xes = dir.resolve("log.xes");
        Path xesGz = dir.resolve("log.xes.gz");
        Path csv = dir.resolve("log.csv");
        Path json = dir.resolve("log.jsonocel");
        Path xml = dir.resolve("log.xmlocel");
        time("XES write", events, () -> Xes.write(log, xes));
        time("XES read", events, () -> Xes.read(xes));
        time("XES.gz write", events, () -> Xes.write(log, xesGz));
        time("XES.gz read", events, () -> Xes.read(xesGz));
        time("CSV write", events, () -> Pm4pyCsv.write(log, csv));
        time("CSV read", events, () -> Pm4pyCsv.read(csv));
        time("OCEL JSON write", events, () -> Ocel.writeJson(log, json));
        time("OCEL JSON read", events, () -> Ocel.readJson(json));
        time("OCEL XML write", events, () -> Ocel.writeXml(log, xml));
        time("OCEL XML read", events, () -> Ocel.readXml(xml));
        time("flatten on contact", events, () -> ObjectViews.flatten(log, "contact"));
        for (Path p : new Path[] {xes, xesGz, csv, json, xml}) {
            System.out.printf("  %-12s %,12d bytes%n", p.getFileName(), Files.size(p));
            Files.delete(p);
        }
        Files.delete(dir);
    }

    /** Best wall time and best CPU time of this thread (the machine may be shared: CPU time is the steadier). */
    private static void time(String what, int events, Runnable task) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            task.run();
            best = Math.min(best, System.nanoTime() - t0);
            bestCpu = Math.min(bestCpu, mx.getCurrentThreadCpuTime() - c0);
        }
        System.out.printf("%-20s wall %7.0f ms  cpu %7.0f ms  %,10.0f events/cpu-s%n", what, best / 1e6,
                bestCpu / 1e6, events / (bestCpu / 1e9));
    }

    /** Cases of 10 events, 10 activities, 50 resources, 6 payload attributes, 1-2 object references per event. */
    static EventLog synthetic(int events, long seed) {
        Random rnd = new Random(seed);
        EventLogBuilder b = EventLog.builder();
        long t0 = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond() * 1_000_000L;
        for (int i = 0; i < events; i++) {
            int c = i / 10;
            b.startEvent("case-" + c, t0 + c * 3_600_000_000L + (i % 10) * 60_000_000L + rnd.nextInt(1000));
            b.eventType("xes.event");
            b.activity("activity " + rnd.nextInt(10));
            b.actorId("user" + rnd.nextInt(50));
            b.payloadString("lifecycle:transition", rnd.nextBoolean() ? "start" : "complete");
            b.payloadDouble("amount", Math.round(rnd.nextDouble() * 1e6) / 100.0);
            b.payloadLong("count", rnd.nextInt(100));
            b.payload("flag", rnd.nextBoolean());
            b.payloadString("note", "note " + rnd.nextInt(1000));
            b.payloadString("case:segment", c % 3 == 0 ? "smb" : "enterprise");
            b.objectRef("contact", "contact-" + rnd.nextInt(5000), "participant");
            if (rnd.nextInt(4) == 0) {
                b.objectRef("company", "company-" + rnd.nextInt(500), null);
            }
        }
        return b.build();
    }
}
