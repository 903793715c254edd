package org.systemarena.decision.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.systemarena.core.ArenaException;
import org.systemarena.datasets.manifest.ManifestLoader;

/**
 * A typo gets the same suggestion in a manifest (an allowed action that allowed_actions does not declare) and in an
 * expression (a name the log does not have), when the known names are the same. The cases are those where the two
 * rules used to differ: the manifest allowed one edit in three characters of the typo and took the first declared
 * name on a tie; expressions allowed two edits whatever the length and took the alphabetically first.
 */
class SameSuggestionTest {
    private static final Pattern SUGGESTION = Pattern.compile("did you mean '([^']*)'");
    /** Declared in this order, which is not alphabetical, so that a tie shows which rule breaks it. */
    private static final List<String> NAMES = List.of("stats", "state", "make_call", "send", "days_since_last_contact");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "stat, state", // a tie: expressions said state, manifests stats (declared first)
        "sedn, send", // one swap
        "snd, send",
        "sxnx, none", // two edits in four characters: expressions used to suggest 'send'
        "days_snice_lats_contcat, days_since_last_contact", // three swaps: expressions used to suggest nothing
        "MAKE_CALL, make_call", // case alone: manifests used to suggest nothing
        "make_cal, make_call",
        "sen, send",
        "mak_cl, make_call" // three letters dropped from nine: manifests used to suggest nothing (6 / 3 = 2)
    })
    void aTypoGetsTheSameSuggestionInAManifestAndInAnExpression(String typo, String expected) {
        assertThat(inManifest(typo)).as("manifest").isEqualTo(expected);
        assertThat(inExpression(typo)).as("expression").isEqualTo(expected);
    }

    private static String inManifest(String typo) {
        String yaml = "name: t\nversion: \"1.0\"\ndecision_points:\n  - name: d\n    trigger: e\n"
                + "    allowed_actions: [" + typo + "]\nallowed_actions: [" + String.join(", ", NAMES) + "]\n"
                + "outcomes:\n  positive: [won]\n  negative: [lost]\n  horizon: 30d\n";
        Throwable thrown = catchThrowable(() -> ManifestLoader.parse(yaml, "m.yaml"));
        assertThat(thrown).isInstanceOf(ArenaException.class)
                .hasMessageContaining("allows action '" + typo + "', which allowed_actions does not declare");
        return suggestion(thrown.getMessage());
    }

    private static String inExpression(String typo) {
        ExpressionChecker checker = ExpressionChecker.of(new LinkedHashSet<>(NAMES), Map.of());
        Throwable thrown = catchThrowable(() -> checker.requireValid(Expression.parse(typo + " > 1")));
        assertThat(thrown).isInstanceOf(ArenaException.class).hasMessageContaining("unknown name '" + typo + "'");
        return suggestion(thrown.getMessage());
    }

    private static String suggestion(String message) {
        Matcher m = SUGGESTION.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
