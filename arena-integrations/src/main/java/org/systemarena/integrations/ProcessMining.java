package org.systemarena.integrations;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.OutcomeSpec;
import org.systemarena.integrations.csv.Pm4pyCsv;
import org.systemarena.integrations.dfg.DirectlyFollowsGraph;
import org.systemarena.integrations.dfg.PerformanceDfg;
import org.systemarena.integrations.discovery.InductiveMiner;
import org.systemarena.integrations.discovery.ProcessTree;
import org.systemarena.integrations.performance.PerformanceAnalyzer;
import org.systemarena.integrations.performance.PerformanceReport;
import org.systemarena.integrations.petri.AcceptingPetriNet;
import org.systemarena.integrations.petri.ProcessTreeToPetriNet;
import org.systemarena.integrations.variants.CaseClassifier;
import org.systemarena.integrations.variants.VariantComparison;
import org.systemarena.integrations.variants.VariantLog;
import org.systemarena.integrations.xes.Xes;

/**
 * One-line entry points for process mining on an {@link EventLog}, the Java side of the seed's Python helpers
 * ({@code export_to_pm4py}, {@code discover_process(log, algorithm="inductive")}, {@code compare_variants},
 * {@code PerformanceAnalyzer().analyze(log)}). Each delegates to the class that does the work.
 */
public final class ProcessMining {
    /** Algorithm names accepted by {@link #discoverPetriNet(EventLog, String)}. */
    public static final List<String> ALGORITHMS = List.of("inductive", "inductive_infrequent");
    /** Noise threshold of {@code "inductive_infrequent"} (IMf), PM4Py's usual 0.2. */
    public static final double DEFAULT_NOISE = 0.2;

    private ProcessMining() {
    }

    /** Directly-follows graph with frequencies. */
    public static DirectlyFollowsGraph discoverDfg(EventLog log) {
        return DirectlyFollowsGraph.of(log);
    }

    /** Directly-follows graph with time statistics per edge. */
    public static PerformanceDfg discoverPerformanceDfg(EventLog log) {
        return PerformanceDfg.of(log);
    }

    /** Process tree by the Inductive Miner (IM). */
    public static ProcessTree discoverProcessTree(EventLog log) {
        return InductiveMiner.im().discover(log);
    }

    /** Process tree by IM when {@code noise} is 0, else by IMf with that noise threshold. */
    public static ProcessTree discoverProcessTree(EventLog log, double noise) {
        return (noise == 0 ? InductiveMiner.im() : InductiveMiner.imf(noise)).discover(log);
    }

    /** Petri net with initial and final marking by the Inductive Miner. */
    public static AcceptingPetriNet discoverPetriNet(EventLog log) {
        return discoverPetriNet(log, "inductive");
    }

    /**
     * Petri net with initial and final marking: {@code "inductive"} (IM) or {@code "inductive_infrequent"} (IMf, noise
     * {@value #DEFAULT_NOISE}).
     */
    public static AcceptingPetriNet discoverPetriNet(EventLog log, String algorithm) {
        String name = algorithm == null ? "" : algorithm.toLowerCase(Locale.ROOT);
        ProcessTree tree = switch (name) {
            case "inductive" -> discoverProcessTree(log);
            case "inductive_infrequent" -> discoverProcessTree(log, DEFAULT_NOISE);
            default -> throw new ArenaException("unknown discovery algorithm '" + algorithm + "'; known: "
                    + String.join(", ", ALGORITHMS));
        };
        return ProcessTreeToPetriNet.convert(tree, name);
    }

    /** Variants, most frequent first. */
    public static List<VariantLog.Variant> variants(EventLog log) {
        return VariantLog.of(log).variants();
    }

    /** Successful (positive outcomes) against unsuccessful (negative outcomes) cases. */
    public static VariantComparison compareVariants(EventLog log, OutcomeSpec outcomes) {
        return VariantComparison.compare(log, outcomes);
    }

    /** Successful against unsuccessful cases, as a classifier decides (e.g. by end activity). */
    public static VariantComparison compareVariants(EventLog log, CaseClassifier classifier) {
        return VariantComparison.compare(log, classifier);
    }

    /** Same as {@code new PerformanceAnalyzer().analyze(log)}. */
    public static PerformanceReport analyzePerformance(EventLog log) {
        return new PerformanceAnalyzer().analyze(log);
    }

    /** Writes the log as XES (readable by PM4Py's {@code read_xes}, ProM, Disco). */
    public static void exportXes(EventLog log, Path path) {
        Xes.write(log, path);
    }

    /** Writes the log as CSV with PM4Py's column names ({@code case:concept:name}, {@code concept:name}, ...). */
    public static void exportPm4pyCsv(EventLog log, Path path) {
        Pm4pyCsv.write(log, path);
    }
}
