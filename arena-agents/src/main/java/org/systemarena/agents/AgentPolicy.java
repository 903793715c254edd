package org.systemarena.agents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.policy.Decision;
import org.systemarena.policy.DecisionContext;
import org.systemarena.policy.Policy;
import org.systemarena.policy.UsageReporting;

/**
 * A policy whose decisions come from an agent outside the JVM, over the decision protocol (docs/agent-protocol.md):
 * each decision point becomes a request, sent over a {@link Transport} (worker processes on stdio, or HTTP), and the
 * answer becomes the {@link Decision}. Anything that goes wrong (a malformed answer, a crash, a time-out, an HTTP
 * error) is thrown as an {@link AgentException}, which the runner records on that decision point like any other
 * policy failure; the run goes on.
 *
 * <p>With a {@link Cassette}, answers are recorded and replayed by request, so a replay asks nothing. Close the
 * policy when the run is done (workers stop, the cassette is written sorted); a policy left open is closed when the
 * JVM exits.
 */
public final class AgentPolicy implements Policy, UsageReporting, AutoCloseable {
    private static final Set<AgentPolicy> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(() -> List.copyOf(OPEN).forEach(AgentPolicy::close), "arena-agents-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private final String name;
    private final String identity;
    private final Transport transport;
    private final int historyLimit;
    private final long deadlineMs;
    private final Cassette cassette;
    private final AgentStats.Counter counter = new AgentStats.Counter();
    private final java.util.concurrent.atomic.AtomicLong asked = new java.util.concurrent.atomic.AtomicLong();
    private volatile long maxCalls = Long.MAX_VALUE;
    private volatile double maxCost = Double.POSITIVE_INFINITY;
    private volatile boolean closed;

    AgentPolicy(String name, String identity, Transport transport, int historyLimit, long deadlineMs,
                Cassette cassette) {
        this.name = Objects.requireNonNull(name, "name");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.transport = transport;
        this.historyLimit = historyLimit;
        this.deadlineMs = deadlineMs;
        this.cassette = cassette;
        OPEN.add(this);
    }

    /**
     * Caps what the agent may cost in this run: at most {@code calls} calls (answers replayed from a cassette are
     * free), and no new call once the reported cost reaches {@code cost} (calls already under way may add to it).
     * A decision point past a cap is an error saying which cap, and the agent is not asked again.
     */
    AgentPolicy withCaps(long calls, double cost) {
        this.maxCalls = calls;
        this.maxCost = cost;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    /** The agent this policy asks, as the cassette key knows it: {@code process:<command>} or {@code http:<url>}. */
    public String identity() {
        return identity;
    }

    /** Asked without a decision point's id and rule (outside the runner): they are sent as null. */
    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        return decide(null, snapshot, allowedActions);
    }

    @Override
    public Decision decide(DecisionContext context, CaseSnapshot snapshot, List<Action> allowedActions) {
        AgentRequest request = AgentRequest.of(context, snapshot, allowedActions, historyLimit, deadlineMs);
        String decisionId = request.decisionId();
        String key = null;
        if (cassette != null) {
            key = Cassette.key(identity, AgentJson.request(request, false));
            Cassette.Entry recorded = cassette.get(key);
            if (recorded != null && recorded.response() != null) {
                AgentResponse r = AgentJson.parseResponse(recorded.response(), null);
                counter.replayed(r.usage(), false);
                return r.toDecision();
            }
            if (cassette.mode() == CassetteMode.REPLAY) {
                counter.replayed(null, true);
                throw new AgentException(recorded != null ? recorded.error() : "cassette " + cassette.file()
                        + " has no answer to this request (key " + key.substring(0, 12) + "); record it with"
                        + " cassette_mode=record-new");
            }
        }
        if (closed) {
            throw new AgentException("policy '" + name + "' is closed");
        }
        checkCaps();
        long start = System.nanoTime();
        AgentResponse response;
        try {
            String answer = transport.exchange(AgentJson.request(request, true), decisionId);
            response = AgentJson.parseResponse(answer, decisionId);
            response.toDecision(); // a value the decision refuses is this call's failure (and recorded as one)
        } catch (AgentException e) {
            counter.call(System.nanoTime() - start, null, true);
            if (cassette != null) {
                cassette.put(key, new Cassette.Entry(decisionId, null, e.getMessage()));
            }
            throw e;
        }
        counter.call(System.nanoTime() - start, response.usage(), false);
        if (cassette != null) {
            cassette.put(key, new Cassette.Entry(decisionId, AgentJson.response(response), null));
        }
        return response.toDecision();
    }

    private void checkCaps() {
        double spent = counter.cost();
        if (spent >= maxCost) {
            throw new AgentException("cost cap reached: " + spent + " spent (max_cost " + maxCost
                    + "); the agent is not asked again in this run");
        }
        if (asked.incrementAndGet() > maxCalls) {
            throw new AgentException("call cap reached: the agent was asked " + maxCalls + " times (max_calls "
                    + maxCalls + "); it is not asked again in this run");
        }
    }

    /** Calls, replays, failures, tokens, cost and latency so far. */
    public AgentStats stats() {
        return counter.snapshot(transport.recoveries());
    }

    /** {@link #stats()} by name, for run-info.json. */
    @Override
    public Map<String, Number> usage() {
        AgentStats s = stats();
        Map<String, Number> out = new LinkedHashMap<>();
        out.put("calls", s.calls());
        out.put("replayed", s.replayed());
        out.put("failures", s.failures());
        out.put("recoveries", s.recoveries());
        out.put("tokens_in", s.tokensIn());
        out.put("tokens_out", s.tokensOut());
        out.put("cost", s.cost());
        out.put("latency_p50_ms", s.latencyP50Ms());
        out.put("latency_p95_ms", s.latencyP95Ms());
        out.put("latency_p99_ms", s.latencyP99Ms());
        out.put("latency_max_ms", s.latencyMaxMs());
        return out;
    }

    /** The cassette, or null. */
    public Cassette cassette() {
        return cassette;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        OPEN.remove(this);
        try {
            transport.close();
        } finally {
            if (cassette != null) {
                cassette.close();
            }
        }
    }
}
