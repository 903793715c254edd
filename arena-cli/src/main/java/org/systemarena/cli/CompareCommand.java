package org.systemarena.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.systemarena.eval.report.ReportDocument;
import org.systemarena.eval.report.ReportReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code arena compare <a.json> <b.json>}: the headline metrics of two results files side by side, b - a. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare the headline metrics of two results.json files.",
                "Observed conversion and, for every policy in both, decisions, agreement, violations, Precision@K,"
                        + " NDCG, IPS, SNIPS and ESS with the difference b - a (percentage points for rates)."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<results-a.json>")
    Path a;

    @Parameters(index = "1", paramLabel = "<results-b.json>")
    Path b;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportDocument da = ReportReader.read(a);
        ReportDocument db = ReportReader.read(b);
        out.println("a: " + describe(a, da.root()));
        out.println("b: " + describe(b, db.root()));
        if (!da.root().path("workflow").path("name").equals(db.root().path("workflow").path("name"))
                || !da.root().path("log").path("events").equals(db.root().path("log").path("events"))
                || !da.root().path("log").path("cases").equals(db.root().path("log").path("cases"))) {
            err.println("warning: the two results are not over the same workflow and log; differences mix both");
        }
        JsonNode oa = da.root().path("observed_conversion");
        JsonNode ob = db.root().path("observed_conversion");
        out.printf(Locale.ROOT, "observed conversion: a %s, b %s, b - a %s%n",
                Headlines.format(oa.path("rate"), Headlines.Kind.RATE), Headlines.format(ob.path("rate"), Headlines.Kind.RATE),
                Headlines.difference(num(oa.path("rate")), num(ob.path("rate")), Headlines.Kind.RATE));

        Map<String, JsonNode> pa = byName(da.root());
        Map<String, JsonNode> pb = byName(db.root());
        for (Map.Entry<String, JsonNode> e : pa.entrySet()) {
            JsonNode other = pb.get(e.getKey());
            out.println();
            if (other == null) {
                out.println("policy " + e.getKey() + ": only in a");
                continue;
            }
            out.println("policy " + e.getKey() + ":");
            Table t = new Table("metric", "a", "b", "b - a");
            for (Headlines.Metric m : Headlines.METRICS) {
                t.row(m.label(), m.show(e.getValue()), m.show(other), Headlines.difference(m.value(e.getValue()),
                        m.value(other), m.kind()));
            }
            t.print(out, "  ");
        }
        for (String name : pb.keySet()) {
            if (!pa.containsKey(name)) {
                out.println();
                out.println("policy " + name + ": only in b");
            }
        }
        return ArenaCli.OK;
    }

    private static double num(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private static Map<String, JsonNode> byName(JsonNode root) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        root.path("policies").forEach(p -> m.put(p.path("name").asText(), p));
        return m;
    }

    private static String describe(Path file, JsonNode r) {
        JsonNode log = r.path("log");
        return String.format(Locale.ROOT, "%s (%s, %,d cases, %,d events, %,d decision points)", file,
                r.path("workflow").path("name").asText(), log.path("cases").asLong(), log.path("events").asLong(),
                log.path("decision_points").asLong());
    }
}
