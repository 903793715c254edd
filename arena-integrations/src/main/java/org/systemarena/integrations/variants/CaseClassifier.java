package org.systemarena.integrations.variants;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventType;
import org.systemarena.core.StringDictionary;
import org.systemarena.core.manifest.OutcomeCategory;
import org.systemarena.core.manifest.OutcomeSpec;

/** Sorts cases into successful ({@code TRUE}), unsuccessful ({@code FALSE}) or neither ({@code null}). */
@FunctionalInterface
public interface CaseClassifier {

    Boolean classify(EventLog log, int caseIndex);

    /** Success when the case ends with {@code success}, failure when it ends with {@code failure}. */
    static CaseClassifier byEndActivity(String success, String failure) {
        Objects.requireNonNull(success, "success");
        Objects.requireNonNull(failure, "failure");
        return (log, c) -> {
            String last = log.activity(log.caseEnd(c) - 1);
            return success.equals(last) ? Boolean.TRUE : failure.equals(last) ? Boolean.FALSE : null;
        };
    }

    /**
     * By the case outcome of the manifest (spec section 5): the case's last event matching one of the outcome names
     * (payload {@code outcome} equal to the name, a {@code state.changed} whose {@code new_state} is the name, or an
     * event type equal to the name); positive names are success, negative names failure, anything else neither.
     */
    static CaseClassifier byOutcome(OutcomeSpec outcomes) {
        Objects.requireNonNull(outcomes, "outcomes");
        Set<String> names = new HashSet<>(outcomes.allNames());
        return (log, c) -> {
            AttributeTable payload = log.payload();
            int outcomeKey = payload.keyDictionary().code("outcome");
            int newStateKey = payload.keyDictionary().code("new_state");
            String last = null;
            for (int r = log.caseStart(c), end = log.caseEnd(c); r < end; r++) {
                String match = matchingName(log, payload, r, outcomeKey, newStateKey, names);
                if (match != null) {
                    last = match;
                }
            }
            if (last == null) {
                return null;
            }
            OutcomeCategory category = outcomes.categoryOf(last);
            return category == OutcomeCategory.POSITIVE ? Boolean.TRUE
                    : category == OutcomeCategory.NEGATIVE ? Boolean.FALSE : null;
        };
    }

    private static String matchingName(EventLog log, AttributeTable payload, int row, int outcomeKey, int newStateKey,
                                       Set<String> names) {
        if (outcomeKey != StringDictionary.NULL) {
            int e = payload.find(row, outcomeKey);
            Object v = e < 0 ? null : payload.value(e);
            if (v != null && names.contains(v.toString())) {
                return v.toString();
            }
        }
        String type = log.eventType(row);
        if (newStateKey != StringDictionary.NULL && EventType.STATE_CHANGED.name().equals(type)) {
            int e = payload.find(row, newStateKey);
            Object v = e < 0 ? null : payload.value(e);
            if (v != null && names.contains(v.toString())) {
                return v.toString();
            }
        }
        return type != null && names.contains(type) ? type : null;
    }
}
