package org.systemarena.agents;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.systemarena.core.OneLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker process: requests go to its stdin one line each, answers come from its stdout one line each. A reader
 * thread hands stdout lines over so a call can wait with a time-out; another keeps the last lines of stderr, which a
 * crash message quotes, and logs them at debug level.
 */
final class StdioWorker {
    private static final Logger LOG = LoggerFactory.getLogger(StdioWorker.class);
    private static final int STDERR_LINES = 5;
    private static final Object EOF = new Object();

    private final int index;
    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private final Thread stderrThread;

    private StdioWorker(int index, Process process, int maxLineBytes) {
        this.index = index;
        this.process = process;
        this.stdin = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        Thread out = new Thread(() -> readStdout(process.getInputStream(), maxLineBytes),
                "arena-agent-stdout-" + index + "-" + process.pid());
        out.setDaemon(true);
        out.start();
        stderrThread = new Thread(() -> readStderr(process.getErrorStream()),
                "arena-agent-stderr-" + index + "-" + process.pid());
        stderrThread.setDaemon(true);
        stderrThread.start();
    }

    /** Starts worker {@code index} (1-based, as messages name it); an executable that cannot start is an error. */
    static StdioWorker start(int index, List<String> command, Path directory, int maxLineBytes) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (directory != null) {
            pb.directory(directory.toFile());
        }
        try {
            return new StdioWorker(index, pb.start(), maxLineBytes);
        } catch (IOException e) {
            throw new AgentException("cannot start worker '" + String.join(" ", command) + "'"
                    + (directory == null ? "" : " in " + directory) + ": " + e.getMessage(), e);
        }
    }

    int index() {
        return index;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Writes one request line; false when the worker's stdin is closed (it exited or closed it). */
    boolean send(String request) {
        try {
            stdin.write(request.getBytes(StandardCharsets.UTF_8));
            stdin.write('\n');
            stdin.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The next stdout line within {@code timeoutMs}: a String, {@link LineReader#TOO_LONG}, null on time-out, or
     * {@link #isEof} when stdout ended.
     */
    Object next(long timeoutMs) throws InterruptedException {
        return lines.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    static boolean isEof(Object o) {
        return o == EOF;
    }

    /** How the process ended, for a crash message: "exited with code 3", or "closed its stdout". */
    String exitDescription() {
        String code;
        try {
            code = process.waitFor(2, TimeUnit.SECONDS) ? "exited with code " + process.exitValue()
                    : "closed its stdout";
            stderrThread.join(500); // let the last stderr lines arrive
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = "ended";
        }
        return code;
    }

    /** " (stderr: last lines)", or nothing when the worker wrote none. */
    String stderrNote() {
        String tail = stderrTail();
        return tail.isEmpty() ? "" : " (stderr: " + tail + ")";
    }

    String stderrTail() {
        synchronized (stderrTail) {
            return OneLine.value(String.join(" | ", stderrTail));
        }
    }

    /** Closes stdin: a well-behaved worker exits at the end of its input. */
    void closeInput() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Waits up to {@code graceMs} for the worker to exit, then kills it and its children. */
    void awaitOrKill(long graceMs) {
        try {
            if (graceMs <= 0 || !process.waitFor(graceMs, TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readStdout(InputStream in, int maxLineBytes) {
        LineReader reader = new LineReader(in, maxLineBytes);
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            LOG.debug("worker {}: stdout failed: {}", index, e.toString());
        }
        lines.add(EOF);
    }

    private void readStderr(InputStream in) {
        LineReader reader = new LineReader(in, 4096);
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line == LineReader.TOO_LONG) {
                    line = "(a line over 4096 bytes)";
                }
                LOG.debug("worker {} stderr: {}", index, line);
                synchronized (stderrTail) {
                    if (stderrTail.size() == STDERR_LINES) {
                        stderrTail.removeFirst();
                    }
                    stderrTail.addLast(line.length() > 300 ? line.substring(0, 300) + "..." : line);
                }
            }
        } catch (IOException e) {
            LOG.debug("worker {}: stderr failed: {}", index, e.toString());
        }
    }
}
