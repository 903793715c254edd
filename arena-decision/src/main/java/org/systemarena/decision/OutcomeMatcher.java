package org.systemarena.decision;

import java.util.List;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventType;
import org.systemarena.core.StringDictionary;
import org.systemarena.core.ValueKind;

/**
 * Which manifest outcome name, if any, an event of the log matches (SPEC §5): its payload {@code outcome}, else the
 * {@code new_state} of a state.changed, else its event type. Names are resolved to dictionary codes once, so matching
 * a row compares ints only. Only string payload values match.
 */
final class OutcomeMatcher {
    private final List<String> names;
    private final AttributeTable payload;
    private final int outcomeKey;
    private final int newStateKey;
    private final int stateChangedType;
    private final int[] nameOfStringCode; // parallel to stringCodes
    private final int[] stringCodes;
    private final int[] nameOfTypeCode; // by event type code, -1 none

    OutcomeMatcher(EventLog log, List<String> names) {
        this.names = List.copyOf(names);
        this.payload = log.payload();
        StringDictionary keys = payload.keyDictionary();
        this.outcomeKey = keys.code("outcome");
        this.newStateKey = keys.code("new_state");
        StringDictionary types = log.eventTypeColumn().dictionary();
        this.stateChangedType = types.code(EventType.STATE_CHANGED.name());
        this.nameOfTypeCode = new int[types.size()];
        java.util.Arrays.fill(nameOfTypeCode, -1);
        int[] codes = new int[this.names.size()];
        int[] nameIdx = new int[this.names.size()];
        int n = 0;
        // Earlier list entries win when a name is listed twice.
        for (int i = this.names.size() - 1; i >= 0; i--) {
            String name = this.names.get(i);
            int t = types.code(name);
            if (t >= 0) {
                nameOfTypeCode[t] = i;
            }
        }
        for (int i = 0; i < this.names.size(); i++) {
            int s = payload.strings().code(this.names.get(i));
            if (s >= 0 && indexOf(codes, n, s) < 0) {
                codes[n] = s;
                nameIdx[n] = i;
                n++;
            }
        }
        this.stringCodes = java.util.Arrays.copyOf(codes, n);
        this.nameOfStringCode = java.util.Arrays.copyOf(nameIdx, n);
    }

    private static int indexOf(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** The index (in the names list) of the outcome row {@code row} matches, or -1. */
    int match(int row, int typeCode) {
        if (names.isEmpty()) {
            return -1;
        }
        int byOutcome = stringName(row, outcomeKey);
        if (byOutcome >= 0) {
            return byOutcome;
        }
        if (typeCode == stateChangedType && typeCode >= 0) {
            int byState = stringName(row, newStateKey);
            if (byState >= 0) {
                return byState;
            }
        }
        return typeCode >= 0 ? nameOfTypeCode[typeCode] : -1;
    }

    private int stringName(int row, int keyCode) {
        if (keyCode < 0 || stringCodes.length == 0) {
            return -1;
        }
        int e = payload.find(row, keyCode);
        if (e < 0 || payload.kindCode(e) != STRING) {
            return -1;
        }
        int i = indexOf(stringCodes, stringCodes.length, (int) payload.rawValue(e));
        return i < 0 ? -1 : nameOfStringCode[i];
    }

    String name(int index) {
        return names.get(index);
    }

    private static final byte STRING = ValueKind.STRING.code();
}
