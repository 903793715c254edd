package org.systemarena.decision.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.systemarena.core.ArenaException;

/** Features and semantics of the language; the expected values are worked out by hand from docs/expressions.md. */
class ExpressionTest {

    static Bindings vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Bindings.of(map);
    }

    static Object eval(String text, Object... keyValues) {
        return Expression.parse(text).evaluate(vars(keyValues));
    }

    static boolean test(String text, Object... keyValues) {
        return Expression.parse(text).test(vars(keyValues));
    }

    @Test
    void seedConditions() {
        assertThat(test("days_since_last_contact > 3", "days_since_last_contact", 3.5)).isTrue();
        assertThat(test("days_since_last_contact > 3", "days_since_last_contact", 3.0)).isFalse();
        assertThat(test("days_since_last_contact > 3", "days_since_last_contact", 4L)).isTrue();
        assertThat(test("days_since_last_contact > 3")).isFalse();
        assertThat(test("x is not None and x > 2", "x", 3L)).isTrue();
        assertThat(test("x is not None and x > 2", "x", 2L)).isFalse();
        assertThat(test("x is not None and x > 2")).isFalse();
        String full = "days_since_last_contact > 3 and budget is not None and budget > 5000";
        assertThat(test(full, "days_since_last_contact", 4.5, "budget", 8000L)).isTrue();
        assertThat(test(full, "days_since_last_contact", 4.5, "budget", 5000L)).isFalse();
        assertThat(test(full, "days_since_last_contact", 4.5)).isFalse();
        assertThat(test(full, "days_since_last_contact", 2.0, "budget", 8000L)).isFalse();
    }

    @Test
    void literals() {
        assertThat(eval("42")).isEqualTo(42L);
        assertThat(eval("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(eval("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(eval("2.5")).isEqualTo(2.5);
        assertThat(eval(".5")).isEqualTo(0.5);
        assertThat(eval("1e3")).isEqualTo(1000.0);
        assertThat(eval("1.5E-2")).isEqualTo(0.015);
        assertThat(eval("'single'")).isEqualTo("single");
        assertThat(eval("\"double\"")).isEqualTo("double");
        assertThat(eval("\"it's\"")).isEqualTo("it's");
        assertThat(eval("'a\\'b\\\"c\\\\d\\ne\\tf\\rg\\0h\\u00e9'")).isEqualTo("a'b\"c\\d\ne\tf\rg\0hé");
        assertThat(eval("True")).isEqualTo(true);
        assertThat(eval("true")).isEqualTo(true);
        assertThat(eval("False")).isEqualTo(false);
        assertThat(eval("false")).isEqualTo(false);
        assertThat(eval("None")).isNull();
        assertThat(eval("null")).isNull();
    }

    @Test
    void names() {
        Bindings b = vars("event.amount", 12L, "state.stage", "won", "action.params.template", "t1", "budget", 7L);
        assertThat(Expression.parse("event.amount").evaluate(b)).isEqualTo(12L);
        assertThat(Expression.parse("state.stage == 'won'").test(b)).isTrue();
        assertThat(Expression.parse("action.params.template").evaluate(b)).isEqualTo("t1");
        assertThat(Expression.parse("state . stage").evaluate(b)).isEqualTo("won");
        assertThat(Expression.parse("unknown_name").evaluate(b)).isNull();
        Expression e = Expression.parse("budget > 3 and event.amount < budget or state.is == 'x' and abs(budget) > 1"
                + " and policy_actions('a', 7) > 0 and abs(2) > 1");
        assertThat(e.names()).containsExactly("budget", "event.amount", "state.is");
        assertThat(e.functions()).containsExactly("abs", "policy_actions");
        assertThat(e.text()).startsWith("budget > 3");
        assertThat(e.toString()).isEqualTo(e.text());
    }

    @Test
    void namesAreLookedUpWhole() {
        List<String> asked = new ArrayList<>();
        Bindings b = name -> {
            asked.add(name);
            return 1L;
        };
        assertThat(Expression.parse("event.amount + state.x.y").evaluate(b)).isEqualTo(2L);
        assertThat(asked).containsExactly("event.amount", "state.x.y");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 + 2 * 3             | 7",
        "(1 + 2) * 3           | 9",
        "10 - 4 - 3            | 3",
        "2 * 3 % 4             | 2",
        "-2 * 3                | -6",
        "- - 3                 | 3",
        "+3                    | 3",
        "7 // 2                | 3",
        "-7 // 2               | -4",
        "7 // -2               | -4",
        "-7 % 3                | 2",
        "7 % -3                | -2",
        "7 % 3                 | 1",
        "1 - -1                | 2",
        "2 * -3                | -6",
        "9223372036854775806 + 1 | 9223372036854775807",
    })
    void integerArithmetic(String text, long expected) {
        assertThat(eval(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "7 / 2        | 3.5",
        "6 / 2        | 3.0",
        "1 + 0.5      | 1.5",
        "0.5 * 4      | 2.0",
        "-7.5 // 2    | -4.0",
        "-7.5 % 2     | 0.5",
        "7.5 % -2     | -0.5",
        "- 2.5        | -2.5",
        "1.5e3 / 1e3  | 1.5",
    })
    void decimalArithmetic(String text, double expected) {
        assertThat(eval(text)).isEqualTo(expected);
    }

    @Test
    void stringConcatenation() {
        assertThat(eval("'ab' + \"cd\"")).isEqualTo("abcd");
        assertThat(eval("first + ' ' + last", "first", "Ada", "last", "Lovelace")).isEqualTo("Ada Lovelace");
    }

    @Test
    void nullArithmeticIsNull() {
        assertThat(eval("x + 1")).isNull();
        assertThat(eval("1 - x")).isNull();
        assertThat(eval("x * x")).isNull();
        assertThat(eval("x / 0")).isNull();
        assertThat(eval("x // 2")).isNull();
        assertThat(eval("x % 2")).isNull();
        assertThat(eval("-x")).isNull();
        assertThat(eval("+x")).isNull();
        assertThat(eval("x + 'a'")).isNull();
        assertThat(eval("(x + 1) * 2 > 3")).isEqualTo(false);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 < 2          | true",
        "2 < 1          | false",
        "1 <= 1         | true",
        "2 > 1.5        | true",
        "1.5 >= 2       | false",
        "3 == 3.0       | true",
        "3 != 3.0       | false",
        "0.1 + 0.2 == 0.3 | false",
        "9007199254740993 > 9007199254740992.0 | true",
        "9007199254740992.0 < 9007199254740993 | true",
        "9007199254740992 == 9007199254740992.0 | true",
        "9223372036854775807 < 9223372036854775808.0 | true",
        "-9223372036854775808 > -1e19 | true",
        "2 > 1.5 | true",
        "1.5 < 2 | true",
        "-1.5 < -1 | true",
        "-1 < -1.5 | false",
        "'abc' < 'abd'  | true",
        "'b' > 'abc'    | true",
        "'B' < 'a'      | true",
        "'' < 'a'       | true",
        "'x' == 'x'     | true",
        "'x' != \"x\"   | false",
        "True == True   | true",
        "True != False  | true",
        "1 < 2 < 3      | true",
        "1 < 3 < 2      | false",
        "3 > 2 > 1      | true",
        "1 < 2 > 0      | true",
        "1 == 1 == 1.0  | true",
        "1 <= 1 < 2 <= 2 | true",
        "1 <= 1 < 2 < 2 | false",
    })
    void comparisons(String text, boolean expected) {
        assertThat(eval(text)).isEqualTo(expected);
    }

    @Test
    void nameAgainstLiteralComparesExactlyBeyondTwoToThe53() {
        // the fused name-vs-literal path must agree with the general one at the edge of double precision
        assertThat(test("x < 9007199254740993", "x", 9007199254740992.0)).isTrue();
        assertThat(test("x == 9007199254740993", "x", 9007199254740992.0)).isFalse();
        assertThat(test("x > 9007199254740992.0", "x", 9007199254740993L)).isTrue();
        assertThat(test("x == 9007199254740992.0", "x", 9007199254740992L)).isTrue();
        assertThat(test("x >= 3", "x", 3L)).isTrue();
        assertThat(test("x >= 3", "x", 2.999)).isFalse();
        assertThat(test("x == 0", "x", -0.0)).isTrue();
        assertThat(test("x == 'a'", "x", "a")).isTrue();
        assertThat(test("x < 'b'", "x", "a")).isTrue();
        assertThat(test("x == True", "x", true)).isTrue();
        assertThat(test("x != True", "x", false)).isTrue();
    }

    @Test
    void nanFromTheBindingsIsUnordered() {
        assertThat(test("x == 1", "x", Double.NaN)).isFalse();
        assertThat(test("x != 1", "x", Double.NaN)).isTrue();
        assertThat(test("x < 1", "x", Double.NaN)).isFalse();
        assertThat(test("x >= 1", "x", Double.NaN)).isFalse();
        assertThat(test("x == y", "x", Double.NaN, "y", Double.NaN)).isFalse();
        assertThat(test("1 < x", "x", Double.NaN)).isFalse();
    }

    @Test
    void chainedComparisonEvaluatesMiddleOnceAndStopsAtFirstFalseLink() {
        List<String> asked = new ArrayList<>();
        Bindings b = name -> {
            asked.add(name);
            return switch (name) {
                case "a" -> 1L;
                case "b" -> 5L;
                default -> 3L;
            };
        };
        assertThat(Expression.parse("a < b < c").test(b)).isFalse();
        assertThat(asked).containsExactly("a", "b", "c");
        asked.clear();
        assertThat(Expression.parse("b < a < c").test(b)).isFalse();
        assertThat(asked).containsExactly("b", "a");
    }

    @Test
    void instantsCompareWithInstants() {
        Instant t1 = Instant.parse("2024-01-01T00:00:00Z");
        Instant t2 = Instant.parse("2024-01-02T00:00:00Z");
        assertThat(eval("a < b", "a", t1, "b", t2)).isEqualTo(true);
        assertThat(eval("a >= b", "a", t1, "b", t2)).isEqualTo(false);
        assertThat(eval("a == b", "a", t1, "b", Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo(true);
        assertThat(eval("max(a, b)", "a", t1, "b", t2)).isEqualTo(t2);
    }

    @Test
    void comparisonsWithNullAreFalseExceptAgainstNone() {
        assertThat(test("x == 1")).isFalse();
        assertThat(test("x != 1")).isFalse();
        assertThat(test("x < 1")).isFalse();
        assertThat(test("x <= 1")).isFalse();
        assertThat(test("x > 1")).isFalse();
        assertThat(test("x >= 1")).isFalse();
        assertThat(test("1 < x")).isFalse();
        assertThat(test("x == y")).isFalse();
        assertThat(test("x != y")).isFalse();
        assertThat(test("x == 'a'", "x", "a")).isTrue();
        assertThat(test("x != 'b'")).isFalse();
        assertThat(test("x != 'b'", "x", "a")).isTrue();

        assertThat(test("x is None")).isTrue();
        assertThat(test("x is null")).isTrue();
        assertThat(test("x == None")).isTrue();
        assertThat(test("None == x")).isTrue();
        assertThat(test("x is not None")).isFalse();
        assertThat(test("x != None")).isFalse();
        assertThat(test("None != x")).isFalse();
        assertThat(test("x is None", "x", 0L)).isFalse();
        assertThat(test("x == None", "x", "")).isFalse();
        assertThat(test("x is not None", "x", false)).isTrue();
        assertThat(test("x != None", "x", 1.5)).isTrue();
        assertThat(test("None == None")).isTrue();
        assertThat(test("None is None")).isTrue();
        assertThat(test("None != None")).isFalse();
        assertThat(test("None < 1")).isFalse();

        // a consequence worth knowing: negating a comparison with null gives true
        assertThat(test("not (x > 3)")).isTrue();
        assertThat(test("not x > 3")).isTrue();
        // chains with None
        assertThat(test("x is None == y")).isTrue();
        assertThat(test("x < 3 < 4")).isFalse();
    }

    @Test
    void logicShortCircuitsAndTreatsNullAsFalse() {
        assertThat(eval("True and False")).isEqualTo(false);
        assertThat(eval("True and True and True")).isEqualTo(true);
        assertThat(eval("False or True")).isEqualTo(true);
        assertThat(eval("False or False or False")).isEqualTo(false);
        assertThat(eval("not True")).isEqualTo(false);
        assertThat(eval("not not True")).isEqualTo(true);
        assertThat(eval("x and True")).isEqualTo(false);
        assertThat(eval("x or True")).isEqualTo(true);
        assertThat(eval("x or x")).isEqualTo(false);
        assertThat(eval("not x")).isEqualTo(true);
        assertThat(eval("flag", "flag", true)).isEqualTo(true);
        assertThat(test("flag", "flag", true)).isTrue();
        assertThat(test("flag", "flag", false)).isFalse();
        assertThat(test("flag")).isFalse();
        assertThat(test("None")).isFalse();
        // the right side is not evaluated (else these would be type errors)
        assertThat(eval("False and 1")).isEqualTo(false);
        assertThat(eval("True or 1")).isEqualTo(true);
        assertThat(eval("False and 1 / 0 > 1")).isEqualTo(false);
    }

    @Test
    void precedence() {
        // or < and < not < comparison
        assertThat(eval("True or True and False")).isEqualTo(true);
        assertThat(eval("(True or True) and False")).isEqualTo(false);
        assertThat(eval("not False and False")).isEqualTo(false);
        assertThat(eval("not (False and False)")).isEqualTo(true);
        assertThat(eval("not 1 == 2")).isEqualTo(true);
        assertThat(eval("not False or True")).isEqualTo(true);
        assertThat(eval("False and False or True")).isEqualTo(true);
        assertThat(eval("False and (False or True)")).isEqualTo(false);
        assertThat(eval("1 + 2 == 3 and 2 * 3 > 5")).isEqualTo(true);
        assertThat(eval("1 + 2 * 3 - 4 / 2")).isEqualTo(5.0);
        assertThat(eval("2 * 3 // 4")).isEqualTo(1L);
        assertThat(eval("2 * (3 // 4)")).isEqualTo(0L);
        assertThat(eval("-3 % 5")).isEqualTo(2L);
        assertThat(eval("-(3 % 5)")).isEqualTo(-3L);
        assertThat(eval("1 - 2 + 3")).isEqualTo(2L);
        assertThat(eval("12 / 3 / 2")).isEqualTo(2.0);
        assertThat(eval("x in [1, 2] and y not in ['a']", "x", 2L, "y", "b")).isEqualTo(true);
        assertThat(eval("1 + 1 in [2]")).isEqualTo(true);
    }

    @Test
    void listMembership() {
        assertThat(test("x in [1, 2, 3]", "x", 2L)).isTrue();
        assertThat(test("x in [1, 2, 3]", "x", 2.0)).isTrue();
        assertThat(test("x in [1, 2, 3]", "x", 4L)).isFalse();
        assertThat(test("x not in [1, 2, 3]", "x", 4L)).isTrue();
        assertThat(test("x not in [1, 2, 3]", "x", 3L)).isFalse();
        assertThat(test("s in ['won', 'lost']", "s", "won")).isTrue();
        assertThat(test("s in ('won', 'lost')", "s", "lost")).isTrue();
        assertThat(test("s in ('won',)", "s", "won")).isTrue();
        assertThat(test("s in ['won', 'lost',]", "s", "open")).isFalse();
        assertThat(test("s in []", "s", "open")).isFalse();
        assertThat(test("s not in []", "s", "open")).isTrue();
        assertThat(test("s in [a, b]", "s", "x", "a", "y", "b", "x")).isTrue();
        assertThat(test("x in [1]", "x", 1L)).isTrue();
        assertThat(test("x in [2, 1]", "x", 1L)).isTrue();
        assertThat(test("x not in [2, 1]", "x", 1L)).isFalse();
        // null needle: found only among null items; never "not in"
        assertThat(test("x in [1, 2]")).isFalse();
        assertThat(test("x in [1, None]")).isTrue();
        assertThat(test("x in [None]")).isTrue();
        assertThat(test("x not in [1, 2]")).isFalse();
        assertThat(test("x not in [None]")).isFalse();
        assertThat(test("x not in []")).isFalse();
        // null items never equal a value
        assertThat(test("x in [None, 1]", "x", 1L)).isTrue();
        assertThat(test("x in [None]", "x", 1L)).isFalse();
        assertThat(test("x not in [None]", "x", 1L)).isTrue();
        assertThat(test("x not in [y]", "x", 1L)).isTrue();
        // first match wins before a later item of another kind is compared
        assertThat(test("x in ['a', 1]", "x", "a")).isTrue();
        // a list value from the bindings
        assertThat(test("x in tags", "x", "vip", "tags", List.of("new", "vip"))).isTrue();
        assertThat(test("x not in tags", "x", "old", "tags", List.of("new", "vip"))).isTrue();
        assertThat(test("x in tags", "x", "vip")).isFalse();
        assertThat(test("x not in tags", "x", "vip")).isFalse();
        assertThat(test("x in tags", "tags", java.util.Arrays.asList("a", null))).isTrue();
        assertThat(test("x not in tags", "tags", List.of("a"))).isFalse();
        assertThat(eval("len(tags)", "tags", List.of("a", "b"))).isEqualTo(2L);
    }

    @Test
    void listItemsAreAllEvaluatedSoNoErrorIsHidden() {
        assertThatThrownBy(() -> test("x in [1, 1 / 0]", "x", 1L))
                .isInstanceOf(ArenaException.class)
                .hasMessage("<code>:1:12: division by zero: integer 1 / integer 0 in: x in [1, 1 / 0]");
        assertThatThrownBy(() -> test("x in [1, 2, 3, 4 // 0]", "x", 1L))
                .isInstanceOf(ArenaException.class)
                .hasMessage("<code>:1:18: division by zero: integer 4 // integer 0 in: x in [1, 2, 3, 4 // 0]");
    }

    @Test
    void substringMembership() {
        assertThat(test("'vip' in tags", "tags", "new,vip")).isTrue();
        assertThat(test("'vip' in tags", "tags", "new")).isFalse();
        assertThat(test("'vip' not in tags", "tags", "new")).isTrue();
        assertThat(test("'vip' not in tags", "tags", "vip")).isFalse();
        assertThat(test("'' in 'abc'")).isTrue();
        assertThat(test("x in 'abc'")).isFalse();
        assertThat(test("x not in 'abc'")).isFalse();
        assertThat(test("'a' in s")).isFalse();
        assertThat(test("'a' not in s")).isFalse();
        assertThat(test("x in ('abc')", "x", "b")).isTrue();
    }

    @Test
    void chainsWithMembership() {
        assertThat(test("1 < x in [2, 3]", "x", 2L)).isTrue();
        assertThat(test("1 < x in [2, 3]", "x", 4L)).isFalse();
        assertThat(test("3 < x in [2, 3]", "x", 2L)).isFalse();
        assertThat(test("'a' in x in 'xabcx'", "x", "abc")).isTrue();
    }

    @Test
    void builtInFunctions() {
        assertThat(eval("abs(-3)")).isEqualTo(3L);
        assertThat(eval("abs(3)")).isEqualTo(3L);
        assertThat(eval("abs(-2.5)")).isEqualTo(2.5);
        assertThat(eval("abs(x)")).isNull();
        assertThat(eval("len('héllo')")).isEqualTo(5L);
        assertThat(eval("len('\uD83D\uDE00')")).isEqualTo(1L);
        assertThat(eval("len('')")).isEqualTo(0L);
        assertThat(eval("len(x)")).isNull();
        assertThat(eval("min(3, 1, 2)")).isEqualTo(1L);
        assertThat(eval("max(3, 1, 2)")).isEqualTo(3L);
        assertThat(eval("min(1, 1.0)")).isEqualTo(1L);
        assertThat(eval("min(1.0, 1)")).isEqualTo(1.0);
        assertThat(eval("max(1, 2.5)")).isEqualTo(2.5);
        assertThat(eval("min('b', 'a', 'c')")).isEqualTo("a");
        assertThat(eval("max(1, x)")).isNull();
        assertThat(eval("min(x, 1)")).isNull();
        assertThat(eval("coalesce(x, y, 3, 4)")).isEqualTo(3L);
        assertThat(eval("coalesce(x)")).isNull();
        assertThat(eval("coalesce(x, 'a')")).isEqualTo("a");
        // later arguments are not evaluated
        assertThat(eval("coalesce(1, 1 / 0)")).isEqualTo(1L);
        assertThat(eval("max(abs(-4), len('ab')) * 2")).isEqualTo(8L);
    }

    @Test
    void contextFunctionsGoThroughBindings() {
        List<List<Object>> calls = new ArrayList<>();
        Bindings b = new Bindings() {
            @Override
            public Object get(String name) {
                return name.equals("n") ? 7L : null;
            }

            @Override
            public Object call(String function, List<Object> args) {
                calls.add(args);
                assertThat(function).isEqualTo("policy_actions");
                return 3; // an Integer: normalised to Long
            }
        };
        Expression e = Expression.parse("policy_actions('send_email', n) >= 3");
        assertThat(e.test(b)).isTrue();
        assertThat(Expression.parse("policy_actions('a', x)").evaluate(b)).isEqualTo(3L);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).containsExactly("send_email", 7L);
        assertThat(calls.get(1)).containsExactly("a", null);
        assertThatThrownBy(() -> calls.get(0).add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void evaluateReturnsTheValueAndTestRequiresABoolean() {
        assertThat(eval("budget * 2", "budget", 21L)).isEqualTo(42L);
        assertThat(eval("name", "name", "x")).isEqualTo("x");
    }

    @Test
    void whitespaceAndLineBreaksAreFree() {
        assertThat(test("x >\n 3\n\tand\r\n y", "x", 4L, "y", true)).isTrue();
        assertThat(test("(x>3)and(y)", "x", 4L, "y", true)).isTrue();
    }

    @Test
    void expressionsAreSharedAcrossThreads() throws Exception {
        Expression e = Expression.parse("x * 2 + 1 == y");
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            long seed = t;
            Thread thread = new Thread(() -> {
                try {
                    for (long i = 0; i < 20_000; i++) {
                        long x = i * 7 + seed;
                        assertThat(e.test(vars("x", x, "y", x * 2 + 1))).isTrue();
                        assertThat(e.test(vars("x", x, "y", x * 2))).isFalse();
                    }
                } catch (Throwable ex) {
                    failures.add(ex);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
    }
}
