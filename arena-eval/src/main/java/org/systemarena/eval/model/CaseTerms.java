package org.systemarena.eval.model;

/**
 * The arithmetic of DM, per-decision DR and weighted DR on fixed outcome-model values, apart from any fitting, laid
 * out as per-case columns whose sums (over all cases, or over a bootstrap resample) give all three estimates.
 *
 * <p>Per case, with decision points t = 0..T-1, rho_t = min(clip, prod_{j<=t} ratio_j), q_t = Q(x_t, a_t),
 * v_t = V(x_t), v_T = 0 and the reward r at t = T-1 only (r_t = 0 before):
 *
 * <pre>
 *   DR term = sum_t [rho_{t-1} v_t - rho_t q_t] + rho_{T-1} r = v_0 + sum_t rho_t (r_t - q_t + v_{t+1})
 * </pre>
 *
 * so one column holds v_0 and per step j one column holds c_j = rho_j (r_j - q_j + v_{j+1}); DM needs v_0 alone.
 * Weighted DR normalises each step's weights over cases, w_t = rho_t / sum_i rho_t^i (w_{-1} = 1/n), with ended
 * cases padded (their rho stays at its last value, their q, v and r are 0), which regroups as
 *
 * <pre>
 *   WDR = sum_i v_0^i / n + sum_t (sum_i c_t^i) / (sum_i rho_t^i)        (a step whose weights sum to 0 adds 0)
 * </pre>
 *
 * so per step one more column holds the padded rho_t. Steps from {@code horizon - 1} on share one pair of columns:
 * their c's are summed and normalised by the weights of step {@code horizon - 1} (consistent, since every padded
 * rho_t has the same expectation under the logging policy, and it keeps the bootstrap's width bounded on long
 * cases). Columns: u (1 for a usable case; left out when all are), the DM column, the v_0 column (the DM column
 * itself unless {@code onPolicy}), then (c_j, rho_j) for j < horizon.
 *
 * <p>{@code onPolicy} (the target is the logging policy): every rho is 1, and the logged action is a draw from the
 * target, so Q(x_t, a_t) is an unbiased value of V(x_t); with that value for V the q's cancel in pairs and the DR
 * term is exactly r. The columns are written that way (v_0 column = r, every c = 0), so DR and WDR equal the observed
 * mean over the usable cases to the last bit, whatever the model; DM still uses the model's V(x_0).
 *
 * <p>A NaN v is a value the models lack (the target puts probability on an action not modelled at that rule). DM
 * is undefined when a usable case's v_0 is; DR and WDR when a usable case needs a v_t with a positive weight
 * rho_{t-1} (with rho_{t-1} = 0 it is multiplied by 0 and not needed).
 */
final class CaseTerms {
    /** Positions of the three estimates in {@link #estimates}'s output. */
    static final int DM = 0;
    static final int DR = 1;
    static final int WDR = 2;

    /** Per step, what the arithmetic needs; NaN v = not modelled. Arrays are read, not copied. */
    record Input(int[] caseStart, boolean[] usable, double[] reward, double[] ratio, double[] q, double[] v,
            boolean onPolicy) {
    }

    final int cases;
    final int usable;
    final int horizon;
    final int stride;
    /** Column offsets; {@code uColumn} is -1 when every case is usable. */
    final int uColumn;
    final int dmColumn;
    final int v0Column;
    final int firstStepColumn;
    /** cases x stride, case-major. */
    final double[] data;
    /** Usable cases whose DM term, and whose DR term, needs a value the models lack. */
    final int dmUndefinedCases;
    final int drUndefinedCases;
    /** Per step j < horizon, the ESS of the padded (clipped) weights, (sum rho_j)^2 / sum rho_j^2. */
    final double[] effectiveSampleSize;
    /** Step weights the clip lowered. */
    final long clippedWeights;
    final long weights;

    private CaseTerms(int cases, int usable, int horizon, int uColumn, int dmColumn, int v0Column,
            int firstStepColumn, int stride, double[] data, int dmUndefinedCases, int drUndefinedCases,
            double[] effectiveSampleSize, long clippedWeights, long weights) {
        this.cases = cases;
        this.usable = usable;
        this.horizon = horizon;
        this.uColumn = uColumn;
        this.dmColumn = dmColumn;
        this.v0Column = v0Column;
        this.firstStepColumn = firstStepColumn;
        this.stride = stride;
        this.data = data;
        this.dmUndefinedCases = dmUndefinedCases;
        this.drUndefinedCases = drUndefinedCases;
        this.effectiveSampleSize = effectiveSampleSize;
        this.clippedWeights = clippedWeights;
        this.weights = weights;
    }

    static CaseTerms of(Input in, double clip, int horizonCap) {
        int[] start = in.caseStart();
        int cases = start.length - 1;
        int usable = 0;
        int longest = 1;
        for (int c = 0; c < cases; c++) {
            if (in.usable()[c]) {
                usable++;
                longest = Math.max(longest, start[c + 1] - start[c]);
            }
        }
        int horizon = Math.min(longest, horizonCap);
        int uColumn = usable == cases ? -1 : 0;
        int dmColumn = uColumn + 1;
        int v0Column = in.onPolicy() ? dmColumn + 1 : dmColumn;
        int first = v0Column + 1;
        int stride = first + 2 * horizon;
        double[] data = new double[cases * stride];
        double[] sumRho = new double[horizon];
        double[] sumRho2 = new double[horizon];
        int dmUndefined = 0;
        int drUndefined = 0;
        long clipped = 0;
        long weights = 0;
        for (int c = 0; c < cases; c++) {
            if (!in.usable()[c]) {
                continue;
            }
            int o = c * stride;
            int from = start[c];
            int length = start[c + 1] - from;
            if (uColumn >= 0) {
                data[o + uColumn] = 1.0;
            }
            double dm = in.v()[from];
            if (Double.isNaN(dm)) {
                dmUndefined++;
            } else {
                data[o + dmColumn] = dm;
            }
            if (in.onPolicy()) {
                data[o + v0Column] = in.reward()[c];
                for (int j = 0; j < horizon; j++) {
                    data[o + first + 2 * j + 1] = 1.0;
                    sumRho[j] += 1.0;
                    sumRho2[j] += 1.0;
                }
                weights += length;
                continue;
            }
            boolean needsMissing = Double.isNaN(dm);
            double running = 1.0;
            double rho = 1.0;
            for (int t = 0; t < length; t++) {
                int s = from + t;
                running *= in.ratio()[s];
                rho = Math.min(clip, running);
                weights++;
                clipped += rho < running ? 1 : 0;
                if (rho != 0.0) {
                    double vNext = t + 1 < length ? in.v()[s + 1] : 0.0;
                    double r = t + 1 == length ? in.reward()[c] : 0.0;
                    double qs = in.q()[s];
                    if (Double.isNaN(vNext) || Double.isNaN(qs)) {
                        needsMissing = true;
                    } else {
                        data[o + first + 2 * Math.min(t, horizon - 1)] += rho * (r - qs + vNext);
                    }
                }
                if (t < horizon) {
                    data[o + first + 2 * t + 1] = rho;
                }
            }
            for (int t = length; t < horizon; t++) {
                data[o + first + 2 * t + 1] = rho;
            }
            for (int j = 0; j < horizon; j++) {
                double w = data[o + first + 2 * j + 1];
                sumRho[j] += w;
                sumRho2[j] += w * w;
            }
            drUndefined += needsMissing ? 1 : 0;
        }
        double[] ess = new double[horizon];
        for (int j = 0; j < horizon; j++) {
            ess[j] = sumRho2[j] == 0.0 ? 0.0 : sumRho[j] * sumRho[j] / sumRho2[j];
        }
        return new CaseTerms(cases, usable, horizon, uColumn, dmColumn, v0Column, first, stride, data, dmUndefined,
                drUndefined, ess, clipped, weights);
    }

    /** The column sums over all cases, in case order (the full-sample point of {@link #estimates}). */
    double[] totals() {
        double[] sums = new double[stride];
        for (int c = 0; c < cases; c++) {
            int o = c * stride;
            for (int k = 0; k < stride; k++) {
                sums[k] += data[o + k];
            }
        }
        return sums;
    }

    /**
     * DM, DR and WDR from one set of column sums at {@code sums[offset..offset + stride)}, into
     * {@code out[at..at + 3)}; NaN when no usable case is in the sums, or when the estimate needs values the models
     * lack.
     */
    void estimates(double[] sums, int offset, double[] out, int at) {
        double u = uColumn < 0 ? cases : sums[offset + uColumn];
        if (u == 0.0) {
            out[at + DM] = Double.NaN;
            out[at + DR] = Double.NaN;
            out[at + WDR] = Double.NaN;
            return;
        }
        double v0 = sums[offset + v0Column];
        double corrections = 0.0;
        double weighted = 0.0;
        for (int j = 0; j < horizon; j++) {
            double cj = sums[offset + firstStepColumn + 2 * j];
            double wj = sums[offset + firstStepColumn + 2 * j + 1];
            corrections += cj;
            weighted += wj == 0.0 ? 0.0 : cj / wj;
        }
        out[at + DM] = dmUndefinedCases > 0 ? Double.NaN : sums[offset + dmColumn] / u;
        out[at + DR] = drUndefinedCases > 0 ? Double.NaN : (v0 + corrections) / u;
        out[at + WDR] = drUndefinedCases > 0 ? Double.NaN : v0 / u + weighted;
    }
}
