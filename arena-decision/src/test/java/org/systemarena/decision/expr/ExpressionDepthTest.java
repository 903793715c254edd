package org.systemarena.decision.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.SourcePosition;

/**
 * Hostile nesting ends in one precise error, never a stack overflow: the parser counts levels (parentheses, lists,
 * calls, 'not', signs, each operator of an arithmetic chain) up to {@link Parser#MAX_DEPTH}, so the checker, compiler
 * and evaluator, which recurse over the tree, stay bounded.
 */
class ExpressionDepthTest {
    private static final SourcePosition AT = new SourcePosition("manifest.yaml", 7, 16);

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    private static void tooDeep(String text, int column) {
        assertThatThrownBy(() -> Expression.parse(text, AT)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("manifest.yaml:7:" + column + ": expression too deeply nested (more than 200"
                        + " levels of parentheses, calls, 'not', signs or chained operators) in: ")
                .hasMessageEndingWith("... (" + text.length() + " characters)");
    }

    @Test
    void tenThousandParentheses() {
        // The whole expression is level 1 (from the first '(' at offset 0); the '(' at offset k opens level k + 1,
        // so level 201 is the one at offset 200.
        tooDeep(repeat("(", 10_000) + "1" + repeat(")", 10_000), 16 + 200);
    }

    @Test
    void tenThousandNots() {
        // 'not ' is 4 characters; the 200th not (offset 199 * 4) opens level 201.
        tooDeep(repeat("not ", 10_000) + "x", 16 + 199 * 4);
    }

    @Test
    void aSixtyThousandTermSumAndAChainOfSigns() {
        // "a + " per term: the 200th '+' (offset 199 * 4 + 2) is level 201.
        tooDeep("a" + repeat(" + a", 60_000), 16 + 199 * 4 + 2);
        tooDeep(repeat("-", 10_000) + "1", 16 + 199);
        // f( ... : level 1 at 'f', the argument's level 2 at the first '[' (offset 2), so level 201 at offset 201.
        tooDeep("f(" + repeat("[", 5_000) + "]", 16 + 201);
    }

    @Test
    void deepButAllowedExpressionsStillWork() {
        Bindings b = name -> Map.<String, Object>of("a", 1L, "x", Boolean.TRUE).get(name);
        String parens = repeat("(", 150) + "a" + repeat(")", 150);
        assertThat(Expression.parse(parens).evaluate(b)).isEqualTo(1L);
        assertThat(Expression.parse("a" + repeat(" + a", 190)).evaluate(b)).isEqualTo(191L);
        assertThat(Expression.parse(repeat("not ", 198) + "x").test(b)).isTrue();
        // Long flat lists and comparison chains are not nesting.
        assertThat(Expression.parse("a in [" + "1, ".repeat(5_000) + "2]").test(b)).isTrue();
        assertThat(Expression.parse("a" + " == a".repeat(1_000)).test(b)).isTrue();
    }
}
