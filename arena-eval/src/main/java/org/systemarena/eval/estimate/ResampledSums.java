package org.systemarena.eval.estimate;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.systemarena.core.ArenaException;

/**
 * The bootstrap engine. Every estimator here is a ratio of per-case sums, so one resample is fully described by the
 * column sums over n indices drawn with replacement; recomputing the estimator from those sums is recomputing the
 * whole estimator on the resample.
 *
 * <p>Per-case values sit interleaved in one array ({@code stride} values per case) so that each draw touches one
 * cache line. Resamples are drawn in fixed blocks of {@link #BLOCK}; block b uses the b-th generator split off a
 * {@code SplittableRandom(seed)} in order, and sums within a resample run in draw order. Hence the output depends
 * only on the data and the seed, never on how many threads ran the blocks.
 */
final class ResampledSums {
    static final int BLOCK = 32;

    private ResampledSums() {
    }

    /** Returns {@code resamples * stride} sums: resample r's column c at {@code r * stride + c}. */
    static double[] run(double[] data, int stride, int n, BootstrapSettings settings) {
        if (data.length != (long) n * stride) {
            throw new IllegalArgumentException("data length " + data.length + " != " + n + " * " + stride);
        }
        int resamples = settings.resamples();
        double[] out = new double[resamples * stride];
        if (n == 0) {
            return out;
        }
        int blocks = (resamples + BLOCK - 1) / BLOCK;
        SplittableRandom root = new SplittableRandom(settings.seed());
        SplittableRandom[] generators = new SplittableRandom[blocks];
        for (int b = 0; b < blocks; b++) {
            generators[b] = root.split();
        }
        int threads = Math.min(settings.effectiveThreads(), blocks);
        if (threads <= 1) {
            for (int b = 0; b < blocks; b++) {
                runBlock(b, generators[b], data, stride, n, resamples, out);
            }
            return out;
        }
        AtomicInteger next = new AtomicInteger();
        Throwable[] failure = new Throwable[1];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                    runBlock(b, generators[b], data, stride, n, resamples, out);
                }
            }, "arena-bootstrap-" + t);
            workers[t].setDaemon(true);
            workers[t].setUncaughtExceptionHandler((th, e) -> {
                synchronized (failure) {
                    failure[0] = e;
                }
            });
            workers[t].start();
        }
        try {
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArenaException("interrupted while computing bootstrap intervals", e);
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw new ArenaException("bootstrap worker failed: " + failure[0], failure[0]);
            }
        }
        return out;
    }

    private static void runBlock(int block, SplittableRandom rng, double[] data, int stride, int n, int resamples,
            double[] out) {
        int from = block * BLOCK;
        int to = Math.min(resamples, from + BLOCK);
        for (int r = from; r < to; r++) {
            int o = r * stride;
            switch (stride) {
                case 4 -> sum4(rng, data, n, out, o);
                case 6 -> sum6(rng, data, n, out, o);
                default -> sumAny(rng, data, stride, n, out, o);
            }
        }
    }

    // Fixed-stride copies of sumAny: scalar accumulators in registers are several times faster than an array.
    private static void sum4(SplittableRandom rng, double[] d, int n, double[] out, int o) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i < n; i++) {
            int j = rng.nextInt(n) << 2;
            s0 += d[j];
            s1 += d[j + 1];
            s2 += d[j + 2];
            s3 += d[j + 3];
        }
        out[o] = s0;
        out[o + 1] = s1;
        out[o + 2] = s2;
        out[o + 3] = s3;
    }

    private static void sum6(SplittableRandom rng, double[] d, int n, double[] out, int o) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0;
        for (int i = 0; i < n; i++) {
            int j = rng.nextInt(n) * 6;
            s0 += d[j];
            s1 += d[j + 1];
            s2 += d[j + 2];
            s3 += d[j + 3];
            s4 += d[j + 4];
            s5 += d[j + 5];
        }
        out[o] = s0;
        out[o + 1] = s1;
        out[o + 2] = s2;
        out[o + 3] = s3;
        out[o + 4] = s4;
        out[o + 5] = s5;
    }

    private static void sumAny(SplittableRandom rng, double[] d, int stride, int n, double[] out, int o) {
        double[] acc = new double[stride];
        for (int i = 0; i < n; i++) {
            int j = rng.nextInt(n) * stride;
            for (int c = 0; c < stride; c++) {
                acc[c] += d[j + c];
            }
        }
        System.arraycopy(acc, 0, out, o, stride);
    }
}
