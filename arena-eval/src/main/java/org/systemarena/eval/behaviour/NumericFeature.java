package org.systemarena.eval.behaviour;

import java.util.Arrays;
import java.util.Objects;
import org.systemarena.core.ArenaException;

/**
 * A numeric snapshot feature, one value per step; {@code NaN} marks a missing value, booleans come as 0/1. Infinite
 * values are rejected: a standardised column cannot hold them, and they are almost always a parsing error.
 */
public record NumericFeature(String name, double[] values) implements FeatureColumn {
    public NumericFeature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                throw new ArenaException("numeric feature '" + name + "': step " + i + " has the infinite value "
                        + values[i] + " (use NaN for a missing value)");
            }
        }
    }

    public static NumericFeature of(String name, double... values) {
        return new NumericFeature(name, values);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The value at {@code step}, {@code NaN} when missing. */
    public double value(int step) {
        return values[step];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public String kind() {
        return "numeric";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericFeature f && name.equals(f.name) && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "NumericFeature[" + name + ", " + values.length + " steps]";
    }
}
