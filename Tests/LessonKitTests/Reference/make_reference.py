"""Generate PyTorch float64 reference values for the LessonKit tests.

Writes seven JSON files next to this script:

  rnn-unroll.json            torch.nn.RNN  (a[t] pre-activation and h[t]
                             per step)
  lstm-gates.json            torch.nn.LSTM (i[t], f[t], g[t], o[t], c[t],
                             h[t] per step)
  gru.json                   torch.nn.GRU  (r[t], z[t], n[t], h[t] per step)
  attention-qkv.json         one head of scaled dot-product attention (Q, K,
                             V, scores, scaled, weights, output)
  multi-head-attention.json  torch.nn.MultiheadAttention (Q, K, V,
                             head[k].scores/weights/output, concat, output,
                             weights)
  positional-encoding.json   sinusoidal positional encoding (PE, output)
  layer-norm.json            torch.nn.LayerNorm (mean, var, normalized,
                             output)

Each file is {"lesson", "generator", "torch", "cases": [{"name", "input",
"values"}]}; vectors are lists, matrices lists of rows, a non-finite entry is
the string "-inf", "inf" or "nan", and -0.0 is written as 0.0.

Recurrent lessons.  For every case the real one-layer module is built in float64, its parameters
are loaded with load_state_dict (the same numbers that appear in the case's
"input" object, with zeros for fields left out) and it is run on the
unbatched T x I input.  h[t] is the module's output.  The values the module
does not return (RNN pre-activations, LSTM/GRU gates, the LSTM's c[t] before
the last step) are computed with explicit float64 tensor formulas from the
same state_dict, summing in the same grouping as torch's CPU kernels.  The
script asserts that this explicit recurrence reproduces the module's h[t],
its final state and (LSTM) every c[t] -- taken from a second, step-by-step
run of the module -- to within 1e-12, so the gate values are proven
consistent with torch.nn.  (Against the whole-sequence run they currently
agree bit for bit; the step-by-step run differs in the last bits.)

Everything is seeded, so the output is byte-identical on reruns (with the same
torch build).

Attention, positional encoding and layer norm.  The named values are computed
with explicit float64 tensor formulas, in the textbook row convention
(Q = x W_q for attention-qkv; Q = query W_q^T + b_q, as nn.Linear, for
multi-head-attention).  The script asserts, to within 1e-12:

  attention-qkv         output == F.scaled_dot_product_attention(Q, K, V,
                        is_causal=causal); every row of weights sums to 1
  multi-head-attention  output and head-averaged weights == what
                        nn.MultiheadAttention returns (parameters loaded with
                        load_state_dict, zeros for biases left out; called
                        unbatched with need_weights=True,
                        average_attn_weights=True and, when causal, the
                        boolean mask triu(ones(L, S), diagonal=1))
  positional-encoding   PE (torch.sin/cos/pow) == an independent math-module
                        double loop
  layer-norm            output == nn.LayerNorm(D, eps) with weight and bias
                        loaded; mean/var == torch.var_mean(unbiased=False)

The stored "output" (and multi-head "weights") are the module's own results;
the intermediate values are the explicit formulas'.

Run from the package root:

  python3 -m venv /tmp/ref && /tmp/ref/bin/pip install torch && \
      /tmp/ref/bin/python Tests/LessonKitTests/Reference/make_reference.py
"""

import json
import math
import os
import warnings

# torch warns at import when NumPy is absent; NumPy is not needed here.
warnings.filterwarnings("ignore", message="Failed to initialize NumPy")
import torch  # noqa: E402

torch.set_num_threads(1)
DTYPE = torch.float64
TOLERANCE = 1e-12
HERE = os.path.dirname(os.path.abspath(__file__))

# Per (lesson, run): largest |manual - module| difference seen, and how many
# compared vectors were bit-identical out of how many.  run is "sequence"
# (the module run once over the whole input) or "stepwise" (the module run
# one step at a time, only used to check the LSTM's intermediate c[t]).
MAX_DIFF, EXACT, COMPARED = {}, {}, {}


# ---------------------------------------------------------------- helpers


def draw(gen, shape, scale, decimals):
    """Uniform in [-scale, scale]; rounded to `decimals` places if given."""
    t = torch.rand(shape, generator=gen, dtype=DTYPE) * (2 * scale) - scale
    if decimals is not None:
        factor = 10.0 ** decimals
        t = torch.round(t * factor) / factor
    return t + 0.0  # turn any -0.0 into 0.0


def plain(t):
    """Tensor -> nested lists of Python floats, with -0.0 normalised to 0.0.

    A non-finite entry becomes the string "-inf", "inf" or "nan".
    """
    def fix(v):
        if isinstance(v, list):
            return [fix(x) for x in v]
        if isinstance(v, float) and not math.isfinite(v):
            return "nan" if math.isnan(v) else ("-inf" if v < 0 else "inf")
        return v
    return fix((t.detach() + 0.0).tolist())


def affine(b, v, W):
    """b + W v for a vector v, as torch.addmm (bias accumulated by BLAS)."""
    return torch.addmm(b, v.unsqueeze(0), W.T)[0]


def note_diff(lesson, manual, module, what, run="sequence"):
    d = (manual - module).abs().max().item()
    assert d <= TOLERANCE, f"{lesson}: {what} differs from torch.nn by {d}"
    key = (lesson, run)
    MAX_DIFF[key] = max(MAX_DIFF.get(key, 0.0), d)
    EXACT[key] = EXACT.get(key, 0) + bool(torch.equal(manual, module))
    COMPARED[key] = COMPARED.get(key, 0) + 1


def make_params(spec, gates):
    """Draw input, weights, biases and initial state for one case.

    Everything is always drawn (in a fixed order) and then zeroed when the
    case leaves the field out, so a case's numbers depend only on its seed.
    """
    I, H, T = spec["input_size"], spec["hidden_size"], spec["steps"]
    scale = spec.get("weight_scale", 1.0)
    dec = spec.get("decimals")
    gen = torch.Generator().manual_seed(spec["seed"])
    p = {
        "weight_ih_l0": draw(gen, (gates * H, I), scale, dec),
        "weight_hh_l0": draw(gen, (gates * H, H), scale, dec),
        "bias_ih_l0": draw(gen, (gates * H,), scale, dec),
        "bias_hh_l0": draw(gen, (gates * H,), scale, dec),
        "h0": draw(gen, (H,), 1.0, dec),
        "c0": draw(gen, (H,), 1.0, dec),
        "input": draw(gen, (T, I), spec.get("input_scale", 1.0), dec),
    }
    omit = spec.get("omit", ())
    assert set(omit) <= {"bias", "state", "nonlinearity"}, omit
    if "bias" in omit:
        p["bias_ih_l0"] = torch.zeros_like(p["bias_ih_l0"])
        p["bias_hh_l0"] = torch.zeros_like(p["bias_hh_l0"])
    if "state" in omit:
        p["h0"] = torch.zeros_like(p["h0"])
        p["c0"] = torch.zeros_like(p["c0"])
    return p


def input_object(spec, p, with_c0, nonlinearity=None):
    """The case's "input" object: state_dict names, omitted fields left out."""
    omit = spec.get("omit", ())
    obj = {"input": plain(p["input"])}
    if "tokens" in spec:
        assert len(spec["tokens"]) == spec["steps"]
        obj["tokens"] = list(spec["tokens"])
    if "state" not in omit:
        obj["h0"] = plain(p["h0"])
        if with_c0:
            obj["c0"] = plain(p["c0"])
    obj["weight_ih_l0"] = plain(p["weight_ih_l0"])
    obj["weight_hh_l0"] = plain(p["weight_hh_l0"])
    if "bias" not in omit:
        obj["bias_ih_l0"] = plain(p["bias_ih_l0"])
        obj["bias_hh_l0"] = plain(p["bias_hh_l0"])
    if nonlinearity is not None and "nonlinearity" not in omit:
        obj["nonlinearity"] = nonlinearity
    return obj


def state_dict(p):
    return {k: p[k].clone() for k in
            ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")}


def saturation(values, names, is_sigmoid):
    """Fraction of activations within 0.01 of their asymptotes."""
    total, near = 0, 0
    for key, vec in values.items():
        name = key.split("[")[0]
        if name not in names:
            continue
        for v in vec:
            total += 1
            if is_sigmoid[name]:
                near += v < 0.01 or v > 0.99
            else:
                near += abs(v) > 0.99
    return near / total


# ---------------------------------------------------------------- lessons


def rnn_case(spec):
    lesson = "rnn-unroll"
    I, H, T = spec["input_size"], spec["hidden_size"], spec["steps"]
    nonlinearity = spec.get("nonlinearity", "tanh")
    p = make_params(spec, 1)
    module = torch.nn.RNN(I, H, num_layers=1, nonlinearity=nonlinearity,
                          dtype=DTYPE)
    module.load_state_dict(state_dict(p), strict=True)
    with torch.no_grad():
        out, h_n = module(p["input"], p["h0"].unsqueeze(0))
    assert out.shape == (T, H) and h_n.shape == (1, H)

    sd = module.state_dict()
    W_ih, W_hh = sd["weight_ih_l0"], sd["weight_hh_l0"]
    b_ih, b_hh = sd["bias_ih_l0"], sd["bias_hh_l0"]
    act = torch.tanh if nonlinearity == "tanh" else torch.relu
    values = {}
    # addmm(b, X, W^T) = b + X W^T.  Same grouping as torch's CPU kernel:
    # input projections for all steps first (T x H), then per step
    # (b_hh + h W_hh^T) + that step's projection.
    gx = torch.addmm(b_ih, p["input"], W_ih.T)
    h = p["h0"]
    for t in range(T):
        a = affine(b_hh, h, W_hh) + gx[t]
        h = act(a)
        note_diff(lesson, h, out[t], f"{spec['name']} h[{t + 1}]")
        values[f"a[{t + 1}]"] = plain(a)
        values[f"h[{t + 1}]"] = plain(out[t])
    note_diff(lesson, h, h_n[0], f"{spec['name']} h_n")
    if nonlinearity == "relu":
        # The case is only useful if ReLU both clips and passes values.
        assert (out == 0).any() and (out > 0).any(), spec["name"]

    obj = input_object(spec, p, with_c0=False, nonlinearity=nonlinearity)
    if "nonlinearity" in spec.get("omit", ()):
        assert nonlinearity == "tanh"
    return {"name": spec["name"], "input": obj, "values": values}


def lstm_case(spec):
    lesson = "lstm-gates"
    I, H, T = spec["input_size"], spec["hidden_size"], spec["steps"]
    p = make_params(spec, 4)
    module = torch.nn.LSTM(I, H, num_layers=1, dtype=DTYPE)
    module.load_state_dict(state_dict(p), strict=True)
    h0, c0 = p["h0"].unsqueeze(0), p["c0"].unsqueeze(0)
    with torch.no_grad():
        out, (h_n, c_n) = module(p["input"], (h0, c0))
        # The module returns only the last cell state, so also run it one
        # step at a time (carrying its own state) to check every c[t].
        step_c = []
        hs, cs = h0, c0
        for t in range(T):
            _, (hs, cs) = module(p["input"][t:t + 1], (hs, cs))
            step_c.append(cs[0])
    assert out.shape == (T, H) and h_n.shape == (1, H) and c_n.shape == (1, H)

    sd = module.state_dict()
    W_ih, W_hh = sd["weight_ih_l0"], sd["weight_hh_l0"]
    b_ih, b_hh = sd["bias_ih_l0"], sd["bias_hh_l0"]
    # Pre-activations of all four gates come from the stacked 4H x . weights
    # and are split in PyTorch's row order i, f, g, o -- the same as chunking
    # the weights, but with torch's own grouping of the float64 sums:
    # (b_hh + W_hh h) + (b_ih + W_ih x), input projections for all steps
    # first.
    gx = torch.addmm(b_ih, p["input"], W_ih.T)
    values = {}
    h, c = p["h0"], p["c0"]
    for t in range(T):
        pre_i, pre_f, pre_g, pre_o = (affine(b_hh, h, W_hh) + gx[t]).chunk(4)
        i = torch.sigmoid(pre_i)
        f = torch.sigmoid(pre_f)
        g = torch.tanh(pre_g)
        o = torch.sigmoid(pre_o)
        c = f * c + i * g
        h = o * torch.tanh(c)
        step = f"{spec['name']} step {t + 1}"
        note_diff(lesson, h, out[t], step + " h")
        note_diff(lesson, c, step_c[t], step + " c", run="stepwise")
        for name, v in (("i", i), ("f", f), ("g", g), ("o", o), ("c", c)):
            values[f"{name}[{t + 1}]"] = plain(v)
        values[f"h[{t + 1}]"] = plain(out[t])
    note_diff(lesson, h, h_n[0], f"{spec['name']} final h")
    note_diff(lesson, c, c_n[0], f"{spec['name']} final c")

    obj = input_object(spec, p, with_c0=True)
    return {"name": spec["name"], "input": obj, "values": values}


def gru_case(spec):
    lesson = "gru"
    I, H, T = spec["input_size"], spec["hidden_size"], spec["steps"]
    p = make_params(spec, 3)
    module = torch.nn.GRU(I, H, num_layers=1, dtype=DTYPE)
    module.load_state_dict(state_dict(p), strict=True)
    with torch.no_grad():
        out, h_n = module(p["input"], p["h0"].unsqueeze(0))
    assert out.shape == (T, H) and h_n.shape == (1, H)

    sd = module.state_dict()
    W_ih, W_hh = sd["weight_ih_l0"], sd["weight_hh_l0"]
    b_ih, b_hh = sd["bias_ih_l0"], sd["bias_hh_l0"]
    # Stacked 3H x . products split in PyTorch's row order r, z, n (the same
    # as chunking the weights), summed with torch's own grouping.
    gx = torch.addmm(b_ih, p["input"], W_ih.T)
    values = {}
    h = p["h0"]
    for t in range(T):
        x_r, x_z, x_n = gx[t].chunk(3)
        h_r, h_z, h_n_ = affine(b_hh, h, W_hh).chunk(3)
        r = torch.sigmoid(h_r + x_r)
        z = torch.sigmoid(h_z + x_z)
        n = torch.tanh(x_n + r * h_n_)
        # = (1 - z) * n + z * h_{t-1}, grouped as torch's kernel does it.
        h = (h - n) * z + n
        note_diff(lesson, h, out[t], f"{spec['name']} h[{t + 1}]")
        for name, v in (("r", r), ("z", z), ("n", n)):
            values[f"{name}[{t + 1}]"] = plain(v)
        values[f"h[{t + 1}]"] = plain(out[t])
    note_diff(lesson, h, h_n[0], f"{spec['name']} final h")

    obj = input_object(spec, p, with_c0=False)
    return {"name": spec["name"], "input": obj, "values": values}


def draw_named(spec, shapes):
    """Draw the named tensors in the given (fixed) order from the case's seed.

    `shapes` is a list of (name, shape, scale); the case's "decimals" applies
    to all of them.  Fields a case leaves out are still drawn (then dropped
    or zeroed by the caller), so a case's numbers depend only on its seed.
    """
    gen = torch.Generator().manual_seed(spec["seed"])
    dec = spec.get("decimals")
    return {name: draw(gen, shape, scale, dec) for name, shape, scale in shapes}


def causal_mask(L, S):
    """True above the diagonal: position j > i is masked."""
    return torch.triu(torch.ones(L, S, dtype=torch.bool), diagonal=1)


def attention_case(spec):
    lesson = "attention-qkv"
    n, d_model, d_k, d_v = (spec["tokens_n"], spec["d_model"], spec["d_k"],
                            spec["d_v"])
    causal = spec.get("causal", False)
    ws = spec.get("weight_scale", 1.0)
    p = draw_named(spec, [("x", (n, d_model), spec.get("input_scale", 1.0)),
                          ("w_q", (d_model, d_k), ws),
                          ("w_k", (d_model, d_k), ws),
                          ("w_v", (d_model, d_v), ws)])
    x = p["x"]
    Q, K, V = x @ p["w_q"], x @ p["w_k"], x @ p["w_v"]
    scores = Q @ K.T
    scaled = scores / math.sqrt(d_k)
    if causal:
        scaled = scaled.masked_fill(causal_mask(n, n), -math.inf)
    weights = torch.softmax(scaled, dim=-1)
    output = weights @ V

    sdpa = torch.nn.functional.scaled_dot_product_attention(
        Q, K, V, is_causal=causal)
    note_diff(lesson, output, sdpa, f"{spec['name']} output", run="sdpa")
    note_diff(lesson, weights.sum(dim=-1), torch.ones(n, dtype=DTYPE),
              f"{spec['name']} weight row sums", run="row sums")
    if causal:
        assert (weights[causal_mask(n, n)] == 0).all(), spec["name"]

    obj = {"x": plain(x), "w_q": plain(p["w_q"]), "w_k": plain(p["w_k"]),
           "w_v": plain(p["w_v"])}
    if "causal" in spec:
        obj["causal"] = causal
    if "tokens" in spec:
        assert len(spec["tokens"]) == n
        obj["tokens"] = list(spec["tokens"])
    values = {"Q": plain(Q), "K": plain(K), "V": plain(V),
              "scores": plain(scores), "scaled": plain(scaled),
              "weights": plain(weights), "output": plain(output)}
    return {"name": spec["name"], "input": obj, "values": values}


def mha_case(spec):
    lesson = "multi-head-attention"
    E, heads, L = spec["embed_dim"], spec["num_heads"], spec["L"]
    cross = spec.get("cross", False)
    S = spec["S"] if cross else L
    causal = spec.get("causal", False)
    hd = E // heads
    assert hd * heads == E
    omit = spec.get("omit", ())
    assert set(omit) <= {"bias"}, omit
    p = draw_named(spec, [("query", (L, E), 1.0), ("key", (S, E), 1.0),
                          ("value", (S, E), 1.0),
                          ("in_proj_weight", (3 * E, E), 1.0),
                          ("in_proj_bias", (3 * E,), 1.0),
                          ("out_proj.weight", (E, E), 1.0),
                          ("out_proj.bias", (E,), 1.0)])
    if not cross:
        p["key"], p["value"] = p["query"], p["query"]
    if "bias" in omit:
        p["in_proj_bias"] = torch.zeros_like(p["in_proj_bias"])
        p["out_proj.bias"] = torch.zeros_like(p["out_proj.bias"])

    module = torch.nn.MultiheadAttention(E, heads, dropout=0.0, bias=True,
                                         dtype=DTYPE)
    module.load_state_dict(
        {k: p[k].clone() for k in ("in_proj_weight", "in_proj_bias",
                                   "out_proj.weight", "out_proj.bias")},
        strict=True)
    module.eval()
    mask = causal_mask(L, S) if causal else None
    with torch.no_grad():
        out, avg = module(p["query"], p["key"], p["value"], need_weights=True,
                          attn_mask=mask, average_attn_weights=True)
    assert out.shape == (L, E) and avg.shape == (L, S)

    sd = module.state_dict()
    W_q, W_k, W_v = sd["in_proj_weight"].chunk(3)
    b_q, b_k, b_v = sd["in_proj_bias"].chunk(3)
    Q = torch.addmm(b_q, p["query"], W_q.T)
    K = torch.addmm(b_k, p["key"], W_k.T)
    V = torch.addmm(b_v, p["value"], W_v.T)
    values = {"Q": plain(Q), "K": plain(K), "V": plain(V)}
    head_out, head_w = [], []
    for k in range(heads):
        cols = slice(k * hd, (k + 1) * hd)
        Qk, Kk, Vk = Q[:, cols], K[:, cols], V[:, cols]
        scores = Qk @ Kk.T
        scaled = scores / math.sqrt(hd)
        if causal:
            scaled = scaled.masked_fill(mask, -math.inf)
        w = torch.softmax(scaled, dim=-1)
        o = w @ Vk
        values[f"head[{k + 1}].scores"] = plain(scores)
        values[f"head[{k + 1}].weights"] = plain(w)
        values[f"head[{k + 1}].output"] = plain(o)
        head_out.append(o)
        head_w.append(w)
    concat = torch.cat(head_out, dim=1)
    output = torch.addmm(sd["out_proj.bias"], concat, sd["out_proj.weight"].T)
    weights = torch.stack(head_w).mean(dim=0)
    note_diff(lesson, output, out, f"{spec['name']} output", run="module")
    note_diff(lesson, weights, avg, f"{spec['name']} weights", run="module")
    values["concat"] = plain(concat)
    values["output"] = plain(out)
    values["weights"] = plain(avg)

    obj = {"query": plain(p["query"])}
    if cross:
        obj["key"] = plain(p["key"])
        obj["value"] = plain(p["value"])
    obj["num_heads"] = heads
    obj["in_proj_weight"] = plain(p["in_proj_weight"])
    if "bias" not in omit:
        obj["in_proj_bias"] = plain(p["in_proj_bias"])
    obj["out_proj.weight"] = plain(p["out_proj.weight"])
    if "bias" not in omit:
        obj["out_proj.bias"] = plain(p["out_proj.bias"])
    if "causal" in spec:
        obj["causal"] = causal
    return {"name": spec["name"], "input": obj, "values": values}


def positional_case(spec):
    lesson = "positional-encoding"
    positions, d = list(spec["positions"]), spec["d_model"]
    base = spec.get("base", 10000)
    n = len(positions)
    p = draw_named(spec, [("x", (n, d), 1.0)])

    # Column j uses the pair index i = j // 2: exponent 2i / d_model.
    pos = torch.tensor(positions, dtype=DTYPE).unsqueeze(1)          # n x 1
    exponent = torch.arange(0, d, 2, dtype=DTYPE) / d                # 2i/d
    angle = pos / torch.pow(torch.tensor(float(base), dtype=DTYPE), exponent)
    PE = torch.empty(n, d, dtype=DTYPE)
    PE[:, 0::2] = torch.sin(angle)
    PE[:, 1::2] = torch.cos(angle[:, :d // 2])

    loop = torch.empty(n, d, dtype=DTYPE)
    for r, q in enumerate(positions):
        for j in range(d):
            a = q / base ** (2 * (j // 2) / d)
            loop[r, j] = math.sin(a) if j % 2 == 0 else math.cos(a)
    note_diff(lesson, PE, loop, f"{spec['name']} PE", run="math loop")

    obj = {"positions": positions, "d_model": d}
    if "base" in spec:
        obj["base"] = base
    values = {"PE": plain(PE)}
    if spec.get("with_x", False):
        obj["x"] = plain(p["x"])
        values["output"] = plain(p["x"] + PE)
    return {"name": spec["name"], "input": obj, "values": values}


def layer_norm_case(spec):
    lesson = "layer-norm"
    N, D = spec["N"], spec["D"]
    eps = spec.get("eps", 1e-5)
    omit = spec.get("omit", ())
    assert set(omit) <= {"affine"}, omit
    p = draw_named(spec, [("input", (N, D), spec.get("input_scale", 1.0)),
                          ("weight", (D,), 1.0), ("bias", (D,), 1.0)])
    if "input_offset" in spec:
        p["input"] = p["input"] + spec["input_offset"]
    if "affine" in omit:
        p["weight"] = torch.ones(D, dtype=DTYPE)
        p["bias"] = torch.zeros(D, dtype=DTYPE)

    module = torch.nn.LayerNorm(D, eps=eps, dtype=DTYPE)
    module.load_state_dict({"weight": p["weight"].clone(),
                            "bias": p["bias"].clone()}, strict=True)
    with torch.no_grad():
        out = module(p["input"])
    assert out.shape == (N, D)

    x = p["input"]
    mean = x.mean(dim=-1)
    var = ((x - mean.unsqueeze(1)) ** 2).mean(dim=-1)
    normalized = (x - mean.unsqueeze(1)) / torch.sqrt(var + eps).unsqueeze(1)
    output = normalized * p["weight"] + p["bias"]
    tv, tm = torch.var_mean(x, dim=-1, unbiased=False)
    note_diff(lesson, mean, tm, f"{spec['name']} mean", run="var_mean")
    note_diff(lesson, var, tv, f"{spec['name']} var", run="var_mean")
    note_diff(lesson, output, out, f"{spec['name']} output", run="module")

    obj = {"input": plain(x)}
    if "affine" not in omit:
        obj["weight"] = plain(p["weight"])
        obj["bias"] = plain(p["bias"])
    if "eps" in spec:
        obj["eps"] = eps
    values = {"mean": plain(mean), "var": plain(var),
              "normalized": plain(normalized), "output": plain(out)}
    return {"name": spec["name"], "input": obj, "values": values}


# ---------------------------------------------------------------- cases

# decimals=2: weights/inputs rounded to two decimals; None: full doubles.
COMMON = [
    dict(name="input1-hidden1-steps1", input_size=1, hidden_size=1, steps=1,
         decimals=2),
    dict(name="input1-hidden1-steps4", input_size=1, hidden_size=1, steps=4,
         decimals=2),
    dict(name="input3-hidden2-steps3", input_size=3, hidden_size=2, steps=3,
         decimals=2, omit=("state",)),
    dict(name="input2-hidden4-steps5", input_size=2, hidden_size=4, steps=5,
         decimals=None),
    dict(name="input4-hidden3-steps2-tokens", input_size=4, hidden_size=3,
         steps=2, decimals=2, omit=("bias",), tokens=("the", "cat")),
    dict(name="input3-hidden2-steps4-saturating", input_size=3,
         hidden_size=2, steps=4, decimals=None, weight_scale=3.0,
         input_scale=3.0),
]

RNN_EXTRA = [
    # Seed picked so that ReLU clips some units to 0 and passes others.
    dict(name="input2-hidden3-steps4-relu", input_size=2, hidden_size=3,
         steps=4, decimals=2, nonlinearity="relu", seed=1101),
    dict(name="input2-hidden2-steps3-default-nonlinearity", input_size=2,
         hidden_size=2, steps=3, decimals=2, omit=("nonlinearity",)),
]

# n = tokens, d_model / d_k / d_v as in "Attention Is All You Need".
ATTENTION = [
    dict(name="n1-dmodel1-dk1-dv1", tokens_n=1, d_model=1, d_k=1, d_v=1,
         decimals=2),
    dict(name="n3-dmodel4-dk4-dv2-tokens", tokens_n=3, d_model=4, d_k=4,
         d_v=2, decimals=2, tokens=("The", "cat", "sat")),
    dict(name="n5-dmodel3-dk2-dv4-causal", tokens_n=5, d_model=3, d_k=2,
         d_v=4, decimals=2, causal=True),
    # Weights uniform in [-3, 3]; seed picked so that every softmax row is
    # nearly one-hot (largest weight above 0.95).
    dict(name="n4-dmodel6-dk5-dv3-large-weights", tokens_n=4, d_model=6,
         d_k=5, d_v=3, decimals=None, weight_scale=3.0, seed=4011),
    dict(name="n2-dmodel2-dk64-dv3", tokens_n=2, d_model=2, d_k=64, d_v=3,
         decimals=None, tokens=("Thinking", "Machines")),
]

# E = embed_dim; L query tokens, S key/value tokens (S = L unless cross).
MULTI_HEAD = [
    dict(name="e4-heads2-l3-self", embed_dim=4, num_heads=2, L=3,
         decimals=2),
    dict(name="e1-heads1-l1-self", embed_dim=1, num_heads=1, L=1,
         decimals=2),
    dict(name="e6-heads3-l2-s5-cross", embed_dim=6, num_heads=3, L=2, S=5,
         cross=True, decimals=None),
    dict(name="e4-heads4-l4-self-causal", embed_dim=4, num_heads=4, L=4,
         decimals=2, causal=True),
    dict(name="e8-heads2-l3-self-no-bias", embed_dim=8, num_heads=2, L=3,
         decimals=None, omit=("bias",)),
    dict(name="e6-heads1-l5-self", embed_dim=6, num_heads=1, L=5,
         decimals=None),
]

POSITIONAL = [
    dict(name="positions1-dmodel1", positions=[0], d_model=1),
    dict(name="positions4-dmodel4", positions=list(range(4)), d_model=4),
    dict(name="positions6-dmodel5-x", positions=list(range(6)), d_model=5,
         with_x=True, decimals=2),
    dict(name="positions3-dmodel8-base100", positions=[0, 10, 100],
         d_model=8, base=100),
    dict(name="positions50-dmodel16", positions=list(range(50)),
         d_model=16),
]

LAYER_NORM = [
    dict(name="n1-d1", N=1, D=1, decimals=2),
    dict(name="n2-d4", N=2, D=4, decimals=2),
    dict(name="n3-d5-default-affine", N=3, D=5, decimals=None,
         omit=("affine",)),
    dict(name="n1-d6-eps0.1", N=1, D=6, decimals=2, eps=0.1),
    dict(name="n4-d3-large-magnitude", N=4, D=3, decimals=None,
         input_offset=1000.0),
]

LESSONS = [
    # (lesson, builder, seed base, cases, saturation check)
    ("rnn-unroll", rnn_case, 1000, COMMON + RNN_EXTRA,
     ({"h"}, {"h": False})),
    ("lstm-gates", lstm_case, 2000, COMMON,
     ({"i", "f", "g", "o"}, {"i": True, "f": True, "g": False, "o": True})),
    ("gru", gru_case, 3000, COMMON,
     ({"r", "z", "n"}, {"r": True, "z": True, "n": False})),
    ("attention-qkv", attention_case, 4000, ATTENTION, None),
    ("multi-head-attention", mha_case, 5000, MULTI_HEAD, None),
    ("positional-encoding", positional_case, 6000, POSITIONAL, None),
    ("layer-norm", layer_norm_case, 7000, LAYER_NORM, None),
]

# What each checked run compares the explicit formulas against.
RUNS = {
    "sequence": "module, sequence run",
    "stepwise": "module, stepwise run",
    "module": "module",
    "sdpa": "F.scaled_dot_product_attention",
    "row sums": "1 (weight row sums)",
    "math loop": "math-module loop",
    "var_mean": "torch.var_mean",
}


def write_json(path, obj):
    """indent=1 layout, but innermost lists of numbers on a single line."""
    def enc(v, level):
        pad, inner = " " * level, " " * (level + 1)
        if isinstance(v, dict):
            if not v:
                return "{}"
            items = [f"{inner}{json.dumps(k)}: {enc(x, level + 1)}"
                     for k, x in v.items()]
            return "{\n" + ",\n".join(items) + "\n" + pad + "}"
        if isinstance(v, list) and any(isinstance(x, (list, dict)) for x in v):
            items = [inner + enc(x, level + 1) for x in v]
            return "[\n" + ",\n".join(items) + "\n" + pad + "]"
        if isinstance(v, float):
            assert math.isfinite(v)
        return json.dumps(v, allow_nan=False, separators=(", ", ": "))
    text = enc(obj, 0) + "\n"
    assert json.loads(text) == obj
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    summary = []
    for lesson, build, seed_base, specs, sat in LESSONS:
        cases = []
        for k, spec in enumerate(specs):
            spec = dict(spec)
            spec.setdefault("seed", seed_base + k)
            case = build(spec)
            if "saturating" in spec["name"]:
                frac = saturation(case["values"], *sat)
                assert frac >= 0.25, f"{lesson} {spec['name']}: {frac}"
            if "large-weights" in spec["name"]:
                # Nearly one-hot: every row's largest weight above 0.95.
                top = [max(row) for row in case["values"]["weights"]]
                assert min(top) > 0.95, f"{lesson} {spec['name']}: {top}"
            cases.append(case)
        names = [c["name"] for c in cases]
        assert len(set(names)) == len(names)
        doc = {"lesson": lesson, "generator": "make_reference.py",
               "torch": torch.__version__, "cases": cases}
        path = os.path.join(HERE, lesson + ".json")
        write_json(path, doc)
        summary.append((path, names))

    for path, names in summary:
        lesson = os.path.basename(path)[:-5]
        print(f"{path}: {len(names)} cases")
        for n in names:
            print(f"  {n}")
        for (les, run), d in MAX_DIFF.items():
            if les == lesson:
                print(f"  max |manual - {RUNS[run]}| = {d:.3e}; "
                      f"{EXACT[les, run]}/{COMPARED[les, run]} compared "
                      f"vectors bit-identical")


if __name__ == "__main__":
    main()
