package org.systemarena.eval.verdict;

import java.util.Locale;
import org.systemarena.core.ArenaException;

/**
 * What a gate asks of a verdict: {@code better} (the difference's interval lies above 0) or {@code not-worse} with
 * an optional margin (its lower end lies above -margin). Written {@code better}, {@code not-worse} or
 * {@code not-worse:0.02}.
 */
public record Requirement(Kind kind, double margin) {
    public enum Kind { BETTER, NOT_WORSE }

    public Requirement {
        if (kind == Kind.BETTER && margin != 0.0) {
            throw new ArenaException("'better' takes no margin");
        }
        if (!(margin >= 0.0 && margin < 1.0)) {
            throw new ArenaException("a margin is a conversion difference in [0, 1), e.g. 0.02; got " + margin);
        }
    }

    public static Requirement better() {
        return new Requirement(Kind.BETTER, 0.0);
    }

    public static Requirement notWorse(double margin) {
        return new Requirement(Kind.NOT_WORSE, margin);
    }

    /** Parses {@code better}, {@code not-worse} or {@code not-worse:<margin>}. */
    public static Requirement parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("better")) {
            return better();
        }
        if (t.equals("not-worse")) {
            return notWorse(0.0);
        }
        if (t.startsWith("not-worse:")) {
            String m = t.substring("not-worse:".length());
            double margin;
            try {
                margin = Double.parseDouble(m);
            } catch (NumberFormatException e) {
                throw new ArenaException("requirement '" + text + "': the margin '" + m + "' is not a number"
                        + " (write e.g. not-worse:0.02 for 2 percentage points)");
            }
            return notWorse(margin);
        }
        throw new ArenaException("requirement '" + text + "' must be better, not-worse or not-worse:<margin>");
    }

    @Override
    public String toString() {
        return kind == Kind.BETTER ? "better" : margin == 0.0 ? "not-worse" : "not-worse:" + margin;
    }
}
