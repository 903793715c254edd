package org.systemarena.perf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.systemarena.core.EventLog;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;

/**
 * Times loading synthetic lead follow-up logs from Parquet and JSONL: for each size, generates the log, writes both
 * files to a temporary directory and forces them to disk, then loads each file {@code perf.warmups} times untimed
 * and {@code perf.runs} times timed (best run reported), and measures the heap a loaded log retains. A reference
 * row times Jackson alone tokenizing the JSONL file (every token, string values decoded, nothing kept) in the same
 * way: wall times on a shared VM drift between runs, and the ratio to that row does much less.
 *
 * <p>Usage: {@code LoadPerf [events...]} (default 1000000 5000000); system properties {@code perf.warmups}
 * (default 2), {@code perf.runs} (default 5), {@code perf.seed} (default 42), {@code perf.shape} ({@code leads},
 * the default: the lead generator's log; {@code tickets}: {@link TicketLogs}, 3-4 object references, an actor and
 * three payload values on every event). Run with {@code -Xmx8g}.
 */
public final class LoadPerf {
    private LoadPerf() {
    }

    public static void main(String[] args) throws IOException {
        List<Long> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Long.parseLong(a.replace("_", "")));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1_000_000L, 5_000_000L);
        }
        int warmups = Integer.getInteger("perf.warmups", 2);
        int runs = Integer.getInteger("perf.runs", 5);
        long seed = Long.getLong("perf.seed", 42L);
        String shape = System.getProperty("perf.shape", "leads");
        if (!shape.equals("leads") && !shape.equals("tickets")) {
            throw new IllegalArgumentException("perf.shape must be leads or tickets, not " + shape);
        }
        System.out.println("LoadPerf (" + shape + ") on " + Timing.machine());
        System.out.println(Timing.fmt("warm-up %d, best of %d runs, seed %d; load average at start %s", warmups, runs,
                seed, Timing.loadAverage()));

        Timing.Table table = new Timing.Table("format", "events", "file MB", "best wall s", "events/s (wall)",
                "best CPU s", "events/s (CPU)", "fixed column B/event", "heap B/event");
        Path dir = Files.createTempDirectory("arena-load-perf");
        try {
            for (long size : sizes) {
                Path parquet = dir.resolve("events-" + size + ".parquet");
                Path jsonl = dir.resolve("events-" + size + ".jsonl");
                int events = prepare(shape, size, seed, parquet, jsonl);
                row(table, "parquet", parquet, events, warmups, runs, Datasets::loadEventLog);
                row(table, "jsonl", jsonl, events, warmups, runs, Datasets::loadEventLog);
                jacksonReference(table, jsonl, events, warmups, runs);
            }
        } finally {
            Timing.deleteRecursively(dir);
        }
        System.out.println();
        System.out.println("load average at end " + Timing.loadAverage());
        System.out.print(table.render());
    }

    /** Generates a log of about {@code size} events and writes it as Parquet and JSONL; returns its exact size. */
    private static int prepare(String shape, long size, long seed, Path parquet, Path jsonl) {
        LeadFollowupConfig config = LeadFollowupConfig.ofEvents(size, seed);
        // One untimed run first: it includes class loading and JIT warm-up.
        Timing.Timed<EventLog> generated = Timing.bestOf(1, 1, () -> shape.equals("tickets")
                ? TicketLogs.generate(size, seed) : LeadFollowupGenerator.generate(config));
        EventLog log = generated.result();
        long start = System.nanoTime();
        Datasets.writeParquet(log, parquet);
        double writeParquet = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        Datasets.writeJsonl(log, jsonl);
        double writeJsonl = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        // The kernel would otherwise write the files back while the first loads are timed, on the other core and
        // through the same memory.
        forceToDisk(parquet);
        forceToDisk(jsonl);
        double flush = (System.nanoTime() - start) / 1e9;
        System.out.println(Timing.fmt("%,d events (%,d cases): generated in %.2f s wall, %.2f s CPU (%,.0f events/s"
                        + " CPU); wrote Parquet in %.2f s, JSONL in %.2f s, flushed both to disk in %.2f s",
                log.size(), log.caseCount(), generated.seconds(), generated.cpuSeconds(),
                log.size() / generated.cpuSeconds(), writeParquet, writeJsonl, flush));
        return log.size();
    }

    private static void forceToDisk(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush " + file, e);
        }
    }

    private static void row(Timing.Table table, String format, Path file, int events, int warmups, int runs,
                            Function<Path, EventLog> loader) throws IOException {
        Timing.Timed<EventLog> timed = Timing.bestOf(warmups, runs, () -> loader.apply(file));
        if (timed.result().size() != events) {
            throw new IllegalStateException(format + " loaded " + timed.result().size() + " events, wrote " + events);
        }
        double seconds = timed.seconds();
        double cpu = timed.cpuSeconds();
        timed = null; // measure retained heap with no other log alive
        Timing.Retained<EventLog> retained = Timing.retained(() -> loader.apply(file));
        EventLog log = retained.value();
        String[] cells = {format, Timing.fmt("%,d", events), Timing.fmt("%.1f", Files.size(file) / 1e6),
            Timing.fmt("%.3f", seconds), Timing.fmt("%,.0f", events / seconds), Timing.fmt("%.3f", cpu),
            Timing.fmt("%,.0f", events / cpu),
            Timing.fmt("%.1f", log.fixedColumnBytesPerEvent()), Timing.fmt("%.1f", (double) retained.bytes() / events)};
        table.add(cells);
        System.out.println(String.join("  ", cells));
    }

    /** Jackson alone over the JSONL file: the floor for any reader built on its tokens. */
    private static void jacksonReference(Timing.Table table, Path jsonl, int events, int warmups, int runs) {
        Timing.Timed<Long> timed = Timing.bestOf(warmups, runs, () -> tokens(jsonl));
        String[] cells = {"jsonl, Jackson tokens only", Timing.fmt("%,d", events), "",
            Timing.fmt("%.3f", timed.seconds()), Timing.fmt("%,.0f", events / timed.seconds()),
            Timing.fmt("%.3f", timed.cpuSeconds()), Timing.fmt("%,.0f", events / timed.cpuSeconds()), "", ""};
        table.add(cells);
        System.out.println(String.join("  ", cells) + " (" + Timing.fmt("%,d", timed.result()) + " tokens)");
    }

    private static long tokens(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser parser = new JsonFactory().createParser(in)) {
            long tokens = 0;
            for (JsonToken t; (t = parser.nextToken()) != null; tokens++) {
                if (t == JsonToken.VALUE_STRING) {
                    parser.getTextCharacters();
                }
            }
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
