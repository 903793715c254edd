#!/usr/bin/env python3
"""Independent reference for MultinomialLogitReferenceTest: fits the penalised multinomial objective of
MultinomialLogit with scipy.optimize.minimize (BFGS, analytic gradient, tight tolerance) and prints the
coefficients and fitted probabilities that the Java test asserts.

Run from this folder (numpy and scipy needed, nothing else):

    python3 reference_logit.py               # prints the expected numbers
    python3 reference_logit.py --write-data  # regenerates the CSV datasets first (seeded; already committed)

Objective, for rows x_i (with a leading 1 for the intercept), classes y_i in 0..K-1, coefficients theta (K x p):

    f = - sum_i [ w log p_i,y_i + v sum_k log p_i,k ] + l2/2 sum_k sum_{c >= 1} theta_kc^2,  p_i = softmax(theta x_i)

With l2 > 0 every class has its own slopes and the last class's intercept is 0; with l2 = 0 the last class is the
reference (all its coefficients 0). The Java side must find the same optimum by a different algorithm (Newton).
"""
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from scipy.special import logsumexp

HERE = Path(__file__).resolve().parent


def write_data():
    rng = np.random.default_rng(20240611)
    # a: 3 classes from a softmax model in 2 features; classes overlap, so the unpenalised MLE exists.
    n = 60
    x = rng.normal(size=(n, 2)) * [1.0, 2.0] + [0.5, -1.0]
    eta = np.column_stack([0.3 + 0.8 * x[:, 0] - 0.2 * x[:, 1], -0.2 - 0.5 * x[:, 0] + 0.3 * x[:, 1], np.zeros(n)])
    prob = np.exp(eta - logsumexp(eta, axis=1, keepdims=True))
    y = np.array([rng.choice(3, p=p) for p in prob])
    save("logit_a.csv", x, y)
    # b: class 0 exactly when x1 < 0 (quasi-separation: its slope on x1 has no finite MLE); classes 1 and 2
    # overlap on x1 >= 0 and depend on x2.
    n = 36
    x = np.column_stack([np.round(rng.uniform(-2, 2, size=n), 3), np.round(rng.normal(size=n), 3)])
    y = np.where(x[:, 0] < 0, 0, np.where(rng.uniform(size=n) < 1 / (1 + np.exp(-1.5 * x[:, 1])), 1, 2))
    save("logit_b.csv", x, y)


def save(name, x, y):
    with open(HERE / name, "w") as f:
        f.write("x1,x2,y\n")
        for row, label in zip(x, y):
            f.write(f"{row[0]:.6f},{row[1]:.6f},{label}\n")


def load(name):
    data = np.loadtxt(HERE / name, delimiter=",", skiprows=1)
    return data[:, :2], data[:, 2].astype(int)


def fit(x, y, classes, w, v, l2):
    n, d = x.shape
    xi = np.column_stack([np.ones(n), x])
    p = d + 1
    free = np.ones((classes, p), dtype=bool)
    if l2 > 0:
        free[classes - 1, 0] = False
    else:
        free[classes - 1, :] = False
    onehot = np.eye(classes)[y]

    def unpack(z):
        theta = np.zeros((classes, p))
        theta[free] = z
        return theta

    def objective(z):
        theta = unpack(z)
        eta = xi @ theta.T
        logp = eta - logsumexp(eta, axis=1, keepdims=True)
        f = -(w * (onehot * logp).sum() + v * logp.sum()) + 0.5 * l2 * (theta[:, 1:] ** 2).sum()
        r = (w + classes * v) * np.exp(logp) - w * onehot - v
        g = r.T @ xi
        g[:, 1:] += l2 * theta[:, 1:]
        return f, g[free]

    res = minimize(objective, np.zeros(free.sum()), jac=True, method="BFGS",
                   options={"gtol": 1e-12, "maxiter": 100000})
    # BFGS may stop on "precision loss" once f changes below its rounding; the gradient then says how close it got.
    if not res.success and np.linalg.norm(res.jac) > 1e-6:
        raise RuntimeError(res.message)
    theta = unpack(res.x)
    eta = xi @ theta.T
    prob = np.exp(eta - logsumexp(eta, axis=1, keepdims=True))
    return theta, prob, np.linalg.norm(objective(res.x)[1])


def java(name, values):
    flat = ", ".join(f"{v:.12g}" for v in np.asarray(values).ravel())
    print(f"    private static final double[] {name} = {{{flat}}};")


def main():
    if "--write-data" in sys.argv:
        write_data()
    xa, ya = load("logit_a.csv")
    xb, yb = load("logit_b.csv")
    cases = [
        ("A_MLE", xa, ya, 1.0, 0.0, 0.0),
        ("A_L2", xa, ya, 1.0, 0.0, 1.0),
        ("B_SEPARATED_L2", xb, yb, 1.0, 0.0, 0.5),
        ("A_WEIGHTED_PRIOR", xa, ya, 2.0, 0.25, 3.0),
    ]
    for name, x, y, w, v, l2 in cases:
        theta, prob, gnorm = fit(x, y, 3, w, v, l2)
        print(f"    // {name}: w={w}, v={v}, l2={l2}; |gradient| at the BFGS optimum {gnorm:.1e}")
        java(name + "_COEFFICIENTS", theta)
        java(name + "_PROBABILITIES", prob)
    # End to end (CrossFittedBehaviourModel, one case, no bins): features standardised with the population sd,
    # smoothing 1 spread over the 60 rows, l2 1.
    z = (xa - xa.mean(axis=0)) / xa.std(axis=0)
    theta, prob, gnorm = fit(z, ya, 3, 1.0, 1.0 / len(ya), 1.0)
    print(f"    // A_STANDARDISED: |gradient| at the BFGS optimum {gnorm:.1e}")
    java("A_STANDARDISED_PROBABILITIES", prob)


if __name__ == "__main__":
    main()
