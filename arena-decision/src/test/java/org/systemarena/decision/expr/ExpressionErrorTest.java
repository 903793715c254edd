package org.systemarena.decision.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.SourcePosition;

/** Every error message, asserted exactly. Columns are counted by hand (1-based; offset + 1 without a position). */
class ExpressionErrorTest {

    private static final SourcePosition AT = new SourcePosition("manifest.yaml", 14, 18);

    private static void parseFails(String text, String message) {
        assertThatThrownBy(() -> Expression.parse(text))
                .isInstanceOf(ArenaException.class)
                .hasMessage(message);
    }

    private static void evalFails(String text, Bindings b, String message) {
        Expression e = Expression.parse(text);
        assertThatThrownBy(() -> e.evaluate(b)).isInstanceOf(ArenaException.class).hasMessage(message);
    }

    private static void evalFails(String text, String message) {
        evalFails(text, Bindings.empty(), message);
    }

    private static Bindings vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Bindings.of(map);
    }

    @Test
    void parseErrorRelativeToTheManifestPosition() {
        assertThatThrownBy(() -> Expression.parse("(days > 3", AT))
                .isInstanceOf(ArenaException.class)
                .hasMessage("manifest.yaml:14:27: expected ')' but found end of expression in: (days > 3")
                .satisfies(e -> {
                    ArenaException.Location loc = ((ArenaException) e).location().orElseThrow();
                    assertThat(loc.source()).isEqualTo("manifest.yaml");
                    assertThat(loc.line()).isEqualTo(14);
                    assertThat(loc.columnNumber()).isEqualTo(27);
                });
    }

    @Test
    void parseErrorOnALaterLineOfAMultiLineExpression() {
        assertThatThrownBy(() -> Expression.parse("x > 1 and\n  (y", new SourcePosition("m.yaml", 5, 12)))
                .isInstanceOf(ArenaException.class)
                // The expression is quoted on the message's one line: its line break as \n.
                .hasMessage("m.yaml:6:5: expected ')' but found end of expression in: x > 1 and\\n  (y");
        assertThatThrownBy(() -> Expression.parse("x >> 1 and\n  y", new SourcePosition("m.yaml", 5, 12)))
                .isInstanceOf(ArenaException.class)
                .hasMessage("m.yaml:5:15: expected a value, a name or '(' but found '>' in: x >> 1 and\\n  y");
    }

    @Test
    void parseErrorWithoutPositionCountsFromLineOneColumnOne() {
        parseFails("(days > 3", "<code>:1:10: expected ')' but found end of expression in: (days > 3");
        assertThatThrownBy(() -> Expression.parse("(days > 3", SourcePosition.UNKNOWN))
                .hasMessage("<code>:1:10: expected ')' but found end of expression in: (days > 3");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "x >                  | <code>:1:4: expected a value, a name or '(' but found end of expression in: x >",
        "x > 3 y              | <code>:1:7: expected an operator or end of expression but found name 'y' in: x > 3 y",
        "x > 3 )              | <code>:1:7: expected an operator or end of expression but found ')' in: x > 3 )",
        "x > 3 'a'            | <code>:1:7: expected an operator or end of expression but found string 'a' in: x > 3 'a'",
        "x = 3                | <code>:1:3: unexpected '=' (use '==' to compare) in: x = 3",
        "x && y               | <code>:1:3: unexpected '&' (use 'and') in: x && y",
        "!x                   | <code>:1:1: unexpected '!' (use 'not') in: !x",
        "x @ y                | <code>:1:3: unexpected character '@' in: x @ y",
        "'abc                 | <code>:1:1: unterminated string: missing closing ' in: 'abc",
        "x == \"abc           | <code>:1:6: unterminated string: missing closing \" in: x == \"abc",
        "'a\\qb'              | <code>:1:3: unknown escape '\\q' in string in: 'a\\qb'",
        "'\\u12'              | <code>:1:2: malformed escape: '\\u' needs 4 hex digits in: '\\u12'",
        "'ab\\                | <code>:1:1: unterminated string: missing closing ' in: 'ab\\",
        "1e                   | <code>:1:1: malformed number '1e': expected digits in the exponent in: 1e",
        "1e+x                 | <code>:1:1: malformed number '1e+x': expected digits in the exponent in: 1e+x",
        "12abc > 1            | <code>:1:1: malformed number '12abc' in: 12abc > 1",
        "99999999999999999999 | <code>:1:1: integer out of range (64-bit): 99999999999999999999 in: 99999999999999999999",
        "9223372036854775808  | <code>:1:1: integer out of range (64-bit): 9223372036854775808 in: 9223372036854775808",
        "1e400                | <code>:1:1: number out of range: 1e400 in: 1e400",
        "'abc'.upper()        | <code>:1:6: expected an operator or end of expression but found '.' in: 'abc'.upper()",
        "x[0]                 | <code>:1:2: expected an operator or end of expression but found '[' in: x[0]",
        "x is 3               | <code>:1:6: expected 'None' after 'is' but found number 3 in: x is 3",
        "x is not 3           | <code>:1:10: expected 'None' after 'is not' but found number 3 in: x is not 3",
        "x is y               | <code>:1:6: expected 'None' after 'is' but found name 'y' in: x is y",
        "[1, 2]               | <code>:1:1: a list is only allowed after 'in' or 'not in' in: [1, 2]",
        "x == (1, 2)          | <code>:1:6: a list is only allowed after 'in' or 'not in' in: x == (1, 2)",
        "len([1, 2])          | <code>:1:5: a list is only allowed after 'in' or 'not in' in: len([1, 2])",
        "x in [1] == [1]      | <code>:1:13: a list is only allowed after 'in' or 'not in' in: x in [1] == [1]",
        "abs(1, 2)            | <code>:1:1: abs() takes exactly 1 argument but 2 were given in: abs(1, 2)",
        "len()                | <code>:1:1: len() takes exactly 1 argument but 0 were given in: len()",
        "x + min(1)           | <code>:1:5: min() takes at least 2 arguments but 1 was given in: x + min(1)",
        "max()                | <code>:1:1: max() takes at least 2 arguments but 0 were given in: max()",
        "coalesce()           | <code>:1:1: coalesce() takes at least 1 argument but 0 were given in: coalesce()",
        "f(1, 2               | <code>:1:7: expected ',' or ')' but found end of expression in: f(1, 2",
        "f(1 2)               | <code>:1:5: expected ',' or ')' but found number 2 in: f(1 2)",
        "x in [1, 2           | <code>:1:11: expected ',' or ']' but found end of expression in: x in [1, 2",
        "(1, 2                | <code>:1:6: expected ',' or ')' but found end of expression in: (1, 2",
        "()                   | <code>:1:2: expected a value, a name or '(' but found ')' in: ()",
        "x.                   | <code>:1:3: expected a field name after '.' but found end of expression in: x.",
        "x.'a'                | <code>:1:3: expected a field name after '.' but found string 'a' in: x.'a'",
        "x.1                  | <code>:1:2: expected an operator or end of expression but found number .1 in: x.1",
        "not                  | <code>:1:4: expected a value, a name or '(' but found end of expression in: not",
        "x not y              | <code>:1:3: expected an operator or end of expression but found 'not' in: x not y",
        "and x                | <code>:1:1: expected a value, a name or '(' but found 'and' in: and x",
        "x == not y           | <code>:1:6: expected a value, a name or '(' but found 'not' in: x == not y",
        "x > 1 and            | <code>:1:10: expected a value, a name or '(' but found end of expression in: x > 1 and",
    })
    void parseErrors(String text, String message) {
        parseFails(text, message);
    }

    @Test
    void emptyExpressions() {
        parseFails("", "<code>:1:1: expected an expression but found end of expression in: ");
        parseFails("   ", "<code>:1:1: expected an expression but found end of expression in:    ");
        parseFails("x || y", "<code>:1:3: unexpected '|' (use 'or') in: x || y");
    }

    @Test
    void methodCallsAreParseErrors() {
        parseFails("x.getClass()", "<code>:1:1: 'x.getClass' cannot be called: values have no methods;"
                + " only functions such as abs, min, max, len and coalesce can be called in: x.getClass()");
        parseFails("event.name.toString() == 'a'", "<code>:1:1: 'event.name.toString' cannot be called: values"
                + " have no methods; only functions such as abs, min, max, len and coalesce can be called"
                + " in: event.name.toString() == 'a'");
        parseFails("1 + Runtime.getRuntime().exec('x')", "<code>:1:5: 'Runtime.getRuntime' cannot be called:"
                + " values have no methods; only functions such as abs, min, max, len and coalesce can be called"
                + " in: 1 + Runtime.getRuntime().exec('x')");
        parseFails("(x).getClass()",
                "<code>:1:4: expected an operator or end of expression but found '.' in: (x).getClass()");
        parseFails("abs(1).x", "<code>:1:7: expected an operator or end of expression but found '.' in: abs(1).x");
    }

    @Test
    void typeErrorsNameOperatorTypesAndValues() {
        evalFails("'a' < 3", "<code>:1:5: cannot compare string 'a' with integer 3 using '<' in: 'a' < 3");
        evalFails("x == 5", vars("x", "5"), "<code>:1:3: cannot compare string '5' with integer 5 using '==' in: x == 5");
        evalFails("x != 5", vars("x", "5"), "<code>:1:3: cannot compare string '5' with integer 5 using '!=' in: x != 5");
        evalFails("True == 1", "<code>:1:6: cannot compare boolean true with integer 1 using '==' in: True == 1");
        evalFails("True < False",
                "<code>:1:6: cannot compare boolean true with boolean false using '<' in: True < False");
        evalFails("t >= 1", vars("t", Instant.parse("2024-01-01T00:00:00Z")),
                "<code>:1:3: cannot compare instant 2024-01-01T00:00:00Z with integer 1 using '>=' in: t >= 1");
        evalFails("1 < 2 < 'x'", "<code>:1:7: cannot compare integer 2 with string 'x' using '<' in: 1 < 2 < 'x'");
        evalFails("x > 1", vars("x", 3), "<code>:1:3: cannot compare unsupported java.lang.Integer 3 with integer 1"
                + " using '>' in: x > 1");
        evalFails("'a' + 1", "<code>:1:5: cannot apply '+' to string 'a' and integer 1 in: 'a' + 1");
        evalFails("'a' * 2", "<code>:1:5: cannot apply '*' to string 'a' and integer 2 in: 'a' * 2");
        evalFails("'a' - 'b'", "<code>:1:5: cannot apply '-' to string 'a' and string 'b' in: 'a' - 'b'");
        evalFails("True + 1", "<code>:1:6: cannot apply '+' to boolean true and integer 1 in: True + 1");
        evalFails("t + 1", vars("t", Instant.EPOCH),
                "<code>:1:3: cannot apply '+' to instant 1970-01-01T00:00:00Z and integer 1 in: t + 1");
        evalFails("-'a'", "<code>:1:1: cannot apply unary '-' to string 'a' in: -'a'");
        evalFails("+True", "<code>:1:1: cannot apply unary '+' to boolean true in: +True");
        evalFails("x > 1", vars("x", "a".repeat(100)), "<code>:1:3: cannot compare string '" + "a".repeat(79)
                + "... with integer 1 using '>' in: x > 1");
    }

    @Test
    void arithmeticErrors() {
        evalFails("1 / 0", "<code>:1:3: division by zero: integer 1 / integer 0 in: 1 / 0");
        evalFails("1.5 / 0", "<code>:1:5: division by zero: decimal 1.5 / integer 0 in: 1.5 / 0");
        evalFails("1 // 0", "<code>:1:3: division by zero: integer 1 // integer 0 in: 1 // 0");
        evalFails("1 % 0", "<code>:1:3: division by zero: integer 1 % integer 0 in: 1 % 0");
        evalFails("1 % 0.0", "<code>:1:3: division by zero: integer 1 % decimal 0.0 in: 1 % 0.0");
        evalFails("1 // -0.0", "<code>:1:3: division by zero: integer 1 // decimal -0.0 in: 1 // -0.0");
        evalFails("9223372036854775807 + 1", "<code>:1:21: integer overflow: integer 9223372036854775807 + integer 1"
                + " does not fit in 64 bits in: 9223372036854775807 + 1");
        evalFails("-9223372036854775808 - 1", "<code>:1:22: integer overflow: integer -9223372036854775808 - integer 1"
                + " does not fit in 64 bits in: -9223372036854775808 - 1");
        evalFails("x * 2", vars("x", Long.MAX_VALUE), "<code>:1:3: integer overflow: integer 9223372036854775807"
                + " * integer 2 does not fit in 64 bits in: x * 2");
        evalFails("-9223372036854775808 // -1", "<code>:1:22: integer overflow: integer -9223372036854775808 //"
                + " integer -1 does not fit in 64 bits in: -9223372036854775808 // -1");
        evalFails("-x", vars("x", Long.MIN_VALUE), "<code>:1:1: integer overflow: -(integer -9223372036854775808)"
                + " does not fit in 64 bits in: -x");
        evalFails("abs(x)", vars("x", Long.MIN_VALUE), "<code>:1:1: integer overflow: abs(integer"
                + " -9223372036854775808) does not fit in 64 bits in: abs(x)");
        evalFails("1e308 * 10", "<code>:1:7: result is not a finite number: decimal 1.0E308 * integer 10 in: 1e308 * 10");
        evalFails("x + 1", vars("x", Double.NaN), "<code>:1:3: result is not a finite number: decimal NaN + integer 1"
                + " in: x + 1");
    }

    @Test
    void logicAndConditionTypeErrors() {
        evalFails("1 and True", "<code>:1:1: the operand of 'and' must be true, false or None but was integer 1"
                + " in: 1 and True");
        evalFails("True and 'x'", "<code>:1:10: the operand of 'and' must be true, false or None but was string 'x'"
                + " in: True and 'x'");
        evalFails("False or 2.5", "<code>:1:10: the operand of 'or' must be true, false or None but was decimal 2.5"
                + " in: False or 2.5");
        evalFails("not 'x'", "<code>:1:5: the operand of 'not' must be true, false or None but was string 'x'"
                + " in: not 'x'");
        evalFails("not (1 + 2)", "<code>:1:6: the operand of 'not' must be true, false or None but was integer 3"
                + " in: not (1 + 2)");
        Expression e = Expression.parse("x + 1");
        assertThatThrownBy(() -> e.test(vars("x", 2L)))
                .isInstanceOf(ArenaException.class)
                .hasMessage("<code>:1:1: the condition must be true, false or None but was integer 3 in: x + 1");
        assertThatThrownBy(() -> Expression.parse("'abc'").test(Bindings.empty()))
                .hasMessage("<code>:1:1: the condition must be true, false or None but was string 'abc' in: 'abc'");
        assertThatThrownBy(() -> Expression.parse("  x", AT).test(vars("x", 1.5)))
                .hasMessage("manifest.yaml:14:20: the condition must be true, false or None but was decimal 1.5"
                        + " in:   x");
    }

    @Test
    void membershipErrors() {
        evalFails("3 in 'abc'", "<code>:1:3: cannot apply 'in' to integer 3 and string 'abc': only a string can be"
                + " found in a string in: 3 in 'abc'");
        evalFails("x in 5", vars("x", "a"),
                "<code>:1:3: 'in' needs a list or a string on the right but got integer 5 in: x in 5");
        evalFails("x not in 3", "<code>:1:3: 'not in' needs a list or a string on the right but got integer 3"
                + " in: x not in 3");
        evalFails("'a' in [1, 2]", "<code>:1:5: cannot compare string 'a' with integer 1 using '==' in: 'a' in [1, 2]");
        evalFails("'a' not in [1, 'a', 2, 3]",
                "<code>:1:5: cannot compare string 'a' with integer 1 using '==' in: 'a' not in [1, 'a', 2, 3]");
        evalFails("x in tags", vars("x", 1L, "tags", List.of("a")),
                "<code>:1:3: cannot compare integer 1 with string 'a' using '==' in: x in tags");
    }

    @Test
    void functionErrors() {
        evalFails("len(3)", "<code>:1:1: len() needs a string but got integer 3 in: len(3)");
        evalFails("abs('a')", "<code>:1:1: abs() needs a number but got string 'a' in: abs('a')");
        evalFails("min(1, 'a')", "<code>:1:1: min() cannot compare integer 1 with string 'a' in: min(1, 'a')");
        evalFails("1 + max(True, 1)",
                "<code>:1:5: max() needs numbers, strings or instants but got boolean true in: 1 + max(True, 1)");
        evalFails("min(x, 'a', 2)", "<code>:1:1: min() cannot compare string 'a' with integer 2 in: min(x, 'a', 2)");
        evalFails("f(1)", "<code>:1:1: unknown function 'f' in: f(1)");
        Bindings throwing = new Bindings() {
            @Override
            public Object get(String name) {
                throw new IllegalStateException("nope");
            }

            @Override
            public Object call(String function, List<Object> args) {
                if (args.isEmpty()) {
                    throw new IllegalStateException("boom");
                }
                return Optional.empty();
            }
        };
        assertThatThrownBy(() -> Expression.parse("1 + f()").evaluate(throwing))
                .isInstanceOf(ArenaException.class)
                .hasMessage("<code>:1:5: function 'f' failed: java.lang.IllegalStateException: boom in: 1 + f()")
                .hasCauseInstanceOf(IllegalStateException.class);
        evalFails("f(1)", throwing, "<code>:1:1: function 'f' returned unsupported attribute value type"
                + " java.util.Optional: Optional.empty in: f(1)");
        assertThatThrownBy(() -> Expression.parse("1 + x").evaluate(throwing))
                .isInstanceOf(ArenaException.class)
                .hasMessage("<code>:1:5: cannot read 'x': java.lang.IllegalStateException: nope in: 1 + x")
                .hasCauseInstanceOf(IllegalStateException.class);
        Bindings arena = name -> {
            throw new ArenaException("no such column");
        };
        assertThatThrownBy(() -> Expression.parse("x", AT).evaluate(arena))
                .hasMessage("manifest.yaml:14:18: cannot read 'x': no such column in: x")
                .hasCauseInstanceOf(ArenaException.class);
    }

    @Test
    void evaluationErrorsArePositionedRelativeToTheManifest() {
        Expression e = Expression.parse("days > 3 and stage < 2", AT);
        assertThatThrownBy(() -> e.test(vars("days", 4L, "stage", "won")))
                .isInstanceOf(ArenaException.class)
                .hasMessage("manifest.yaml:14:37: cannot compare string 'won' with integer 2 using '<'"
                        + " in: days > 3 and stage < 2");
    }

    @Test
    void errorsAreNotHiddenByNullOnTheLeft() {
        evalFails("x < 1 / 0", "<code>:1:7: division by zero: integer 1 / integer 0 in: x < 1 / 0");
    }
}
