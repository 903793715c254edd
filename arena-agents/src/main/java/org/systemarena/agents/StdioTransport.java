package org.systemarena.agents;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Long-lived worker processes speaking JSON lines: each request is one line on a worker's stdin, its answer one line
 * on the worker's stdout. With several workers, several decision points are asked at once (one per worker).
 *
 * <p>A worker that exits, closes its stdout, writes a line that is not a JSON object, writes a line longer than the
 * limit or does not answer in time is stopped; that decision point gets an error saying which and quoting the last
 * lines of the worker's stderr, and a new worker starts for the next request. A new worker's first answer may take
 * {@code startTimeoutMs} longer than {@code timeoutMs}, for the interpreter to start or a model to load. After
 * {@code maxRestarts} restarts in a run the transport gives up: every later request fails at once with the last
 * failure, so a worker that cannot start does not cost a restart per decision point.
 */
final class StdioTransport implements Transport {
    /** How long {@link #close} lets a worker exit after its stdin is closed before killing it. */
    private static final long GRACE_MS = 2000;

    private final List<String> command;
    private final Path directory;
    private final long timeoutMs;
    private final long startTimeoutMs;
    private final int maxRestarts;
    private final int maxLineBytes;
    private final BlockingQueue<Slot> idle;
    private final Slot[] slots;
    private final AtomicLong restarts = new AtomicLong();
    private volatile String gaveUp;
    private volatile boolean closed;

    /** A place for one worker; empty after a failure until the next request starts a new one. */
    private static final class Slot {
        final int index;
        StdioWorker worker;
        /** The worker has not answered yet: its first answer may also take the start-up allowance. */
        boolean fresh;

        Slot(int index) {
            this.index = index;
        }
    }

    StdioTransport(List<String> command, Path directory, int workers, long timeoutMs, long startTimeoutMs,
                   int maxRestarts, int maxLineBytes) {
        this.startTimeoutMs = startTimeoutMs;
        this.command = List.copyOf(command);
        this.directory = directory;
        this.timeoutMs = timeoutMs;
        this.maxRestarts = maxRestarts;
        this.maxLineBytes = maxLineBytes;
        this.idle = new ArrayBlockingQueue<>(workers);
        this.slots = new Slot[workers];
        try {
            // Started now, so a command that cannot run is one error before the replay, not one per decision.
            for (int i = 0; i < workers; i++) {
                slots[i] = new Slot(i + 1);
                slots[i].worker = StdioWorker.start(i + 1, this.command, directory, maxLineBytes);
                slots[i].fresh = true;
                idle.add(slots[i]);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String exchange(String request, String decisionId) {
        Slot slot;
        try {
            slot = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException("interrupted while waiting for a free worker");
        }
        try {
            return exchange(slot, request);
        } finally {
            idle.add(slot);
        }
    }

    private String exchange(Slot slot, String request) {
        if (closed) {
            throw new AgentException("the agent's workers are stopped");
        }
        if (slot.worker == null) {
            String reason = gaveUp;
            if (reason != null) {
                throw new AgentException(reason);
            }
            slot.worker = StdioWorker.start(slot.index, command, directory, maxLineBytes);
            slot.fresh = true;
        }
        StdioWorker w = slot.worker;
        if (!w.send(request)) {
            throw failed(slot, "the worker " + w.exitDescription() + " before reading the request"
                    + w.stderrNote());
        }
        Object answer;
        long wait = timeoutMs + (slot.fresh ? startTimeoutMs : 0);
        try {
            answer = w.next(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            w.kill();
            slot.worker = null;
            throw new AgentException("interrupted while waiting for worker " + slot.index);
        }
        if (answer == null) {
            w.kill();
            throw failed(slot, slot.fresh ? "the new worker gave no answer within " + wait + " ms (timeout_ms "
                    + timeoutMs + " + start_timeout_ms " + startTimeoutMs + ")"
                    : "the worker gave no answer within " + timeoutMs + " ms");
        }
        slot.fresh = false;
        if (StdioWorker.isEof(answer)) {
            throw failed(slot, "the worker " + w.exitDescription() + " before answering" + w.stderrNote());
        }
        if (answer == LineReader.TOO_LONG) {
            w.kill();
            throw failed(slot, "the worker wrote an answer longer than " + maxLineBytes + " bytes");
        }
        String line = ((String) answer).strip();
        if (!(line.startsWith("{") && line.endsWith("}"))) {
            // Not an answer: the worker printed something else to stdout, and its real answer (if any) would be
            // read as the answer to the next request. A new worker starts in step.
            w.kill();
            throw failed(slot, "the worker wrote a line that is not a JSON object: '"
                    + AgentJson.quote(line) + "' (a worker writes only answers to stdout; log to stderr)");
        }
        return line;
    }

    /** Stops the slot's worker, counts the restart (unless the restarts are used up), and gives the error. */
    private synchronized AgentException failed(Slot slot, String what) {
        StdioWorker w = slot.worker;
        slot.worker = null;
        if (w != null) {
            w.kill();
        }
        if (restarts.get() >= maxRestarts) {
            gaveUp = what + "; no new worker: " + maxRestarts + " restarts already (max_restarts)";
            return new AgentException(gaveUp);
        }
        restarts.incrementAndGet();
        return new AgentException(what + "; a new worker starts for the next decision point");
    }

    @Override
    public long recoveries() {
        return restarts.get();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Slot s : slots) {
            if (s != null && s.worker != null) {
                s.worker.closeInput();
            }
        }
        long deadline = System.nanoTime() + GRACE_MS * 1_000_000;
        for (Slot s : slots) {
            if (s != null && s.worker != null) {
                s.worker.awaitOrKill(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
                s.worker = null;
            }
        }
    }
}
