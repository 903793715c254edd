package org.systemarena.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;

/**
 * A non-timed sanity check, not a measurement (arena-perf has the real one): writes a generated log of N events
 * with an example-like schema (~12 columns) as Parquet and JSONL, then reads each a few times and prints events/s.
 * Run: {@code java -cp <test classpath> org.systemarena.datasets.ReaderSpeedCheck [events] [dir]}; or
 * {@code --write-lead N dir} to write LoadPerf's lead follow-up log once, then {@code --file dir/lead-N.parquet}.
 */
public final class ReaderSpeedCheck {
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private ReaderSpeedCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--file")) { // time an existing log, e.g. from GenerateExample
            for (int round = 0; round < 5; round++) {
                time(round, Path.of(args[1]));
            }
            return;
        }
        if (args.length == 3 && args[0].equals("--write-lead")) { // the LoadPerf log, kept for --file runs
            EventLog lead = org.systemarena.datasets.synthetic.LeadFollowupGenerator.generate(
                    org.systemarena.datasets.synthetic.LeadFollowupConfig.ofEvents(Long.parseLong(args[1]), 42));
            Path out = Path.of(args[2]);
            Files.createDirectories(out);
            Datasets.writeParquet(lead, out.resolve("lead-" + args[1] + ".parquet"));
            Datasets.writeJsonl(lead, out.resolve("lead-" + args[1] + ".jsonl"));
            System.out.printf("wrote %,d lead events to %s%n", lead.size(), out);
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("arena-speed");
        EventLog log = generate(n, 42);
        Path parquet = dir.resolve("events.parquet");
        Path jsonl = dir.resolve("events.jsonl");
        if (args.length > 2) { // read-only, read-parquet or read-jsonl: reuse files of an earlier run
            read(args[2].equals("read-jsonl") ? null : parquet, args[2].equals("read-parquet") ? null : jsonl);
            return;
        }
        long t0 = System.nanoTime();
        Datasets.writeParquet(log, parquet);
        long t1 = System.nanoTime();
        Datasets.writeJsonl(log, jsonl);
        long t2 = System.nanoTime();
        System.out.printf("wrote %,d events: parquet %.2fs (%,d bytes), jsonl %.2fs (%,d bytes)%n", n,
                (t1 - t0) / 1e9, Files.size(parquet), (t2 - t1) / 1e9, Files.size(jsonl));
        read(parquet, jsonl);
    }

    private static void read(Path parquet, Path jsonl) {
        for (int round = 0; round < 4; round++) {
            for (Path file : new Path[] {parquet, jsonl}) {
                if (file == null) {
                    continue;
                }
                time(round, file);
            }
        }
    }

    private static void time(int round, Path file) {
        long s = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        EventLog back = Datasets.loadEventLog(file);
        double secs = (System.nanoTime() - s) / 1e9;
        double cpuSecs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf("round %d %-14s %,d events in %.3fs wall, %.3fs cpu = %,.0f events/s of cpu%n",
                round, file.getFileName(), back.size(), secs, cpuSecs, back.size() / cpuSecs);
    }

    /** Lead-like cases of ~10 events: created, interactions, timers, decisions, outcome. */
    static EventLog generate(int events, long seed) {
        Random rnd = new Random(seed);
        EventLogBuilder b = EventLog.builder();
        String[] types = {"interaction.occurred", "timer.elapsed", "decision.executed", "state.changed"};
        String[] actions = {"send_email", "make_call", "wait", "escalate"};
        String[] channels = {"email", "phone", "web", "chat"};
        long base = 1_704_067_200_000_000L;
        int c = 0;
        int made = 0;
        while (made < events) {
            String caseId = "lead-" + c++;
            long t = base + rnd.nextInt(365 * 24 * 3600) * 1_000_000L;
            int len = Math.min(events - made, 6 + rnd.nextInt(9));
            for (int i = 0; i < len; i++) {
                t += rnd.nextInt(3 * 24 * 3600) * 1_000_000L;
                String type = i == 0 ? "entity.created" : i == len - 1 ? "outcome.recorded" : types[rnd.nextInt(4)];
                b.startEvent(caseId, t).sequenceNumber(i).eventType(type)
                        .channel(channels[rnd.nextInt(4)])
                        .actorType(rnd.nextBoolean() ? "human" : "system")
                        .actorId("rep-" + rnd.nextInt(40));
                switch (type) {
                    case "entity.created":
                        b.payloadLong("budget", 1000L * rnd.nextInt(100)).payloadString("region",
                                rnd.nextBoolean() ? "EMEA" : "AMER");
                        break;
                    case "interaction.occurred":
                        b.payloadString("direction", rnd.nextBoolean() ? "inbound" : "outbound");
                        break;
                    case "decision.executed":
                        b.payloadString("action", actions[rnd.nextInt(4)]).payloadDouble("propensity",
                                0.25 + rnd.nextInt(3) * 0.125);
                        break;
                    case "state.changed":
                        b.payloadString("new_state", rnd.nextBoolean() ? "contacted" : "qualified");
                        break;
                    case "outcome.recorded":
                        b.payloadString("outcome", rnd.nextBoolean() ? "converted" : "went_cold");
                        break;
                    default:
                        b.payloadDouble("amount", rnd.nextDouble() * 100);
                }
                made++;
            }
        }
        return b.build();
    }
}
