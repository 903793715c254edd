package org.systemarena.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.systemarena.eval.Evaluation;

/**
 * A JSON report and its parsed tree. The Markdown and HTML renderers read only this, so a report re-read from a
 * results file (see {@link ReportReader}) renders exactly like the evaluation it was written from.
 *
 * @param json   the JSON text, as written by {@link JsonReport} or read from a file
 * @param root   its parsed tree
 * @param source where the text came from, for messages
 */
public record ReportDocument(String json, JsonNode root, String source) {
    public ReportDocument {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(source, "source");
    }

    public static ReportDocument of(Evaluation evaluation) {
        return of(evaluation, null);
    }

    /** The document of an evaluation with what it was computed from (null: unknown). */
    public static ReportDocument of(Evaluation evaluation, org.systemarena.eval.Provenance provenance) {
        return ReportReader.parse(JsonReport.write(evaluation, provenance), "<evaluation " + evaluation.workflow()
                + ">");
    }
}
