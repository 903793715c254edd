package org.systemarena.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.OutcomeCategory;
import org.systemarena.datasets.io.parquet.ParquetRows;
import org.systemarena.policy.Decision;

/**
 * Writes one policy's decision traces as Parquet, straight from its {@link TraceTable} columns: a row per decision
 * point in global replay order, with the fields and names of the JSON Lines traces ({@link TraceWriter}). Text
 * columns are dictionary encoded (policy, rule, actions, outcomes, snapshot texts repeat on every row, so they cost
 * a few bits each); {@code params}, {@code probabilities} and {@code metadata} are JSON text because a policy may put
 * any nested value there. {@link TraceReader} turns the file back into the JSON Lines the other writer gives, byte
 * for byte.
 *
 * <p>Schema: {@code decision_id}, {@code policy}, {@code case_id}, {@code rule} (strings), {@code time}
 * (TIMESTAMP(MICROS, UTC)), {@code snapshot} (a struct of the summary values, each typed by what the snapshots gave:
 * int64, double, boolean, string, or JSON text when they mixed kinds), {@code action}, {@code params},
 * {@code probabilities}, {@code score}, {@code confidence}, {@code reasoning}, {@code metadata},
 * {@code logged_action}, {@code logged_propensity}, {@code policy_probability_of_logged}, {@code matches_logged},
 * {@code outcome}, {@code outcome_category}, {@code violations} (list of struct{constraint, severity, message}),
 * {@code errors} (list of struct{kind, message}) and, when asked for, {@code latency_us}.
 */
public final class ParquetTraceWriter {
    /** Footer key whose value is the traces' format version. */
    static final String FORMAT_KEY = "systemarena.traces";
    static final String FORMAT_VERSION = "1";
    private static final int JSON_CACHE = 1024;

    private ParquetTraceWriter() {
    }

    public static void write(BenchmarkResult result, Path file, boolean includeLatency) {
        write(result.table(), file, includeLatency);
    }

    /**
     * @throws ArenaException naming the file when it cannot be written
     */
    public static void write(TraceTable table, Path file, boolean includeLatency) {
        List<ParquetRows.Column> columns = columns(table, includeLatency);
        ParquetRows.write(file, columns, "trace", Map.of(FORMAT_KEY, FORMAT_VERSION,
                "systemarena.writer", "arena-replay"), table.size(), table::replayRow);
    }

    static List<ParquetRows.Column> columns(TraceTable t, boolean includeLatency) {
        List<ParquetRows.Column> c = new ArrayList<>();
        c.add(text("decision_id", true, false, null, row -> TraceParquetGroups.utf8(t.decisionId(row))));
        Binary policy = TraceParquetGroups.utf8(t.policyName());
        c.add(text("policy", true, null, row -> policy));
        Binary[] cases = new Binary[t.caseCount()];
        c.add(text("case_id", true, null, row -> {
            int caseIndex = t.caseOf(row);
            Binary b = cases[caseIndex];
            if (b == null) {
                b = TraceParquetGroups.utf8(t.caseId(caseIndex));
                cases[caseIndex] = b;
            }
            return b;
        }));
        Binary[] rules = new Binary[t.rules().size()];
        for (int r = 0; r < rules.length; r++) {
            rules[r] = TraceParquetGroups.utf8(t.rules().get(r));
        }
        c.add(text("rule", true, null, row -> rules[t.ruleIndex(row)]));
        c.add(new ParquetRows.Column(Types.required(PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named("time"),
                false) {
            @Override
            public void write(RecordConsumer rc, int row) {
                rc.addLong(t.timeMicros(row));
            }
        });
        c.add(TraceParquetGroups.snapshot(t));
        Binary[] actions = new Binary[t.actions().size()];
        for (int a = 0; a < actions.length; a++) {
            actions[a] = TraceParquetGroups.utf8(t.actions().get(a));
        }
        Map<String, Binary> otherActions = new HashMap<>();
        c.add(text("action", false, row -> t.decision(row) == null, row -> {
            int code = t.actionCode(row);
            return code != TraceTable.NONE ? actions[code]
                    : otherActions.computeIfAbsent(t.decision(row).action(), TraceParquetGroups::utf8);
        }));
        c.add(json("params", row -> decisionMap(t, row, Decision::params)));
        c.add(json("probabilities", row -> decisionMap(t, row, Decision::probabilities)));
        c.add(number("score", false, t::score));
        c.add(number("confidence", true, row -> {
            Decision d = t.decision(row);
            return d == null || d.confidence() == null ? Double.NaN : d.confidence();
        }));
        c.add(text("reasoning", false, row -> t.decision(row) == null || t.decision(row).reasoning() == null,
                row -> TraceParquetGroups.utf8(t.decision(row).reasoning())));
        c.add(json("metadata", row -> decisionMap(t, row, Decision::metadata)));
        c.add(text("logged_action", false, row -> t.loggedActionCode(row) == TraceTable.NONE,
                row -> actions[t.loggedActionCode(row)]));
        c.add(number("logged_propensity", true, t::loggedPropensity));
        c.add(number("policy_probability_of_logged", true, t::loggedProbability));
        c.add(new ParquetRows.Column(Types.optional(PrimitiveTypeName.BOOLEAN).named("matches_logged")) {
            @Override
            public boolean isNull(int row) {
                return !t.comparable(row);
            }

            @Override
            public void write(RecordConsumer rc, int row) {
                rc.addBoolean(t.matchesLogged(row));
            }
        });
        Map<String, Binary> outcomes = new HashMap<>();
        c.add(text("outcome", false, row -> t.outcome(row) == null,
                row -> outcomes.computeIfAbsent(t.outcome(row), TraceParquetGroups::utf8)));
        OutcomeCategory[] categories = OutcomeCategory.values();
        Binary[] categoryNames = new Binary[categories.length];
        for (OutcomeCategory oc : categories) {
            categoryNames[oc.ordinal()] = TraceParquetGroups.utf8(oc.name().toLowerCase(Locale.ROOT));
        }
        c.add(text("outcome_category", true, null, row -> categoryNames[t.outcomeCategory(row).ordinal()]));
        c.add(TraceParquetGroups.violations(t));
        c.add(TraceParquetGroups.errors(t));
        if (includeLatency) {
            c.add(number("latency_us", false, row -> t.latencyNanos(row) / 1000.0));
        }
        return List.copyOf(c);
    }

    private static Map<String, ?> decisionMap(TraceTable t, int row,
                                              java.util.function.Function<Decision, Map<String, ?>> field) {
        Decision d = t.decision(row);
        if (d == null) {
            return null;
        }
        Map<String, ?> m = field.apply(d);
        return m.isEmpty() ? null : m;
    }

    private static ParquetRows.Column text(String name, boolean required, IntPredicate isNull,
                                           IntFunction<Binary> value) {
        return text(name, required, true, isNull, value);
    }

    private static ParquetRows.Column text(String name, boolean required, boolean dictionary, IntPredicate isNull,
                                           IntFunction<Binary> value) {
        Type type = (required ? Types.required(PrimitiveTypeName.BINARY) : Types.optional(PrimitiveTypeName.BINARY))
                .as(LogicalTypeAnnotation.stringType()).named(name);
        return new ParquetRows.Column(type, dictionary) {
            @Override
            public boolean isNull(int row) {
                return isNull != null && isNull.test(row);
            }

            @Override
            public void write(RecordConsumer rc, int row) {
                rc.addBinary(value.apply(row));
            }
        };
    }

    /**
     * A JSON-text column of maps. Policies tend to repeat the same few maps (a random policy's probabilities, a model
     * version in metadata), so the text of the first {@link #JSON_CACHE} distinct ones is kept.
     */
    private static ParquetRows.Column json(String name, IntFunction<Map<String, ?>> value) {
        Map<Map<String, ?>, Binary> texts = new HashMap<>();
        return new ParquetRows.Column(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.jsonType())
                .named(name)) {
            @Override
            public boolean isNull(int row) {
                return value.apply(row) == null;
            }

            @Override
            public void write(RecordConsumer rc, int row) {
                Map<String, ?> map = value.apply(row);
                Binary b = texts.get(map);
                if (b == null) {
                    b = Binary.fromConstantByteArray(TraceJson.text(map));
                    if (texts.size() < JSON_CACHE) {
                        texts.put(map, b);
                    }
                }
                rc.addBinary(b);
            }
        };
    }

    /** An optional double column; NaN stands for null (no trace number is NaN: a NaN score is refused). */
    private static ParquetRows.Column number(String name, boolean dictionary, IntToDoubleFunction value) {
        return new ParquetRows.Column(Types.optional(PrimitiveTypeName.DOUBLE).named(name), dictionary) {
            @Override
            public boolean isNull(int row) {
                return Double.isNaN(value.applyAsDouble(row));
            }

            @Override
            public void write(RecordConsumer rc, int row) {
                rc.addDouble(value.applyAsDouble(row));
            }
        };
    }
}
