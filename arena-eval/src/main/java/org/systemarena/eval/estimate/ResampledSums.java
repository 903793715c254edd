package org.systemarena.eval.estimate;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.systemarena.core.ArenaException;

/**
 * The bootstrap engine. Every estimator here is a ratio of per-case sums, so one resample is fully described by the
 * column sums over n indices drawn with replacement; recomputing the estimator from those sums is recomputing the
 * whole estimator on the resample.
 *
 * <p>Per-case values sit interleaved in one array ({@code stride} values per case). A resample is n indices drawn
 * uniformly with replacement, kept as per-case counts; its column sums are then sum_i count_i * value_i in case
 * order. Resamples are drawn in fixed blocks of {@link #BLOCK}; block b uses the b-th generator split off a
 * {@code SplittableRandom(seed)} in order. Hence the output depends only on the data and the seed, never on how
 * many threads ran the blocks.
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
        int[] counts = new int[n];
        for (int r = from; r < to; r++) {
            draw(rng, n, counts);
            int o = r * stride;
            switch (stride) {
                case 4 -> sum4(counts, data, n, out, o);
                case 6 -> sum6(counts, data, n, out, o);
                default -> sumAny(counts, data, stride, n, out, o);
            }
        }
    }

    // Weighted column sums in case order; each pass also clears the counts for the next resample. The fixed-stride
    // copies keep their accumulators in registers, which an accumulator array defeats, and multiply by zero counts
    // rather than branch on them (a third of the counts are zero, in no predictable pattern). Values are finite,
    // so 0 * value adds exactly 0.
    private static void sum4(int[] counts, double[] d, int n, double[] out, int o) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i < n; i++) {
            double c = counts[i];
            counts[i] = 0;
            int j = i << 2;
            s0 += c * d[j];
            s1 += c * d[j + 1];
            s2 += c * d[j + 2];
            s3 += c * d[j + 3];
        }
        out[o] = s0;
        out[o + 1] = s1;
        out[o + 2] = s2;
        out[o + 3] = s3;
    }

    private static void sum6(int[] counts, double[] d, int n, double[] out, int o) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0;
        for (int i = 0; i < n; i++) {
            double c = counts[i];
            counts[i] = 0;
            int j = i * 6;
            s0 += c * d[j];
            s1 += c * d[j + 1];
            s2 += c * d[j + 2];
            s3 += c * d[j + 3];
            s4 += c * d[j + 4];
            s5 += c * d[j + 5];
        }
        out[o] = s0;
        out[o + 1] = s1;
        out[o + 2] = s2;
        out[o + 3] = s3;
        out[o + 4] = s4;
        out[o + 5] = s5;
    }

    private static void sumAny(int[] counts, double[] d, int stride, int n, double[] out, int o) {
        double[] acc = new double[stride];
        for (int i = 0; i < n; i++) {
            double c = counts[i];
            counts[i] = 0;
            for (int k = 0, j = i * stride; k < stride; k++) {
                acc[k] += c * d[j + k];
            }
        }
        System.arraycopy(acc, 0, out, o, stride);
    }

    /**
     * Draws n indices uniformly with replacement and counts them. Counting instead of summing at each draw keeps
     * the random accesses in a small int array; the data is then read once, in order.
     *
     * <p>Indices come from Lemire's multiply-shift method on 32-bit halves of {@code nextLong()}, with its rejection
     * step so that every index has exactly probability 1/n (the rejection, and its division, is rare).
     */
    static void draw(SplittableRandom rng, int n, int[] counts) {
        long bound = n;
        long threshold = (1L << 32) % bound; // (2^32 - n) mod n == 2^32 mod n
        int remaining = n;
        while (remaining > 0) {
            long bits = rng.nextLong();
            long m = (bits >>> 32) * bound;
            if ((m & 0xFFFF_FFFFL) >= threshold) {
                counts[(int) (m >>> 32)]++;
                if (--remaining == 0) {
                    break;
                }
            }
            m = (bits & 0xFFFF_FFFFL) * bound;
            if ((m & 0xFFFF_FFFFL) >= threshold) {
                counts[(int) (m >>> 32)]++;
                remaining--;
            }
        }
    }
}
