package org.systemarena.eval.simulation;

import java.util.Arrays;
import java.util.List;

/**
 * One simulated world, one (regime, seed), as columns in the shape the evaluation engine consumes: cases, each with
 * its decision points (steps) in order, the logged action and propensity at each step, the observable features a
 * policy saw there, and the case's reward.
 *
 * <p>Steps of case {@code c} are {@code [caseStart(c), caseStart(c + 1))}, and {@code caseStart(cases())} is
 * {@link #steps()}. Actions are indices into {@link #actions()}. Every case has at least one step.
 *
 * <p>{@link #loggingProbability} is the logging policy's true distribution at a step. It is always available for
 * tests; an engine may read it only when {@link #distributionLogged()} says the log carries it.
 */
public final class SimulatedLog {
    public static final String FIRST_CONTACT = "first_contact";
    public static final String FOLLOW_UP = "follow_up";
    public static final List<String> NUMERIC_FEATURES = List.of("days_since_last_contact", "check_in", "budget");
    public static final List<String> CATEGORICAL_FEATURES = List.of("source");
    private static final LeadSource[] SOURCES = LeadSource.values();

    private final Regime regime;
    private final long seed;
    private final int actionCount;
    private final int[] caseStart;
    private final double[] reward;
    private final int[] checkIn;
    private final double[] daysSinceContact;
    private final double[] budget;
    private final byte[] source;
    private final int[] loggedAction;
    /** steps x actions, row-major. */
    private final double[] logging;

    private SimulatedLog(Builder b) {
        this.regime = b.regime;
        this.seed = b.seed;
        this.actionCount = b.actionCount;
        this.caseStart = b.caseStart;
        this.reward = b.reward;
        int n = b.steps;
        this.checkIn = Arrays.copyOf(b.checkIn, n);
        this.daysSinceContact = Arrays.copyOf(b.days, n);
        this.budget = Arrays.copyOf(b.budget, n);
        this.source = Arrays.copyOf(b.source, n);
        this.loggedAction = Arrays.copyOf(b.action, n);
        this.logging = Arrays.copyOf(b.logging, n * actionCount);
    }

    public Regime regime() {
        return regime;
    }

    public long seed() {
        return seed;
    }

    /** The regime's actions, in the fixed order of {@link Actions}. */
    public List<String> actions() {
        return regime.actions();
    }

    public int cases() {
        return reward.length;
    }

    public int caseStart(int c) {
        return caseStart[c];
    }

    public String caseId(int c) {
        if (c < 0 || c >= cases()) {
            throw new IndexOutOfBoundsException("case " + c + " of " + cases());
        }
        return "lead-" + c;
    }

    /** 1 when the lead converted, else 0. */
    public double reward(int c) {
        return reward[c];
    }

    public int steps() {
        return loggedAction.length;
    }

    /** The decision rule that made the step's decision: {@value #FIRST_CONTACT} at check-in 0, else {@value #FOLLOW_UP}. */
    public String rule(int step) {
        return checkIn[step] == 0 ? FIRST_CONTACT : FOLLOW_UP;
    }

    public int loggedAction(int step) {
        return loggedAction[step];
    }

    /** The logging policy's probability of the logged action, or {@code NaN} when the regime hides propensities. */
    public double loggedPropensity(int step) {
        return regime.propensitiesLogged() ? logging[step * actionCount + loggedAction[step]] : Double.NaN;
    }

    /** The logging policy's true probability of {@code action} at the step (see the class comment for who may read it). */
    public double loggingProbability(int step, int action) {
        if (action < 0 || action >= actionCount) {
            throw new IndexOutOfBoundsException("action " + action + " of " + actionCount);
        }
        return logging[step * actionCount + action];
    }

    public boolean distributionLogged() {
        return regime.distributionLogged();
    }

    /** {@link #NUMERIC_FEATURES}: days since the last contact, the 0-based check-in index, the budget in thousands. */
    public List<String> numericFeatureNames() {
        return NUMERIC_FEATURES;
    }

    /** The step's value of numeric feature {@code f}; {@code NaN} would mean missing (never, in this simulator). */
    public double numericFeature(int step, int f) {
        return switch (f) {
            case 0 -> daysSinceContact[step];
            case 1 -> checkIn[step];
            case 2 -> budget[step];
            default -> throw new IndexOutOfBoundsException("numeric feature " + f + " of " + NUMERIC_FEATURES.size());
        };
    }

    /** {@link #CATEGORICAL_FEATURES}: the lead's source ("web", "referral", "event"). */
    public List<String> categoricalFeatureNames() {
        return CATEGORICAL_FEATURES;
    }

    /** The step's value of categorical feature {@code f}; {@code null} would mean missing (never, here). */
    public String categoricalFeature(int step, int f) {
        if (f != 0) {
            throw new IndexOutOfBoundsException("categorical feature " + f + " of " + CATEGORICAL_FEATURES.size());
        }
        return SOURCES[source[step]].label();
    }

    /** The target's distribution at each logged step: steps x actions, row-major, each row summing to 1. */
    public double[] targetProbabilities(Target target) {
        return probabilities(target.policy());
    }

    /** Any policy's distribution at each logged step, as {@link #targetProbabilities}. */
    public double[] probabilities(Policy policy) {
        double[] out = new double[steps() * actionCount];
        double[] row = new double[actionCount];
        for (int s = 0; s < steps(); s++) {
            policy.probabilities(checkIn[s], daysSinceContact[s], budget[s], SOURCES[source[s]], row);
            requireDistribution(row, s);
            System.arraycopy(row, 0, out, s * actionCount, actionCount);
        }
        return out;
    }

    /** The share of cases that converted. */
    public double observedConversion() {
        double sum = 0.0;
        for (double r : reward) {
            sum += r;
        }
        return sum / cases();
    }

    public double decisionPointsPerCase() {
        return (double) steps() / cases();
    }

    private void requireDistribution(double[] row, int step) {
        double sum = 0.0;
        for (double p : row) {
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalStateException("step " + step + ": probability " + p + " outside [0, 1]");
            }
            sum += p;
        }
        if (Math.abs(sum - 1.0) > 1e-9) {
            throw new IllegalStateException("step " + step + ": probabilities sum to " + sum);
        }
    }

    /** Grows the step columns while {@link LeadSimulator} walks the cases. */
    static final class Builder {
        private final Regime regime;
        private final long seed;
        private final int actionCount;
        private final int[] caseStart;
        private final double[] reward;
        private int steps;
        private int[] checkIn;
        private double[] days;
        private double[] budget;
        private byte[] source;
        private int[] action;
        private double[] logging;

        Builder(Regime regime, long seed) {
            this.regime = regime;
            this.seed = seed;
            this.actionCount = regime.actions().size();
            this.caseStart = new int[regime.cases() + 1];
            this.reward = new double[regime.cases()];
            int capacity = regime.cases() * 3;
            checkIn = new int[capacity];
            days = new double[capacity];
            budget = new double[capacity];
            source = new byte[capacity];
            action = new int[capacity];
            logging = new double[capacity * actionCount];
        }

        void startCase(int c) {
            caseStart[c] = steps;
        }

        void step(int stepCheckIn, double stepDays, double stepBudget, LeadSource stepSource, int loggedAction,
                double[] distribution) {
            if (steps == action.length) {
                grow();
            }
            checkIn[steps] = stepCheckIn;
            days[steps] = stepDays;
            budget[steps] = stepBudget;
            source[steps] = (byte) stepSource.ordinal();
            action[steps] = loggedAction;
            System.arraycopy(distribution, 0, logging, steps * actionCount, actionCount);
            steps++;
        }

        void endCase(int c, double caseReward) {
            reward[c] = caseReward;
        }

        SimulatedLog build() {
            caseStart[reward.length] = steps;
            return new SimulatedLog(this);
        }

        private void grow() {
            int capacity = 2 * action.length;
            checkIn = Arrays.copyOf(checkIn, capacity);
            days = Arrays.copyOf(days, capacity);
            budget = Arrays.copyOf(budget, capacity);
            source = Arrays.copyOf(source, capacity);
            action = Arrays.copyOf(action, capacity);
            logging = Arrays.copyOf(logging, capacity * actionCount);
        }
    }
}
