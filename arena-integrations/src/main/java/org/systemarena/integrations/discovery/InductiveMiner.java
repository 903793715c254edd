package org.systemarena.integrations.discovery;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.integrations.discovery.Cuts.Cut;
import org.systemarena.integrations.discovery.ProcessTree.Operator;
import org.systemarena.integrations.variants.VariantLog;

/**
 * The Inductive Miner (IM) and its infrequent-behaviour variant (IMf), after Leemans, Fahland and van der Aalst,
 * "Discovering block-structured process models from event logs - a constructive approach" (2013) and
 * "... containing infrequent behaviour" (2014).
 *
 * <p>Recursion on a multiset of traces: empty traces (IM: always an optional branch {@code X(tau, ...)}; IMf: only
 * when more than {@code noise} of the traces are empty, else dropped), base cases (no behaviour: tau; one activity
 * once: the activity), a cut on the directly-follows graph (IMf: if none, a cut on the graph without edges weaker than
 * {@code noise} times the strongest outgoing edge of their source), else the fall-throughs in order: activity once per
 * trace, activity concurrent, strict tau loop, tau loop, flower. The result is folded: nested operators of the same
 * kind are merged, redundant taus removed. With noise 0, IMf finds the same trees as IM.
 *
 * <p>Every event is an occurrence of its activity: filter the log first (e.g. to complete events) for another view.
 */
public final class InductiveMiner {
    private final boolean filtering;
    private final double noise;

    private InductiveMiner(boolean filtering, double noise) {
        if (!(noise >= 0 && noise <= 1)) {
            throw new ArenaException("Inductive Miner: noise threshold must be in [0, 1], got " + noise);
        }
        this.filtering = filtering;
        this.noise = noise;
    }

    /** Plain IM: every trace is kept; the model fits the log. */
    public static InductiveMiner im() {
        return new InductiveMiner(false, 0);
    }

    /** IMf with a noise threshold in [0, 1] (0.2 is common): infrequent behaviour is filtered out. */
    public static InductiveMiner imf(double noise) {
        return new InductiveMiner(true, noise);
    }

    public ProcessTree discover(EventLog log) {
        return discover(VariantLog.of(log));
    }

    public ProcessTree discover(VariantLog variants) {
        ImLog.Builder b = new ImLog.Builder();
        for (int v = 0; v < variants.size(); v++) {
            b.add(variants.codes(v), variants.count(v));
        }
        ProcessTree raw = new Run(variants::activityName).mine(b.build());
        return TreeFolding.fold(raw);
    }

    /** One discovery: the recursion, with the activity names to put in the leaves. */
    private final class Run {
        private final IntFunction<String> names;

        Run(IntFunction<String> names) {
            this.names = names;
        }

        ProcessTree mine(ImLog log) {
            long total = log.total();
            long empty = log.emptyTraces();
            if (log.size() == 0 || empty == total) {
                return ProcessTree.tau();
            }
            if (empty > 0) {
                ImLog rest = log.withoutEmptyTraces();
                if (!filtering || empty > noise * total) {
                    return ProcessTree.xor(ProcessTree.tau(), mine(rest));
                }
                log = rest;
            }
            if (log.size() == 1 && log.traces[0].length == 1) {
                return ProcessTree.activity(names.apply(log.traces[0][0]));
            }
            ImDfg dfg = ImDfg.of(log);
            MinimumSelfDistance msd = MinimumSelfDistance.of(log, dfg);
            Cut cut = Cuts.find(dfg, msd);
            if (cut == null && filtering) {
                cut = Cuts.find(dfg.filtered(noise), msd);
            }
            if (cut != null) {
                return applyCut(log, dfg, cut);
            }
            return fallThrough(log, dfg);
        }

        private ProcessTree applyCut(ImLog log, ImDfg dfg, Cut cut) {
            List<BitSet> groups = new ArrayList<>();
            cut.groups().forEach(g -> groups.add(dfg.toCodes(g)));
            List<ImLog> parts = switch (cut.operator()) {
                case XOR -> Splits.xor(log, groups);
                case SEQUENCE -> Splits.sequence(log, groups);
                case PARALLEL -> Splits.parallel(log, groups);
                case LOOP -> Splits.loop(log, groups);
            };
            List<ProcessTree> children = new ArrayList<>(parts.size());
            parts.forEach(p -> children.add(mine(p)));
            if (cut.operator() == Operator.LOOP && children.size() > 2) {
                // Several redo groups: any one of them may run between two iterations.
                ProcessTree redo = ProcessTree.of(Operator.XOR, children.subList(1, children.size()));
                return ProcessTree.loop(children.get(0), redo);
            }
            return ProcessTree.of(cut.operator(), children);
        }

        private ProcessTree fallThrough(ImLog log, ImDfg dfg) {
            ProcessTree t = activityOncePerTrace(log, dfg);
            if (t == null) {
                t = activityConcurrent(log, dfg);
            }
            if (t == null) {
                t = tauLoop(log, dfg, true);
            }
            if (t == null) {
                t = tauLoop(log, dfg, false);
            }
            return t != null ? t : flower(dfg);
        }

        /** An activity that occurs exactly once in every trace runs in parallel with the rest. */
        private ProcessTree activityOncePerTrace(ImLog log, ImDfg dfg) {
            int[] occurrences = new int[dfg.m];
            boolean[] candidate = new boolean[dfg.m];
            java.util.Arrays.fill(candidate, true);
            int maxCode = dfg.alphabet[dfg.m - 1] + 1;
            int[] local = localIndex(dfg, maxCode);
            for (int[] trace : log.traces) {
                java.util.Arrays.fill(occurrences, 0);
                for (int a : trace) {
                    occurrences[local[a]]++;
                }
                for (int i = 0; i < dfg.m; i++) {
                    if (occurrences[i] != 1) {
                        candidate[i] = false;
                    }
                }
            }
            for (int i = 0; i < dfg.m; i++) {
                if (candidate[i]) {
                    return splitOff(log, dfg.alphabet[i]);
                }
            }
            return null;
        }

        /** An activity whose removal leaves a log with a cut runs in parallel with the rest. */
        private ProcessTree activityConcurrent(ImLog log, ImDfg dfg) {
            BitSet all = log.alphabet();
            for (int i = 0; i < dfg.m; i++) {
                BitSet others = (BitSet) all.clone();
                others.clear(dfg.alphabet[i]);
                ImLog rest = log.project(others);
                ImDfg restDfg = ImDfg.of(rest);
                if (Cuts.find(restDfg, MinimumSelfDistance.of(rest, restDfg)) != null) {
                    return splitOff(log, dfg.alphabet[i]);
                }
            }
            return null;
        }

        private ProcessTree splitOff(ImLog log, int code) {
            BitSet one = new BitSet();
            one.set(code);
            BitSet others = log.alphabet();
            others.clear(code);
            return ProcessTree.parallel(mine(log.project(one)), mine(log.project(others)));
        }

        /**
         * Cuts traces into several where a new iteration may begin: strict, between an end activity directly
         * followed by a start activity; otherwise before every start activity. Applies when it cuts something.
         */
        private ProcessTree tauLoop(ImLog log, ImDfg dfg, boolean strict) {
            int maxCode = dfg.alphabet[dfg.m - 1] + 1;
            int[] local = localIndex(dfg, maxCode);
            ImLog.Builder b = new ImLog.Builder();
            boolean cut = false;
            for (int t = 0; t < log.traces.length; t++) {
                int[] trace = log.traces[t];
                int from = 0;
                for (int i = 1; i < trace.length; i++) {
                    boolean split = dfg.isStart(local[trace[i]]) && (!strict || dfg.isEnd(local[trace[i - 1]]));
                    if (split) {
                        b.add(trace, from, i, log.counts[t]);
                        from = i;
                        cut = true;
                    }
                }
                b.add(trace, from, trace.length, log.counts[t]);
            }
            return cut ? ProcessTree.loop(mine(b.build()), ProcessTree.tau()) : null;
        }

        /** Anything goes: any activity, any number of times. */
        private ProcessTree flower(ImDfg dfg) {
            List<ProcessTree> leaves = new ArrayList<>();
            for (int code : dfg.alphabet) {
                leaves.add(ProcessTree.activity(names.apply(code)));
            }
            ProcessTree body = leaves.size() == 1 ? leaves.get(0) : ProcessTree.of(Operator.XOR, leaves);
            return ProcessTree.loop(body, ProcessTree.tau());
        }

        private int[] localIndex(ImDfg dfg, int maxCode) {
            int[] local = new int[maxCode];
            for (int i = 0; i < dfg.m; i++) {
                local[dfg.alphabet[i]] = i;
            }
            return local;
        }
    }
}
