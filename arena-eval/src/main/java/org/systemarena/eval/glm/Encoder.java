package org.systemarena.eval.glm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.systemarena.eval.behaviour.CategoricalFeature;
import org.systemarena.eval.behaviour.FeatureColumn;
import org.systemarena.eval.behaviour.NumericFeature;

/**
 * The feature encoding of one fitted model, learnt from that model's training rows only and then applied to any
 * rows (its training rows and the held-out rows it scores).
 *
 * <p>A numeric feature gives a dense standardised value ({@code (x - mean) / sd}, 0 when missing, clamped to the
 * training range so that a held-out outlier cannot extrapolate the linear term beyond anything the fit saw) and one
 * indicator group: its quantile bins (edges at the training quantiles k/B, equal edges merged) and a missing
 * indicator. A categorical feature gives one indicator group: each level seen at least
 * {@link #MIN_LEVEL_COUNT} times (the most frequent {@code maxLevels} of them), an "other" level
 * for the rest and for levels the training rows never had, and a missing level. Every indicator is scaled by
 * 1 / its training standard deviation, so the penalty treats all columns alike; a column that is constant on the
 * training rows is left out, as it carries nothing the intercept does not.
 */
public final class Encoder {
    /** A categorical level seen fewer times than this in the training rows goes to "other". */
    public static final int MIN_LEVEL_COUNT = 5;
    private static final int NONE = -1;

    private final List<FeatureColumn> features;
    /** Per dense column: its numeric feature, the training mean and sd, and the clamp range of z. */
    private final int[] denseFeature;
    private final double[] mean;
    private final double[] sd;
    private final double[] zMin;
    private final double[] zMax;
    private final List<Group> groups;
    private final double[] scale;
    /** Encoded columns per feature (index into the data's features). */
    private final int[] width;

    private sealed interface Group permits BinGroup, LevelGroup {
        int feature();
    }

    /** Bin {@code b} (the number of edges at or below the value) is column {@code binColumn[b]}, or none. */
    private record BinGroup(int feature, double[] edges, int[] binColumn, int missingColumn) implements Group {
    }

    /** Code {@code c} is column {@code columnOfCode[c]} (the "other" column for levels not kept), or none. */
    private record LevelGroup(int feature, int[] columnOfCode, int missingColumn) implements Group {
    }

    private Encoder(List<FeatureColumn> features, int[] denseFeature, double[] mean, double[] sd, double[] zMin,
            double[] zMax, List<Group> groups, double[] scale, int[] width) {
        this.features = features;
        this.denseFeature = denseFeature;
        this.mean = mean;
        this.sd = sd;
        this.zMin = zMin;
        this.zMax = zMax;
        this.groups = groups;
        this.scale = scale;
        this.width = width;
    }

    /** Learns the encoding of {@code used} features (indices into {@code features}) from {@code training} steps. */
    public static Encoder fit(List<FeatureColumn> features, int[] used, int[] training, int quantileBins,
            int maxLevels) {
        Builder b = new Builder(features.size(), training.length);
        for (int f : used) {
            if (features.get(f) instanceof NumericFeature numeric) {
                b.numeric(f, numeric, training, quantileBins);
            } else {
                b.categorical(f, (CategoricalFeature) features.get(f), training, maxLevels);
            }
        }
        return b.build(features);
    }

    public int width(int feature) {
        return width[feature];
    }

    public int columns() {
        return 1 + denseFeature.length + scale.length;
    }

    /** The design matrix of {@code steps}, in that order. */
    public Design encode(int[] steps) {
        int n = steps.length;
        int dense = denseFeature.length;
        double[] values = new double[n * dense];
        for (int j = 0; j < dense; j++) {
            NumericFeature f = (NumericFeature) features.get(denseFeature[j]);
            double m = mean[j];
            double s = sd[j];
            for (int i = 0; i < n; i++) {
                double x = f.value(steps[i]);
                values[i * dense + j] = Double.isNaN(x) ? 0.0 : Math.min(zMax[j], Math.max(zMin[j], (x - m) / s));
            }
        }
        int g = groups.size();
        int[] active = new int[n * g];
        for (int q = 0; q < g; q++) {
            Group group = groups.get(q);
            if (group instanceof BinGroup bins) {
                NumericFeature f = (NumericFeature) features.get(bins.feature());
                for (int i = 0; i < n; i++) {
                    double x = f.value(steps[i]);
                    active[i * g + q] = Double.isNaN(x) ? bins.missingColumn() : bins.binColumn()[bin(bins.edges(), x)];
                }
            } else {
                LevelGroup levels = (LevelGroup) group;
                CategoricalFeature f = (CategoricalFeature) features.get(levels.feature());
                for (int i = 0; i < n; i++) {
                    int c = f.code(steps[i]);
                    active[i * g + q] = c == CategoricalFeature.MISSING ? levels.missingColumn()
                            : levels.columnOfCode()[c];
                }
            }
        }
        return new Design(n, dense, values, g, active, scale);
    }

    /** The number of edges at or below {@code x}. */
    private static int bin(double[] edges, double x) {
        // Counting rather than searching: no branch to mispredict on values in random order.
        int b = 0;
        for (double e : edges) {
            b += x >= e ? 1 : 0;
        }
        return b;
    }

    private static final class Builder {
        private final int rows;
        private final int[] width;
        private final List<Integer> denseFeature = new ArrayList<>();
        private final List<double[]> dense = new ArrayList<>();
        private final List<Group> groups = new ArrayList<>();
        private final List<Double> scale = new ArrayList<>();

        Builder(int featureCount, int rows) {
            this.rows = rows;
            this.width = new int[featureCount];
        }

        void numeric(int feature, NumericFeature f, int[] training, int quantileBins) {
            double[] present = new double[training.length];
            int m = 0;
            double sum = 0.0;
            for (int s : training) {
                double x = f.value(s);
                if (!Double.isNaN(x)) {
                    present[m++] = x;
                    sum += x;
                }
            }
            if (m == 0) {
                return;
            }
            double mu = sum / m;
            double ss = 0.0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                double d = present[i] - mu;
                ss += d * d;
                min = Math.min(min, present[i]);
                max = Math.max(max, present[i]);
            }
            double sigma = Math.sqrt(ss / m);
            if (sigma > 0.0 && max > min) {
                denseFeature.add(feature);
                dense.add(new double[] {mu, sigma, (min - mu) / sigma, (max - mu) / sigma});
                width[feature]++;
            }
            double[] edges = quantileBins >= 2 && max > min ? edges(present, m, min, quantileBins) : new double[0];
            int[] binColumn = new int[edges.length + 1];
            Arrays.fill(binColumn, NONE);
            if (edges.length > 0) {
                int[] count = new int[edges.length + 1];
                for (int s : training) {
                    double x = f.value(s);
                    if (!Double.isNaN(x)) {
                        count[bin(edges, x)]++;
                    }
                }
                for (int b = 0; b < count.length; b++) {
                    binColumn[b] = indicator(feature, count[b]);
                }
            }
            int missingColumn = indicator(feature, training.length - m);
            if (edges.length > 0 || missingColumn != NONE) {
                groups.add(new BinGroup(feature, edges, binColumn, missingColumn));
            }
        }

        /** Distinct training quantiles k/B above the minimum (an edge at the minimum would leave bin 0 empty). */
        private static double[] edges(double[] present, int m, double min, int bins) {
            int[] ranks = new int[bins - 1];
            for (int k = 1; k < bins; k++) {
                ranks[k - 1] = (int) ((long) k * m / bins);
            }
            double[] q = OrderStatistics.select(present, m, ranks);
            double[] edges = new double[q.length];
            int e = 0;
            for (double v : q) {
                if (v > min && (e == 0 || v > edges[e - 1])) {
                    edges[e++] = v;
                }
            }
            return Arrays.copyOf(edges, e);
        }

        void categorical(int feature, CategoricalFeature f, int[] training, int maxLevels) {
            int levels = f.levels().size();
            int[] count = new int[levels];
            int missing = 0;
            for (int s : training) {
                int c = f.code(s);
                if (c == CategoricalFeature.MISSING) {
                    missing++;
                } else {
                    count[c]++;
                }
            }
            Integer[] order = new Integer[levels];
            for (int c = 0; c < levels; c++) {
                order[c] = c;
            }
            // Most frequent first; equal counts by code, so the choice is deterministic.
            Arrays.sort(order, (a, b) -> count[a] != count[b] ? Integer.compare(count[b], count[a])
                    : Integer.compare(a, b));
            boolean[] kept = new boolean[levels];
            int keptRows = 0;
            for (int r = 0; r < Math.min(maxLevels, levels); r++) {
                int c = order[r];
                if (count[c] >= MIN_LEVEL_COUNT) {
                    kept[c] = true;
                    keptRows += count[c];
                }
            }
            int[] columnOfCode = new int[levels];
            for (int r = 0; r < levels; r++) {
                int c = order[r];
                columnOfCode[c] = kept[c] ? indicator(feature, count[c]) : NONE;
            }
            int otherColumn = indicator(feature, training.length - missing - keptRows);
            for (int c = 0; c < levels; c++) {
                if (!kept[c]) {
                    columnOfCode[c] = otherColumn;
                }
            }
            int missingColumn = indicator(feature, missing);
            if (width[feature] > 0) {
                groups.add(new LevelGroup(feature, columnOfCode, missingColumn));
            }
        }

        /** A new indicator column active on {@code active} of the training rows, or none if that is constant. */
        private int indicator(int feature, int active) {
            if (active == 0 || active == rows) {
                return NONE;
            }
            double f = (double) active / rows;
            scale.add(1.0 / Math.sqrt(f * (1.0 - f)));
            width[feature]++;
            return scale.size() - 1;
        }

        Encoder build(List<FeatureColumn> features) {
            int d = denseFeature.size();
            double[][] stats = new double[4][d];
            int[] df = new int[d];
            for (int j = 0; j < d; j++) {
                df[j] = denseFeature.get(j);
                for (int q = 0; q < 4; q++) {
                    stats[q][j] = dense.get(j)[q];
                }
            }
            double[] sc = new double[scale.size()];
            for (int j = 0; j < sc.length; j++) {
                sc[j] = scale.get(j);
            }
            return new Encoder(features, df, stats[0], stats[1], stats[2], stats[3], List.copyOf(groups), sc, width);
        }
    }
}
