package org.systemarena.eval.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.systemarena.core.ArenaException;

/**
 * Agreement of a policy's decisions with the logged actions: match rate and confusion matrix over action types
 * (rows = logged action, columns = decided action). Decision points without a logged action, or where the policy
 * produced no valid decision, are counted apart and left out of both.
 */
public final class Agreement {
    /** Code for "no action": not logged, or no valid decision. */
    public static final int NONE = -1;

    private final List<String> actions;
    private final long decisions;
    private final long missingLogged;
    private final long undecided;
    private final long compared;
    private final long matches;
    private final long[][] confusion;

    private Agreement(List<String> actions, long decisions, long missingLogged, long undecided, long[][] confusion) {
        this.actions = actions;
        this.decisions = decisions;
        this.missingLogged = missingLogged;
        this.undecided = undecided;
        this.confusion = confusion;
        long c = 0;
        long m = 0;
        for (int i = 0; i < confusion.length; i++) {
            for (int j = 0; j < confusion.length; j++) {
                c += confusion[i][j];
            }
            m += confusion[i][i];
        }
        this.compared = c;
        this.matches = m;
    }

    /**
     * From action codes: {@code logged[i]} and {@code decided[i]} index {@code actions}, or are {@link #NONE}.
     */
    public static Agreement of(List<String> actions, int[] logged, int[] decided) {
        List<String> types = List.copyOf(actions);
        if (logged.length != decided.length) {
            throw new ArenaException("agreement: " + logged.length + " logged actions but " + decided.length
                    + " decisions");
        }
        int m = types.size();
        long[][] confusion = new long[m][m];
        long missingLogged = 0;
        long undecided = 0;
        for (int i = 0; i < logged.length; i++) {
            int l = check(logged[i], m, "logged", i);
            int d = check(decided[i], m, "decided", i);
            if (l == NONE) {
                missingLogged++;
            }
            if (d == NONE) {
                undecided++;
            }
            if (l != NONE && d != NONE) {
                confusion[l][d]++;
            }
        }
        return new Agreement(types, logged.length, missingLogged, undecided, confusion);
    }

    /** From action names; null means {@link #NONE}. A name not in {@code actions} is an error. */
    public static Agreement ofNames(List<String> actions, String[] logged, String[] decided) {
        Map<String, Integer> code = new HashMap<>();
        for (int i = 0; i < actions.size(); i++) {
            if (code.put(actions.get(i), i) != null) {
                throw new ArenaException("agreement: action type '" + actions.get(i) + "' listed twice");
            }
        }
        return of(actions, encode(code, logged, "logged"), encode(code, decided, "decided"));
    }

    private static int[] encode(Map<String, Integer> code, String[] names, String what) {
        int[] out = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null) {
                out[i] = NONE;
            } else {
                Integer c = code.get(names[i]);
                if (c == null) {
                    throw new ArenaException("agreement: " + what + " action '" + names[i] + "' at decision " + i
                            + " is not one of " + code.keySet().stream().sorted().toList());
                }
                out[i] = c;
            }
        }
        return out;
    }

    private static int check(int code, int m, String what, int i) {
        if (code < NONE || code >= m) {
            throw new ArenaException("agreement: " + what + " action code " + code + " at decision " + i
                    + " is outside [-1, " + (m - 1) + "]");
        }
        return code;
    }

    public List<String> actions() {
        return actions;
    }

    public long decisions() {
        return decisions;
    }

    public long missingLogged() {
        return missingLogged;
    }

    public long undecided() {
        return undecided;
    }

    /** Decisions with both a logged and a decided action. */
    public long compared() {
        return compared;
    }

    public long matches() {
        return matches;
    }

    /** matches / compared; {@code NaN} when nothing could be compared. */
    public double matchRate() {
        return compared == 0 ? Double.NaN : (double) matches / compared;
    }

    public long count(int loggedAction, int decidedAction) {
        return confusion[loggedAction][decidedAction];
    }

    /** A copy of the matrix: [logged][decided]. */
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }
}
