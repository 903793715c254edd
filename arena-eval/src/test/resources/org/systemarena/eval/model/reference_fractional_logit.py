#!/usr/bin/env python3
"""Independent reference for FractionalLogitReferenceTest: fits the fractional logit (binary cross-entropy with
soft labels) that the outcome models of org.systemarena.eval.model fit with MultinomialLogit.fitSoft, here written
directly as a binary logistic regression and minimised with scipy.optimize.minimize (BFGS, analytic gradient).

Run from this folder (numpy and scipy needed, nothing else):

    python3 reference_fractional_logit.py               # prints the expected numbers
    python3 reference_fractional_logit.py --write-data  # regenerates the CSV dataset first (seeded; committed)

Objective, for rows x_i (with a leading 1), targets y_i in [0, 1], q_i = sigmoid(b0 + x_i b):

    f = - sum_i [ w (y_i log q_i + (1 - y_i) log(1 - q_i)) + v (log q_i + log(1 - q_i)) ] + (l2 / 4) |b|^2

The Java side fits two classes (reward 0, reward 1) with soft labels (1 - y_i, y_i) and its own slopes per class,
each penalised l2/2 |theta_k|^2; at the optimum theta_1 = -theta_0 = b/2, hence the l2/4 here. With l2 = 0 the Java
side fixes class 1's coefficients at 0, and b = -theta_0.
"""
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit

HERE = Path(__file__).resolve().parent


def write_data():
    rng = np.random.default_rng(20250107)
    n = 80
    x = rng.normal(size=(n, 2)) * [1.0, 1.5] + [0.2, -0.5]
    q = expit(-0.8 + 0.9 * x[:, 0] - 0.4 * x[:, 1])
    # A third of the targets are observed 0/1 outcomes, the rest fractional (like next-step values).
    y = np.where(rng.uniform(size=n) < 1 / 3, (rng.uniform(size=n) < q).astype(float),
                 np.clip(q + rng.normal(scale=0.1, size=n), 0, 1))
    with open(HERE / "fractional.csv", "w") as f:
        f.write("x1,x2,y\n")
        for row, target in zip(x, y):
            f.write(f"{row[0]:.6f},{row[1]:.6f},{target:.6f}\n")


def load():
    data = np.loadtxt(HERE / "fractional.csv", delimiter=",", skiprows=1)
    return data[:, :2], data[:, 2]


def fit(x, y, w, v, l2):
    n = len(y)
    xi = np.column_stack([np.ones(n), x])

    def objective(z):
        eta = xi @ z
        log_q = -np.logaddexp(0, -eta)
        log_1q = -np.logaddexp(0, eta)
        f = -(w * (y * log_q + (1 - y) * log_1q) + v * (log_q + log_1q)).sum() + l2 / 4 * (z[1:] ** 2).sum()
        q = expit(eta)
        r = (w + 2 * v) * q - w * y - v
        g = xi.T @ r
        g[1:] += l2 / 2 * z[1:]
        return f, g

    res = minimize(objective, np.zeros(xi.shape[1]), jac=True, method="BFGS",
                   options={"gtol": 1e-12, "maxiter": 100000})
    if not res.success and np.linalg.norm(res.jac) > 1e-6:
        raise RuntimeError(res.message)
    return res.x, expit(xi @ res.x), np.linalg.norm(objective(res.x)[1])


def java(name, values):
    flat = ", ".join(f"{v:.12g}" for v in np.asarray(values).ravel())
    print(f"    private static final double[] {name} = {{{flat}}};")


def main():
    if "--write-data" in sys.argv:
        write_data()
    x, y = load()
    for name, w, v, l2 in [("MLE", 1.0, 0.0, 0.0), ("L2", 1.0, 0.0, 1.0), ("WEIGHTED_PSEUDO", 2.0, 0.05, 0.5)]:
        b, q, gnorm = fit(x, y, w, v, l2)
        print(f"    // {name}: w={w}, v={v}, l2={l2}; |gradient| at the BFGS optimum {gnorm:.1e}")
        java(name + "_COEFFICIENTS", b)
        java(name + "_PREDICTIONS", q)


if __name__ == "__main__":
    main()
