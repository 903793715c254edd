package org.systemarena.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
    private static final List<String> KEYS = List.of("decision_points", "allowed_actions", "outcomes", "state",
            "status", "stats", "budget", "days_since_last_contact", "x", "ab");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "budjet, budget", // a substitution
        "budegt, budget", // a swap
        "STATUS, status", // case alone, whatever the distance
        "stat, state", // state and stats are both one edit: the alphabetically first
        "statsu, stats", // status (a swap) and stats (a deletion) are both one edit: the alphabetically first
        "outcomse, outcomes",
        "days_since_lats_contcat, days_since_last_contact", // two swaps: long names allow two edits and more
        "dayz_sinse_lazt_kontact, days_since_last_contact", // four edits in 23 characters
        "abc, ab", // one edit in three characters
        "y, none", // a one-letter word is never one edit from another
        "xyz, none",
        "sate, state",
        "bugt, budget", // two letters dropped: two edits, a third of budget's six
        "bugdte, budget", // two swaps in six characters
        "tegdub, none" // budget backwards is too far
    })
    void theRule(String word, String expected) {
        assertThat(Suggestions.closest(word, KEYS)).isEqualTo(expected);
    }

    @Test
    void tiesDoNotDependOnTheOrderOfTheCandidates() {
        assertThat(Suggestions.closest("stat", List.of("stats", "state"))).isEqualTo("state");
        assertThat(Suggestions.closest("stat", Set.of("stats", "state"))).isEqualTo("state");
    }

    @Test
    void hintIsEmptyWithoutASuggestion() {
        assertThat(Suggestions.hint("budjet", KEYS)).isEqualTo(" (did you mean 'budget'?)");
        assertThat(Suggestions.hint("zzz", KEYS)).isEmpty();
    }

    @Test
    void distanceIsOptimalStringAlignment() {
        assertThat(Suggestions.distance("budget", "budjet", 2)).isEqualTo(1);
        assertThat(Suggestions.distance("budget", "budegt", 2)).isEqualTo(1);
        assertThat(Suggestions.distance("ca", "ac", 2)).isEqualTo(1);
        assertThat(Suggestions.distance("", "ab", 2)).isEqualTo(2);
        assertThat(Suggestions.distance("abc", "abc", 2)).isEqualTo(0);
        // optimal string alignment: no substring is edited twice, so "ca" -> "abc" costs 3
        assertThat(Suggestions.distance("ca", "abc", 5)).isEqualTo(3);
        assertThat(Suggestions.distance("kitten", "sitting", 5)).isEqualTo(3);
        // beyond the limit: limit + 1
        assertThat(Suggestions.distance("kitten", "sitting", 2)).isEqualTo(3);
        assertThat(Suggestions.distance("a", "abcdef", 2)).isEqualTo(3);
    }
}
