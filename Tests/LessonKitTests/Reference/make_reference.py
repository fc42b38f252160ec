"""Generate PyTorch float64 reference values for the LessonKit tests.

Writes three JSON files next to this script:

  rnn-unroll.json   torch.nn.RNN  (a[t] pre-activation and h[t] per step)
  lstm-gates.json   torch.nn.LSTM (i[t], f[t], g[t], o[t], c[t], h[t] per step)
  gru.json          torch.nn.GRU  (r[t], z[t], n[t], h[t] per step)

For every case the real one-layer module is built in float64, its parameters
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
torch build).  Run from the package root:

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
    """Tensor -> nested lists of Python floats, with -0.0 normalised to 0.0."""
    return (t.detach() + 0.0).tolist()


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

LESSONS = [
    # (lesson, builder, seed base, extra cases, saturation check)
    ("rnn-unroll", rnn_case, 1000, RNN_EXTRA,
     ({"h"}, {"h": False})),
    ("lstm-gates", lstm_case, 2000, [],
     ({"i", "f", "g", "o"}, {"i": True, "f": True, "g": False, "o": True})),
    ("gru", gru_case, 3000, [],
     ({"r", "z", "n"}, {"r": True, "z": True, "n": False})),
]


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
    for lesson, build, seed_base, extra, (sat_names, sat_kind) in LESSONS:
        cases = []
        for k, spec in enumerate(COMMON + extra):
            spec = dict(spec)
            spec.setdefault("seed", seed_base + k)
            case = build(spec)
            if "saturating" in spec["name"]:
                frac = saturation(case["values"], sat_names, sat_kind)
                assert frac >= 0.25, f"{lesson} {spec['name']}: {frac}"
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
                print(f"  max |manual - module| ({run} run) = {d:.3e}; "
                      f"{EXACT[les, run]}/{COMPARED[les, run]} compared "
                      f"vectors bit-identical")


if __name__ == "__main__":
    main()
