package org.systemarena.eval.truth;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.systemarena.core.ArenaException;

/** Runs independent batches of leads on a few threads; results, and the first failure, in batch order. */
final class Batches {
    private Batches() {
    }

    static <T> List<T> run(List<Callable<T>> tasks, int threads) {
        List<T> out = new ArrayList<>(tasks.size());
        if (threads <= 1 || tasks.size() <= 1) {
            for (Callable<T> t : tasks) {
                out.add(call(t));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
            Thread t = new Thread(r, "arena-truth");
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
                    throw new ArenaException("re-simulating leads failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ArenaException("interrupted while re-simulating leads", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ArenaException("re-simulating leads failed: " + e, e);
        }
    }
}
