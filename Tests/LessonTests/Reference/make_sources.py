"""Worked examples of our own, written the ways published ones go wrong, for the likely-reason
tests (ReasonTests in ClaimsTests.swift): each is an input and the numbers its "source" prints.

  float32       an nn.LSTM whose weights were set from decimals in single precision
                (torch.Tensor), its outputs printed with 8 decimals, as a notebook prints them
  reuses        an RNN worked by hand: h_2 cut to 3 decimals, then a_3 computed from that 0.820
  formula       a positional-encoding table that leaves out the frequency factor (every pair of
                columns is sin(pos), cos(pos))
  percentages   a softmax row printed as whole percentages, rounded and then adjusted to sum
                to 100 (the seed's way)
  slip          tanh(0.35) printed 0.337: the pre-activation is exact, nothing gives it
  transposed    one attention head whose source multiplies W x (every weight stored d_k x d_model)

Run with the reference venv:  $HOME/ref/bin/python Tests/LessonTests/Reference/make_sources.py
It writes Tests/LessonTests/Reference/sources.json; CI only reads that file.
"""
import json
import math
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def printed(x, decimals):
    """x as a source prints it with `decimals` decimals (a string, trailing zeros kept)."""
    return f"{x:.{decimals}f}"


def cut(x, decimals):
    scale = 10 ** decimals
    return math.trunc(x * scale) / scale


def float32_lstm():
    torch.manual_seed(0)
    I, H, T = 2, 2, 3
    w_ih = [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6], [0.7, -0.8],
            [0.15, 0.25], [-0.35, 0.45], [0.55, -0.65], [0.75, 0.85]]
    w_hh = [[0.2, -0.1], [0.05, 0.3], [-0.4, 0.1], [0.3, 0.2],
            [0.1, 0.1], [-0.2, 0.35], [0.45, -0.05], [0.6, 0.15]]
    b_ih = [0.1, 0.2, -0.1, 0.3, 0.05, -0.15, 0.25, 0.1]
    b_hh = [0.0, 0.1, 0.2, -0.2, 0.1, 0.05, -0.05, 0.15]
    x = [[0.5, -1.0], [1.5, 0.25], [-0.75, 0.8]]
    lstm = torch.nn.LSTM(I, H)  # float32, as torch.Tensor makes it
    with torch.no_grad():
        lstm.weight_ih_l0.copy_(torch.tensor(w_ih))
        lstm.weight_hh_l0.copy_(torch.tensor(w_hh))
        lstm.bias_ih_l0.copy_(torch.tensor(b_ih))
        lstm.bias_hh_l0.copy_(torch.tensor(b_hh))
        out, (h, c) = lstm(torch.tensor(x))
    claims = []
    for t in range(T):
        for u in range(H):
            claims.append({"value": f"h[{t + 1}]", "at": [u + 1], "expected": printed(out[t, u].item(), 8)})
    for u in range(H):
        claims.append({"value": f"c[{T}]", "at": [u + 1], "expected": printed(c[0, u].item(), 8)})
    return {"lesson": "lstm-gates", "name": "float32",
            "input": {"input": x, "weight_ih_l0": w_ih, "weight_hh_l0": w_hh, "bias_ih_l0": b_ih, "bias_hh_l0": b_hh},
            "claims": {"source": "an LSTM run in float32, printed with 8 decimals", "claims": claims}}


def reuses():
    w_ih, w_hh, b = 0.9, 0.5, 0.3
    x = [0.5, 0.6, 0.2]
    a1 = w_ih * x[0] + b
    h1 = round(math.tanh(a1), 3)                 # printed 0.635, and used on
    a2 = w_ih * x[1] + w_hh * h1 + b
    h2 = cut(math.tanh(a2), 3)                   # 0.8205... cut to 0.820
    a3 = w_ih * x[2] + w_hh * h2 + b             # from the printed 0.820
    claims = [{"value": "h[1]", "at": [1], "expected": printed(h1, 3)},
              {"value": "a[2]", "at": [1], "expected": printed(a2, 4)},
              {"value": "h[2]", "at": [1], "expected": printed(h2, 3)},
              {"value": "a[3]", "at": [1], "expected": printed(a3, 4)}]
    return {"lesson": "rnn-unroll", "name": "reuses",
            "input": {"input": [[v] for v in x], "weight_ih_l0": [[w_ih]], "weight_hh_l0": [[w_hh]], "bias_ih_l0": [b]},
            "claims": {"source": "an RNN worked by hand, going on from its printed numbers", "claims": claims}}


def formula():
    n, d = 4, 4
    claims = []
    for pos in range(n):
        for col in range(d):
            value = math.sin(pos) if col % 2 == 0 else math.cos(pos)   # no 10000^(2i/d)
            claims.append({"value": "PE", "at": [pos + 1, col + 1], "expected": printed(value, 4)})
    return {"lesson": "positional-encoding", "name": "formula",
            "input": {"positions": n, "d_model": d},
            "claims": {"source": "a table that leaves out the frequency factor", "claims": claims}}


def percentages():
    # One query over three keys: x one-hot, so row 1 of the scores is w_k's column (d_k = 1, no scaling).
    scores = [0.0, 0.5, 1.0]
    exps = [math.exp(s) for s in scores]
    p = [e / sum(exps) for e in exps]                      # 18.63%, 30.72%, 50.65%
    percent = [round(100 * v) for v in p]                  # 19, 31, 51: 101
    # Printed so that they sum to 100: rounded, then one unit taken from the largest.
    percent[percent.index(max(percent))] -= sum(percent) - 100
    claims = [{"value": "weights", "at": [1, j + 1], "expected": printed(v / 100, 2)} for j, v in enumerate(percent)]
    return {"lesson": "attention-qkv", "name": "percentages",
            "input": {"x": [[1, 0, 0], [0, 1, 0], [0, 0, 1]], "w_q": [[1], [0], [0]], "w_k": [[s] for s in scores],
                      "w_v": [[1], [0], [0]]},
            "claims": {"source": "a softmax printed as percentages that sum to 100", "claims": claims}}


def slip():
    return {"lesson": "rnn-unroll", "name": "slip",
            "input": {"input": [[0.35]], "weight_ih_l0": [[1]], "weight_hh_l0": [[0]]},
            "claims": {"source": "tanh(0.35) printed 0.337", "claims": [
                {"value": "a[1]", "at": [1], "expected": "0.35"},
                {"value": "h[1]", "at": [1], "expected": "0.337"}]}}


def transposed():
    x = [[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]]
    w_q = [[1.0, 2.0, 0.0], [0.5, -1.0, 1.0], [0.0, 1.0, 1.0]]
    w_k = [[0.0, 1.0, 1.0], [1.0, 0.0, -1.0], [2.0, 1.0, 0.0]]
    w_v = [[1.0, 0.0, 0.5], [0.0, 2.0, 1.0], [1.0, 1.0, 0.0]]
    X = torch.tensor(x, dtype=torch.float64)
    # The source's convention: q_i = W_Q x_i, so Q = X W_Qᵀ (the weights stored out × in).
    Q, K, V = (X @ torch.tensor(w, dtype=torch.float64).T for w in (w_q, w_k, w_v))
    S = Q @ K.T
    A = torch.softmax(S / math.sqrt(3), dim=1)
    O = A @ V
    claims = [{"value": "Q", "at": [1, 1], "expected": printed(Q[0, 0].item(), 2)},
              {"value": "K", "at": [2, 3], "expected": printed(K[1, 2].item(), 2)},
              {"value": "scores", "at": [1, 2], "expected": printed(S[0, 1].item(), 2)},
              {"value": "weights", "at": [1, 1], "expected": printed(A[0, 0].item(), 4)},
              {"value": "output", "at": [2, 1], "expected": printed(O[1, 0].item(), 4)}]
    return {"lesson": "attention-qkv", "name": "transposed",
            "input": {"x": x, "w_q": w_q, "w_k": w_k, "w_v": w_v},
            "claims": {"source": "attention written W x, every weight stored out × in", "claims": claims}}


def main():
    sources = [float32_lstm(), reuses(), formula(), percentages(), slip(), transposed()]
    with open(os.path.join(HERE, "sources.json"), "w") as f:
        json.dump({"sources": sources}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
