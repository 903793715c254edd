package org.systemarena.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.systemarena.core.Action;

/**
 * Logged actions a decision rule does not allow: worth a warning (the log may legitimately hold them, e.g. actions
 * retired since), because replaying them as the historical policy records a failed decision at each. Validate and
 * run count them the same way and say the same thing.
 */
public final class UndeclaredActions {
    private final Map<String, Map<String, Long>> byRule = new LinkedHashMap<>();

    /** Counts {@code action} logged at a decision point of {@code rule} when the rule allows others only. */
    public void add(String rule, String action, List<Action> allowed) {
        if (action == null || allowed.isEmpty()) {
            return;
        }
        for (Action a : allowed) {
            if (a.type().equals(action)) {
                return;
            }
        }
        byRule.computeIfAbsent(rule, r -> new LinkedHashMap<>()).merge(action, 1L, Long::sum);
    }

    /** One warning per rule, actions in the order first met; empty when every logged action was allowed. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        byRule.forEach((rule, actions) -> {
            List<String> parts = new ArrayList<>();
            actions.forEach((a, n) -> parts.add(String.format(Locale.ROOT, "'%s' (%,d time%s)", a, n,
                    n == 1 ? "" : "s")));
            out.add("decision point '" + rule + "': the log took " + String.join(", ", parts) + ", which the rule does"
                    + " not allow; replaying the log (historical) records a failed decision (disallowed action) at"
                    + " each, so declare the action or expect those failures");
        });
        return out;
    }
}
