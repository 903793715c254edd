package org.systemarena.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * A one-line progress indicator on stderr, redrawn in place by a daemon thread. It appears only on an interactive
 * terminal (a console exists and {@code --quiet} is off) and only once the step has taken half a second, so short
 * steps and redirected output stay clean. With a known total it draws a bar; otherwise the elapsed time.
 */
final class Progress implements AutoCloseable {
    private static final long FIRST_DRAW_MS = 500;
    private static final long REDRAW_MS = 200;
    private static final int BAR = 30;

    private final PrintWriter err;
    private final String label;
    private final IntSupplier percent;
    private final LongSupplier count;
    private final String countUnit;
    private final long start = System.nanoTime();
    private final Thread ticker;
    private volatile boolean done;
    private int drawnWidth;

    private Progress(PrintWriter err, String label, IntSupplier percent, LongSupplier count, String countUnit) {
        this.err = err;
        this.label = label;
        this.percent = percent;
        this.count = count;
        this.countUnit = countUnit;
        this.ticker = new Thread(this::tick, "arena-progress");
        ticker.setDaemon(true);
    }

    /** Whether progress may be drawn: an interactive terminal and not quiet. */
    static boolean enabled(boolean quiet) {
        return !quiet && System.console() != null;
    }

    /** A step of unknown length: shows the label and the elapsed time. */
    static Progress of(boolean enabled, PrintWriter err, String label) {
        return of(enabled, err, label, null, null, null);
    }

    /**
     * @param percent   0..100, or null for an unknown total
     * @param count     a running count shown beside the bar (may be null)
     * @param countUnit what {@code count} counts
     */
    static Progress of(boolean enabled, PrintWriter err, String label, IntSupplier percent, LongSupplier count,
                       String countUnit) {
        Progress p = new Progress(err, label, percent, count, countUnit);
        if (enabled) {
            p.ticker.start();
        }
        return p;
    }

    private void tick() {
        try {
            Thread.sleep(FIRST_DRAW_MS);
            while (!done) {
                draw();
                Thread.sleep(REDRAW_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void draw() {
        if (done) {
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder line = new StringBuilder(label).append(' ');
        if (percent != null) {
            int pct = Math.max(0, Math.min(100, percent.getAsInt()));
            int filled = pct * BAR / 100;
            line.append('[').append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% ", pct));
        }
        if (count != null) {
            line.append(String.format(Locale.ROOT, "%,d %s ", count.getAsLong(), countUnit));
        }
        line.append(String.format(Locale.ROOT, "%.1f s", seconds));
        String text = line.toString();
        int pad = Math.max(0, drawnWidth - text.length());
        err.print("\r" + text + " ".repeat(pad));
        err.flush();
        drawnWidth = text.length();
    }

    @Override
    public synchronized void close() {
        done = true;
        ticker.interrupt();
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }
}
