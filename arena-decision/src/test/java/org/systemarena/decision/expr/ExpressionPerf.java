package org.systemarena.decision.expr;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Plain timing harness (not a test: never run by surefire, no timed assertions). Prints CPU ns per evaluation and
 * bytes allocated per evaluation for typical conditions, next to the cost of the bare map lookups they make.
 *
 * <pre>
 * java -cp arena-decision/target/test-classes:arena-decision/target/classes:arena-core/target/classes \
 *     org.systemarena.decision.expr.ExpressionPerf [index of one expression]
 * </pre>
 */
public final class ExpressionPerf {
    private static final int INPUTS = 1024;
    private static final int ITERATIONS = 20_000_000;

    private ExpressionPerf() {
    }

    public static void main(String[] args) {
        Random rnd = new Random(42);
        Bindings[] inputs = new Bindings[INPUTS];
        @SuppressWarnings("unchecked")
        Map<String, Object>[] maps = new Map[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            Map<String, Object> m = new HashMap<>();
            m.put("days_since_last_contact", rnd.nextDouble() * 10);
            m.put("budget", rnd.nextInt(4) == 0 ? null : (long) rnd.nextInt(10_000));
            m.put("status", rnd.nextBoolean() ? "open" : "qualified");
            m.put("total_interactions", (long) rnd.nextInt(20));
            maps[i] = m;
            inputs[i] = Bindings.of(m);
        }
        String[] conditions = {
            "days_since_last_contact > 3",
            "days_since_last_contact > 3 and budget is not None and budget > 5000",
            "status in ['open', 'qualified', 'proposal'] and total_interactions < 10",
            "budget * 2 + total_interactions > 100",
            "1 < total_interactions < 10 or not (status == 'open')",
        };
        if (args.length > 0) {
            // one expression per JVM keeps the JIT's type profiles unpolluted by the others
            conditions = new String[] {conditions[Integer.parseInt(args[0])]};
        }
        System.out.printf("%-75s %10s %12s %14s%n", "expression", "ns/eval", "bytes/eval", "lookups ns");
        for (String text : conditions) {
            Expression e = Expression.parse(text);
            String[] names = e.names().toArray(String[]::new);
            boolean isCondition = !text.startsWith("budget *");
            // warm up, then measure: best of 5 rounds
            run(e, inputs, ITERATIONS / 4, isCondition);
            lookups(maps, names, ITERATIONS / 4);
            double best = Double.MAX_VALUE;
            double bestLookup = Double.MAX_VALUE;
            long bytes = 0;
            for (int round = 0; round < 5; round++) {
                long alloc0 = allocatedBytes();
                long t0 = cpuNanos();
                run(e, inputs, ITERATIONS, isCondition);
                long t1 = cpuNanos();
                bytes = allocatedBytes() - alloc0;
                best = Math.min(best, (t1 - t0) / (double) ITERATIONS);
                long t2 = cpuNanos();
                lookups(maps, names, ITERATIONS);
                bestLookup = Math.min(bestLookup, (cpuNanos() - t2) / (double) ITERATIONS);
            }
            System.out.printf("%-75s %10.1f %12.2f %14.1f%n", text, best, bytes / (double) ITERATIONS, bestLookup);
        }
    }

    private static long sink;

    private static void run(Expression e, Bindings[] inputs, int n, boolean condition) {
        long count = 0;
        for (int i = 0; i < n; i++) {
            Bindings b = inputs[i & (INPUTS - 1)];
            if (condition) {
                count += e.test(b) ? 1 : 0;
            } else {
                count += e.evaluate(b) == null ? 0 : 1;
            }
        }
        sink += count;
    }

    /** The same map lookups the expression makes, and nothing else: the floor under any evaluator. */
    private static void lookups(Map<String, Object>[] maps, String[] names, int n) {
        long count = 0;
        for (int i = 0; i < n; i++) {
            Map<String, Object> m = maps[i & (INPUTS - 1)];
            for (String name : names) {
                count += m.get(name) == null ? 0 : 1;
            }
        }
        sink += count;
    }

    /** Thread CPU time, not wall time: on a shared machine, time spent descheduled is not the evaluator's. */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
