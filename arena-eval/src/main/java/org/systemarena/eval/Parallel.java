package org.systemarena.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.systemarena.core.ArenaException;

/**
 * Runs independent tasks on a few threads; results, and the first failure, in task order as one thread would (an
 * unchecked exception or error as thrown, a checked one wrapped). Internal to arena-eval's packages.
 */
public final class Parallel {
    private Parallel() {
    }

    static <T> List<T> map(List<Callable<T>> tasks, int threads) {
        return map(tasks, threads, "evaluation");
    }

    /** {@code work} names the work in thread names and messages, e.g. "re-simulating leads". */
    public static <T> List<T> map(List<Callable<T>> tasks, int threads, String work) {
        List<T> out = new ArrayList<>(tasks.size());
        if (threads <= 1 || tasks.size() <= 1) {
            for (Callable<T> t : tasks) {
                out.add(call(t, work));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
            Thread t = new Thread(r, "arena-" + work.replace(' ', '-'));
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(tasks.size());
            tasks.forEach(t -> futures.add(pool.submit(t)));
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new ArenaException(work + " failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ArenaException("interrupted during " + work, e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T call(Callable<T> task, String work) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ArenaException(work + " failed: " + e, e);
        }
    }
}
