package org.systemarena.replay;

import java.util.Arrays;

/**
 * One policy's earlier choices within one case: what {@code policy_actions('type', days)} counts. Primitive arrays,
 * since a case rarely has more than a handful of decisions.
 */
final class PolicyHistory {
    private long[] times = new long[8];
    private String[] actions = new String[8];
    private int size;

    /** Forgets every choice, for the next case or policy (the arrays are kept). */
    void clear() {
        size = 0;
    }

    void add(long timeMicros, String action) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            actions = Arrays.copyOf(actions, size * 2);
        }
        times[size] = timeMicros;
        actions[size] = action;
        size++;
    }

    /** Earlier choices of {@code action} at times in {@code [nowMicros - windowMicros, nowMicros]}. */
    long count(String action, long nowMicros, long windowMicros) {
        long from = nowMicros - windowMicros;
        long n = 0;
        for (int i = 0; i < size; i++) {
            if (times[i] >= from && times[i] <= nowMicros && action.equals(actions[i])) {
                n++;
            }
        }
        return n;
    }
}
