"""The default lstm-gates example computed the way a student would without `lesson`:
python3 + numpy, the same equations (PyTorch's gate order i, f, g, o), printing every gate.

Usage: python3 .ci/lstm_numpy.py INPUT.json   (INPUT.json from `lesson lstm-gates --print-input`)
"""
import json
import sys

import numpy as np

with open(sys.argv[1]) as f:
    p = json.load(f)
x = np.array(p["input"], dtype=np.float64)
w_ih = np.array(p["weight_ih_l0"], dtype=np.float64)
w_hh = np.array(p["weight_hh_l0"], dtype=np.float64)
hidden = w_hh.shape[1]
b_ih = np.array(p.get("bias_ih_l0", np.zeros(4 * hidden)), dtype=np.float64)
b_hh = np.array(p.get("bias_hh_l0", np.zeros(4 * hidden)), dtype=np.float64)
h = np.array(p.get("h0", np.zeros(hidden)), dtype=np.float64)
c = np.array(p.get("c0", np.zeros(hidden)), dtype=np.float64)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


for t, x_t in enumerate(x, start=1):
    a = w_ih @ x_t + b_ih + w_hh @ h + b_hh
    i, f, g, o = sigmoid(a[:hidden]), sigmoid(a[hidden:2 * hidden]), np.tanh(a[2 * hidden:3 * hidden]), sigmoid(a[3 * hidden:])
    c = f * c + i * g
    h = o * np.tanh(c)
    for name, value in [("a", a), ("i", i), ("f", f), ("g", g), ("o", o), ("c", c), ("h", h)]:
        print(f"{name}[{t}] =", np.array2string(value, precision=4))
