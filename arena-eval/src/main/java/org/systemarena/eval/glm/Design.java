package org.systemarena.eval.glm;

/**
 * An encoded design matrix in primitive arrays. Columns: 0 is the intercept; {@code 1..dense} are dense
 * (standardised numeric values, one per row); after them come the indicator columns, numbered {@code 0..sparse-1}
 * among themselves and arranged in groups of which each row has at most one column active (a numeric feature's bins
 * and its missing indicator; a categorical feature's levels). An active indicator column {@code j} has the value
 * {@code scale[j]} (1 / its standard deviation), an inactive one 0.
 *
 * <p>Indicators are scaled but not centred: centring only moves the intercepts (which are not penalised) and would
 * make every row dense. Groups hold increasing column ranges, so a row's active columns come out sorted.
 */
public final class Design {
    public final int rows;
    public final int dense;
    /** rows x dense, row-major. */
    public final double[] values;
    public final int groups;
    /** rows x groups, row-major: the active indicator column of each group, or -1. */
    public final int[] active;
    /** per indicator column, its value when active. */
    public final double[] scale;

    public Design(int rows, int dense, double[] values, int groups, int[] active, double[] scale) {
        this.rows = rows;
        this.dense = dense;
        this.values = values;
        this.groups = groups;
        this.active = active;
        this.scale = scale;
    }

    /** A plain matrix (rows x columns, no intercept column): every column dense, taken as it is. */
    public static Design dense(double[][] x) {
        int d = x.length == 0 ? 0 : x[0].length;
        double[] values = new double[x.length * d];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, values, i * d, d);
        }
        return new Design(x.length, d, values, 0, new int[0], new double[0]);
    }

    public int sparse() {
        return scale.length;
    }

    /** Intercept, dense and indicator columns. */
    public int columns() {
        return 1 + dense + scale.length;
    }

    /** {@code count} rows spread evenly over this design (row {@code floor(i * rows / count)} for each i). */
    public Design evenlySpread(int count) {
        double[] v = new double[count * dense];
        int[] a = new int[count * groups];
        for (int i = 0; i < count; i++) {
            int from = evenlySpreadRow(i, count, rows);
            System.arraycopy(values, from * dense, v, i * dense, dense);
            System.arraycopy(active, from * groups, a, i * groups, groups);
        }
        return new Design(count, dense, v, groups, a, scale);
    }

    public static int evenlySpreadRow(int i, int count, int rows) {
        return (int) ((long) i * rows / count);
    }
}
