package org.systemarena.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.manifest.ManifestLoader;

/**
 * Valid inputs the fuzz tests mutate: small logs using every canonical field, nested objects, escapes, non-ASCII
 * text, each time format and logged propensities, in each format.
 */
public final class FuzzSamples {
    /** Checks the propensity of decision.executed events, so the readers' propensity check is fuzzed too. */
    public static final Manifest MANIFEST = ManifestLoader.parse("name: fuzz\ncase:\n  sequence_field: seq\n"
            + "historical_action:\n  event_type: decision.executed\n  field: action\n  propensity_field: propensity\n",
            "fuzz-manifest.yaml");

    private static final List<String> LINES = List.of(
            "{\"case_id\":\"L1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"entity.created\","
                    + "\"event_id\":\"e1\",\"workflow_type\":\"lead\",\"actor\":{\"type\":\"human\",\"id\":\"u1\","
                    + "\"name\":\"Ann\"},\"channel\":\"web\",\"object_refs\":[{\"type\":\"lead\",\"id\":\"L1\","
                    + "\"role\":\"subject\"},{\"type\":\"account\",\"id\":\"A1\"}],\"state_after\":{\"stage\":\"new\"},"
                    + "\"budget\":5000,\"score\":0.5,\"vip\":true,\"region\":\"EMEA\",\"note\":null,"
                    + "\"payload\":{\"source\":\"ads\",\"gone\":null},\"source_system\":\"crm\","
                    + "\"correlation_id\":\"c1\"}",
            "{\"case_id\":\"L1\",\"timestamp\":1709283600000,\"event_type\":\"interaction.occurred\","
                    + "\"actor_type\":\"agent\",\"actor_id\":\"bot\",\"direction\":\"inbound\","
                    + "\"outcome_labels\":{\"replied\":true},\"seq\":1}",
            "{\"case_id\":\"L1\",\"timestamp\":\"2024-03-02T10:15:30.123456+01:00\","
                    + "\"event_type\":\"decision.executed\","
                    + "\"action\":\"send_email\",\"propensity\":0.25,\"seq\":2,\"template\":\"t\\u00e9\\n\"}",
            "{\"case_id\":\"L2\",\"timestamp\":\"2024-03-01\",\"event_type\":\"decision.executed\",\"action\":\"wait\","
                    + "\"propensity\":\"1\",\"state_before\":{\"stage\":\"new\",\"level\":2}}",
            "{\"case_id\":\"L2\",\"timestamp\":\"2024-03-04T00:00:00.5Z\",\"event_type\":\"outcome.recorded\","
                    + "\"activity\":\"won \\\"big\\\"\",\"value\":-12.5e2,\"when\":\"2024-03-04T00:00:00Z\",\"emoji\":"
                    + "\"\ud83d\ude00\"}");

    private FuzzSamples() {
    }

    /** JSON Lines files: the hand-written lines above, and the writer's own output of a few generated logs. */
    public static List<String> jsonl(Path dir) {
        List<String> files = new ArrayList<>();
        files.add(String.join("\n", LINES) + "\n");
        files.add(LINES.get(2) + "\n\n" + LINES.get(0) + "\r\n" + LINES.get(3));
        for (EventLog log : logs()) {
            Path file = dir.resolve("sample.jsonl");
            Datasets.writeJsonl(log, file);
            files.add(read(file));
        }
        return files;
    }

    /** JSON documents: arrays of the JSON Lines events, and one in an {@code events} object. */
    public static List<String> json(Path dir) {
        List<String> files = new ArrayList<>();
        for (String lines : jsonl(dir)) {
            String array = "[\n" + String.join(",\n", lines.strip().lines().filter(l -> !l.isBlank()).toList()) + "\n]";
            files.add(array);
        }
        files.add("{\"events\": [" + LINES.get(0) + ",\n  " + LINES.get(4) + "]}\n");
        files.add("[]");
        return files;
    }

    /** CSV files: quoted fields with commas, quotes and line breaks, JSON columns, each time format. */
    public static List<String> csv() {
        return List.of("case_id,timestamp,event_type,note,amount,count,flag,zip,empty,quoted\r\n"
                        + "L1,2024-03-01T09:00:00Z,entity.created,\"hello, \"\"world\"\"\nline two\",12.50,42,TRUE,"
                        + "007,,"
                        + "\"17\"\r\nL1,1709283600000,state.changed,plain,-1e3,-5,false,0,,\"\"\n",
                "case_id,timestamp,event_type,actor,object_refs,state_after,payload,outcome_labels\n"
                        + "L1,2024-03-01,a,\"{\"\"type\"\":\"\"human\"\",\"\"id\"\":\"\"u1\"\"}\","
                        + "\"[{\"\"type\"\":\"\"lead\"\",\"\"id\"\":\"\"L1\"\"}]\",\"{\"\"stage\"\":\"\"new\"\"}\","
                        + "\"{\"\"x\"\":1.5}\",\"{\"\"won\"\":true}\"\n"
                        + "L2,2024-03-02T00:00:00.25+02:00,b,,,,,\n",
                "\uFEFFcase_id,timestamp,event_type,seq,action,propensity,channel,actor_type,actor_id\n"
                        + "L1,2024-03-01T09:00:00Z,timer.elapsed,0,,,,,\n"
                        + "L1,2024-03-01T09:00:01Z,decision.executed,1,send_email,0.25,email,human,u7\n"
                        + "L2,2024-03-01T10:00:00.123Z,decision.executed,0,wait,1,,agent,b\u00e9t\n"
                        + "L2,1709290000000,outcome.recorded,1,,,phone,,\n");
    }

    /** Small logs using every canonical field and payload type, for Parquet and the JSON Lines writer. */
    public static List<EventLog> logs() {
        return List.of(SampleLogs.rich(true), SampleLogs.rich(false), RandomLogs.generate(7, 12, true),
                RandomLogs.generate(8, 6, false));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
