package org.systemarena.decision.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.SourcePosition;
import org.systemarena.decision.expr.ExpressionChecker.Problem;

class ExpressionCheckerTest {

    private static final ExpressionChecker CHECKER = ExpressionChecker.of(
            Set.of("budget", "days_since_last_contact", "status", "amount", "stage", "action_type", "action.params.*"),
            Map.of("policy_actions", 2, "anything", -1));

    private static List<String> messages(String text) {
        return CHECKER.check(Expression.parse(text)).stream().map(Problem::message).toList();
    }

    @Test
    void knownNamesAndFunctionsPass() {
        assertThat(messages("days_since_last_contact > 3 and budget is not None and budget > 5000")).isEmpty();
        assertThat(messages("action_type == 'send_email' and policy_actions('send_email', 7) >= 3")).isEmpty();
        assertThat(messages("abs(min(budget, amount)) > len(status) and coalesce(stage, 'x') == max(1, 2)"))
                .isEmpty();
        assertThat(messages("anything() or anything(1, 2, 3)")).isEmpty();
    }

    @Test
    void unknownNameWithSuggestion() {
        assertThat(messages("status == 'won' and budjet > 5000"))
                .containsExactly("unknown name 'budjet' at 1:21, did you mean 'budget'?");
        assertThat(messages("Budget > 1")).containsExactly("unknown name 'Budget' at 1:1, did you mean 'budget'?");
        assertThat(messages("BUDGET > 1")).containsExactly("unknown name 'BUDGET' at 1:1, did you mean 'budget'?");
        assertThat(messages("budegt > 1")).containsExactly("unknown name 'budegt' at 1:1, did you mean 'budget'?");
        assertThat(messages("bugt > 1")).containsExactly("unknown name 'bugt' at 1:1, did you mean 'budget'?");
        assertThat(messages("days_since_last_contat > 3"))
                .containsExactly("unknown name 'days_since_last_contat' at 1:1, did you mean 'days_since_last_contact'?");
        assertThat(messages("zzz > 1")).containsExactly("unknown name 'zzz' at 1:1");
        assertThat(messages("b > 1")).containsExactly("unknown name 'b' at 1:1");
    }

    @Test
    void everyProblemIsReportedInTextOrder() {
        assertThat(messages("budjet > 1 and\n  stauts == 'x' or budjet < 0 or polcy_actions('a', 1) > 0"))
                .containsExactly(
                        "unknown name 'budjet' at 1:1, did you mean 'budget'?",
                        "unknown name 'stauts' at 2:3, did you mean 'status'?",
                        "unknown name 'budjet' at 2:20, did you mean 'budget'?",
                        "unknown function 'polcy_actions' at 2:34, did you mean 'policy_actions'?");
    }

    @Test
    void eventAndStateNamesCheckTheirSuffix() {
        assertThat(messages("event.amount > 1 and state.stage == 'x' and event.status == state.budget")).isEmpty();
        assertThat(messages("event.amout > 1"))
                .containsExactly("unknown name 'event.amout' at 1:1, did you mean 'event.amount'?");
        assertThat(messages("state.stag == 'x'"))
                .containsExactly("unknown name 'state.stag' at 1:1, did you mean 'state.stage'?");
        assertThat(messages("other.amount > 1")).containsExactly("unknown name 'other.amount' at 1:1");
        ExpressionChecker explicit = ExpressionChecker.of(Set.of("event.amount", "state.stage"));
        assertThat(explicit.check(Expression.parse("event.amount > 1 and state.stage == 'x'"))).isEmpty();
        assertThat(explicit.check(Expression.parse("event.amont > 1")).get(0).message())
                .isEqualTo("unknown name 'event.amont' at 1:1, did you mean 'event.amount'?");
        assertThat(explicit.check(Expression.parse("amount > 1")).get(0).message())
                .isEqualTo("unknown name 'amount' at 1:1");
    }

    @Test
    void wildcardPatterns() {
        assertThat(messages("action.params.template == 'x' and action.params.x.y == 1")).isEmpty();
        assertThat(messages("action.params == 1")).containsExactly("unknown name 'action.params' at 1:1");
        assertThat(messages("action.param.template == 1"))
                .containsExactly("unknown name 'action.param.template' at 1:1");
    }

    @Test
    void functions() {
        assertThat(messages("policy_actions('a') > 1"))
                .containsExactly("function 'policy_actions' takes 2 arguments but 1 was given at 1:1");
        assertThat(messages("1 < policy_actions('a', 1, 2)"))
                .containsExactly("function 'policy_actions' takes 2 arguments but 3 were given at 1:5");
        assertThat(messages("mn(1, 2) > 0")).containsExactly("unknown function 'mn' at 1:1, did you mean 'min'?");
        assertThat(messages("Abs(1) > 0")).containsExactly("unknown function 'Abs' at 1:1, did you mean 'abs'?");
        assertThat(messages("frobnicate(1) > 0")).containsExactly("unknown function 'frobnicate' at 1:1");
        ExpressionChecker one = ExpressionChecker.of(Set.of("x"), Map.of("f", 1));
        assertThat(one.check(Expression.parse("f()")).get(0).message())
                .isEqualTo("function 'f' takes 1 argument but 0 were given at 1:1");
        assertThat(ExpressionChecker.of(Set.of()).check(Expression.parse("policy_actions('a', 1)")).get(0).message())
                .isEqualTo("unknown function 'policy_actions' at 1:1");
        // names and functions are separate namespaces
        assertThat(messages("policy_actions > 1")).containsExactly("unknown name 'policy_actions' at 1:1");
    }

    @Test
    void problemsCarryTheirPositionInTheManifest() {
        Expression e = Expression.parse("days_since_last_contact > 3 and budjet > 5000",
                new SourcePosition("manifest.yaml", 14, 16));
        List<Problem> problems = CHECKER.check(e);
        assertThat(problems).containsExactly(new Problem(
                "unknown name 'budjet' at 14:48, did you mean 'budget'?",
                "days_since_last_contact > 3 and budjet > 5000",
                new SourcePosition("manifest.yaml", 14, 48)));
        assertThat(problems.get(0).describe()).isEqualTo("manifest.yaml: unknown name 'budjet' at 14:48,"
                + " did you mean 'budget'? in: days_since_last_contact > 3 and budjet > 5000");
        assertThatThrownBy(() -> CHECKER.requireValid(Expression.parse("budjet > 1 or stauts == 'x'")))
                .isInstanceOf(ArenaException.class)
                .hasMessage("<code>: unknown name 'budjet' at 1:1, did you mean 'budget'? in: budjet > 1 or stauts == 'x'\n"
                        + "<code>: unknown name 'stauts' at 1:15, did you mean 'status'? in: budjet > 1 or stauts == 'x'");
        CHECKER.requireValid(Expression.parse("budget > 1"));
    }

    @Test
    void contextFunctionsCannotHideBuiltIns() {
        assertThatThrownBy(() -> ExpressionChecker.of(Set.of(), Map.of("min", 2)))
                .isInstanceOf(ArenaException.class)
                .hasMessage("context function 'min' would hide the built-in function");
    }

    @Test
    void problemsQuoteTheExpressionOnOneLineAndAtMost200Characters() {
        // A YAML block scalar keeps its line breaks, and a long expression was quoted whole into every problem.
        Problem multiLine = CHECKER.check(Expression.parse("budget > 1 and\n  budjet > 2\n")).get(0);
        assertThat(multiLine.expression()).isEqualTo("budget > 1 and\\n  budjet > 2\\n");
        String text = "budjet > '" + "x".repeat(20_000) + "'";
        Problem longOne = CHECKER.check(Expression.parse(text)).get(0);
        assertThat(longOne.expression()).hasSizeLessThan(230).endsWith("... (" + text.length() + " characters)");
        assertThatThrownBy(() -> Expression.parse("budget >\n  = 3")).isInstanceOf(ArenaException.class)
                .hasMessageEndingWith(" in: budget >\\n  = 3");
    }
}
