package org.systemarena.integrations.variants;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.OutcomeSpec;
import org.systemarena.integrations.dfg.DirectlyFollowsGraph;
import org.systemarena.integrations.performance.CaseDurations;
import org.systemarena.integrations.performance.HumanDuration;

/**
 * Successful against unsuccessful cases: per group the share, duration statistics, variants and DFG, and the
 * activities and transitions whose presence differs most between the groups ({@link #summary()} prints it).
 * Cases the classifier puts in neither group are counted in {@link #unclassifiedCases()} and left out.
 */
public final class VariantComparison {
    private final GroupProfile successful;
    private final GroupProfile unsuccessful;
    private final int unclassified;
    private final List<Difference> activities;
    private final List<Difference> transitions;

    private VariantComparison(GroupProfile successful, GroupProfile unsuccessful, int unclassified) {
        this.successful = successful;
        this.unsuccessful = unsuccessful;
        this.unclassified = unclassified;
        this.activities = differences(successful.activityCaseShare(), unsuccessful.activityCaseShare());
        this.transitions = differences(successful.transitionCaseShare(), unsuccessful.transitionCaseShare());
    }

    /** An activity or transition ({@code a -> b}) and the share of cases containing it in each group. */
    public record Difference(String item, double successfulShare, double unsuccessfulShare) {
        /** Successful share minus unsuccessful share: positive when it goes with success. */
        public double difference() {
            return successfulShare - unsuccessfulShare;
        }
    }

    /** Groups by the manifest's outcome lists: positive outcomes are successful, negative ones unsuccessful. */
    public static VariantComparison compare(EventLog log, OutcomeSpec outcomes) {
        return compare(log, CaseClassifier.byOutcome(outcomes));
    }

    public static VariantComparison compare(EventLog log, CaseClassifier classifier) {
        List<String> good = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        int neither = 0;
        for (int c = 0; c < log.caseCount(); c++) {
            Boolean result = classifier.classify(log, c);
            if (result == null) {
                neither++;
            } else {
                (result ? good : bad).add(log.caseId(c));
            }
        }
        int classified = good.size() + bad.size();
        return new VariantComparison(profile("successful", log, good, classified),
                profile("unsuccessful", log, bad, classified), neither);
    }

    private static GroupProfile profile(String name, EventLog log, List<String> caseIds, int classified) {
        EventLog group = caseIds.isEmpty() ? EventLog.empty() : log.filterByCase(caseIds);
        VariantLog variants = VariantLog.of(group);
        Map<String, Double> activityShare = new HashMap<>();
        Map<String, Double> transitionShare = new HashMap<>();
        double cases = Math.max(1, caseIds.size());
        for (int v = 0; v < variants.size(); v++) {
            List<String> acts = variants.activities(v);
            Set<String> seenActivities = new HashSet<>(acts);
            Set<String> seenTransitions = new HashSet<>();
            for (int i = 1; i < acts.size(); i++) {
                seenTransitions.add(acts.get(i - 1) + " -> " + acts.get(i));
            }
            long n = variants.count(v);
            seenActivities.forEach(a -> activityShare.merge(a, n / cases, Double::sum));
            seenTransitions.forEach(t -> transitionShare.merge(t, n / cases, Double::sum));
        }
        return new GroupProfile(name, caseIds.size(), classified == 0 ? 0 : (double) caseIds.size() / classified,
                CaseDurations.of(group).stats(), variants.variants(), DirectlyFollowsGraph.of(group), activityShare,
                transitionShare);
    }

    private static List<Difference> differences(Map<String, Double> a, Map<String, Double> b) {
        Set<String> items = new TreeSet<>(a.keySet());
        items.addAll(b.keySet());
        List<Difference> list = new ArrayList<>();
        for (String item : items) {
            list.add(new Difference(item, a.getOrDefault(item, 0.0), b.getOrDefault(item, 0.0)));
        }
        list.sort(Comparator.comparingDouble((Difference d) -> -Math.abs(d.difference()))
                .thenComparing(Difference::item));
        return List.copyOf(list);
    }

    public GroupProfile successful() {
        return successful;
    }

    public GroupProfile unsuccessful() {
        return unsuccessful;
    }

    public int unclassifiedCases() {
        return unclassified;
    }

    /** Every activity of either group, largest difference in case share first. */
    public List<Difference> distinguishingActivities() {
        return activities;
    }

    /** Every transition of either group, largest difference in case share first. */
    public List<Difference> distinguishingTransitions() {
        return transitions;
    }

    public String summary() {
        StringBuilder sb = new StringBuilder("Variant comparison: successful vs unsuccessful cases\n");
        for (GroupProfile g : List.of(successful, unsuccessful)) {
            sb.append(String.format(Locale.ROOT, "  %s: %d cases (%.1f%%), %d variants, duration %s%n", g.name(),
                    g.caseCount(), 100 * g.share(), g.variants().size(), g.caseDuration().describe()));
            for (int i = 0; i < Math.min(3, g.variants().size()); i++) {
                VariantLog.Variant v = g.variants().get(i);
                sb.append(String.format(Locale.ROOT, "    %d x %s%n", v.count(), String.join(", ", v.activities())));
            }
        }
        if (unclassified > 0) {
            sb.append("  neither: ").append(unclassified).append(" cases (left out)\n");
        }
        if (successful.caseCount() > 0 && unsuccessful.caseCount() > 0) {
            sb.append("  Mean duration difference (successful - unsuccessful): ")
                    .append(HumanDuration.format(successful.caseDuration().mean() - unsuccessful.caseDuration().mean()))
                    .append('\n');
        }
        appendTop(sb, "Distinguishing activities", activities);
        appendTop(sb, "Distinguishing transitions", transitions);
        return sb.toString();
    }

    private static void appendTop(StringBuilder sb, String title, List<Difference> list) {
        sb.append("  ").append(title).append(" (share of cases, successful vs unsuccessful):\n");
        int shown = 0;
        for (Difference d : list) {
            if (shown == 5 || d.difference() == 0) {
                break;
            }
            sb.append(String.format(Locale.ROOT, "    %s: %.1f%% vs %.1f%% (%+.1f pts)%n", d.item(),
                    100 * d.successfulShare(), 100 * d.unsuccessfulShare(), 100 * d.difference()));
            shown++;
        }
        if (shown == 0) {
            sb.append("    none\n");
        }
    }
}
