package org.systemarena.decision.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.SourcePosition;

/**
 * Random mutations of valid expressions (a character replaced, dropped, inserted or a run repeated, including runs of
 * '(' and 'not '): parsing, checking and evaluating each ends in a value or in one ArenaException that names its
 * position, never another exception or a stack overflow. Seeded, and bounded in time.
 */
class ExpressionFuzzTest {
    private static final List<String> VALID = List.of(
            "days_since_last_contact > 2 and budget >= 50000",
            "not (status in ['won', 'lost']) or event.channel == 'email'",
            "abs(budget - 10000) / 2 + min(total_events, 3) * -1 >= 0",
            "coalesce(region, 'na') not in ['emea', \"apac\"] and budget is not None",
            "(a + b) * (c - d) // 3 % 2 == 1 or len(name) > 4",
            "x < y < z and not not flag");
    private static final String ALPHABET = "()[]{},.'\"+-*/%<>=!&|^~ \t\n0123456789eE_abnotdirsxyzNoeTF\\\u00e9";
    private static final SourcePosition AT = new SourcePosition("fuzz.yaml", 3, 9);
    private static final Map<String, Object> NAMES = Map.ofEntries(Map.entry("days_since_last_contact", 3.5),
            Map.entry("budget", 20_000L), Map.entry("status", "open"), Map.entry("event.channel", "email"),
            Map.entry("total_events", 7L), Map.entry("region", "na"), Map.entry("a", 1L), Map.entry("b", 2L),
            Map.entry("c", 3L), Map.entry("d", 4L), Map.entry("name", "lead"), Map.entry("x", 1L), Map.entry("y", 2L),
            Map.entry("z", 3L), Map.entry("flag", Boolean.TRUE));
    private static final Bindings VALUES = NAMES::get;

    @Test
    void mutatedExpressionsEndInAValueOrOnePreciseError() {
        SplittableRandom random = new SplittableRandom(2026_12_04L);
        long deadline = System.nanoTime() + 20_000_000_000L;
        int errors = 0;
        int cases = 0;
        for (; cases < 8_000 && System.nanoTime() < deadline; cases++) {
            String text = VALID.get(random.nextInt(VALID.size()));
            for (int e = 1 + random.nextInt(4); e > 0; e--) {
                text = mutate(text, random);
            }
            try {
                Expression x = Expression.parse(text, AT);
                x.evaluate(VALUES);
            } catch (ArenaException ok) {
                errors++;
                assertThat(ok.getMessage()).as(text).startsWith("fuzz.yaml:");
            } catch (RuntimeException | StackOverflowError other) {
                fail("'" + text + "' threw " + other, other);
            }
        }
        // Both outcomes occurred, so both were exercised.
        assertThat(errors).isBetween(cases / 10, cases - cases / 20);
    }

    private static String mutate(String s, SplittableRandom r) {
        if (s.isEmpty()) {
            return String.valueOf(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        int at = r.nextInt(s.length());
        char c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
        return switch (r.nextInt(6)) {
            case 0 -> s.substring(0, at) + c + s.substring(at + 1);
            case 1 -> s.substring(0, at) + s.substring(at + 1);
            case 2 -> s.substring(0, at) + c + s.substring(at);
            case 3 -> s.substring(0, at) + "(".repeat(1 + r.nextInt(400)) + s.substring(at);
            case 4 -> s.substring(0, at) + "not ".repeat(1 + r.nextInt(400)) + s.substring(at);
            default -> {
                int end = Math.min(s.length(), at + 1 + r.nextInt(10));
                yield s.substring(0, end) + s.substring(at);
            }
        };
    }
}
