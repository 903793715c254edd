package org.systemarena.datasets;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.systemarena.core.ArenaException;

/**
 * Runs seeded fuzz cases: each case's input is written to one file and loaded on a worker thread, and the only
 * acceptable outcomes are a load or an {@link ArenaException} whose message starts with the file's path and stays
 * on one line. Anything else (another exception, an Error such as a stack overflow or running out of memory, or no
 * answer within {@link #CASE_SECONDS}) fails the test with the seed, the case number, the edits and the input, once
 * for each place such a failure comes from. The cases follow from the seed alone; the time budget only decides how
 * many of them run beyond the minimum.
 */
public final class FuzzLoop {
    /** A few-kilobyte file that takes this long is a hang, even on a loaded machine. */
    static final int CASE_SECONDS = 20;

    /** At least {@code minimum} cases, then more until {@code maximum} or {@code millis} have passed. */
    public record Budget(long seed, int minimum, int maximum, long millis) {
    }

    /** One case: its bytes, the edits that made them, and whether it is text (shown in a failure) or binary. */
    public record Input(Mutator.Mutated mutated, boolean text) {
    }

    /** How the cases ended. */
    public record Tally(int cases, int loaded, int errors) {
    }

    /** Loads case {@code index}'s file. */
    public interface Load {
        Object load(Path file, int index) throws Exception;
    }

    private FuzzLoop() {
    }

    /**
     * Runs the cases {@code make} builds from the budget's seed; each is written to {@code file} and given to
     * {@code load}.
     */
    public static Tally run(String what, Budget budget, Path file, Function<SplittableRandom, Input> make,
                            Load load) {
        budget = explore(budget);
        SplittableRandom random = new SplittableRandom(budget.seed());
        long start = System.nanoTime();
        long deadline = start + budget.millis() * 1_000_000L;
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + what);
            t.setDaemon(true);
            return t;
        });
        int loaded = 0;
        int errors = 0;
        int cases = 0;
        // Failures by where they were thrown: one report of each, so that a run shows every defect it found.
        Map<String, String> failures = new LinkedHashMap<>();
        Throwable first = null;
        try {
            for (; cases < budget.maximum() && (cases < budget.minimum() || System.nanoTime() < deadline); cases++) {
                Input input = make.apply(random.split());
                write(file, input.mutated().bytes());
                int index = cases;
                Future<Object> outcome = worker.submit(() -> load.load(file, index));
                try {
                    outcome.get(CASE_SECONDS, TimeUnit.SECONDS);
                    loaded++;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    String problem = null;
                    if (!(cause instanceof ArenaException)) {
                        problem = "threw " + cause;
                    } else if (!cause.getMessage().startsWith(file.toString()) || cause.getMessage().contains("\n")) {
                        problem = "the message does not start with the file's path or is not one line: "
                                + cause.getMessage();
                    }
                    if (problem == null) {
                        errors++;
                    } else {
                        first = first == null ? cause : first;
                        failures.putIfAbsent(cause.getClass().getName() + " at " + origin(cause),
                                report(what, budget, index, input, problem));
                    }
                } catch (TimeoutException e) {
                    outcome.cancel(true);
                    failures.put("hang", report(what, budget, index, input, "no answer within " + CASE_SECONDS
                            + " s"));
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        // The count depends on the machine's speed; the cases do not.
        System.out.printf(java.util.Locale.ROOT, "%s fuzz, seed %d: %,d cases in %.1f s (%,d loaded, %,d errors)%n",
                what, budget.seed(), cases, (System.nanoTime() - start) / 1e9, loaded,
                errors);
        if (!failures.isEmpty()) {
            fail(failures.size() + " kinds of failure in " + cases + " cases:\n\n"
                    + String.join("\n\n", failures.values()), first);
        }
        return new Tally(cases, loaded, errors);
    }

    /**
     * To search further by hand: {@code -Darena.fuzz.seed=N} shifts every seed by N and {@code -Darena.fuzz.millis=M}
     * runs each fuzz test for M milliseconds without a maximum. The build runs the fixed seeds.
     */
    private static Budget explore(Budget b) {
        long shift = Long.getLong("arena.fuzz.seed", 0L);
        Long millis = Long.getLong("arena.fuzz.millis");
        return new Budget(b.seed() + shift, b.minimum(), millis == null ? b.maximum() : Integer.MAX_VALUE,
                millis == null ? b.millis() : millis);
    }

    /** The first frame of System Arena's code in the stack: where the exception was thrown or let through. */
    private static String origin(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("org.systemarena.")) {
                return e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber();
            }
        }
        return "?";
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String report(String what, Budget budget, int index, Input input, String problem) {
        byte[] b = input.mutated().bytes();
        String shown = input.text() ? "\n--- input (" + b.length + " bytes) ---\n"
                + new String(b, 0, Math.min(b.length, 4_000), StandardCharsets.UTF_8)
                + (b.length > 4_000 ? "\n... (" + (b.length - 4_000) + " more bytes)" : "") + "\n--- end ---"
                : " (" + b.length + " bytes)";
        return what + " fuzz, seed " + budget.seed() + ", case " + index + ": " + problem + "\nedits: "
                + input.mutated().describe() + shown;
    }

    /** Touches every event so that values decoded on demand are decoded inside the case. */
    public static Object walk(org.systemarena.core.EventLog log) {
        List<org.systemarena.core.Event> events = log.events();
        log.caseIds();
        return events.size();
    }
}
