"""Generate PyTorch float64 reference values for the lesson tests.

Writes seven JSON files next to this script:

  rnn-unroll.json            torch.nn.RNN  (a[t] pre-activation and h[t]
                             per step)
  lstm-gates.json            torch.nn.LSTM (i[t], f[t], g[t], o[t], c[t],
                             h[t] per step)
  gru.json                   torch.nn.GRU  (r[t], z[t], n[t], h[t] per step;
                             optional "reset", "update_gate")
  attention-qkv.json         one head of scaled dot-product attention (Q, K,
                             V, scores, scaled, weights, output)
  multi-head-attention.json  torch.nn.MultiheadAttention (Q, K, V,
                             head[k].scores/weights/output, concat, output,
                             weights), and its general form with any
                             head_dim
  positional-encoding.json   sinusoidal positional encoding (PE, output;
                             optional "layout")
  layer-norm.json            torch.nn.LayerNorm (mean, var, normalized,
                             output; optional "variance", "eps_placement")

and, without torch, bleu.json: sentence BLEU against NLTK's
nltk.translate.bleu_score (matches, totals, precisions, c, r, bp, bleu and
every n-gram's counts; see bleu_case below).  `make_reference.py bleu`
writes bleu.json alone.

Also char-lm.json, birnn.json (nn.RNN/LSTM/GRU(bidirectional=True)),
seq2seq-attention.json (an encoder-decoder with Luong attention),
transformer-block.json and decoder-block.json
(nn.TransformerEncoderLayer / nn.TransformerDecoderLayer), norms.json
(batch, layer, instance and group norm), vit-patches.json (ViT's patch
embedding) and lr-warmup.json (the Transformer's learning-rate schedule),
each described in its own section near the end of this script;
`make_reference.py char-lm` (birnn, seq2seq-attention, transformer-block,
decoder-block, norms, vit-patches, lr-warmup) writes that file alone.

Each file is {"lesson", "generator", "torch", "cases": [{"name", "input",
"values", "grads"}]}; vectors are lists, matrices lists of rows, a non-finite
entry is the string "-inf", "inf" or "nan", and -0.0 is written as 0.0.
"grads" (the backward pass, below) is left out only for the
positional-encoding cases without "x".

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

Convention switches.  A few cases carry a field that selects another
published convention; the named values keep their names, and a field given
at its default leaves the case equal to torch's.

  gru  "reset": "after" (default, PyTorch: n = tanh(W_in x + b_in +
       r * (W_hn h + b_hn))) or "before" (Cho et al. 2014, ONNX
       linear_before_reset = 0: n = tanh(W_in x + b_in + W_hn (r * h) +
       b_hn)); "update_gate": "keeps-previous" (default, PyTorch: h =
       (1 - z) * n + z * h_prev) or "takes-candidate" (colah's figure: h =
       z * n + (1 - z) * h_prev).
  positional-encoding  "layout": "interleaved" (default, the paper: sin in
       even, cos in odd columns) or "concatenated" (same frequencies; the
       ceil(d/2) sines first, i = 0, 1, ..., then the floor(d/2) cosines,
       i = 0, 1, ...; exponent 2i/d in both).
  layer-norm  "variance": "biased" (default, divide by D) or "unbiased"
       (divide by D - 1, torch.var's default); "eps_placement": "inside"
       (default, (x - mean) / sqrt(var + eps)) or "outside" ((x - mean) /
       (sqrt(var) + eps), The Annotated Transformer's LayerNorm with the
       unbiased std).  "var" is the variance the case's convention uses.

Away from the defaults there is no torch.nn module to run: for gru and
layer-norm every value, h[t] and "output" included, is then the explicit
formula's, and the script asserts that the switch changes the result by more
than 1e-3 against the module's.

Attention, positional encoding and layer norm.  The named values are computed
with explicit float64 tensor formulas, in the textbook row convention
(Q = x W_q for attention-qkv; Q = query W_q^T + b_q, as nn.Linear, for
multi-head-attention).  The script asserts, to within 1e-12:

  attention-qkv         output == F.scaled_dot_product_attention(Q, K, V,
                        is_causal=causal); every row of weights sums to 1
  multi-head-attention  output and head-averaged weights == mha_explicit,
                        the same computation in other explicit ops
                        (F.linear, heads split by view/transpose, concat by
                        transpose/reshape), for any head_dim; where
                        head_dim = E / num_heads, both == what
                        nn.MultiheadAttention returns (parameters loaded with
                        load_state_dict, zeros for biases left out; called
                        unbatched with need_weights=True,
                        average_attn_weights=True and, when causal, the
                        boolean mask triu(ones(L, S), diagonal=1)).  A case
                        with "head_dim" gives it in its input: the paper's
                        general form, in_proj_weight 3 num_heads head_dim x
                        E, out_proj.weight E x num_heads head_dim, scale
                        1/sqrt(head_dim); nn.MultiheadAttention ties
                        head_dim to E / num_heads, so away from that there
                        is no module to run
  positional-encoding   PE (torch.sin/cos/pow) == an independent math-module
                        double loop; "concatenated" is a column permutation
                        of the paper's PE (exactly)
  layer-norm            output == nn.LayerNorm(D, eps) with weight and bias
                        loaded (default convention); mean/var ==
                        torch.var_mean(unbiased as the case's variance);
                        with eps outside, output == a_2 * (x - mean) /
                        (x.std(-1, keepdim=True) + eps) + b_2 (The
                        Annotated Transformer; unbiased=False for a biased
                        case); mean, var, normalized and output == a
                        math-module loop

GRU, every case: r, z, n and h == a plain-Python math-module recurrence; and,
when the update gate keeps the previous state, == ONNX's GRU equations as
documented (gates repacked z, r, h; linear_before_reset = 0 for "before",
1 for "after").

The stored "output" (and multi-head "weights") are the module's own results
(for layer-norm, under the default convention; for multi-head attention
with head_dim != E / num_heads, mha_explicit's); the intermediate values are
the explicit formulas'.

Gradients ("grads").  Every case (but positional encoding without x) also
gets the gradients of the loss L = sum(output * grad_output), PyTorch's
output.backward(grad_output), computed by torch.autograd in float64.
grad_output is the case's input field "grad_output" (dL/d output, the
output's shape), all ones when the case has none (L = the sum of the
output's entries).  The output is the stacked h[1..T] (T x H) for
rnn-unroll, lstm-gates and gru; "output" for attention-qkv (n x d_v),
multi-head-attention (L x E, the projected output, not the averaged
weights), positional-encoding (n x d) and layer-norm (N x D).

The graph is built from the explicit formulas above (so every named value is
a node of it; retain_grad() on each), from leaf tensors for every
differentiable input field: "<name>.grad" for every name in "values" that is
on the path to the loss (all of them except positional encoding's "PE" and
multi-head attention's averaged "weights"), then "<field>.grad" for every
differentiable input field the case gives:

  rnn-unroll, gru  input, h0, weight_ih_l0, weight_hh_l0, bias_ih_l0,
                   bias_hh_l0          (lstm-gates: also c0)
  attention-qkv    x, w_q, w_k, w_v
  multi-head-attention  query, key, value, in_proj_weight, in_proj_bias,
                   out_proj.weight, out_proj.bias; a key or value left out
                   IS the query tensor, so query.grad is the total over all
                   its uses
  positional-encoding  x           layer-norm  input, weight, bias

Named values come in reverse forward order (an order the backward pass can
compute them in), input fields in the order of GRAD_FIELDS.  A value used
in several places has its total gradient (.grad after retain_grad()).  A
masked score (-inf in "scaled" / "head[k].scaled") gets gradient 0; so does
"scores" there.  Convention switches are differentiated through their own
explicit formulas.  Each graph's forward values are first checked against
the stored "values" (1e-12).

Truncated BPTT.  A recurrent case may give "bptt_steps" k (integer >= 1):
the steps are cut into chunks 1..k, k+1..2k, ... and the state entering
every chunk after the first (h, and c for the LSTM) is .detach()ed, so no
gradient crosses a chunk boundary; h0 (c0) get theirs from the first chunk;
the loss still covers every step.  The forward values do not change.

The gradients are checked, to 1e-12, against:

  rnn-unroll, lstm-gates, gru (default convention)  the module's own
      backward, with the same grad_output, run chunk by chunk with the
      state detached between chunks under bptt_steps: every parameter's
      .grad, input.grad, h0.grad (c0.grad)
  gru, update gate keeping the previous state, no bptt_steps  onnx_gru's
      equations differentiated by autograd (so "reset": "before" too)
  attention-qkv   Q, K, V gradients == F.scaled_dot_product_attention's
      backward; masked entries of scaled.grad are 0
  multi-head-attention  nn.MultiheadAttention's backward (mha_explicit's,
      by autograd, where head_dim != E / num_heads): query/key/value
      and all four parameters' .grad (a key or value left out is passed as
      the query tensor itself); masked entries of head[k].scaled.grad are 0
  positional-encoding   x.grad == grad_output exactly
  layer-norm      default: nn.LayerNorm's backward; eps outside: the
      Annotated Transformer's formula's; unbiased inside: a torch.var_mean
      formula's (input, weight and bias .grad)

and every gradient, intermediate or input, at its largest-magnitude entry
against the central difference (L(+eps) - L(-eps)) / (2 eps), eps = 1e-6,
with the entry of an input field perturbed, or, for a named intermediate,
eps added to that entry where it is computed (with bptt_steps, the chunk
boundary states held at the autograd run's detached values): relative
difference below 1e-6; an entry below 1e-3 in magnitude (a saturated
gate's, or 0 up to rounding), where rounding in the forward pass alone
is about |L| * 1e-10, to 1e-9 * max(1, sum |output * grad_output|)
absolute.  The summary lists input-field gradients whose largest |entry| is
shared (to 1e-9) by several entries.

Backward cases (appended after the others, so earlier cases keep their
seeds and their "values"): "grad_output": a random grad_output (uniform in
[-1, 1], 2 decimals, from its own generator seeded seed + 10**6) in the
input; "bptt": bptt_steps in the input.

  rnn-unroll, lstm-gates, gru  input3-hidden4-steps4-grad-output,
      input2-hidden3-steps5-bptt2, input2-hidden3-steps3-no-bias-no-state
      (biases, h0 and c0 left out), input2-hidden2-steps6-bptt3-grad-output
  rnn-unroll      input2-hidden3-steps4-relu-grad-output (some units
      clipped, no pre-activation within 1e-3 of 0),
      input1-hidden2-steps4-bptt1
  gru             input2-hidden2-steps5-reset-before-update-takes-
      candidate-bptt2-grad-output
  attention-qkv   n4-dmodel3-dk2-dv2-causal-grad-output
  multi-head-attention  e4-heads2-l4-self-causal-grad-output,
      e6-heads2-l3-s4-cross-grad-output,
      e4-heads2-l3-key-given-value-omitted-grad-output (value = query,
      so S = L), e6-heads3-l2-self-no-bias-grad-output,
      e4-heads2-l2-s3-cross-causal; head_dim given:
      e4-heads8-headdim3-l2-self-grad-output (seed notes 000/001's 8 heads
      x 3 = 24 -> 4), e3-heads2-headdim4-l3-s2-cross-causal,
      e2-heads3-headdim1-l2-self-no-bias (heads not dividing E),
      e4-heads2-headdim2-l3-self-given (= E / num_heads, against the
      module)
  positional-encoding  positions5-dmodel4-x-grad-output
  layer-norm      n2-d4-default-affine-grad-output (weight and bias left
      out), n3-d5-grad-output,
      n2-d4-variance-unbiased-eps-outside-grad-output

Other weight layouts (the last cases of rnn-unroll, lstm-gates and gru,
named "keras-..." and "cell-..."): the weights as Keras stores them
(kernel, recurrent_kernel, bias) and under nn.RNNCell/LSTMCell/GRUCell's
keys, with the gradients of the arrays as given; see the section "other
layouts" below.

Stacked layers (num_layers > 1: "layers2-…", "layers3-…" cases at the end of
rnn-unroll, lstm-gates and gru): see the section "stacked layers" near the
end of this script.

Run from the package root:

  python3 -m venv /tmp/ref && /tmp/ref/bin/pip install torch && \
      /tmp/ref/bin/python Tests/LessonTests/Reference/make_reference.py
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


# ---------------------------------------------------------------- backward

# Central differences: step, and the largest relative difference accepted.
# Rounding in the forward pass puts an absolute error of about
# |L| * 1e-16 / FD_EPS into a central difference, so a relative difference
# below 1e-6 can only be asked of entries of at least FD_FLOOR (1e-3) in
# magnitude; a smaller entry (a saturated gate's gradient, or one that is 0
# up to rounding) is held to an absolute difference of
# FD_ABSOLUTE * max(1, sum |output * grad_output|) instead.
FD_EPS = 1e-6
FD_TOLERANCE = 1e-6
FD_FLOOR = 1e-3
FD_ABSOLUTE = 1e-9
# Per lesson: how many gradient entries were checked by central
# differences (relatively, absolutely), and the largest relative
# difference seen.
FD_COUNT, FD_SMALL, FD_MAX = {}, {}, {}
# Input fields' gradients whose largest |entry| is shared (to 1e-9) by
# several entries:
# (lesson, case, gradient name, how many share it, how many entries).
TIES = []

GRAD_FIELDS = {
    "rnn-unroll": ("input", "h0", "weight_ih_l0", "weight_hh_l0",
                   "bias_ih_l0", "bias_hh_l0"),
    "lstm-gates": ("input", "h0", "c0", "weight_ih_l0", "weight_hh_l0",
                   "bias_ih_l0", "bias_hh_l0"),
    "gru": ("input", "h0", "weight_ih_l0", "weight_hh_l0", "bias_ih_l0",
            "bias_hh_l0"),
    "attention-qkv": ("x", "w_q", "w_k", "w_v"),
    "multi-head-attention": ("query", "key", "value", "in_proj_weight",
                             "in_proj_bias", "out_proj.weight",
                             "out_proj.bias"),
    "positional-encoding": ("x",),
    "layer-norm": ("input", "weight", "bias"),
}
# Named values that are not on the path to the loss or depend on no
# differentiable input: they get no gradient.
NO_GRAD = {"multi-head-attention": {"weights"},
           "positional-encoding": {"PE"}}


class Tap:
    """Every named intermediate of a forward function passes through here.

    In the autograd run it calls retain_grad() on it and keeps it by name;
    in a central-difference run (`poke` = (name, index, delta)) it adds
    delta to one entry of the named value before it is used further.
    """

    def __init__(self, poke=None):
        self.named, self.poke = {}, poke

    def __call__(self, name, t):
        if self.poke is not None and self.poke[0] == name:
            t = t.clone()
            t[self.poke[1]] += self.poke[2]
        if t.requires_grad:
            t.retain_grad()
        self.named[name] = t
        return t


def chunk_start(t, k):
    """True when step t (0-based) opens a truncated-BPTT chunk after the
    first one."""
    return k is not None and t > 0 and t % k == 0


def case_grad_output(spec, shape):
    """The case's grad_output: all ones, or (spec grad_output=True) uniform
    in [-1, 1] rounded to 2 decimals, drawn from a generator of its own
    (seed + 10**6) so the case's other numbers do not change."""
    if not spec.get("grad_output", False):
        return torch.ones(shape, dtype=DTYPE)
    gen = torch.Generator().manual_seed(10 ** 6 + spec["seed"])
    return draw(gen, shape, 1.0, 2)


def from_plain(v):
    """The inverse of plain(): nested lists (with "-inf" etc.) -> tensor."""
    def fix(x):
        if isinstance(x, list):
            return [fix(y) for y in x]
        return float(x)
    return torch.tensor(fix(v), dtype=DTYPE)


def same_values(lesson, t, stored, what, run):
    """A graph value against the stored one: non-finite entries equal,
    finite ones within TOLERANCE."""
    ref = from_plain(stored)
    t = t.detach()
    assert t.shape == ref.shape, (what, t.shape, ref.shape)
    fin = torch.isfinite(ref)
    assert torch.equal(torch.isfinite(t), fin), what
    assert torch.equal(t[~fin], ref[~fin]), what
    note_diff(lesson, t[fin], ref[fin], what, run=run)


def central_difference(lesson, what, analytic, loss, scale):
    """(L(+eps) - L(-eps)) / 2 eps against the analytic entry; scale is
    sum |output * grad_output|."""
    numeric = (loss(FD_EPS) - loss(-FD_EPS)) / (2 * FD_EPS)
    big = max(abs(analytic), abs(numeric))
    diff = abs(analytic - numeric)
    if big < FD_FLOOR:
        assert diff < FD_ABSOLUTE * max(1.0, scale), (what, analytic, numeric)
        FD_SMALL[lesson] = FD_SMALL.get(lesson, 0) + 1
    else:
        rel = diff / big
        assert rel < FD_TOLERANCE, (what, analytic, numeric, rel)
        FD_COUNT[lesson] = FD_COUNT.get(lesson, 0) + 1
        FD_MAX[lesson] = max(FD_MAX.get(lesson, 0.0), rel)


def largest_entry(g):
    """Index (tuple) of the first entry of largest magnitude, row-major,
    and how many entries come within 1e-9 (relative) of that magnitude."""
    a = g.detach().abs()
    flat = int(torch.argmax(a.reshape(-1)))
    index = tuple(int(i) for i in torch.unravel_index(
        torch.tensor(flat), a.shape))
    top = a.reshape(-1)[flat]
    ties = int((a >= top * (1 - 1e-9)).sum())
    return index, ties


def backward_pass(lesson, spec, case, forward, leaves, output_shape,
                  fields=None):
    """Add the case's "grads" member; return the leaves and named tensors.

    forward(P, tap, cut) -> the lesson's output; P maps input fields to
    tensors (every differentiable field, zeros for fields left out; key and
    value of multi-head attention only when given), tap(name, tensor)
    names an intermediate, cut(t, state) is applied to the recurrent state
    entering step t when t opens a truncated-BPTT chunk.  The loss is
    sum(output * grad_output).  `fields`: the differentiable input fields,
    when they are not the lesson's GRAD_FIELDS (another weight layout).
    """
    go = case_grad_output(spec, output_shape)
    if spec.get("grad_output", False):
        case["input"]["grad_output"] = plain(go)
    P = {k: v.detach().clone().requires_grad_(True)
         for k, v in leaves.items()}
    saved = {}

    def cut(t, state):
        saved[t] = tuple(s.detach() for s in state)
        return saved[t]

    tap = Tap()
    output = forward(P, tap, cut)
    assert output.shape == tuple(output_shape), (output.shape, output_shape)
    for name, stored in case["values"].items():
        same_values(lesson, tap.named[name], stored,
                    f"{spec['name']} {name}", "graph")
    output.backward(go)

    grads = {}
    no_grad = NO_GRAD.get(lesson, set())
    for name in reversed(list(case["values"])):
        g = tap.named[name].grad
        assert (g is None) == (name in no_grad), (spec["name"], name)
        if g is not None:
            grads[name + ".grad"] = g
    given = [f for f in (fields or GRAD_FIELDS[lesson]) if f in case["input"]]
    for field in given:
        assert P[field].grad is not None, (spec["name"], field)
        grads[field + ".grad"] = P[field].grad

    # Central differences at each gradient's largest entry, in a forward
    # run whose truncated-BPTT chunk boundaries hold the states of the
    # autograd run (the detached constants).
    def loss_of(P2, poke):
        with torch.no_grad():
            out = forward(P2, Tap(poke), lambda t, state: saved[t])
        return math.fsum((out * go).reshape(-1).tolist())

    scale = math.fsum((output * go).abs().reshape(-1).tolist())
    for gname, g in grads.items():
        name = gname[:-len(".grad")]
        index, ties = largest_entry(g)
        if ties > 1 and name in P:
            TIES.append((lesson, spec["name"], gname, ties, g.numel()))
        what = f"{lesson} {spec['name']} {gname}{list(index)}"
        if name in P:
            def loss(delta, name=name, index=index):
                P2 = {k: v.detach().clone() for k, v in P.items()}
                P2[name][index] += delta
                return loss_of(P2, None)
        else:
            def loss(delta, name=name, index=index):
                P2 = {k: v.detach() for k, v in P.items()}
                return loss_of(P2, (name, index, delta))
        central_difference(lesson, what, g[index].item(), loss, scale)

    case["grads"] = {k: plain(v) for k, v in grads.items()}
    return P, tap, go


def bptt_of(spec, obj):
    """The case's bptt_steps (None when not given), put into the input."""
    k = spec.get("bptt_steps")
    if k is not None:
        assert isinstance(k, int) and k >= 1, k
        obj["bptt_steps"] = k
    return k


def recurrent_module_check(lesson, spec, module, P, go, k, with_c,
                           fields=None):
    """The module's own backward, run chunk by chunk with the state detached
    between chunks, against the explicit graph's gradients.  fields: the
    module's parameters for stacked layers, whose h0 and c0 are already
    (num_layers, H); one layer's when None."""
    x = P["input"].detach().clone().requires_grad_(True)
    h0 = P["h0"].detach().clone().requires_grad_(True)
    c0 = P["c0"].detach().clone().requires_grad_(True) if with_c else None
    if fields is None:
        state = ((h0.unsqueeze(0), c0.unsqueeze(0)) if with_c
                 else h0.unsqueeze(0))
    else:
        state = (h0, c0) if with_c else h0
    T = x.shape[0]
    step = k or T
    outs = []
    for start in range(0, T, step):
        if start > 0:
            state = (tuple(s.detach() for s in state) if with_c
                     else state.detach())
        o, state = module(x[start:start + step], state)
        outs.append(o)
    torch.cat(outs).backward(go)
    what = f"{spec['name']} grad"
    for name in fields or ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0",
                           "bias_hh_l0"):
        note_diff(lesson, P[name].grad, getattr(module, name).grad,
                  f"{what} {name}", run="backward module")
    note_diff(lesson, P["input"].grad, x.grad, f"{what} input",
              run="backward module")
    note_diff(lesson, P["h0"].grad, h0.grad, f"{what} h0",
              run="backward module")
    if with_c:
        note_diff(lesson, P["c0"].grad, c0.grad, f"{what} c0",
                  run="backward module")


def fresh_module(cls, I, H, p, **kw):
    m = cls(I, H, num_layers=1, dtype=DTYPE, **kw)
    m.load_state_dict(state_dict(p), strict=True)
    return m


def rnn_forward(nonlinearity, k):
    act = torch.tanh if nonlinearity == "tanh" else torch.relu

    def forward(P, tap, cut):
        gx = torch.addmm(P["bias_ih_l0"], P["input"], P["weight_ih_l0"].T)
        h, hs = P["h0"], []
        for t in range(gx.shape[0]):
            if chunk_start(t, k):
                (h,) = cut(t, (h,))
            a = tap(f"a[{t + 1}]",
                    affine(P["bias_hh_l0"], h, P["weight_hh_l0"]) + gx[t])
            h = tap(f"h[{t + 1}]", act(a))
            hs.append(h)
        return torch.stack(hs)
    return forward


def lstm_forward(k):
    def forward(P, tap, cut):
        gx = torch.addmm(P["bias_ih_l0"], P["input"], P["weight_ih_l0"].T)
        h, c, hs = P["h0"], P["c0"], []
        for t in range(gx.shape[0]):
            if chunk_start(t, k):
                h, c = cut(t, (h, c))
            pre_i, pre_f, pre_g, pre_o = (
                affine(P["bias_hh_l0"], h, P["weight_hh_l0"]) + gx[t]).chunk(4)
            i = tap(f"i[{t + 1}]", torch.sigmoid(pre_i))
            f = tap(f"f[{t + 1}]", torch.sigmoid(pre_f))
            g = tap(f"g[{t + 1}]", torch.tanh(pre_g))
            o = tap(f"o[{t + 1}]", torch.sigmoid(pre_o))
            c = tap(f"c[{t + 1}]", f * c + i * g)
            h = tap(f"h[{t + 1}]", o * torch.tanh(c))
            hs.append(h)
        return torch.stack(hs)
    return forward


def gru_forward(reset, update, k):
    def forward(P, tap, cut):
        W_hh, b_hh = P["weight_hh_l0"], P["bias_hh_l0"]
        W_hn, b_hn = W_hh.chunk(3)[2], b_hh.chunk(3)[2]
        gx = torch.addmm(P["bias_ih_l0"], P["input"], P["weight_ih_l0"].T)
        h, hs = P["h0"], []
        for t in range(gx.shape[0]):
            if chunk_start(t, k):
                (h,) = cut(t, (h,))
            x_r, x_z, x_n = gx[t].chunk(3)
            h_r, h_z, h_n = affine(b_hh, h, W_hh).chunk(3)
            r = tap(f"r[{t + 1}]", torch.sigmoid(h_r + x_r))
            z = tap(f"z[{t + 1}]", torch.sigmoid(h_z + x_z))
            if reset == "after":
                n = torch.tanh(x_n + r * h_n)
            else:
                n = torch.tanh(x_n + affine(b_hn, r * h, W_hn))
            n = tap(f"n[{t + 1}]", n)
            if update == "keeps-previous":
                h = (h - n) * z + n
            else:
                h = z * n + (1 - z) * h
            h = tap(f"h[{t + 1}]", h)
            hs.append(h)
        return torch.stack(hs)
    return forward


def onnx_backward_check(lesson, spec, P, go, linear_before_reset):
    """onnx_gru's equations differentiated by autograd against the graph."""
    q = {k: v.detach().clone().requires_grad_(True) for k, v in P.items()}
    steps = onnx_gru(q, linear_before_reset)
    torch.stack([s["h"] for s in steps]).backward(go)
    for name in q:
        note_diff(lesson, P[name].grad, q[name].grad,
                  f"{spec['name']} grad {name}", run="backward onnx")


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
    k = bptt_of(spec, obj)
    case = {"name": spec["name"], "input": obj, "values": values}
    if nonlinearity == "relu":
        # No pre-activation at ReLU's kink, where the derivative (torch: 0)
        # and a central difference would disagree.
        pre = torch.stack([from_plain(values[f"a[{t + 1}]"])
                           for t in range(T)])
        assert pre.abs().min() > 1e-3, spec["name"]
    P, _, go = backward_pass(lesson, spec, case, rnn_forward(nonlinearity, k),
                             {f: p[f] for f in GRAD_FIELDS[lesson]}, (T, H))
    recurrent_module_check(lesson, spec,
                           fresh_module(torch.nn.RNN, I, H, p,
                                        nonlinearity=nonlinearity),
                           P, go, k, with_c=False)
    return case


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
    k = bptt_of(spec, obj)
    case = {"name": spec["name"], "input": obj, "values": values}
    P, _, go = backward_pass(lesson, spec, case, lstm_forward(k),
                             {f: p[f] for f in GRAD_FIELDS[lesson]}, (T, H))
    recurrent_module_check(lesson, spec,
                           fresh_module(torch.nn.LSTM, I, H, p),
                           P, go, k, with_c=True)
    return case


def gru_loop(p, reset, update):
    """r[t], z[t], n[t], h[t] from plain Python floats and the math module.

    Independent of the tensor code: one scalar sum per row, gates read off
    the stacked rows r, z, n by index.
    """
    W_ih, W_hh = p["weight_ih_l0"].tolist(), p["weight_hh_l0"].tolist()
    b_ih, b_hh = p["bias_ih_l0"].tolist(), p["bias_hh_l0"].tolist()
    H = len(p["h0"])

    def row(W, b, k, v):
        return b[k] + math.fsum(w * x for w, x in zip(W[k], v))

    def sigmoid(a):
        return 1.0 / (1.0 + math.exp(-a))

    steps, h = [], p["h0"].tolist()
    for x in p["input"].tolist():
        r = [sigmoid(row(W_ih, b_ih, k, x) + row(W_hh, b_hh, k, h))
             for k in range(H)]
        z = [sigmoid(row(W_ih, b_ih, H + k, x) + row(W_hh, b_hh, H + k, h))
             for k in range(H)]
        if reset == "after":
            n = [math.tanh(row(W_ih, b_ih, 2 * H + k, x)
                           + r[k] * row(W_hh, b_hh, 2 * H + k, h))
                 for k in range(H)]
        else:
            rh = [r[k] * h[k] for k in range(H)]
            n = [math.tanh(row(W_ih, b_ih, 2 * H + k, x)
                           + row(W_hh, b_hh, 2 * H + k, rh))
                 for k in range(H)]
        if update == "keeps-previous":
            h = [(1 - z[k]) * n[k] + z[k] * h[k] for k in range(H)]
        else:
            h = [z[k] * n[k] + (1 - z[k]) * h[k] for k in range(H)]
        steps.append({"r": r, "z": z, "n": n, "h": h})
    return steps


def onnx_gru(p, linear_before_reset):
    """ONNX GRU (forward, batch 1), its documented equations written out.

    ONNX stacks the gates z, r, h (PyTorch: r, z, n); W = W[zrh] is
    [num_directions, 3H, I], R = R[zrh] is [num_directions, 3H, H] and
    B = [Wb[zrh], Rb[zrh]] is [num_directions, 6H].  Row vectors, * = matmul:

      zt = f(Xt*(Wz^T) + Ht-1*(Rz^T) + Wbz + Rbz)
      rt = f(Xt*(Wr^T) + Ht-1*(Rr^T) + Wbr + Rbr)
      ht = g(Xt*(Wh^T) + (rt (.) Ht-1)*(Rh^T) + Rbh + Wbh)    # lbr = 0
      ht = g(Xt*(Wh^T) + (rt (.) (Ht-1*(Rh^T) + Rbh)) + Wbh)  # lbr != 0
      Ht = (1 - zt) (.) ht + zt (.) Ht-1

    with f = Sigmoid, g = Tanh.  Returns per step {"r", "z", "n", "h"}.
    """
    def zrh(t):
        r, z, n = t.chunk(3)
        return torch.cat([z, r, n])
    W = zrh(p["weight_ih_l0"]).unsqueeze(0)
    R = zrh(p["weight_hh_l0"]).unsqueeze(0)
    B = torch.cat([zrh(p["bias_ih_l0"]), zrh(p["bias_hh_l0"])]).unsqueeze(0)
    X = p["input"].unsqueeze(1)                    # [seq_length, 1, I]
    Wz, Wr, Wh = W[0].chunk(3)
    Rz, Rr, Rh = R[0].chunk(3)
    Wbz, Wbr, Wbh, Rbz, Rbr, Rbh = B[0].chunk(6)
    Ht = p["h0"].unsqueeze(0)                      # initial_h[0]: [1, H]
    steps = []
    for Xt in X:
        zt = torch.sigmoid(Xt @ Wz.T + Ht @ Rz.T + Wbz + Rbz)
        rt = torch.sigmoid(Xt @ Wr.T + Ht @ Rr.T + Wbr + Rbr)
        if linear_before_reset == 0:
            ht = torch.tanh(Xt @ Wh.T + (rt * Ht) @ Rh.T + Rbh + Wbh)
        else:
            ht = torch.tanh(Xt @ Wh.T + (rt * (Ht @ Rh.T + Rbh)) + Wbh)
        Ht = (1 - zt) * ht + zt * Ht
        steps.append({"r": rt[0], "z": zt[0], "n": ht[0], "h": Ht[0]})
    return steps


def gru_case(spec):
    lesson = "gru"
    I, H, T = spec["input_size"], spec["hidden_size"], spec["steps"]
    reset = spec.get("reset", "after")
    update = spec.get("update_gate", "keeps-previous")
    assert reset in ("after", "before"), reset
    assert update in ("keeps-previous", "takes-candidate"), update
    default = reset == "after" and update == "keeps-previous"
    p = make_params(spec, 3)
    module = torch.nn.GRU(I, H, num_layers=1, dtype=DTYPE)
    module.load_state_dict(state_dict(p), strict=True)
    with torch.no_grad():
        out, h_n = module(p["input"], p["h0"].unsqueeze(0))
    assert out.shape == (T, H) and h_n.shape == (1, H)

    sd = module.state_dict()
    W_ih, W_hh = sd["weight_ih_l0"], sd["weight_hh_l0"]
    b_ih, b_hh = sd["bias_ih_l0"], sd["bias_hh_l0"]
    W_hn, b_hn = W_hh.chunk(3)[2], b_hh.chunk(3)[2]
    # Stacked 3H x . products split in PyTorch's row order r, z, n (the same
    # as chunking the weights), summed with torch's own grouping.
    gx = torch.addmm(b_ih, p["input"], W_ih.T)
    values, stored = {}, []
    h = p["h0"]
    for t in range(T):
        x_r, x_z, x_n = gx[t].chunk(3)
        h_r, h_z, h_n_ = affine(b_hh, h, W_hh).chunk(3)
        r = torch.sigmoid(h_r + x_r)
        z = torch.sigmoid(h_z + x_z)
        if reset == "after":
            n = torch.tanh(x_n + r * h_n_)
        else:
            # Cho et al. 2014 / ONNX linear_before_reset = 0: the reset gate
            # scales the state before the product, W_hn (r * h) + b_hn.
            n = torch.tanh(x_n + affine(b_hn, r * h, W_hn))
        if update == "keeps-previous":
            # = (1 - z) * n + z * h_{t-1}, grouped as torch's kernel does it.
            h = (h - n) * z + n
        else:
            # colah's figure: z takes the candidate, 1 - z keeps the state.
            h = z * n + (1 - z) * h
        if default:
            note_diff(lesson, h, out[t], f"{spec['name']} h[{t + 1}]")
        for name, v in (("r", r), ("z", z), ("n", n)):
            values[f"{name}[{t + 1}]"] = plain(v)
        # The module computes only the default convention; otherwise h[t] is
        # the explicit formula's.
        stored.append({"r": r, "z": z, "n": n,
                       "h": out[t] if default else h})
        values[f"h[{t + 1}]"] = plain(stored[-1]["h"])
    if default:
        note_diff(lesson, h, h_n[0], f"{spec['name']} final h")
    else:
        # The switch must visibly change the case against torch.nn.GRU.
        hs = torch.stack([s["h"] for s in stored])
        assert (hs - out).abs().max() > 1e-3, spec["name"]

    # Every stored value against a plain-Python recurrence and, where ONNX
    # has the convention (its update gate keeps the previous state), against
    # ONNX's equations with linear_before_reset = 0 (before) or 1 (after).
    loop = gru_loop(p, reset, update)
    for t in range(T):
        for name in ("r", "z", "n", "h"):
            note_diff(lesson, stored[t][name],
                      torch.tensor(loop[t][name], dtype=DTYPE),
                      f"{spec['name']} {name}[{t + 1}]", run="math loop")
    if update == "keeps-previous":
        onnx = onnx_gru(p, 0 if reset == "before" else 1)
        for t in range(T):
            for name in ("r", "z", "n", "h"):
                note_diff(lesson, stored[t][name], onnx[t][name],
                          f"{spec['name']} {name}[{t + 1}]", run="onnx")

    obj = input_object(spec, p, with_c0=False)
    for key in ("reset", "update_gate"):
        if key in spec:
            obj[key] = spec[key]
    k = bptt_of(spec, obj)
    case = {"name": spec["name"], "input": obj, "values": values}
    P, _, go = backward_pass(lesson, spec, case, gru_forward(reset, update, k),
                             {f: p[f] for f in GRAD_FIELDS[lesson]}, (T, H))
    if default:
        recurrent_module_check(lesson, spec,
                               fresh_module(torch.nn.GRU, I, H, p),
                               P, go, k, with_c=False)
    if update == "keeps-previous" and k is None:
        onnx_backward_check(lesson, spec, P, go,
                            0 if reset == "before" else 1)
    return case


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
    # "scale": "none" is plain dot-product attention: scaled = scores.
    divisor = 1.0 if spec.get("scale") == "none" else math.sqrt(d_k)
    ws = spec.get("weight_scale", 1.0)
    p = draw_named(spec, [("x", (n, d_model), spec.get("input_scale", 1.0)),
                          ("w_q", (d_model, d_k), ws),
                          ("w_k", (d_model, d_k), ws),
                          ("w_v", (d_model, d_v), ws)])
    x = p["x"]
    Q, K, V = x @ p["w_q"], x @ p["w_k"], x @ p["w_v"]
    scores = Q @ K.T
    scaled = scores / divisor
    if causal:
        scaled = scaled.masked_fill(causal_mask(n, n), -math.inf)
    weights = torch.softmax(scaled, dim=-1)
    output = weights @ V

    sdpa = torch.nn.functional.scaled_dot_product_attention(
        Q, K, V, is_causal=causal, scale=1.0 / divisor)
    note_diff(lesson, output, sdpa, f"{spec['name']} output", run="sdpa")
    note_diff(lesson, weights.sum(dim=-1), torch.ones(n, dtype=DTYPE),
              f"{spec['name']} weight row sums", run="row sums")
    if causal:
        assert (weights[causal_mask(n, n)] == 0).all(), spec["name"]

    obj = {"x": plain(x), "w_q": plain(p["w_q"]), "w_k": plain(p["w_k"]),
           "w_v": plain(p["w_v"])}
    if "causal" in spec:
        obj["causal"] = causal
    if "scale" in spec:
        obj["scale"] = spec["scale"]
    if "tokens" in spec:
        assert len(spec["tokens"]) == n
        obj["tokens"] = list(spec["tokens"])
    values = {"Q": plain(Q), "K": plain(K), "V": plain(V),
              "scores": plain(scores), "scaled": plain(scaled),
              "weights": plain(weights), "output": plain(output)}
    case = {"name": spec["name"], "input": obj, "values": values}

    def forward(P, tap, cut):
        x = P["x"]
        Q = tap("Q", x @ P["w_q"])
        K = tap("K", x @ P["w_k"])
        V = tap("V", x @ P["w_v"])
        scores = tap("scores", Q @ K.T)
        scaled = scores / divisor
        if causal:
            scaled = scaled.masked_fill(causal_mask(n, n), -math.inf)
        scaled = tap("scaled", scaled)
        weights = tap("weights", torch.softmax(scaled, dim=-1))
        return tap("output", weights @ V)

    P, tap, go = backward_pass(lesson, spec, case, forward, p, (n, d_v))
    if causal:
        g = tap.named["scaled"].grad
        assert (g[causal_mask(n, n)] == 0).all(), spec["name"]
    # F.scaled_dot_product_attention's own backward, from the same Q, K, V.
    qkv = [tap.named[k].detach().clone().requires_grad_(True)
           for k in ("Q", "K", "V")]
    torch.nn.functional.scaled_dot_product_attention(
        *qkv, is_causal=causal, scale=1.0 / divisor).backward(go)
    for name, leaf in zip(("Q", "K", "V"), qkv):
        note_diff(lesson, tap.named[name].grad, leaf.grad,
                  f"{spec['name']} {name}.grad", run="backward sdpa")
    return case


def mha_explicit(query, key, value, W_in, b_in, W_out, b_out, heads, hd,
                 mask):
    """Multi-head attention in explicit float64 ops for any head_dim (the
    paper's general form): F.linear, split into heads with view/transpose,
    softmax, concat with transpose/reshape, the output projection.  Returns
    the output and the head-averaged weights."""
    F = torch.nn.functional
    D = heads * hd
    W_q, W_k, W_v = W_in.split(D)
    b_q, b_k, b_v = b_in.split(D)

    def split(x):                                   # n x D -> heads x n x hd
        return x.reshape(x.shape[0], heads, hd).transpose(0, 1)

    q = split(F.linear(query, W_q, b_q))
    k = split(F.linear(key, W_k, b_k))
    v = split(F.linear(value, W_v, b_v))
    scaled = q @ k.transpose(1, 2) / math.sqrt(hd)
    if mask is not None:
        scaled = scaled.masked_fill(mask, -math.inf)
    w = torch.softmax(scaled, dim=-1)               # heads x L x S
    concat = (w @ v).transpose(0, 1).reshape(query.shape[0], D)
    return F.linear(concat, W_out, b_out), w.mean(dim=0)


def mha_case(spec):
    lesson = "multi-head-attention"
    E, heads, L = spec["embed_dim"], spec["num_heads"], spec["L"]
    cross = spec.get("cross", False)
    # key given, value left out: value is the query (so S = L).
    key_only = spec.get("key_only", False)
    assert not (cross and key_only)
    S = spec["S"] if cross else L
    causal = spec.get("causal", False)
    # head_dim: E // heads (PyTorch's) unless the case gives it (the
    # paper's general form: in_proj_weight 3 heads hd x E, out_proj.weight
    # E x heads hd).
    hd = spec.get("head_dim", E // heads)
    D = heads * hd
    assert "head_dim" in spec or D == E
    # nn.MultiheadAttention only where its head_dim E / heads is this one.
    tied = D == E
    omit = spec.get("omit", ())
    assert set(omit) <= {"bias"}, omit
    p = draw_named(spec, [("query", (L, E), 1.0), ("key", (S, E), 1.0),
                          ("value", (S, E), 1.0),
                          ("in_proj_weight", (3 * D, E), 1.0),
                          ("in_proj_bias", (3 * D,), 1.0),
                          ("out_proj.weight", (E, D), 1.0),
                          ("out_proj.bias", (E,), 1.0)])
    if not cross:
        if not key_only:
            p["key"] = p["query"]
        p["value"] = p["query"]
    if "bias" in omit:
        p["in_proj_bias"] = torch.zeros_like(p["in_proj_bias"])
        p["out_proj.bias"] = torch.zeros_like(p["out_proj.bias"])
    mask = causal_mask(L, S) if causal else None
    params = ("in_proj_weight", "in_proj_bias", "out_proj.weight",
              "out_proj.bias")

    def new_module():
        m = torch.nn.MultiheadAttention(E, heads, dropout=0.0, bias=True,
                                        dtype=DTYPE)
        m.load_state_dict({k: p[k].clone() for k in params}, strict=True)
        m.eval()
        return m

    W_q, W_k, W_v = p["in_proj_weight"].chunk(3)
    b_q, b_k, b_v = p["in_proj_bias"].chunk(3)
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
    output = torch.addmm(p["out_proj.bias"], concat, p["out_proj.weight"].T)
    weights = torch.stack(head_w).mean(dim=0)
    with torch.no_grad():
        out_x, avg_x = mha_explicit(p["query"], p["key"], p["value"],
                                    *(p[k] for k in params), heads, hd, mask)
    assert out_x.shape == (L, E) and avg_x.shape == (L, S)
    note_diff(lesson, output, out_x, f"{spec['name']} output",
              run="explicit")
    note_diff(lesson, weights, avg_x, f"{spec['name']} weights",
              run="explicit")
    if tied:
        # The explicit ops are nn.MultiheadAttention where it applies.
        with torch.no_grad():
            out, avg = new_module()(p["query"], p["key"], p["value"],
                                    need_weights=True, attn_mask=mask,
                                    average_attn_weights=True)
        assert out.shape == (L, E) and avg.shape == (L, S)
        note_diff(lesson, output, out, f"{spec['name']} output", run="module")
        note_diff(lesson, weights, avg, f"{spec['name']} weights",
                  run="module")
        note_diff(lesson, out_x, out, f"{spec['name']} explicit output",
                  run="explicit module")
        note_diff(lesson, avg_x, avg, f"{spec['name']} explicit weights",
                  run="explicit module")
    else:
        out, avg = out_x, avg_x
    values["concat"] = plain(concat)
    values["output"] = plain(out)
    values["weights"] = plain(avg)

    obj = {"query": plain(p["query"])}
    if cross or key_only:
        obj["key"] = plain(p["key"])
    if cross:
        obj["value"] = plain(p["value"])
    obj["num_heads"] = heads
    if "head_dim" in spec:
        obj["head_dim"] = hd
    obj["in_proj_weight"] = plain(p["in_proj_weight"])
    if "bias" not in omit:
        obj["in_proj_bias"] = plain(p["in_proj_bias"])
    obj["out_proj.weight"] = plain(p["out_proj.weight"])
    if "bias" not in omit:
        obj["out_proj.bias"] = plain(p["out_proj.bias"])
    if "causal" in spec:
        obj["causal"] = causal
    case = {"name": spec["name"], "input": obj, "values": values}

    def forward(P, tap, cut):
        query = P["query"]
        key, value = P.get("key", query), P.get("value", query)
        W_q, W_k, W_v = P["in_proj_weight"].chunk(3)
        b_q, b_k, b_v = P["in_proj_bias"].chunk(3)
        Q = tap("Q", torch.addmm(b_q, query, W_q.T))
        K = tap("K", torch.addmm(b_k, key, W_k.T))
        V = tap("V", torch.addmm(b_v, value, W_v.T))
        head_out, head_w = [], []
        for k in range(heads):
            cols = slice(k * hd, (k + 1) * hd)
            head = f"head[{k + 1}]."
            scores = tap(head + "scores", Q[:, cols] @ K[:, cols].T)
            scaled = scores / math.sqrt(hd)
            if causal:
                scaled = scaled.masked_fill(mask, -math.inf)
            scaled = tap(head + "scaled", scaled)
            w = tap(head + "weights", torch.softmax(scaled, dim=-1))
            head_out.append(tap(head + "output", w @ V[:, cols]))
            head_w.append(w)
        concat = tap("concat", torch.cat(head_out, dim=1))
        output = tap("output", torch.addmm(P["out_proj.bias"], concat,
                                           P["out_proj.weight"].T))
        tap("weights", torch.stack(head_w).mean(dim=0))
        return output

    given = [f for f in GRAD_FIELDS[lesson]
             if f in obj or f not in ("key", "value")]
    P, tap, go = backward_pass(lesson, spec, case, forward,
                               {f: p[f] for f in given}, (L, E))
    if causal:
        for k in range(heads):
            g = tap.named[f"head[{k + 1}].scaled"].grad
            assert (g[mask] == 0).all(), spec["name"]
    # Another graph's backward with the same grad_output: the module's own
    # where it applies, else the explicit ops'; a key or value left out is
    # the query tensor itself, as in the graph.
    q = {f: P[f].detach().clone().requires_grad_(True)
         for f in ("query", "key", "value") if f in P}
    args = (q["query"], q.get("key", q["query"]), q.get("value", q["query"]))
    if tied:
        m = new_module()
        mout, _ = m(*args, need_weights=True, attn_mask=mask,
                    average_attn_weights=True)
        leaves = dict(m.named_parameters())
        run = "backward module"
    else:
        leaves = {f: p[f].detach().clone().requires_grad_(True)
                  for f in params}
        mout, _ = mha_explicit(*args, *(leaves[f] for f in params), heads,
                               hd, mask)
        run = "backward explicit"
    mout.backward(go)
    for f in q:
        note_diff(lesson, P[f].grad, q[f].grad,
                  f"{spec['name']} {f}.grad", run=run)
    for f in params:
        note_diff(lesson, P[f].grad, leaves[f].grad,
                  f"{spec['name']} {f}.grad", run=run)
    return case


def positional_case(spec):
    lesson = "positional-encoding"
    positions, d = list(spec["positions"]), spec["d_model"]
    base = spec.get("base", 10000)
    layout = spec.get("layout", "interleaved")
    assert layout in ("interleaved", "concatenated"), layout
    n = len(positions)
    p = draw_named(spec, [("x", (n, d), 1.0)])

    # Column j uses the pair index i = j // 2: exponent 2i / d_model.
    pos = torch.tensor(positions, dtype=DTYPE).unsqueeze(1)          # n x 1
    exponent = torch.arange(0, d, 2, dtype=DTYPE) / d                # 2i/d
    angle = pos / torch.pow(torch.tensor(float(base), dtype=DTYPE), exponent)
    PE = torch.empty(n, d, dtype=DTYPE)
    PE[:, 0::2] = torch.sin(angle)
    PE[:, 1::2] = torch.cos(angle[:, :d // 2])
    half = (d + 1) // 2                                  # ceil(d/2) sines
    if layout == "concatenated":
        # Same frequencies, sines first: columns 0 .. ceil(d/2)-1 hold
        # sin with i = j, the remaining floor(d/2) columns cos with
        # i = j - ceil(d/2).  A column permutation of the paper's layout.
        interleaved = PE
        PE = torch.cat([torch.sin(angle), torch.cos(angle[:, :d // 2])],
                       dim=1)
        perm = [j // 2 if j % 2 == 0 else half + j // 2 for j in range(d)]
        assert torch.equal(PE[:, perm], interleaved), spec["name"]

    loop = torch.empty(n, d, dtype=DTYPE)
    for r, q in enumerate(positions):
        for j in range(d):
            if layout == "interleaved":
                i, is_sin = j // 2, j % 2 == 0
            else:
                i, is_sin = (j, True) if j < half else (j - half, False)
            a = q / base ** (2 * i / d)
            loop[r, j] = math.sin(a) if is_sin else math.cos(a)
    note_diff(lesson, PE, loop, f"{spec['name']} PE", run="math loop")

    obj = {"positions": positions, "d_model": d}
    if "base" in spec:
        obj["base"] = base
    if "layout" in spec:
        obj["layout"] = layout
    values = {"PE": plain(PE)}
    if spec.get("with_x", False):
        obj["x"] = plain(p["x"])
        values["output"] = plain(p["x"] + PE)
    case = {"name": spec["name"], "input": obj, "values": values}
    if spec.get("with_x", False):
        def forward(P, tap, cut):
            return tap("output", P["x"] + tap("PE", PE))

        P, _, go = backward_pass(lesson, spec, case, forward, p, (n, d))
        # output = x + PE: both gradients are grad_output itself.
        assert torch.equal(P["x"].grad, go), spec["name"]
    else:
        assert not spec.get("grad_output", False), spec["name"]
    return case


def layer_norm_loop(rows, weight, bias, eps, variance, placement):
    """mean, var, normalized, output per row with the math module."""
    res = {"mean": [], "var": [], "normalized": [], "output": []}
    for row in rows:
        D = len(row)
        mu = math.fsum(row) / D
        ss = math.fsum((v - mu) ** 2 for v in row)
        var = ss / (D - 1 if variance == "unbiased" else D)
        if placement == "inside":
            s = math.sqrt(var + eps)
        else:
            s = math.sqrt(var) + eps
        nrm = [(v - mu) / s for v in row]
        res["mean"].append(mu)
        res["var"].append(var)
        res["normalized"].append(nrm)
        res["output"].append([a * w + b for a, w, b in zip(nrm, weight, bias)])
    return res


def layer_norm_case(spec):
    lesson = "layer-norm"
    N, D = spec["N"], spec["D"]
    eps = spec.get("eps", 1e-5)
    variance = spec.get("variance", "biased")
    placement = spec.get("eps_placement", "inside")
    assert variance in ("biased", "unbiased"), variance
    assert placement in ("inside", "outside"), placement
    assert variance == "biased" or D >= 2, spec["name"]
    default = variance == "biased" and placement == "inside"
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

    def forward(P, tap, cut):
        x = P["input"]
        mean = tap("mean", x.mean(dim=-1))
        if variance == "biased":
            var = ((x - mean.unsqueeze(1)) ** 2).mean(dim=-1)
        else:
            # torch.var's default (unbiased=True): divide by D - 1.
            var = ((x - mean.unsqueeze(1)) ** 2).sum(dim=-1) / (D - 1)
        var = tap("var", var)
        if placement == "inside":
            normalized = ((x - mean.unsqueeze(1))
                          / torch.sqrt(var + eps).unsqueeze(1))
        else:
            # The Annotated Transformer: eps added to the standard deviation.
            normalized = ((x - mean.unsqueeze(1))
                          / (torch.sqrt(var) + eps).unsqueeze(1))
        normalized = tap("normalized", normalized)
        return tap("output", normalized * P["weight"] + P["bias"])

    # The values: the same forward pass, each named value kept as it goes by.
    kept = {}
    x = p["input"]
    output = forward(p, lambda name, v: kept.setdefault(name, v), None)
    mean, var, normalized = kept["mean"], kept["var"], kept["normalized"]
    tv, tm = torch.var_mean(x, dim=-1, unbiased=(variance == "unbiased"))
    note_diff(lesson, mean, tm, f"{spec['name']} mean", run="var_mean")
    note_diff(lesson, var, tv, f"{spec['name']} var", run="var_mean")
    if default:
        note_diff(lesson, output, out, f"{spec['name']} output", run="module")
        stored = out
    else:
        # nn.LayerNorm has only the default convention; the switch must
        # visibly change the result.
        assert (output - out).abs().max() > 1e-3, spec["name"]
        stored = output
    if placement == "outside":
        # The Annotated Transformer's LayerNorm.forward, verbatim (x.std is
        # unbiased), or with x.std(unbiased=False) for a biased case.
        a_2, b_2 = p["weight"], p["bias"]
        mean_k = x.mean(-1, keepdim=True)
        if variance == "unbiased":
            std = x.std(-1, keepdim=True)
        else:
            std = x.std(-1, keepdim=True, unbiased=False)
        annotated = a_2 * (x - mean_k) / (std + eps) + b_2
        note_diff(lesson, output, annotated, f"{spec['name']} output",
                  run="annotated")

    loop = layer_norm_loop(x.tolist(), p["weight"].tolist(),
                           p["bias"].tolist(), eps, variance, placement)
    for name, v in (("mean", mean), ("var", var), ("normalized", normalized),
                    ("output", stored)):
        note_diff(lesson, v, torch.tensor(loop[name], dtype=DTYPE),
                  f"{spec['name']} {name}", run="math loop")

    obj = {"input": plain(x)}
    if "affine" not in omit:
        obj["weight"] = plain(p["weight"])
        obj["bias"] = plain(p["bias"])
    if "eps" in spec:
        obj["eps"] = eps
    for key in ("variance", "eps_placement"):
        if key in spec:
            obj[key] = spec[key]
    values = {"mean": plain(mean), "var": plain(var),
              "normalized": plain(normalized), "output": plain(stored)}
    case = {"name": spec["name"], "input": obj, "values": values}

    P, _, go = backward_pass(lesson, spec, case, forward,
                             {f: p[f] for f in GRAD_FIELDS[lesson]}, (N, D))
    leaves = {f: P[f].detach().clone().requires_grad_(True)
              for f in GRAD_FIELDS[lesson]}
    if default:
        m = torch.nn.LayerNorm(D, eps=eps, dtype=DTYPE)
        m.load_state_dict({"weight": p["weight"].clone(),
                           "bias": p["bias"].clone()}, strict=True)
        m(leaves["input"]).backward(go)
        refs = {"input": leaves["input"].grad, "weight": m.weight.grad,
                "bias": m.bias.grad}
        run = "backward module"
    elif placement == "outside":
        # The Annotated Transformer's formula, differentiated by autograd.
        xl, a_2, b_2 = leaves["input"], leaves["weight"], leaves["bias"]
        std = xl.std(-1, keepdim=True, unbiased=(variance == "unbiased"))
        (a_2 * (xl - xl.mean(-1, keepdim=True)) / (std + eps) + b_2
         ).backward(go)
        refs = {f: leaves[f].grad for f in leaves}
        run = "backward annotated"
    else:
        # torch.var_mean with the case's variance, differentiated.
        xl = leaves["input"]
        tv, tm = torch.var_mean(xl, dim=-1, keepdim=True,
                                unbiased=(variance == "unbiased"))
        ((xl - tm) / torch.sqrt(tv + eps) * leaves["weight"]
         + leaves["bias"]).backward(go)
        refs = {f: leaves[f].grad for f in leaves}
        run = "backward var_mean"
    for f in GRAD_FIELDS[lesson]:
        note_diff(lesson, P[f].grad, refs[f], f"{spec['name']} {f}.grad",
                  run=run)
    return case


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

# Convention switches (named values keep their names).  Appended after
# COMMON so that the earlier cases keep their seeds.
GRU_EXTRA = [
    # Seed picked so that h0 is well away from 0 (|h0| >= 0.5).
    dict(name="input3-hidden2-steps3-reset-before", input_size=3,
         hidden_size=2, steps=3, decimals=2, reset="before", seed=3103),
    dict(name="input2-hidden3-steps4-update-takes-candidate", input_size=2,
         hidden_size=3, steps=4, decimals=None,
         update_gate="takes-candidate"),
    dict(name="input1-hidden1-steps3-reset-before-update-takes-candidate",
         input_size=1, hidden_size=1, steps=3, decimals=2, reset="before",
         update_gate="takes-candidate"),
    dict(name="input2-hidden2-steps3-reset-after-update-keeps-previous",
         input_size=2, hidden_size=2, steps=3, decimals=2, reset="after",
         update_gate="keeps-previous"),
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
    dict(name="positions4-dmodel4-concatenated", positions=list(range(4)),
         d_model=4, layout="concatenated"),
    dict(name="positions6-dmodel5-x-concatenated", positions=list(range(6)),
         d_model=5, with_x=True, decimals=2, layout="concatenated"),
    dict(name="positions4-dmodel6-interleaved", positions=list(range(4)),
         d_model=6, layout="interleaved"),
]

LAYER_NORM = [
    dict(name="n1-d1", N=1, D=1, decimals=2),
    dict(name="n2-d4", N=2, D=4, decimals=2),
    dict(name="n3-d5-default-affine", N=3, D=5, decimals=None,
         omit=("affine",)),
    dict(name="n1-d6-eps0.1", N=1, D=6, decimals=2, eps=0.1),
    dict(name="n4-d3-large-magnitude", N=4, D=3, decimals=None,
         input_offset=1000.0),
    dict(name="n2-d4-variance-unbiased", N=2, D=4, decimals=2,
         variance="unbiased"),
    dict(name="n3-d3-eps0.1-eps-outside", N=3, D=3, decimals=2, eps=0.1,
         omit=("affine",), eps_placement="outside"),
    # The Annotated Transformer's LayerNorm, including its eps = 1e-6.
    dict(name="n2-d5-eps1e-6-variance-unbiased-eps-outside", N=2, D=5,
         decimals=None, eps=1e-6, variance="unbiased",
         eps_placement="outside"),
    dict(name="n3-d4-variance-biased-eps-inside", N=3, D=4, decimals=2,
         variance="biased", eps_placement="inside"),
]

# Backward-pass cases (appended after the others, so that every earlier
# case keeps its seed).  grad_output=True: a random grad_output (uniform in
# [-1, 1], 2 decimals) in the input; bptt_steps: truncated BPTT.
RECURRENT_BACKWARD = [
    dict(name="input3-hidden4-steps4-grad-output", input_size=3,
         hidden_size=4, steps=4, decimals=2, grad_output=True),
    dict(name="input2-hidden3-steps5-bptt2", input_size=2, hidden_size=3,
         steps=5, decimals=2, bptt_steps=2),
    dict(name="input2-hidden3-steps3-no-bias-no-state", input_size=2,
         hidden_size=3, steps=3, decimals=2, omit=("bias", "state")),
    dict(name="input2-hidden2-steps6-bptt3-grad-output", input_size=2,
         hidden_size=2, steps=6, decimals=None, bptt_steps=3,
         grad_output=True),
]

RNN_BACKWARD = [
    # rnn_case asserts that ReLU clips some units to 0 and passes others,
    # and that no pre-activation is at the kink.
    dict(name="input2-hidden3-steps4-relu-grad-output", input_size=2,
         hidden_size=3, steps=4, decimals=2, nonlinearity="relu",
         grad_output=True),
    dict(name="input1-hidden2-steps4-bptt1", input_size=1, hidden_size=2,
         steps=4, decimals=2, bptt_steps=1),
]

GRU_BACKWARD = [
    # Seed picked so that h0 is well away from 0 (|h0| >= 0.3).
    dict(name="input2-hidden2-steps5-reset-before-update-takes-candidate-"
         "bptt2-grad-output", input_size=2, hidden_size=2, steps=5,
         decimals=2, reset="before", update_gate="takes-candidate",
         bptt_steps=2, grad_output=True),
]

ATTENTION_BACKWARD = [
    dict(name="n4-dmodel3-dk2-dv2-causal-grad-output", tokens_n=4,
         d_model=3, d_k=2, d_v=2, decimals=2, causal=True,
         grad_output=True),
]

MULTI_HEAD_BACKWARD = [
    dict(name="e4-heads2-l4-self-causal-grad-output", embed_dim=4,
         num_heads=2, L=4, decimals=2, causal=True, grad_output=True),
    dict(name="e6-heads2-l3-s4-cross-grad-output", embed_dim=6,
         num_heads=2, L=3, S=4, cross=True, decimals=2, grad_output=True),
    # key given, value left out (= the query, so S = L).
    dict(name="e4-heads2-l3-key-given-value-omitted-grad-output",
         embed_dim=4, num_heads=2, L=3, key_only=True, decimals=2,
         grad_output=True),
    dict(name="e6-heads3-l2-self-no-bias-grad-output", embed_dim=6,
         num_heads=3, L=2, decimals=2, omit=("bias",), grad_output=True),
    dict(name="e4-heads2-l2-s3-cross-causal", embed_dim=4, num_heads=2,
         L=2, S=3, cross=True, decimals=2, causal=True),
    # head_dim given: the paper's general form (no nn.MultiheadAttention).
    # Seed notes 000/001's shapes: 2 tokens of 4, 8 heads of 3 (24 columns).
    dict(name="e4-heads8-headdim3-l2-self-grad-output", embed_dim=4,
         num_heads=8, head_dim=3, L=2, decimals=2, grad_output=True),
    dict(name="e3-heads2-headdim4-l3-s2-cross-causal", embed_dim=3,
         num_heads=2, head_dim=4, L=3, S=2, cross=True, decimals=2,
         causal=True),
    # heads need not divide E when head_dim is given.
    dict(name="e2-heads3-headdim1-l2-self-no-bias", embed_dim=2,
         num_heads=3, head_dim=1, L=2, decimals=2, omit=("bias",)),
    # head_dim given as E / heads: the module's form, checked against it.
    dict(name="e4-heads2-headdim2-l3-self-given", embed_dim=4, num_heads=2,
         head_dim=2, L=3, decimals=2),
]

POSITIONAL_BACKWARD = [
    dict(name="positions5-dmodel4-x-grad-output", positions=list(range(5)),
         d_model=4, with_x=True, decimals=2, grad_output=True),
]

LAYER_NORM_BACKWARD = [
    dict(name="n2-d4-default-affine-grad-output", N=2, D=4, decimals=2,
         omit=("affine",), grad_output=True),
    dict(name="n3-d5-grad-output", N=3, D=5, decimals=2, grad_output=True),
    dict(name="n2-d4-variance-unbiased-eps-outside-grad-output", N=2, D=4,
         decimals=2, variance="unbiased", eps_placement="outside",
         grad_output=True),
]

# ---------------------------------------------------------------- issue 13
# attention-qkv's "scale": "none" (plain dot-product attention: scaled =
# scores, F.scaled_dot_product_attention with scale=1), and "sqrt_dk" given
# explicitly.
ATTENTION_SCALE = [
    dict(name="n3-dmodel4-dk4-dv2-scale-none", tokens_n=3, d_model=4, d_k=4,
         d_v=2, decimals=2, scale="none"),
    dict(name="n4-dmodel3-dk2-dv2-scale-none-causal-grad-output", tokens_n=4,
         d_model=3, d_k=2, d_v=2, decimals=2, causal=True, scale="none",
         grad_output=True),
    dict(name="n1-dmodel2-dk3-dv1-scale-none", tokens_n=1, d_model=2, d_k=3,
         d_v=1, decimals=None, scale="none"),
    dict(name="n2-dmodel3-dk4-dv2-scale-sqrt-dk", tokens_n=2, d_model=3,
         d_k=4, d_v=2, decimals=2, scale="sqrt_dk"),
]


def layer_norm_eps0_case(spec):
    """layer-norm with eps = 0 (PyTorch allows it) and rows of equal
    numbers: their variance is 0, so normalized is 0/0 = nan there, as
    F.layer_norm(x, (D,), eps=0) gives.  Values and gradients come from the
    same explicit graph as layer_norm_case; non-finite entries must match
    F.layer_norm's (values) and its autograd backward's (input, weight and
    bias gradients) exactly, finite ones to TOLERANCE.  No central
    differences: the loss is nan."""
    lesson = "layer-norm"
    N, D = spec["N"], spec["D"]
    p = draw_named(spec, [("input", (N, D), 1.0), ("weight", (D,), 1.0),
                          ("bias", (D,), 1.0)])
    for row, value in spec["constant_rows"].items():
        p["input"][row] = value  # dyadic: the mean is exact, so x - mean = 0

    def forward(P, tap):
        x = P["input"]
        mean = tap("mean", x.mean(dim=-1))
        var = tap("var", ((x - mean.unsqueeze(1)) ** 2).mean(dim=-1))
        normalized = tap("normalized", (x - mean.unsqueeze(1))
                         / torch.sqrt(var + 0.0).unsqueeze(1))
        return tap("output", normalized * P["weight"] + P["bias"])

    def same(manual, module, what):
        fin = torch.isfinite(module)
        assert torch.equal(torch.isfinite(manual), fin), what
        assert torch.equal(manual[~fin].isnan(), module[~fin].isnan()), what
        assert torch.equal(manual[~fin & ~module.isnan()],
                           module[~fin & ~module.isnan()]), what
        if fin.any():
            note_diff(lesson, manual[fin], module[fin], what,
                      run="eps0 module")

    go = case_grad_output(spec, (N, D))
    P = {k: v.detach().clone().requires_grad_(True) for k, v in p.items()}
    tap = Tap()
    output = forward(P, tap)
    output.backward(go)
    assert output.isnan().any(), spec["name"]
    leaves = {k: v.detach().clone().requires_grad_(True) for k, v in p.items()}
    module = torch.nn.functional.layer_norm(
        leaves["input"], (D,), leaves["weight"], leaves["bias"], eps=0.0)
    module.backward(go)
    same(output.detach(), module.detach(), f"{spec['name']} output")
    for f in GRAD_FIELDS[lesson]:
        same(P[f].grad, leaves[f].grad, f"{spec['name']} {f}.grad")

    obj = {"input": plain(p["input"]), "weight": plain(p["weight"]),
           "bias": plain(p["bias"]), "eps": 0}
    if spec.get("grad_output", False):
        obj["grad_output"] = plain(go)
    names = ("mean", "var", "normalized", "output")
    grads = {n + ".grad": plain(tap.named[n].grad) for n in reversed(names)}
    grads.update({f + ".grad": plain(P[f].grad)
                  for f in GRAD_FIELDS[lesson]})
    return {"name": spec["name"], "input": obj,
            "values": {n: plain(tap.named[n]) for n in names},
            "grads": grads}


LAYER_NORM_EPS0 = [
    dict(name="n3-d4-eps0-constant-row", N=3, D=4, decimals=2,
         constant_rows={1: 0.75}, build=layer_norm_eps0_case),
    dict(name="n2-d3-eps0-constant-rows-grad-output", N=2, D=3, decimals=2,
         constant_rows={0: -2.0, 1: 0.5}, grad_output=True,
         build=layer_norm_eps0_case),
]


LESSONS = [
    # (lesson, builder, seed base, cases, saturation check)
    ("rnn-unroll", rnn_case, 1000,
     COMMON + RNN_EXTRA + RECURRENT_BACKWARD + RNN_BACKWARD,
     ({"h"}, {"h": False})),
    ("lstm-gates", lstm_case, 2000, COMMON + RECURRENT_BACKWARD,
     ({"i", "f", "g", "o"}, {"i": True, "f": True, "g": False, "o": True})),
    ("gru", gru_case, 3000, COMMON + GRU_EXTRA + RECURRENT_BACKWARD
     + GRU_BACKWARD,
     ({"r", "z", "n"}, {"r": True, "z": True, "n": False})),
    ("attention-qkv", attention_case, 4000, ATTENTION + ATTENTION_BACKWARD
     + ATTENTION_SCALE, None),
    ("multi-head-attention", mha_case, 5000,
     MULTI_HEAD + MULTI_HEAD_BACKWARD, None),
    ("positional-encoding", positional_case, 6000,
     POSITIONAL + POSITIONAL_BACKWARD, None),
    ("layer-norm", layer_norm_case, 7000, LAYER_NORM + LAYER_NORM_BACKWARD
     + LAYER_NORM_EPS0, None),
]

# What each checked run compares the explicit formulas against.
RUNS = {
    "sequence": "module, sequence run",
    "stepwise": "module, stepwise run",
    "module": "module",
    "explicit": "explicit multi-head ops (F.linear, heads by view, any "
                "head_dim)",
    "explicit module": "module (the explicit multi-head ops, head_dim = "
                       "E / num_heads)",
    "sdpa": "F.scaled_dot_product_attention",
    "row sums": "1 (weight row sums)",
    "math loop": "math-module loop",
    "var_mean": "torch.var_mean",
    "onnx": "ONNX GRU equations",
    "annotated": "Annotated Transformer a_2 (x - mean) / (x.std + eps) + b_2",
    "graph": "autograd graph's forward values (stored values)",
    "backward module": "the module's own backward (gradients)",
    "backward sdpa": "F.scaled_dot_product_attention's backward (Q, K, V "
                     "gradients)",
    "backward onnx": "ONNX GRU equations' autograd backward (gradients)",
    "backward explicit": "explicit multi-head ops' autograd backward "
                         "(gradients; head_dim given)",
    "backward annotated": "Annotated Transformer formula's autograd "
                          "backward (gradients)",
    "backward var_mean": "torch.var_mean formula's autograd backward "
                         "(gradients)",
    "eps0 module": "F.layer_norm(eps=0) and its autograd backward (finite "
                   "entries; nan and inf where it has them)",
}


# ---------------------------------------------------------------- other layouts

# The recurrent lessons with their weights under other libraries' keys
# (SPEC "Conventions", weight names).  Appended to each lesson's cases after
# all the others, with seeds of their own, so that no earlier case changes.
#
# Keras (SimpleRNN, LSTM, GRU, as layer.get_weights() returns them): kernel
# I x gates*H, recurrent_kernel H x gates*H, bias gates*H -- the GRU's with
# reset_after=True 2 x 3H, row 1 the input bias, row 2 the recurrent one.
# Keras computes x . kernel (row vectors); its LSTM stacks i, f, c, o
# (PyTorch's i, f, g, o: the same order), its GRU z, r, h (PyTorch's r, z,
# n).  Each case draws a PyTorch module's parameters (make_params) and
# stores them the way Keras does: kernel = W_ih^T with its blocks in Keras's
# order, recurrent_kernel = W_hh^T likewise, bias = b_ih with the module's
# b_hh set to 0 first (one bias: SimpleRNN, LSTM, the GRU with
# reset_after=False) or the rows b_ih, b_hh (reset_after=True), blocks
# reordered; keras_bias "none" leaves the bias out (use_bias=False, both
# biases 0).  The graph starts from the Keras arrays: W_ih, W_hh, b_ih (and
# b_hh from a two-row bias) are computed from them and named weight_ih_l0,
# weight_hh_l0, bias_ih_l0, bias_hh_l0 (the lesson's names for the weights it
# works out), then the lesson's forward above runs on them; so kernel.grad,
# recurrent_kernel.grad and bias.grad are the gradients of the arrays as
# given, and weight_ih_l0.grad, ... those of the weights worked out.  Checked
# to 1e-12: h[t] (and the LSTM's final c) against the module (nn.RNN, LSTM,
# GRU with the PyTorch-layout parameters), and every input array's gradient
# against the module's own backward through torch.func.functional_call with
# its parameters computed from Keras leaves.  A GRU with one 3H bias is
# Keras's reset_after=False, the lesson's reset "before" with b_hh = 0
# (implied by the bias's shape: the input has no "reset"); there is no
# module, so r, z, n, h are checked against gru_loop and onnx_gru
# (linear_before_reset = 0) and the gradients against onnx_gru's autograd
# backward from Keras leaves.
#
# nn.RNNCell, LSTMCell, GRUCell keys (weight_ih, weight_hh, bias_ih,
# bias_hh: PyTorch's shapes): the cell, loaded with the case's parameters,
# run step by step over the sequence; h[t] (c[t]) and the gradients of the
# input, the states and the cell's parameters against the graph.

# For each of Keras's blocks, the PyTorch block it holds.
KERAS_ORDER = {"rnn-unroll": [0], "lstm-gates": [0, 1, 2, 3],
               "gru": [1, 0, 2]}
LAYOUT_MODULES = {"rnn-unroll": (torch.nn.RNN, torch.nn.RNNCell),
                  "lstm-gates": (torch.nn.LSTM, torch.nn.LSTMCell),
                  "gru": (torch.nn.GRU, torch.nn.GRUCell)}
KERAS_FIELDS = ("input", "h0", "c0", "kernel", "recurrent_kernel", "bias")
CELL_KEYS = {"weight_ih_l0": "weight_ih", "weight_hh_l0": "weight_hh",
             "bias_ih_l0": "bias_ih", "bias_hh_l0": "bias_hh"}
CELL_FIELDS = ("input", "h0", "c0") + tuple(CELL_KEYS.values())


def to_keras(W, order):
    """PyTorch's stacked weight (gates*H x n) or bias (gates*H) as Keras
    stores it: blocks in Keras's order, a matrix transposed."""
    blocks = W.chunk(len(order))
    K = torch.cat([blocks[j] for j in order])
    return K.T if K.dim() == 2 else K


def from_keras(K, order):
    """A Keras array in PyTorch's layout, differentiably: transposed (a
    matrix), blocks back in PyTorch's order."""
    blocks = (K.T if K.dim() == 2 else K).chunk(len(order))
    return torch.cat([blocks[order.index(g)] for g in range(len(order))])


def lesson_forward(lesson, reset, nonlinearity, k):
    if lesson == "rnn-unroll":
        return rnn_forward(nonlinearity, k)
    if lesson == "lstm-gates":
        return lstm_forward(k)
    return gru_forward(reset, "keeps-previous", k)


def keras_forward(lesson, reset, nonlinearity, k):
    """The lesson's forward from Keras's arrays, PyTorch's weights computed
    (and named) first."""
    inner = lesson_forward(lesson, reset, nonlinearity, k)
    order = KERAS_ORDER[lesson]

    def forward(P, tap, cut):
        Q = dict(P)
        Q["weight_ih_l0"] = tap("weight_ih_l0", from_keras(P["kernel"], order))
        Q["weight_hh_l0"] = tap("weight_hh_l0",
                                from_keras(P["recurrent_kernel"], order))
        zeros = torch.zeros(Q["weight_ih_l0"].shape[0], dtype=DTYPE)
        Q["bias_ih_l0"] = Q["bias_hh_l0"] = zeros
        bias = P.get("bias")
        if bias is not None and bias.dim() == 2:
            Q["bias_ih_l0"] = tap("bias_ih_l0", from_keras(bias[0], order))
            Q["bias_hh_l0"] = tap("bias_hh_l0", from_keras(bias[1], order))
        elif bias is not None:
            Q["bias_ih_l0"] = tap("bias_ih_l0", from_keras(bias, order))
        return inner(Q, tap, cut)
    return forward


def cell_forward(lesson, nonlinearity, k):
    """The lesson's forward from a cell's keys (biases left out are 0)."""
    inner = lesson_forward(lesson, "after", nonlinearity, k)

    def forward(P, tap, cut):
        Q = dict(P)
        for key, cell_key in CELL_KEYS.items():
            Q[key] = P[cell_key] if cell_key in P else torch.zeros(
                P["weight_ih"].shape[0], dtype=DTYPE)
        return inner(Q, tap, cut)
    return forward


def layout_values(forward, leaves):
    """Every named value of one forward run, in the order computed."""
    tap = Tap()
    with torch.no_grad():
        forward({f: v.clone() for f, v in leaves.items()}, tap,
                lambda t, state: state)
    return {name: plain(v) for name, v in tap.named.items()}


def layout_input(spec, p, lesson):
    """The input object's sequence, tokens and states (as input_object)."""
    obj = {"input": plain(p["input"])}
    if "tokens" in spec:
        obj["tokens"] = list(spec["tokens"])
    if "state" not in spec.get("omit", ()):
        obj["h0"] = plain(p["h0"])
        if lesson == "lstm-gates":
            obj["c0"] = plain(p["c0"])
    return obj


def module_state(lesson, h0, c0):
    """nn.RNN/LSTM/GRU's (or a functional call's) initial state argument."""
    if lesson == "lstm-gates":
        return (h0.unsqueeze(0), c0.unsqueeze(0))
    return h0.unsqueeze(0)


def keras_case(lesson, spec):
    I, H, T = spec["input_size"], spec["hidden_size"], spec["steps"]
    order = KERAS_ORDER[lesson]
    nonlinearity = spec.get("nonlinearity", "tanh")
    bias = spec.get("keras_bias", "one")
    assert bias in ("one", "two", "none"), bias
    assert bias != "two" or lesson == "gru", spec["name"]
    # The GRU's one bias is reset_after=False: reset "before".
    reset = "before" if lesson == "gru" and bias == "one" else "after"
    assert spec.get("reset", reset) == reset, spec["name"]
    p = make_params(spec, len(order))
    if bias != "two":
        p["bias_hh_l0"] = torch.zeros_like(p["bias_hh_l0"])
    if bias == "none":
        p["bias_ih_l0"] = torch.zeros_like(p["bias_ih_l0"])
    obj = layout_input(spec, p, lesson)
    obj["kernel"] = plain(to_keras(p["weight_ih_l0"], order))
    obj["recurrent_kernel"] = plain(to_keras(p["weight_hh_l0"], order))
    if bias == "one":
        obj["bias"] = plain(to_keras(p["bias_ih_l0"], order))
    elif bias == "two":
        obj["bias"] = plain(torch.stack([to_keras(p["bias_ih_l0"], order),
                                         to_keras(p["bias_hh_l0"], order)]))
    if lesson == "rnn-unroll":
        obj["nonlinearity"] = nonlinearity
    if "reset" in spec:
        obj["reset"] = spec["reset"]
    k = bptt_of(spec, obj)
    leaves = {f: p[f] for f in ("input", "h0", "c0")}
    leaves.update({f: from_plain(obj[f]) for f in KERAS_FIELDS[3:]
                   if f in obj})
    forward = keras_forward(lesson, reset, nonlinearity, k)
    values = layout_values(forward, leaves)
    hs = torch.stack([from_plain(values[f"h[{t + 1}]"]) for t in range(T)])

    cls = LAYOUT_MODULES[lesson][0]
    if reset == "after":
        kw = {"nonlinearity": nonlinearity} if lesson == "rnn-unroll" else {}
        module = fresh_module(cls, I, H, p, **kw)
        with torch.no_grad():
            out, _ = module(p["input"],
                            module_state(lesson, p["h0"], p["c0"]))
        note_diff(lesson, hs, out, f"{spec['name']} keras h")
    else:
        assert min(abs(v) for v in p["h0"].tolist()) >= 0.3, spec["name"]
        loop, onnx = gru_loop(p, "before", "keeps-previous"), onnx_gru(p, 0)
        for t in range(T):
            for name in ("r", "z", "n", "h"):
                mine = from_plain(values[f"{name}[{t + 1}]"])
                note_diff(lesson, mine,
                          torch.tensor(loop[t][name], dtype=DTYPE),
                          f"{spec['name']} {name}[{t + 1}]", run="math loop")
                note_diff(lesson, mine, onnx[t][name].detach(),
                          f"{spec['name']} {name}[{t + 1}]", run="onnx")

    case = {"name": spec["name"], "input": obj, "values": values}
    P, _, go = backward_pass(lesson, spec, case, forward, leaves, (T, H),
                             fields=KERAS_FIELDS)
    # The same gradients from the module (or ONNX's GRU) run on parameters
    # computed from fresh Keras leaves.
    q = {f: v.detach().clone().requires_grad_(True) for f, v in P.items()}
    params = {"weight_ih_l0": from_keras(q["kernel"], order),
              "weight_hh_l0": from_keras(q["recurrent_kernel"], order)}
    zeros = torch.zeros(params["weight_ih_l0"].shape[0], dtype=DTYPE)
    b = q.get("bias")
    params["bias_ih_l0"] = (zeros if b is None else
                            from_keras(b[0] if b.dim() == 2 else b, order))
    params["bias_hh_l0"] = (from_keras(b[1], order)
                            if b is not None and b.dim() == 2 else zeros)
    if reset == "after":
        out, _ = torch.func.functional_call(
            module, params,
            (q["input"], module_state(lesson, q["h0"], q["c0"])))
        run = "backward module"
    else:
        steps = onnx_gru(dict(params, input=q["input"], h0=q["h0"]), 0)
        out, run = torch.stack([s["h"] for s in steps]), "backward onnx"
    out.backward(go)
    for f in KERAS_FIELDS:
        if f in obj:
            note_diff(lesson, P[f].grad, q[f].grad,
                      f"{spec['name']} grad {f}", run=run)
    return case


def cell_case(lesson, spec):
    I, H, T = spec["input_size"], spec["hidden_size"], spec["steps"]
    gates = len(KERAS_ORDER[lesson])
    nonlinearity = spec.get("nonlinearity", "tanh")
    p = make_params(spec, gates)
    if "bias" in spec.get("omit", ()):
        for key in ("bias_ih_l0", "bias_hh_l0"):
            p[key] = torch.zeros_like(p[key])
    kw = {"nonlinearity": nonlinearity} if lesson == "rnn-unroll" else {}
    cell = LAYOUT_MODULES[lesson][1](I, H, dtype=DTYPE, **kw)
    cell.load_state_dict({CELL_KEYS[key]: p[key] for key in CELL_KEYS},
                         strict=True)
    obj = layout_input(spec, p, lesson)
    for key, cell_key in CELL_KEYS.items():
        if not (key.startswith("bias") and "bias" in spec.get("omit", ())):
            obj[cell_key] = plain(p[key])
    if lesson == "rnn-unroll":
        obj["nonlinearity"] = nonlinearity
    k = bptt_of(spec, obj)
    leaves = {f: p[f] for f in ("input", "h0", "c0")}
    leaves.update({CELL_KEYS[key]: p[key] for key in CELL_KEYS
                   if CELL_KEYS[key] in obj})
    forward = cell_forward(lesson, nonlinearity, k)
    values = layout_values(forward, leaves)
    case = {"name": spec["name"], "input": obj, "values": values}
    P, _, go = backward_pass(lesson, spec, case, forward, leaves, (T, H),
                             fields=CELL_FIELDS)

    # The cell run step by step, from fresh leaves, values and gradients.
    x = P["input"].detach().clone().requires_grad_(True)
    h = h0 = P["h0"].detach().clone().requires_grad_(True)
    c = c0 = P["c0"].detach().clone().requires_grad_(True)
    hs = []
    for t in range(T):
        if chunk_start(t, k):
            h, c = h.detach(), c.detach()
        if lesson == "lstm-gates":
            h, c = cell(x[t], (h, c))
            note_diff(lesson, c.detach(), from_plain(values[f"c[{t + 1}]"]),
                      f"{spec['name']} cell c[{t + 1}]", run="stepwise")
        else:
            h = cell(x[t], h)
        note_diff(lesson, h.detach(), from_plain(values[f"h[{t + 1}]"]),
                  f"{spec['name']} cell h[{t + 1}]", run="stepwise")
        hs.append(h)
    torch.stack(hs).backward(go)
    mine = {"input": x, "h0": h0, "c0": c0}
    for f in CELL_FIELDS:
        if f in obj:
            theirs = mine[f].grad if f in mine else getattr(cell, f).grad
            note_diff(lesson, P[f].grad, theirs,
                      f"{spec['name']} grad {f}", run="backward module")
    return case


# One bias, or none: SimpleRNN and LSTM alike.
KERAS_ONE_BIAS = [
    dict(name="keras-input3-hidden2-steps3", input_size=3, hidden_size=2,
         steps=3, decimals=2),
    dict(name="keras-input2-hidden3-steps4-grad-output", input_size=2,
         hidden_size=3, steps=4, decimals=None, grad_output=True),
    dict(name="keras-input1-hidden1-steps2-no-bias-no-state", input_size=1,
         hidden_size=1, steps=2, decimals=2, keras_bias="none",
         omit=("state",)),
]

KERAS_CASES = {
    "rnn-unroll": KERAS_ONE_BIAS,
    "lstm-gates": KERAS_ONE_BIAS,
    "gru": [
        dict(name="keras-reset-after-input3-hidden2-steps3", input_size=3,
             hidden_size=2, steps=3, decimals=2, keras_bias="two"),
        # Its seed (3501) gives an h0 well away from 0 (|h0| >= 0.3, which
        # keras_case asserts): the reset rule matters from step 1.
        dict(name="keras-reset-before-input2-hidden2-steps4", input_size=2,
             hidden_size=2, steps=4, decimals=2, keras_bias="one"),
        dict(name="keras-reset-after-given-input2-hidden3-steps3-grad-output",
             input_size=2, hidden_size=3, steps=3, decimals=None,
             keras_bias="two", reset="after", grad_output=True),
        dict(name="keras-input1-hidden1-steps2-no-bias", input_size=1,
             hidden_size=1, steps=2, decimals=2, keras_bias="none"),
    ],
}

CELL_CASES = [
    dict(name="cell-input3-hidden2-steps3", input_size=3, hidden_size=2,
         steps=3, decimals=2),
    dict(name="cell-input2-hidden3-steps4-no-bias-grad-output",
         input_size=2, hidden_size=3, steps=4, decimals=None,
         omit=("bias",), grad_output=True),
]


def layout_cases(lesson):
    """The lesson's cases under Keras's keys and a cell's (none for the
    lessons without a recurrent cell)."""
    if lesson not in KERAS_ORDER:
        return []
    base = {"rnn-unroll": 1500, "lstm-gates": 2500, "gru": 3500}[lesson]
    cases = []
    for k, spec in enumerate(KERAS_CASES[lesson]):
        cases.append(keras_case(lesson, dict({"seed": base + k}, **spec)))
    for k, spec in enumerate(CELL_CASES):
        cases.append(cell_case(lesson, dict({"seed": base + 50 + k}, **spec)))
    return cases


# ---------------------------------------------------------------- stacked layers
#
# nn.RNN / nn.LSTM / nn.GRU with num_layers > 1 (unbatched).  Layer l reads
# the hidden states of layer l - 1 (layer 0 reads "input"); its fields are
# weight_ih_l{l} (gates H x H above layer 0), weight_hh_l{l}, bias_ih_l{l},
# bias_hh_l{l}; h0 (and c0) is num_layers x H, row l for layer l.  Named
# values: the top layer's keep the one-layer names (h[t] is the module's
# output); the layers below carry the prefix "l{l}." (l0.h[t], l0.f[t],
# l0.a[t], ...).  They are computed with the explicit per-step formulas of
# the one-layer cases, layer by layer, and checked (1e-12) against:
#   - the module with num_layers layers: output == the top layer's h[t],
#     h_n (and c_n) row l == layer l's last h (c);
#   - for every layer, a one-layer module loaded with that layer's weights
#     and run on the layer below's module output: its output == the
#     layer's h[t] (so the lower layers' h[t] are torch.nn's too).
# Gradients: autograd through the explicit graph (retain_grad on every named
# value), every named value and every input field given, against the
# num_layers module's own backward (run chunk by chunk with the whole
# (num_layers, H) state detached between chunks under bptt_steps) and
# central differences, as for the one-layer cases.

STACK_GATES = {"rnn-unroll": 1, "lstm-gates": 4, "gru": 3}
STACK_MODULE = {"rnn-unroll": torch.nn.RNN, "lstm-gates": torch.nn.LSTM,
                "gru": torch.nn.GRU}


def stacked_fields(L):
    return [f"{kind}_{part}_l{l}" for l in range(L)
            for kind, part in (("weight", "ih"), ("weight", "hh"),
                               ("bias", "ih"), ("bias", "hh"))]


def stacked_params(spec, gates):
    """Input, every layer's weights and biases, h0 and c0 (L x H), drawn
    in a fixed order from the case's seed; fields left out are zeroed."""
    I, H, T, L = (spec["input_size"], spec["hidden_size"], spec["steps"],
                  spec["num_layers"])
    dec = spec.get("decimals")
    gen = torch.Generator().manual_seed(spec["seed"])
    p = {}
    for l in range(L):
        p[f"weight_ih_l{l}"] = draw(gen, (gates * H, I if l == 0 else H), 1.0, dec)
        p[f"weight_hh_l{l}"] = draw(gen, (gates * H, H), 1.0, dec)
        p[f"bias_ih_l{l}"] = draw(gen, (gates * H,), 1.0, dec)
        p[f"bias_hh_l{l}"] = draw(gen, (gates * H,), 1.0, dec)
    p["h0"] = draw(gen, (L, H), 1.0, dec)
    p["c0"] = draw(gen, (L, H), 1.0, dec)
    p["input"] = draw(gen, (T, I), 1.0, dec)
    omit = spec.get("omit", ())
    assert set(omit) <= {"bias", "state"}, omit
    for key in p:
        if ("bias" in omit and key.startswith("bias_")) or \
                ("state" in omit and key in ("h0", "c0")):
            p[key] = torch.zeros_like(p[key])
    return p


def stacked_forward(lesson, L, k, nonlinearity="tanh"):
    """forward(P, tap, cut) through L layers, named as the lesson names
    them; cut((l, t), state) for layer l's state entering step t.  Each
    layer is the lesson's one-layer forward (rnn_forward, lstm_forward,
    gru_forward) on the layer below's h, its fields renamed to l0's."""
    one_layer = {"rnn-unroll": lambda: rnn_forward(nonlinearity, k),
                 "lstm-gates": lambda: lstm_forward(k),
                 "gru": lambda: gru_forward("after", "keeps-previous", k)}[lesson]()

    def forward(P, tap, cut):
        xs = P["input"]
        for l in range(L):
            pre = "" if l == L - 1 else f"l{l}."
            layer = {f"{w}_l0": P[f"{w}_l{l}"] for w in
                     ("weight_ih", "weight_hh", "bias_ih", "bias_hh")}
            layer.update(input=xs, h0=P["h0"][l])
            if "c0" in P:
                layer["c0"] = P["c0"][l]
            xs = one_layer(layer,
                           lambda name, t, pre=pre: tap(pre + name, t),
                           lambda t, state, l=l: cut((l, t), state))
        return xs
    return forward


def stacked_case(lesson, spec):
    I, H, T, L = (spec["input_size"], spec["hidden_size"], spec["steps"],
                  spec["num_layers"])
    assert L > 1, spec["name"]
    nonlinearity = spec.get("nonlinearity", "tanh")
    with_c = lesson == "lstm-gates"
    cls = STACK_MODULE[lesson]
    kw = {"nonlinearity": nonlinearity} if lesson == "rnn-unroll" else {}
    p = stacked_params(spec, STACK_GATES[lesson])
    fields = stacked_fields(L)
    module = cls(I, H, num_layers=L, dtype=DTYPE, **kw)
    module.load_state_dict({f: p[f].clone() for f in fields}, strict=True)

    # The explicit formulas (no autograd), every named value.
    tap = Tap()
    k = spec.get("bptt_steps")
    with torch.no_grad():
        top = stacked_forward(lesson, L, None, nonlinearity)(
            p, tap, lambda t, state: state)
        state = (p["h0"], p["c0"]) if with_c else p["h0"]
        out, h_n = module(p["input"], state)
        c_n = None
        if with_c:
            h_n, c_n = h_n
    name = spec["name"]
    note_diff(lesson, top, out, f"{name} output (top layer h[t])")
    xs = p["input"]
    for l in range(L):
        pre = "" if l == L - 1 else f"l{l}."
        hs = torch.stack([tap.named[f"{pre}h[{t + 1}]"] for t in range(T)])
        note_diff(lesson, hs[-1], h_n[l], f"{name} h_n[{l}]")
        if with_c:
            note_diff(lesson, tap.named[f"{pre}c[{T}]"], c_n[l],
                      f"{name} c_n[{l}]")
        # Layer l alone, as a one-layer module on the layer below's output.
        one = cls(I if l == 0 else H, H, num_layers=1, dtype=DTYPE, **kw)
        one.load_state_dict({f"{kind}_{part}_l0": p[f"{kind}_{part}_l{l}"]
                             for kind, part in (("weight", "ih"),
                                                ("weight", "hh"),
                                                ("bias", "ih"),
                                                ("bias", "hh"))},
                            strict=True)
        with torch.no_grad():
            state = ((p["h0"][l:l + 1], p["c0"][l:l + 1]) if with_c
                     else p["h0"][l:l + 1])
            xs, _ = one(xs, state)
        note_diff(lesson, hs, xs, f"{name} layer {l} h[t]", run="module")
    if lesson == "rnn-unroll" and nonlinearity == "relu":
        # Clipped and passed units, and no pre-activation at the kink.
        pre_all = torch.stack([v for n, v in tap.named.items()
                               if n.split(".")[-1].startswith("a[")])
        assert pre_all.abs().min() > 1e-3, name
        assert (pre_all < 0).any() and (pre_all > 0).any(), name

    values = {n: plain(v) for n, v in tap.named.items()}
    omit = spec.get("omit", ())
    obj = {"input": plain(p["input"])}
    if "state" not in omit:
        obj["h0"] = plain(p["h0"])
        if with_c:
            obj["c0"] = plain(p["c0"])
    for f in fields:
        if "bias" in omit and f.startswith("bias_"):
            continue
        obj[f] = plain(p[f])
    if lesson == "rnn-unroll" and "nonlinearity" in spec:
        obj["nonlinearity"] = nonlinearity
    k = bptt_of(spec, obj)
    case = {"name": name, "input": obj, "values": values}
    grad_fields = ["input", "h0"] + (["c0"] if with_c else []) + fields
    leaves = {f: p[f] for f in grad_fields}
    P, _, go = backward_pass(lesson, spec, case,
                             stacked_forward(lesson, L, k, nonlinearity),
                             leaves, (T, H), fields=grad_fields)

    # The module's own backward, chunk by chunk under bptt_steps.
    m = cls(I, H, num_layers=L, dtype=DTYPE, **kw)
    m.load_state_dict({f: p[f].clone() for f in fields}, strict=True)
    recurrent_module_check(lesson, spec, m, P, go, k, with_c, fields=fields)
    return case


# Every stacked case gives its seed, so that none of the cases above moves.
STACKED_COMMON = [
    dict(name="layers2-input1-hidden1-steps1", input_size=1, hidden_size=1,
         steps=1, num_layers=2, decimals=2),
    dict(name="layers2-input3-hidden2-steps4", input_size=3, hidden_size=2,
         steps=4, num_layers=2, decimals=2),
    dict(name="layers2-input2-hidden3-steps5-bptt2-grad-output",
         input_size=2, hidden_size=3, steps=5, num_layers=2, decimals=None,
         bptt_steps=2, grad_output=True),
    dict(name="layers2-input2-hidden2-steps3-no-bias-no-state",
         input_size=2, hidden_size=2, steps=3, num_layers=2, decimals=2,
         omit=("bias", "state")),
]

STACKED = {
    "rnn-unroll": STACKED_COMMON + [
        dict(name="layers3-input2-hidden2-steps4-grad-output", input_size=2,
             hidden_size=2, steps=4, num_layers=3, decimals=2,
             grad_output=True),
        dict(name="layers2-input2-hidden3-steps4-relu", input_size=2,
             hidden_size=3, steps=4, num_layers=2, decimals=2,
             nonlinearity="relu"),
        dict(name="layers3-input2-hidden3-steps5-relu-bptt2-grad-output",
             input_size=2, hidden_size=3, steps=5, num_layers=3,
             decimals=2, nonlinearity="relu", bptt_steps=2,
             grad_output=True),
    ],
    "lstm-gates": STACKED_COMMON + [
        dict(name="layers3-input2-hidden2-steps3-grad-output", input_size=2,
             hidden_size=2, steps=3, num_layers=3, decimals=2,
             grad_output=True),
    ],
    "gru": STACKED_COMMON + [
        dict(name="layers3-input2-hidden2-steps3-grad-output", input_size=2,
             hidden_size=2, steps=3, num_layers=3, decimals=2,
             grad_output=True),
    ],
}
STACKED_SEED = {"rnn-unroll": 1900, "lstm-gates": 2900, "gru": 3900}
for _lesson, _specs in STACKED.items():
    STACKED[_lesson] = [dict(spec, seed=spec.get("seed", STACKED_SEED[_lesson] + i))
                        for i, spec in enumerate(_specs)]


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


# ------------------------------------------------------------ char-lm
#
# A character-level language model (char-lm.json): the text's characters as
# one-hot rows (or rows of embedding.weight), the cell (nn.RNN tanh,
# nn.LSTM or nn.GRU, one layer, its state_dict under "rnn."), nn.Linear
# "fc", softmax, and F.cross_entropy's mean over the T = n - 1 steps.  The
# cell's values are the explicit graphs above (rnn_forward, lstm_forward,
# gru_forward), checked against the real module; y[t] = fc(h[t]), p[t] =
# softmax(y[t]) (off the loss's path, as with F.cross_entropy on the
# scores), loss[t] = F.cross_entropy(y[t], target), loss = their mean
# (checked against F.cross_entropy over all steps), perplexity = exp(loss).
# Gradients: loss.backward() with retain_grad() on every named value.
# Generation: the module run one step at a time under no_grad from h0 with
# `start`; greedy takes the first largest probability; sampling draws u =
# (z >> 11) * 2^-53 from SplitMix64(seed) and takes the first j with
# cumsum(softmax(y / temperature))_j > u.

MASK64 = (1 << 64) - 1


def splitmix64(seed):
    state = seed & MASK64
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        yield z ^ (z >> 31)


CELL_GATES = {"rnn": 1, "lstm": 4, "gru": 3}
CELL_VALUES = {"rnn": ["a", "h"], "lstm": ["i", "f", "g", "o", "c", "h"],
               "gru": ["r", "z", "n", "h"]}


def charlm_forward(cell):
    if cell == "rnn":
        return rnn_forward("tanh", None)
    if cell == "lstm":
        return lstm_forward(None)
    return gru_forward("after", "keeps-previous", None)


def charlm_case(spec):
    lesson = "char-lm"
    cell, text = spec["cell"], spec["text"]
    vocab = spec.get("vocab")
    chars = vocab if vocab is not None else list(dict.fromkeys(text))
    index = [chars.index(c) for c in text]
    V, H, T, E = len(chars), spec["hidden"], len(text) - 1, spec.get("embed")
    I, G = (E or V), CELL_GATES[cell]
    gen = torch.Generator().manual_seed(spec["seed"])
    fields = {}
    if "weights" in spec:
        fields = {k: torch.tensor(v, dtype=DTYPE)
                  for k, v in spec["weights"].items()}
    else:
        fields["rnn.weight_ih_l0"] = draw(gen, (G * H, I), 1.0, 2)
        fields["rnn.weight_hh_l0"] = draw(gen, (G * H, H), 1.0, 2)
        if spec.get("bias", True):
            fields["rnn.bias_ih_l0"] = draw(gen, (G * H,), 0.5, 2)
            fields["rnn.bias_hh_l0"] = draw(gen, (G * H,), 0.5, 2)
        fields["fc.weight"] = draw(gen, (V, H), 1.5, 2)
        if spec.get("fc_bias", True):
            fields["fc.bias"] = draw(gen, (V,), 0.5, 2)
        if E:
            fields["embedding.weight"] = draw(gen, (V, E), 1.0, 2)
        if spec.get("h0"):
            fields["h0"] = draw(gen, (H,), 0.5, 2)
        if spec.get("c0") and cell == "lstm":
            fields["c0"] = draw(gen, (H,), 0.5, 2)
    obj = {"text": text}
    if vocab is not None:
        obj["vocab"] = vocab
    obj["cell"] = cell
    for k, v in fields.items():
        obj[k] = plain(v)
    if "generate" in spec:
        obj["generate"] = spec["generate"]

    zeros = {"rnn.bias_ih_l0": (G * H,), "rnn.bias_hh_l0": (G * H,),
             "fc.bias": (V,), "h0": (H,), "c0": (H,)}
    leaves = dict(fields)
    for k, shape in zeros.items():
        leaves.setdefault(k, torch.zeros(shape, dtype=DTYPE))
    targets = torch.tensor(index[1:])
    eye = torch.eye(V, dtype=DTYPE)
    cell_forward = charlm_forward(cell)

    def forward(P, tap):
        if E:
            X = P["embedding.weight"][torch.tensor(index[:-1])]
        else:
            X = eye[torch.tensor(index[:-1])]
        Q = {"input": X, "h0": P["h0"], "c0": P["c0"]}
        for k in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"):
            Q[k] = P["rnn." + k]
        hs = cell_forward(Q, tap, lambda t, state: state)
        losses = []
        for t in range(T):
            y = tap(f"y[{t + 1}]", affine(P["fc.bias"], hs[t], P["fc.weight"]))
            tap(f"p[{t + 1}]", torch.softmax(y.detach(), 0))
            losses.append(tap(f"loss[{t + 1}]", torch.nn.functional.cross_entropy(
                y.unsqueeze(0), targets[t:t + 1])))
        loss = tap("loss", torch.stack(losses).mean())
        tap("perplexity", torch.exp(loss.detach()))
        return X, hs, loss

    P = {k: v.detach().clone().requires_grad_(True) for k, v in leaves.items()}
    tap = Tap()
    X, hs, loss = forward(P, tap)
    # The module itself on the same inputs, and F.cross_entropy over all steps.
    cls = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell]
    module = cls(I, H, num_layers=1, dtype=DTYPE)
    module.load_state_dict({k: leaves["rnn." + k] for k in
                            ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")})
    state = ((leaves["h0"].unsqueeze(0), leaves["c0"].unsqueeze(0))
             if cell == "lstm" else leaves["h0"].unsqueeze(0))
    with torch.no_grad():
        out, _ = module(X.detach(), state)
        note_diff(lesson, hs.detach(), out, f"{spec['name']} h")
        Y = torch.addmm(leaves["fc.bias"], out, leaves["fc.weight"].T)
        whole = torch.nn.functional.cross_entropy(Y, targets)
        assert abs(whole.item() - loss.item()) <= 1e-14, (whole, loss)

    values = {}
    for t in range(T):
        for name in CELL_VALUES[cell]:
            values[f"{name}[{t + 1}]"] = plain(tap.named[f"{name}[{t + 1}]"])
        for name in ("y", "p", "loss"):
            values[f"{name}[{t + 1}]"] = plain(tap.named[f"{name}[{t + 1}]"])
    values["loss"] = plain(tap.named["loss"])
    values["perplexity"] = plain(tap.named["perplexity"])

    loss.backward()
    grads = {"loss.grad": plain(tap.named["loss"].grad)}
    for t in reversed(range(T)):
        for name in ["loss", "y"] + list(reversed(CELL_VALUES[cell])):
            g = tap.named[f"{name}[{t + 1}]"].grad
            assert g is not None, (spec["name"], name, t)
            grads[f"{name}[{t + 1}].grad"] = plain(g)
    for k in fields:
        grads[k + ".grad"] = plain(P[k].grad)

    if "generate" in spec:
        values.update(charlm_generate(spec, cell, chars, leaves, module, E))
    return {"name": spec["name"], "input": obj, "values": values, "grads": grads}


def charlm_generate(spec, cell, chars, leaves, module, E):
    g = spec["generate"]
    start = chars.index(g.get("start", spec["text"][0]))
    length, mode = g.get("length", 4), g.get("mode", "greedy")
    tau, rng = g.get("temperature", 1), splitmix64(g.get("seed", 0))
    V = len(chars)
    eye = torch.eye(V, dtype=DTYPE)
    state = ((leaves["h0"].unsqueeze(0), leaves["c0"].unsqueeze(0))
             if cell == "lstm" else leaves["h0"].unsqueeze(0))
    values, j = {}, start
    with torch.no_grad():
        for k in range(1, length + 1):
            x = leaves["embedding.weight"][j] if E else eye[j]
            out, state = module(x.unsqueeze(0), state)
            h = out[0]
            values[f"gen.h[{k}]"] = plain(h)
            y = affine(leaves["fc.bias"], h, leaves["fc.weight"])
            values[f"gen.y[{k}]"] = plain(y)
            p = torch.softmax(y / tau if tau != 1 else y, 0)
            values[f"gen.p[{k}]"] = plain(p)
            ps = p.tolist()
            if mode == "greedy":
                j = max(range(V), key=lambda i: (ps[i], -i))
            else:
                cum = torch.cumsum(p, 0)
                values[f"gen.cum[{k}]"] = plain(cum)
                u = (next(rng) >> 11) * 2.0 ** -53
                values[f"gen.u[{k}]"] = u
                above = [i for i, c in enumerate(cum.tolist()) if c > u]
                j = above[0] if above else max(i for i in range(V) if ps[i] > 0)
            values[f"gen.next[{k}]"] = float(j + 1)
    return values


CHARLM_DEFAULT = {
    "rnn.weight_ih_l0": [[1.1, 0.3, -0.6, 0], [0.9, -0.3, -0.2, 0]],
    "rnn.weight_hh_l0": [[0.4, 0.7], [-1.4, -0.1]],
    "fc.weight": [[0, -0.1], [1.2, 1.2], [0, -2], [-1.4, 1]],
    "fc.bias": [-1, 0.1, 0.7, 0],
}
CHARLM_SEED = {
    "rnn.weight_ih_l0": [[0.31, 0.5, -0.2, 0.1], [-0.1, 0.8, 0.4, -0.3],
                         [1.47, -0.6, 0.3, 0.2]],
    "rnn.weight_hh_l0": [[0.5, -0.3, 0.2], [0.4, 0.6, -0.1],
                         [-0.2, 0.3, 0.5]],
    "fc.weight": [[0.8, -0.5, 1.0], [1.5, 0.4, 0.9], [-1.1, 0.7, -2.0],
                  [2.0, -1.2, 1.6]],
    "fc.bias": [-0.1898, 0.9796, -0.8006, 1.9402],
}
CHARLM = [
    dict(name="rnn-hello-h2-greedy", cell="rnn", text="hello", hidden=2,
         weights=CHARLM_DEFAULT,
         generate={"start": "h", "length": 6, "mode": "greedy"}),
    dict(name="rnn-hello-h3-seed-sample", cell="rnn", text="hello", hidden=3,
         weights=CHARLM_SEED,
         generate={"start": "h", "length": 4, "mode": "sample",
                   "temperature": 1, "seed": 3}),
    dict(name="lstm-space-h3-greedy", cell="lstm", text="he ll o", hidden=3,
         generate={"length": 5}),
    dict(name="gru-vocab-h2-h0-sample-cold", cell="gru", text="abcabd",
         vocab=["a", "b", "c", "d", "e"], hidden=2, h0=True,
         generate={"start": "b", "length": 6, "mode": "sample",
                   "temperature": 0.5, "seed": 11}),
    dict(name="rnn-embed3-h2-sample-hot", cell="rnn", text="banana", hidden=2,
         embed=3, generate={"length": 5, "mode": "sample", "temperature": 2,
                            "seed": 7}),
    dict(name="lstm-embed2-h2-h0-c0", cell="lstm", text="aab", hidden=2,
         embed=2, h0=True, c0=True,
         generate={"start": "b", "length": 3}),
    dict(name="gru-embed2-h3-no-bias", cell="gru", text="xyzzy", hidden=3,
         embed=2, bias=False, fc_bias=False,
         generate={"mode": "sample", "seed": 123456789}),
    dict(name="rnn-t1-h1", cell="rnn", text="ab", hidden=1,
         generate={"length": 1}),
]


def write_cases(lesson, cases, **versions):
    """<lesson>.json in the fixtures' format, with the library versions that made it; its path."""
    doc = {"lesson": lesson, "generator": "make_reference.py", **versions, "cases": cases}
    path = os.path.join(HERE, lesson + ".json")
    write_json(path, doc)
    print(f"{path}: {len(cases)} cases")
    return path


def charlm_main():
    cases = []
    for k, spec in enumerate(CHARLM):
        spec = dict(spec)
        spec.setdefault("seed", 8000 + k)
        cases.append(charlm_case(spec))
    path = write_cases("char-lm", cases, torch=torch.__version__)
    for c in cases:
        print(f"  {c['name']}")
    for (les, run), d in MAX_DIFF.items():
        if les == "char-lm":
            print(f"  max |manual - {RUNS.get(run, run)}| = {d:.3e}")
# ---------------------------------------------------------------------------
# bleu: sentence BLEU against NLTK (nltk.translate.bleu_score), no torch.
#
# Every case's matches m_n, totals t_n and the per-n-gram counts come from
# NLTK's own modified_precision (numerator, denominator) and ngrams; r and
# BP from closest_ref_length and brevity_penalty; the precisions are NLTK's
# SmoothingFunction method0 (no smoothing), method2 ("add-one") or method1
# ("epsilon") applied to them, and "bleu" is sentence_bleu with the same
# weights and smoothing function.  Where SPEC departs from NLTK the case
# says so:
#   - "none" with a zero p_n (of positive weight): SPEC's BLEU is 0, where
#     method0 puts sys.float_info.min in place of p_n and sentence_bleu
#     returns a number near 1e-77; that number is kept in the case as
#     "nltk_sentence_bleu", and p_n is 0 (method0's stand-in is not a
#     precision);
#   - otherwise BLEU is sentence_bleu's value exactly (it returns 0 itself
#     when no unigram matches, whatever the smoothing).
# Sentences given as a string are split with str.split(), as the lesson
# splits on runs of white space.

def bleu_words(sentence):
    return sentence.split() if isinstance(sentence, str) else list(sentence)


def bleu_case(spec):
    from nltk.translate.bleu_score import (
        SmoothingFunction, brevity_penalty, closest_ref_length,
        modified_precision, sentence_bleu)
    from nltk.util import ngrams

    cand = bleu_words(spec["candidate"])
    refs = [bleu_words(r) for r in spec["references"]]
    weights = spec.get("weights")
    N = spec.get("max_n", len(weights) if weights else 4)
    w = tuple(weights) if weights else tuple([1 / N] * N)
    smoothing = spec.get("smoothing", "none")
    method = {"none": SmoothingFunction().method0,
              "add-one": SmoothingFunction().method2,
              "epsilon": SmoothingFunction().method1}[smoothing]

    values = {}
    fractions = []
    for n in range(1, N + 1):
        grams = list(ngrams(cand, n)) if len(cand) >= n else []
        distinct = list(dict.fromkeys(grams))
        if distinct:
            ref_counts = [[list(ngrams(r, n)).count(g) if len(r) >= n else 0
                           for r in refs] for g in distinct]
            count = [grams.count(g) for g in distinct]
            max_ref = [max(row) for row in ref_counts]
            values[f"ngrams[{n}].count"] = [float(x) for x in count]
            values[f"ngrams[{n}].ref_counts"] = [[float(x) for x in row]
                                                 for row in ref_counts]
            values[f"ngrams[{n}].max_ref"] = [float(x) for x in max_ref]
            values[f"ngrams[{n}].clipped"] = [float(min(a, b)) for a, b
                                              in zip(count, max_ref)]
        f = modified_precision(refs, cand, n)
        fractions.append(f)
    matches = [f.numerator for f in fractions]
    totals = [max(0, len(cand) - n + 1) for n in range(1, N + 1)]
    # NLTK's denominator is max(1, t_n): the lesson's totals are t_n itself.
    assert [f.denominator for f in fractions] == [max(1, t) for t in totals]
    for n in range(1, N + 1):
        if f"ngrams[{n}].clipped" in values:
            assert sum(values[f"ngrams[{n}].clipped"]) == matches[n - 1]
    values["matches"] = [float(m) for m in matches]
    values["totals"] = [float(t) for t in totals]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        smoothed = method(list(fractions), references=refs,
                          hypothesis=cand, hyp_len=len(cand))
        nltk_bleu = sentence_bleu(refs, cand, weights=w,
                                  smoothing_function=method)
    if smoothing == "none":
        precisions = [f.numerator / f.denominator for f in fractions]
    else:
        precisions = [float(p) for p in smoothed]
    values["precisions"] = precisions
    c = len(cand)
    r = closest_ref_length(refs, c)
    values["c"] = float(c)
    values["ref_lengths"] = [float(len(x)) for x in refs]
    values["r"] = float(r)
    values["bp"] = float(brevity_penalty(r, c))
    zero = smoothing == "none" and any(
        wn > 0 and p == 0 for wn, p in zip(w, precisions))
    bleu = 0.0 if zero else float(nltk_bleu)
    if zero or matches[0] == 0:
        assert bleu == 0 or nltk_bleu == 0
    else:
        # The lesson's arithmetic, from the recorded values, agrees.
        mean = math.exp(math.fsum(wn * math.log(p)
                                  for wn, p in zip(w, precisions) if wn > 0))
        assert abs(values["bp"] * mean - bleu) <= 1e-12 * bleu, spec["name"]
        values["geometric_mean"] = mean
    values["bleu"] = bleu

    obj = {"candidate": spec["candidate"], "references": spec["references"]}
    for key in ("max_n", "weights", "smoothing"):
        if key in spec:
            obj[key] = spec[key]
    case = {"name": spec["name"], "input": obj, "values": values}
    if zero and nltk_bleu != 0:
        case["nltk_sentence_bleu"] = float(nltk_bleu)
    return case


_PAPINENI_REFS = [
    "it is a guide to action that ensures that the military will forever "
    "heed party commands",
    "it is the guiding principle which guarantees the military forces "
    "always being under the command of the party",
    "it is the practical guide for the army always to heed the directions "
    "of the party",
]
_CAT_REFS = ["the cat is sitting on the mat", "there is a cat on the mat"]

BLEU = [
    dict(name="candidate1-reference1-maxn1", candidate="cat",
         references=["the cat"], max_n=1),
    dict(name="stutter-two-references", candidate="the the cat on the mat",
         references=_CAT_REFS),
    dict(name="no-4-gram-none-zero", candidate="the cat sat on the mat",
         references=_CAT_REFS),
    dict(name="no-4-gram-add-one", candidate="the cat sat on the mat",
         references=_CAT_REFS, smoothing="add-one"),
    dict(name="no-4-gram-epsilon", candidate="the cat sat on the mat",
         references=_CAT_REFS, smoothing="epsilon"),
    dict(name="papineni-the-the", candidate="the the the the the the the",
         references=["the cat is on the mat", "there is a cat on the mat"]),
    dict(name="papineni-candidate-1",
         candidate="it is a guide to action which ensures that the military "
                   "always obeys the commands of the party",
         references=_PAPINENI_REFS),
    dict(name="papineni-candidate-2-epsilon",
         candidate="it is to insure the troops forever hearing the activity "
                   "guidebook that party direct",
         references=_PAPINENI_REFS, smoothing="epsilon"),
    # r: references of 5 and 7 words are equally close to 6: the shorter.
    dict(name="tie-in-reference-length", candidate="a b c d e f",
         references=["a b c d x", "a b c y e f z"], max_n=2),
    # 4 words against 3 and 5: r = 3, the shorter, so no penalty, although
    # the reference the candidate matches is the longer one.
    dict(name="tie-shorter-reference-wins", candidate="the cat sat down",
         references=["the cat sat", "the cat sat down there"],
         smoothing="add-one"),
    dict(name="maxn2-custom-weights", candidate="the cat sat on the mat",
         references=_CAT_REFS, max_n=2, weights=[0.7, 0.3]),
    dict(name="zero-weight-on-empty-order",
         candidate="the cat sat on the mat", references=_CAT_REFS, max_n=4,
         weights=[0.5, 0.3, 0.2, 0.0]),
    dict(name="longer-than-references",
         candidate="the cat is sitting on the mat and looks at the dog",
         references=_CAT_REFS, smoothing="add-one"),
    dict(name="shorter-than-n-add-one", candidate="the cat",
         references=["the cat sat on the mat"], smoothing="add-one"),
    dict(name="shorter-than-n-epsilon", candidate="the cat",
         references=["the cat sat on the mat"], smoothing="epsilon"),
    dict(name="no-word-in-common-epsilon", candidate="dogs bark loudly",
         references=_CAT_REFS, smoothing="epsilon"),
    dict(name="token-lists-and-white-space",
         candidate=["New York", "is", "big", "New York", "is"],
         references=[["New York", "is", "a", "big", "city"],
                     "big  New\tYork is"],
         max_n=3, smoothing="epsilon"),
    dict(name="korean-words", candidate="고양이가 매트 위에 있다",
         references=["고양이가 매트 위에 앉아 있다", "매트 위에 고양이가 있다"],
         max_n=2),
]


def bleu_main():
    import nltk
    cases = [bleu_case(dict(spec)) for spec in BLEU]
    names = [c["name"] for c in cases]
    assert len(set(names)) == len(names)
    path = write_cases("bleu", cases, nltk=nltk.__version__)
    for c in cases:
        extra = (f" (NLTK's method0: {c['nltk_sentence_bleu']:.3e})"
                 if "nltk_sentence_bleu" in c else "")
        print(f"  {c['name']}: BLEU {c['values']['bleu']:.6f}{extra}")


def main():
    summary = []
    for lesson, build, seed_base, specs, sat in LESSONS:
        cases = []
        for k, spec in enumerate(specs):
            spec = dict(spec)
            spec.setdefault("seed", seed_base + k)
            case = spec.pop("build", build)(spec)
            if "saturating" in spec["name"]:
                frac = saturation(case["values"], *sat)
                assert frac >= 0.25, f"{lesson} {spec['name']}: {frac}"
            if "reset-before" in spec["name"]:
                # A clearly non-zero h0: the reset placement matters from
                # step 1, not only through the bias.
                h0 = case["input"]["h0"]
                assert min(abs(v) for v in h0) >= 0.3, spec["name"]
            if "large-weights" in spec["name"]:
                # Nearly one-hot: every row's largest weight above 0.95.
                top = [max(row) for row in case["values"]["weights"]]
                assert min(top) > 0.95, f"{lesson} {spec['name']}: {top}"
            cases.append(case)
        cases += layout_cases(lesson)
        # Stacked layers (num_layers > 1): their own builder, after every
        # other case.
        for spec in STACKED.get(lesson, []):
            cases.append(stacked_case(lesson, dict(spec)))
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
        report_lesson(lesson, names)
        for les, case, gname, ties, size in TIES:
            if les == lesson:
                print(f"  tie for the largest |entry|: {case} {gname} "
                      f"({ties} of {size} entries)")


# ---------------------------------------------------------------------------
# Shared by birnn and seq2seq-attention: one cell (nn.RNN tanh, nn.LSTM,
# nn.GRU) run over the rows of X in a given order of positions, every
# per-step value named with a prefix and the position (1-based) it reads:
#   rnn   a[t] (W_ih x + b_ih + W_hh h + b_hh), h[t]
#   lstm  a[t] (the 4H stacked pre-activation, gates i, f, g, o), i[t], f[t],
#         g[t], o[t], c[t], h[t]
#   gru   ax[t] (W_ih x + b_ih, 3H: r, z, n), ah[t] (W_hh h_prev + b_hh),
#         r[t], z[t], n[t], h[t] (PyTorch: reset after, h = (1 - z) n + z h_prev)
# `hname` renames h (the decoder's s[t]).

CELL_STEP_VALUES = {"rnn": ["a", "h"],
                    "lstm": ["a", "i", "f", "g", "o", "c", "h"],
                    "gru": ["ax", "ah", "r", "z", "n", "h"]}
CELL_MODULES = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM,
                "gru": torch.nn.GRU}
CELL_KEYS4 = ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")


def cell_sequence(cell, W, X, h, c, tap, prefix, order, hname="h"):
    """W: the four state_dict tensors of one direction; returns {position:
    h} and the last (h, c)."""
    W_ih, W_hh, b_ih, b_hh = W
    gx = torch.addmm(b_ih, X, W_ih.T)
    hs = {}
    for t in order:
        n = t + 1

        def name(v):
            return f"{prefix}{hname if v == 'h' else v}[{n}]"
        if cell == "rnn":
            a = tap(name("a"), affine(b_hh, h, W_hh) + gx[t])
            h = tap(name("h"), torch.tanh(a))
        elif cell == "lstm":
            a = tap(name("a"), affine(b_hh, h, W_hh) + gx[t])
            pre_i, pre_f, pre_g, pre_o = a.chunk(4)
            i = tap(name("i"), torch.sigmoid(pre_i))
            f = tap(name("f"), torch.sigmoid(pre_f))
            g = tap(name("g"), torch.tanh(pre_g))
            o = tap(name("o"), torch.sigmoid(pre_o))
            c = tap(name("c"), f * c + i * g)
            h = tap(name("h"), o * torch.tanh(c))
        else:
            ax = tap(name("ax"), gx[t])
            ah = tap(name("ah"), affine(b_hh, h, W_hh))
            x_r, x_z, x_n = ax.chunk(3)
            h_r, h_z, h_n = ah.chunk(3)
            r = tap(name("r"), torch.sigmoid(x_r + h_r))
            z = tap(name("z"), torch.sigmoid(x_z + h_z))
            nn_ = tap(name("n"), torch.tanh(x_n + r * h_n))
            h = tap(name("h"), (h - nn_) * z + nn_)
        hs[t] = h
    return hs, h, c


def draw_normal(gen, shape, std=0.5, decimals=2):
    """N(0, std^2), rounded to `decimals` places."""
    t = torch.randn(shape, generator=gen, dtype=DTYPE) * std
    factor = 10.0 ** decimals
    return torch.round(t * factor) / factor + 0.0


# ------------------------------------------------------------ birnn
#
# nn.RNN / LSTM / GRU(bidirectional=True), one layer (birnn.json).  Input
# fields: cell, input (T x I), the eight state_dict keys (weight_ih_l0, ...,
# bias_hh_l0_reverse; PyTorch's shapes), h0 and c0 (2 x H: row 1 forward,
# row 2 reverse), tokens (labels), grad_output (T x 2H).  Biases, h0 and c0
# may be left out (zeros; then no .grad for them).  Named values: the
# forward direction's per-step values under "fwd." (t = 1..T), the reverse
# direction's under "bwd." with t the position in the sequence (its first
# step is bwd.*[T], from input row T and h0 row 2; bwd.h[t] reads x_t and
# bwd.h[t+1]), and "output" (T x 2H, row t = [fwd.h[t]; bwd.h[t]]).
# "values" list the forward direction's steps t = 1..T, then the reverse
# direction's in the order it runs (t = T..1), then output; "grads" come in
# the reverse of that order, then the input fields': input, h0, c0, the
# forward keys, the reverse keys (those given).  L = sum(output *
# grad_output).  Checked: the explicit loop's output against the module's
# (load_state_dict), the module's final h_n (c_n), and every input field's
# gradient against the module's own backward; every gradient's largest
# entry against a central difference.

BIRNN_DIRECTIONS = (("fwd.", ""), ("bwd.", "_reverse"))


def birnn_case(spec):
    lesson = "birnn"
    cell, T, I, H = spec["cell"], spec["steps"], spec["input_size"], spec["hidden_size"]
    G = CELL_GATES[cell]
    gen = torch.Generator().manual_seed(spec["seed"])
    p = {"input": draw_normal(gen, (T, I))}
    for _, suffix in BIRNN_DIRECTIONS:
        p["weight_ih_l0" + suffix] = draw_normal(gen, (G * H, I))
        p["weight_hh_l0" + suffix] = draw_normal(gen, (G * H, H))
        p["bias_ih_l0" + suffix] = draw_normal(gen, (G * H,))
        p["bias_hh_l0" + suffix] = draw_normal(gen, (G * H,))
    p["h0"] = draw_normal(gen, (2, H))
    p["c0"] = draw_normal(gen, (2, H))
    omit = spec.get("omit", ())
    given = ["input"] + [k + s for _, s in BIRNN_DIRECTIONS for k in CELL_KEYS4]
    if "bias" in omit:
        given = [f for f in given if not f.startswith("bias_")]
    if "state" not in omit:
        given += ["h0"] + (["c0"] if cell == "lstm" else [])
    for f in p:
        if f not in given:
            p[f] = torch.zeros_like(p[f])
    obj = {"cell": cell, "input": plain(p["input"])}
    for _, s in BIRNN_DIRECTIONS:
        for k in CELL_KEYS4:
            if k + s in given:
                obj[k + s] = plain(p[k + s])
    for f in ("h0", "c0"):
        if f in given:
            obj[f] = plain(p[f])
    if "tokens" in spec:
        assert len(spec["tokens"]) == T
        obj["tokens"] = list(spec["tokens"])

    def forward(P, tap, cut=None):
        X = P["input"]
        outs = []
        for d, (prefix, s) in enumerate(BIRNN_DIRECTIONS):
            W = [P[k + s] for k in CELL_KEYS4]
            order = range(T) if d == 0 else range(T - 1, -1, -1)
            hs, _, _ = cell_sequence(cell, W, X, P["h0"][d], P["c0"][d], tap,
                                     prefix, order)
            outs.append(torch.stack([hs[t] for t in range(T)]))
        return tap("output", torch.cat(outs, 1))

    tap = Tap()
    with torch.no_grad():
        out = forward(p, tap)
    values = {k: plain(v) for k, v in tap.named.items()}
    case = {"name": spec["name"], "input": obj, "values": values}

    # The module: its output and final state against the explicit loop.
    module = CELL_MODULES[cell](I, H, num_layers=1, bidirectional=True,
                                dtype=DTYPE)
    module.load_state_dict({k + s: p[k + s].clone() for _, s in
                            BIRNN_DIRECTIONS for k in CELL_KEYS4}, strict=True)
    x = p["input"].clone().requires_grad_(True)
    h0 = p["h0"].clone().requires_grad_(True)
    c0 = p["c0"].clone().requires_grad_(True)
    m_out, m_state = module(x, (h0, c0) if cell == "lstm" else h0)
    note_diff(lesson, out, m_out.detach(), f"{spec['name']} output")
    h_n = m_state[0] if cell == "lstm" else m_state
    last = torch.stack([tap.named[f"fwd.h[{T}]"], tap.named["bwd.h[1]"]])
    note_diff(lesson, last, h_n.detach(), f"{spec['name']} h_n")
    if cell == "lstm":
        c_last = torch.stack([tap.named[f"fwd.c[{T}]"], tap.named["bwd.c[1]"]])
        note_diff(lesson, c_last, m_state[1].detach(), f"{spec['name']} c_n")

    fields = ["input", "h0", "c0"] + [k + s for _, s in BIRNN_DIRECTIONS
                                      for k in CELL_KEYS4]
    leaves = {f: p[f] for f in fields}
    P, _, go = backward_pass(lesson, spec, case, forward, leaves, (T, 2 * H),
                             fields=fields)
    m_out.backward(go)
    what = f"{spec['name']} grad"
    for f, mine in (("input", x), ("h0", h0)) + ((("c0", c0),) if cell == "lstm" else ()):
        note_diff(lesson, P[f].grad, mine.grad, f"{what} {f}",
                  run="backward module")
    for f in fields[3:]:
        note_diff(lesson, P[f].grad, getattr(module, f).grad, f"{what} {f}",
                  run="backward module")
    return case


BIRNN = []
for _cell in ("rnn", "lstm", "gru"):
    BIRNN += [
        dict(name=f"{_cell}-t1-i1-h1", cell=_cell, steps=1, input_size=1,
             hidden_size=1),
        dict(name=f"{_cell}-t3-i2-h2-no-bias-no-state", cell=_cell, steps=3,
             input_size=2, hidden_size=2, omit=("bias", "state")),
        dict(name=f"{_cell}-t4-i3-h2-tokens-grad-output", cell=_cell,
             steps=4, input_size=3, hidden_size=2,
             tokens=["the", "cat", "sat", "down"], grad_output=True),
        dict(name=f"{_cell}-t5-i1-h3-no-state", cell=_cell, steps=5,
             input_size=1, hidden_size=3, omit=("state",)),
    ]


def birnn_main():
    cases = []
    for k, spec in enumerate(BIRNN):
        spec = dict(spec)
        spec.setdefault("seed", 9000 + k)
        cases.append(birnn_case(spec))
    names = [c["name"] for c in cases]
    assert len(set(names)) == len(names)
    write_cases("birnn", cases, torch=torch.__version__)
    report_lesson("birnn", names)


def report_lesson(lesson, names):
    for n in names:
        print(f"  {n}")
    for (les, run), d in MAX_DIFF.items():
        if les == lesson:
            print(f"  max |manual - {RUNS.get(run, run)}| = {d:.3e}; "
                  f"{EXACT[les, run]}/{COMPARED[les, run]} compared "
                  f"vectors bit-identical")
    if lesson in FD_COUNT or lesson in FD_SMALL:
        print(f"  central differences: {FD_COUNT.get(lesson, 0)} "
              f"gradient entries, largest relative difference "
              f"{FD_MAX.get(lesson, 0.0):.3e}; "
              f"{FD_SMALL.get(lesson, 0)} entries below {FD_FLOOR} "
              f"checked absolutely")


# ------------------------------------------------------------ seq2seq-attention
#
# An encoder-decoder with Luong attention (seq2seq-attention.json).  The
# encoder cell runs over `source` (S x I_src) from a zero state: enc.h[i] and
# its other per-step values (enc.a[i], enc.c[i], enc.ax[i], ...).  The
# decoder cell runs over `target` (T x I_tgt; teacher forcing, row t is its
# input at step t) from the encoder's last state (the same tensors h_S, and
# c_S for the LSTM, so gradients reach the encoder through it as well as
# through the attention): dec.s[t] (its h) and its other per-step values
# (dec.a[t], dec.c[t] the LSTM's cell state, dec.ax[t], ...).  Then per
# decoder step t:
#   e[t] (S)      dot: s_t . h_i; general: s_t^T W_a h_i (attn.weight H x
#                 H); concat: v^T tanh(W_a [s_t; h_i]) (attn.weight H x 2H,
#                 attn.v H; no bias)
#   alpha[t] (S)  softmax(e[t])
#   c[t] (H)      sum_i alpha[t]_i h_i
#   h_tilde[t]    tanh(W_c [c_t; s_t] + b_c), with combine.weight (H x 2H;
#                 context first, Luong et al. 2015 eq. 5; combine.bias
#                 optional)
#   y[t] (V)      W_out h_tilde_t + b_out, with out.weight (V x H, needs
#                 combine; out.bias optional); p[t] = softmax(y[t])
#   loss[t]       with targets (1-based class indices, needs out):
#                 F.cross_entropy(y[t], target_t - 1); loss = their mean
# Values come in this order: enc.* step by step, dec.* step by step, then
# per t: e, alpha, c, h_tilde, y, p, loss[t]; then loss.  The loss: `loss`
# with targets; otherwise L = sum(X * grad_output), X the last per-step
# value stacked over t (y T x V with out, else h_tilde T x H with combine,
# else the contexts c T x H), grad_output X's shape (all ones when not
# given).  "grads": every named value on the path (p[t] never is: the loss
# is computed from y as F.cross_entropy does), in the reverse of the
# values' order, then the input fields given: source, target, encoder.*,
# decoder.*, attn.weight, attn.v, combine.weight, combine.bias, out.weight,
# out.bias.  No gradient for targets, tokens or grad_output.  Checked: the
# decoder's s_t against the modules (nn.RNN/LSTM/GRU, encoder over the
# whole source, decoder over the whole target from the encoder's final
# state), e, alpha, c, h_tilde, y and the loss against a second computation
# of the attention in matrix form on the modules' outputs, and every input
# field's gradient against that second computation's autograd backward;
# every gradient's largest entry against a central difference.

S2S_SCORES = ("dot", "general", "concat")
S2S_OPTIONAL = ("attn.weight", "attn.v", "combine.weight", "combine.bias",
                "out.weight", "out.bias")


def s2s_case(spec):
    lesson = "seq2seq-attention"
    cell, score = spec["cell"], spec.get("score", "dot")
    S, T, H = spec["S"], spec["T"], spec["H"]
    I_src, I_tgt, V = spec["I_src"], spec["I_tgt"], spec.get("V")
    parts = spec.get("parts", ())           # "combine", "out", "targets"
    assert set(parts) <= {"combine", "out", "targets"}
    assert "out" not in parts or "combine" in parts
    assert "targets" not in parts or "out" in parts
    G = CELL_GATES[cell]
    gen = torch.Generator().manual_seed(spec["seed"])
    p = {"source": draw_normal(gen, (S, I_src)),
         "target": draw_normal(gen, (T, I_tgt))}
    for side, I in (("encoder.", I_src), ("decoder.", I_tgt)):
        p[side + "weight_ih_l0"] = draw_normal(gen, (G * H, I))
        p[side + "weight_hh_l0"] = draw_normal(gen, (G * H, H))
        p[side + "bias_ih_l0"] = draw_normal(gen, (G * H,))
        p[side + "bias_hh_l0"] = draw_normal(gen, (G * H,))
    p["attn.weight"] = draw_normal(gen, (H, 2 * H if score == "concat" else H))
    p["attn.v"] = draw_normal(gen, (H,))
    p["combine.weight"] = draw_normal(gen, (H, 2 * H))
    p["combine.bias"] = draw_normal(gen, (H,))
    if "out" in parts:
        p["out.weight"] = draw_normal(gen, (V, H))
        p["out.bias"] = draw_normal(gen, (V,))
    targets = None
    if "targets" in parts:
        targets = [int(j) for j in torch.randint(1, V + 1, (T,), generator=gen)]

    omit = spec.get("omit", ())
    assert set(omit) <= {"cell-bias", "combine.bias", "out.bias"}, omit
    given = ["source", "target"] + [side + k for side in ("encoder.", "decoder.")
                                    for k in CELL_KEYS4
                                    if not ("cell-bias" in omit and k.startswith("bias_"))]
    if score in ("general", "concat"):
        given.append("attn.weight")
    if score == "concat":
        given.append("attn.v")
    if "combine" in parts:
        given.append("combine.weight")
        if "combine.bias" not in omit:
            given.append("combine.bias")
    if "out" in parts:
        given.append("out.weight")
        if "out.bias" not in omit:
            given.append("out.bias")
    for f in list(p):
        if f not in given:
            p[f] = torch.zeros_like(p[f])

    obj = {"cell": cell, "source": plain(p["source"]),
           "target": plain(p["target"])}
    for f in given[2:]:
        if f.startswith(("encoder.", "decoder.")):
            obj[f] = plain(p[f])
    if "score" in spec:
        obj["score"] = score
    for f in S2S_OPTIONAL:
        if f in given:
            obj[f] = plain(p[f])
    if targets is not None:
        obj["targets"] = targets
    for f in ("source_tokens", "target_tokens"):
        if f in spec:
            assert len(spec[f]) == (S if f == "source_tokens" else T)
            obj[f] = list(spec[f])

    def forward(P, tap, cut=None):
        zeros = torch.zeros(H, dtype=DTYPE)
        enc_W = [P["encoder." + k] for k in CELL_KEYS4]
        dec_W = [P["decoder." + k] for k in CELL_KEYS4]
        hs, h, c = cell_sequence(cell, enc_W, P["source"], zeros, zeros, tap,
                                 "enc.", range(S))
        Hs = torch.stack([hs[i] for i in range(S)])           # S x H
        ss, _, _ = cell_sequence(cell, dec_W, P["target"], h, c, tap, "dec.",
                                 range(T), hname="s")
        stacked, losses = [], []
        for t in range(T):
            n, s = t + 1, ss[t]
            if score == "dot":
                e = torch.mv(Hs, s)
            elif score == "general":
                e = torch.mv(Hs, torch.mv(P["attn.weight"].T, s))
            else:
                Wa = P["attn.weight"]
                pre = torch.mv(Wa[:, :H], s).unsqueeze(0) + Hs @ Wa[:, H:].T
                e = torch.mv(torch.tanh(pre), P["attn.v"])
            e = tap(f"e[{n}]", e)
            alpha = tap(f"alpha[{n}]", torch.softmax(e, 0))
            ctx = tap(f"c[{n}]", torch.mv(Hs.T, alpha))
            x = ctx
            if "combine" in parts:
                x = tap(f"h_tilde[{n}]", torch.tanh(affine(
                    P["combine.bias"], torch.cat([ctx, s]), P["combine.weight"])))
            if "out" in parts:
                x = tap(f"y[{n}]", affine(P["out.bias"], x, P["out.weight"]))
                tap(f"p[{n}]", torch.softmax(x.detach(), 0))
            if targets is not None:
                losses.append(tap(f"loss[{n}]", torch.nn.functional.cross_entropy(
                    x.unsqueeze(0), torch.tensor([targets[t] - 1]))))
            stacked.append(x)
        if targets is not None:
            return tap("loss", torch.stack(losses).mean())
        return torch.stack(stacked)

    tap = Tap()
    with torch.no_grad():
        result = forward(p, tap)
    values = {k: plain(v) for k, v in tap.named.items()}
    case = {"name": spec["name"], "input": obj, "values": values}
    out_shape = () if targets is not None else tuple(result.shape)

    # Second computation: the modules for both cells, the attention in
    # matrix form on their outputs.
    cls = CELL_MODULES[cell]
    enc = cls(I_src, H, num_layers=1, dtype=DTYPE)
    enc.load_state_dict({k: p["encoder." + k].clone() for k in CELL_KEYS4})
    dec = cls(I_tgt, H, num_layers=1, dtype=DTYPE)
    dec.load_state_dict({k: p["decoder." + k].clone() for k in CELL_KEYS4})
    q = {f: p[f].clone().requires_grad_(True) for f in
         ("source", "target") + S2S_OPTIONAL if f in p}
    enc_out, state = enc(q["source"])
    dec_out, _ = dec(q["target"], state)
    named = tap.named
    stack = lambda name: torch.stack([named[f"{name}[{t + 1}]"] for t in range(T)])
    note_diff(lesson, torch.stack([named[f"enc.h[{i + 1}]"] for i in range(S)]),
              enc_out.detach(), f"{spec['name']} enc.h", run="module")
    note_diff(lesson, stack("dec.s"), dec_out.detach(), f"{spec['name']} dec.s",
              run="module")
    if score == "dot":
        E = dec_out @ enc_out.T
    elif score == "general":
        E = dec_out @ q["attn.weight"] @ enc_out.T
    else:
        Wa = q["attn.weight"]
        pre = torch.cat([dec_out.unsqueeze(1).expand(T, S, H),
                         enc_out.unsqueeze(0).expand(T, S, H)], 2) @ Wa.T
        E = torch.tanh(pre) @ q["attn.v"]
    A = torch.softmax(E, 1)
    X = A @ enc_out
    checks = [("e", E), ("alpha", A), ("c", X)]
    if "combine" in parts:
        X = torch.tanh(torch.nn.functional.linear(
            torch.cat([X, dec_out], 1), q["combine.weight"], q["combine.bias"]))
        checks.append(("h_tilde", X))
    if "out" in parts:
        X = torch.nn.functional.linear(X, q["out.weight"], q["out.bias"])
        checks.append(("y", X))
    for name, M in checks:
        note_diff(lesson, stack(name), M.detach(), f"{spec['name']} {name}",
                  run="matrix")
    if targets is not None:
        X = torch.nn.functional.cross_entropy(X, torch.tensor(targets) - 1)
        note_diff(lesson, named["loss"], X.detach(), f"{spec['name']} loss",
                  run="matrix")

    fields = ["source", "target"] + [side + k for side in ("encoder.", "decoder.")
                                     for k in CELL_KEYS4] + list(S2S_OPTIONAL)
    leaves = {f: p[f] for f in fields if f in p}
    NO_GRAD[lesson] = {f"p[{t + 1}]" for t in range(T)}
    P, _, go = backward_pass(lesson, spec, case, forward, leaves, out_shape,
                             fields=fields)
    X.backward(go)
    what = f"{spec['name']} grad"
    for f in given:
        if f.startswith("encoder."):
            theirs = getattr(enc, f[len("encoder."):]).grad
        elif f.startswith("decoder."):
            theirs = getattr(dec, f[len("decoder."):]).grad
        else:
            theirs = q[f].grad
        note_diff(lesson, P[f].grad, theirs, f"{what} {f}", run="backward matrix")
    return case


S2S = [
    dict(name="rnn-dot-s1-t1-h1", cell="rnn", S=1, T=1, H=1, I_src=1,
         I_tgt=1),
    dict(name="rnn-dot-s3-t2-h2-contexts", cell="rnn", score="dot", S=3, T=2,
         H=2, I_src=2, I_tgt=2,
         source_tokens=["je", "suis", "content"], target_tokens=["<s>", "I"]),
    dict(name="rnn-dot-s4-t3-h3-combine-out-targets", cell="rnn",
         score="dot", S=4, T=3, H=3, I_src=2, I_tgt=3, V=4,
         parts=("combine", "out", "targets"),
         source_tokens=["ich", "bin", "hier", "."],
         target_tokens=["<s>", "I", "am"]),
    dict(name="rnn-general-s3-t2-h2-combine-grad-output", cell="rnn",
         score="general", S=3, T=2, H=2, I_src=3, I_tgt=2,
         parts=("combine",), grad_output=True),
    dict(name="rnn-concat-s3-t3-h2-grad-output", cell="rnn", score="concat",
         S=3, T=3, H=2, I_src=2, I_tgt=2, grad_output=True),
    dict(name="rnn-general-s4-t2-h3-combine-out-targets-no-bias", cell="rnn",
         score="general", S=4, T=2, H=3, I_src=2, I_tgt=2, V=3,
         parts=("combine", "out", "targets"),
         omit=("cell-bias", "combine.bias", "out.bias")),
    dict(name="lstm-dot-s3-t2-h2-combine-out-grad-output", cell="lstm",
         score="dot", S=3, T=2, H=2, I_src=2, I_tgt=3, V=3,
         parts=("combine", "out"), grad_output=True),
    dict(name="lstm-general-s4-t3-h2-combine", cell="lstm", score="general",
         S=4, T=3, H=2, I_src=3, I_tgt=2, parts=("combine",)),
    dict(name="lstm-concat-s3-t3-h3-combine-out-targets", cell="lstm",
         score="concat", S=3, T=3, H=3, I_src=2, I_tgt=2, V=4,
         parts=("combine", "out", "targets"),
         target_tokens=["<s>", "a", "b"]),
    dict(name="lstm-general-s2-t1-h1-combine-out-targets", cell="lstm",
         score="general", S=2, T=1, H=1, I_src=1, I_tgt=1, V=3,
         parts=("combine", "out", "targets")),
    dict(name="gru-dot-s3-t3-h2-no-bias", cell="gru", score="dot", S=3, T=3,
         H=2, I_src=2, I_tgt=3, omit=("cell-bias",)),
    dict(name="gru-general-s3-t2-h3-combine-out-targets", cell="gru",
         score="general", S=3, T=2, H=3, I_src=3, I_tgt=2, V=4,
         parts=("combine", "out", "targets"),
         omit=("combine.bias", "out.bias")),
    dict(name="gru-concat-s4-t3-h2-combine-out-targets", cell="gru",
         score="concat", S=4, T=3, H=2, I_src=2, I_tgt=3, V=3,
         parts=("combine", "out", "targets"),
         source_tokens=["a", "b", "c", "d"]),
    dict(name="gru-concat-s2-t2-h2-grad-output", cell="gru", score="concat",
         S=2, T=2, H=2, I_src=3, I_tgt=2, grad_output=True),
    dict(name="gru-dot-s1-t1-h1-combine-out-targets", cell="gru",
         score="dot", S=1, T=1, H=1, I_src=1, I_tgt=1, V=3,
         parts=("combine", "out", "targets")),
    dict(name="lstm-concat-s2-t2-h2-combine-grad-output", cell="lstm",
         score="concat", S=2, T=2, H=2, I_src=2, I_tgt=3,
         parts=("combine",), grad_output=True),
]

RUNS.update({
    "matrix": "modules + attention in matrix form",
    "backward matrix": "modules + attention in matrix form, autograd "
                       "backward (input fields' gradients)",
})


def s2s_main():
    cases = []
    for k, spec in enumerate(S2S):
        spec = dict(spec)
        spec.setdefault("seed", 9500 + k)
        cases.append(s2s_case(spec))
    names = [c["name"] for c in cases]
    assert len(set(names)) == len(names)
    write_cases("seq2seq-attention", cases, torch=torch.__version__)
    report_lesson("seq2seq-attention", names)


# ------------------------------------------------------------ transformer-block, decoder-block
#
# nn.TransformerEncoderLayer / nn.TransformerDecoderLayer (transformer-
# block.json, decoder-block.json), batch_first=True, dropout=0, eval, one
# sequence.  Input fields: src (L x E) or tgt (T x E) and memory (S x E),
# nhead, activation ("relu" | "gelu", exact), norm_first (false),
# layer_norm_eps (1e-5), causal (encoder, false) / tgt_causal (decoder,
# true), the module's state_dict keys (PyTorch's shapes; biases, norm
# weights and norm biases may be left out: zeros, ones, zeros, and then no
# .grad), tokens / memory_tokens (labels), grad_output (the output's shape).
# Every named value comes from explicit float64 formulas (multi-head
# attention as multi-head-attention's: Q = x W_q^T + b_q, per head k the
# columns (k-1) hd+1 .. k hd, scores = Q_k K_k^T, scaled = scores / sqrt(hd)
# with the causal entries -inf, weights = row softmax, output = weights V_k,
# concat, out_proj; layer norm as layer-norm's, biased variance, eps inside
# the root):
#   <attn>.Q, .K, .V, .head[k].scores, .head[k].scaled, .head[k].weights,
#   .head[k].output, .concat, .output, .weights (mean over heads, off the
#   loss's path: no gradient), with <attn> = self_attn or cross_attn (the
#   decoder's attention over memory, module key multihead_attn; never
#   masked);
#   a layer norm N: N.mean, N.var, N.normalized, then its output under the
#   block's name for it (N itself, or "output" for the last norm of a
#   post-norm block);
#   ff.linear1 (x W1^T + b1), ff.hidden (its activation), ff.output;
#   add1, add2 (add3): the residual sums.
# Post-norm encoder: self_attn(src), add1 = src + self_attn.output, norm1,
# ff(norm1), add2 = norm1 + ff.output, output = norm2(add2).  Pre-norm:
# norm1(src), self_attn(norm1), add1 = src + self_attn.output,
# norm2(add1), ff(norm2), output = add1 + ff.output.  The decoder's
# post-norm: self_attn(tgt), add1, norm1, cross_attn(norm1, memory), add2
# = norm1 + cross_attn.output, norm2, ff(norm2), add3 = norm2 + ff.output,
# output = norm3(add3); pre-norm: norm1(tgt), self_attn(norm1), add1 = tgt
# + self_attn.output, norm2(add1), cross_attn(norm2, memory), add2 = add1 +
# cross_attn.output, norm3(add2), ff(norm3), output = add2 + ff.output.
# "values" come in this forward order; "grads" every value but the
# averaged weights, in the reverse order, then the input fields given:
# src (tgt, memory) and the state_dict keys in the module's order.  L =
# sum(output * grad_output).  Checked to 1e-12: the explicit output against
# the module's (load_state_dict, zeros / ones for the fields left out; the
# causal mask nn.Transformer.generate_square_subsequent_mask, float -inf
# above the diagonal, as src_mask / tgt_mask), run with autograd and again
# under no_grad (PyTorch's inference fast path where it applies); every
# input field's gradient (given or not) against the module's own backward;
# every gradient's largest entry against a central difference.

BLOCK_ATTN = ("in_proj_weight", "in_proj_bias", "out_proj.weight",
              "out_proj.bias")


def block_attention(tap, prefix, key, query, kv, P, heads, mask):
    """Multi-head attention, every value named under `prefix` (self_attn.
    or cross_attn.); P's weights under the module key `key`."""
    E = query.shape[1]
    hd = E // heads
    W_q, W_k, W_v = P[key + "in_proj_weight"].chunk(3)
    b_q, b_k, b_v = P[key + "in_proj_bias"].chunk(3)
    Q = tap(prefix + "Q", torch.addmm(b_q, query, W_q.T))
    K = tap(prefix + "K", torch.addmm(b_k, kv, W_k.T))
    V = tap(prefix + "V", torch.addmm(b_v, kv, W_v.T))
    head_out, head_w = [], []
    for k in range(heads):
        cols = slice(k * hd, (k + 1) * hd)
        head = f"{prefix}head[{k + 1}]."
        scores = tap(head + "scores", Q[:, cols] @ K[:, cols].T)
        scaled = scores / math.sqrt(hd)
        if mask is not None:
            scaled = scaled.masked_fill(mask, -math.inf)
        scaled = tap(head + "scaled", scaled)
        w = tap(head + "weights", torch.softmax(scaled, dim=-1))
        head_out.append(tap(head + "output", w @ V[:, cols]))
        head_w.append(w)
    concat = tap(prefix + "concat", torch.cat(head_out, dim=1))
    out = tap(prefix + "output", torch.addmm(P[key + "out_proj.bias"], concat,
                                             P[key + "out_proj.weight"].T))
    tap(prefix + "weights", torch.stack(head_w).mean(dim=0))
    return out


def block_norm(tap, name, out_name, x, P, eps):
    """Layer norm `name` of the rows of x: name.mean, .var, .normalized, and
    the output under out_name."""
    mean = tap(name + ".mean", x.mean(dim=-1))
    var = tap(name + ".var", ((x - mean.unsqueeze(1)) ** 2).mean(dim=-1))
    normalized = tap(name + ".normalized", (x - mean.unsqueeze(1))
                     / torch.sqrt(var + eps).unsqueeze(1))
    return tap(out_name, normalized * P[name + ".weight"] + P[name + ".bias"])


def block_ff(tap, x, P, activation):
    a = tap("ff.linear1", torch.addmm(P["linear1.bias"], x,
                                      P["linear1.weight"].T))
    if activation == "relu":
        h = torch.clamp_min(a, 0.0)
    else:
        # GELU, exact: x Phi(x) = x (1 + erf(x / sqrt 2)) / 2.
        h = 0.5 * a * (1.0 + torch.erf(a / math.sqrt(2.0)))
    h = tap("ff.hidden", h)
    return tap("ff.output", torch.addmm(P["linear2.bias"], h,
                                        P["linear2.weight"].T))


def block_params(spec, decoder):
    """Draw the block's numbers (fixed order, everything always drawn);
    returns the tensors (defaults in place of fields left out), the
    differentiable fields in the module's order and the given ones."""
    E, Fd = spec["E"], spec["F"]
    gen = torch.Generator().manual_seed(spec["seed"])
    ws = spec.get("weight_scale", 1.0)
    p = {}
    if decoder:
        p["tgt"] = draw(gen, (spec["T"], E), 1.0, 2)
        p["memory"] = draw(gen, (spec["S"], E), 1.0, 2)
    else:
        p["src"] = draw(gen, (spec["L"], E), 1.0, 2)
    attns = ("self_attn.", "multihead_attn.") if decoder else ("self_attn.",)
    for a in attns:
        p[a + "in_proj_weight"] = draw(gen, (3 * E, E), ws, 2)
        p[a + "in_proj_bias"] = draw(gen, (3 * E,), ws, 2)
        p[a + "out_proj.weight"] = draw(gen, (E, E), ws, 2)
        p[a + "out_proj.bias"] = draw(gen, (E,), ws, 2)
    p["linear1.weight"] = draw(gen, (Fd, E), ws, 2)
    p["linear1.bias"] = draw(gen, (Fd,), ws, 2)
    p["linear2.weight"] = draw(gen, (E, Fd), ws, 2)
    p["linear2.bias"] = draw(gen, (E,), ws, 2)
    norms = ("norm1", "norm2", "norm3") if decoder else ("norm1", "norm2")
    for n in norms:
        p[n + ".weight"] = draw(gen, (E,), 0.5, 2) + 1.0
        p[n + ".bias"] = draw(gen, (E,), 0.5, 2)
    fields = list(p)
    omit = spec.get("omit", ())
    assert set(omit) <= {"bias", "norm"}, omit
    given = []
    for f in fields:
        is_bias = f.endswith("bias") and not f.startswith("norm")
        if "bias" in omit and is_bias:
            p[f] = torch.zeros_like(p[f])
        elif "norm" in omit and f.startswith("norm"):
            p[f] = (torch.ones_like(p[f]) if f.endswith("weight")
                    else torch.zeros_like(p[f]))
        else:
            given.append(f)
    return p, fields, given


def block_input(spec, p, fields, given, decoder):
    obj = {}
    for f in (("tgt", "memory") if decoder else ("src",)):
        obj[f] = plain(p[f])
    obj["nhead"] = spec["nhead"]
    for key in ("activation", "norm_first", "layer_norm_eps",
                "tgt_causal" if decoder else "causal"):
        if key in spec:
            obj[key] = spec[key]
    for f in fields:
        if f in given and f not in obj:
            obj[f] = plain(p[f])
    for key in ("tokens", "memory_tokens"):
        if key in spec:
            obj[key] = list(spec[key])
    return obj


def block_case(spec, decoder):
    lesson = "decoder-block" if decoder else "transformer-block"
    E, heads = spec["E"], spec["nhead"]
    assert E % heads == 0
    activation = spec.get("activation", "relu")
    assert activation in ("relu", "gelu"), activation
    norm_first = spec.get("norm_first", False)
    eps = spec.get("layer_norm_eps", 1e-5)
    if decoder:
        T, S = spec["T"], spec["S"]
        causal = spec.get("tgt_causal", True)
        assert len(spec.get("memory_tokens", [0] * S)) == S
    else:
        T = spec["L"]
        causal = spec.get("causal", False)
    assert len(spec.get("tokens", [0] * T)) == T
    mask = causal_mask(T, T) if causal else None
    p, fields, given = block_params(spec, decoder)
    obj = block_input(spec, p, fields, given, decoder)

    def forward(P, tap, cut=None):
        x = P["tgt"] if decoder else P["src"]

        def norm(name, out_name, v):
            return block_norm(tap, name, out_name, v, P, eps)

        def self_attn(v):
            return block_attention(tap, "self_attn.", "self_attn.", v, v, P,
                                   heads, mask)

        def cross_attn(v):
            return block_attention(tap, "cross_attn.", "multihead_attn.", v,
                                   P["memory"], P, heads, None)

        if not decoder and not norm_first:
            add1 = tap("add1", x + self_attn(x))
            n1 = norm("norm1", "norm1", add1)
            add2 = tap("add2", n1 + block_ff(tap, n1, P, activation))
            return norm("norm2", "output", add2)
        if not decoder:
            n1 = norm("norm1", "norm1", x)
            add1 = tap("add1", x + self_attn(n1))
            n2 = norm("norm2", "norm2", add1)
            return tap("output", add1 + block_ff(tap, n2, P, activation))
        if not norm_first:
            add1 = tap("add1", x + self_attn(x))
            n1 = norm("norm1", "norm1", add1)
            add2 = tap("add2", n1 + cross_attn(n1))
            n2 = norm("norm2", "norm2", add2)
            add3 = tap("add3", n2 + block_ff(tap, n2, P, activation))
            return norm("norm3", "output", add3)
        n1 = norm("norm1", "norm1", x)
        add1 = tap("add1", x + self_attn(n1))
        n2 = norm("norm2", "norm2", add1)
        add2 = tap("add2", add1 + cross_attn(n2))
        n3 = norm("norm3", "norm3", add2)
        return tap("output", add2 + block_ff(tap, n3, P, activation))

    tap = Tap()
    with torch.no_grad():
        out = forward(p, tap)
    values = {k: plain(v) for k, v in tap.named.items()}
    case = {"name": spec["name"], "input": obj, "values": values}
    if activation == "relu":
        # No pre-activation at ReLU's kink (the central differences would
        # straddle it).
        assert tap.named["ff.linear1"].abs().min() > 1e-4, spec["name"]

    def new_module():
        cls = (torch.nn.TransformerDecoderLayer if decoder
               else torch.nn.TransformerEncoderLayer)
        m = cls(E, heads, spec["F"], dropout=0.0, activation=activation,
                layer_norm_eps=eps, batch_first=True, norm_first=norm_first,
                dtype=DTYPE)
        m.load_state_dict({f: p[f].clone() for f in fields[(2 if decoder
                                                            else 1):]},
                          strict=True)
        m.eval()
        return m

    fmask = (torch.nn.Transformer.generate_square_subsequent_mask(
        T, dtype=DTYPE) if causal else None)

    def run(m, leaves):
        if decoder:
            return m(leaves["tgt"][None], leaves["memory"][None],
                     tgt_mask=fmask)[0]
        return m(leaves["src"][None], src_mask=fmask)[0]

    seqs = ("tgt", "memory") if decoder else ("src",)
    with torch.no_grad():
        fast = run(new_module(), {f: p[f] for f in seqs})
    note_diff(lesson, out, fast, f"{spec['name']} output",
              run="module no_grad")
    m = new_module()
    q = {f: p[f].clone().requires_grad_(True) for f in seqs}
    m_out = run(m, q)
    note_diff(lesson, out, m_out.detach(), f"{spec['name']} output",
              run="module")

    NO_GRAD[lesson] = {"self_attn.weights", "cross_attn.weights"}
    P, tap, go = backward_pass(lesson, spec, case, forward,
                               {f: p[f] for f in fields}, (T, E),
                               fields=fields)
    if causal:
        for k in range(heads):
            g = tap.named[f"self_attn.head[{k + 1}].scaled"].grad
            assert (g[mask] == 0).all(), spec["name"]
            g = tap.named[f"self_attn.head[{k + 1}].scores"].grad
            assert (g[mask] == 0).all(), spec["name"]
    m_out.backward(go)
    params = dict(m.named_parameters())
    for f in fields:
        theirs = q[f].grad if f in q else params[f].grad
        note_diff(lesson, P[f].grad, theirs, f"{spec['name']} {f}.grad",
                  run="backward module")
    return case


RUNS.update({
    "module no_grad": "module under no_grad (inference fast path where it "
                      "applies)",
})

TRANSFORMER_BLOCK = [
    dict(name="post-relu-l1-e2-h1-f2", L=1, E=2, nhead=1, F=2),
    dict(name="post-relu-l3-e4-h2-f6-grad-output", L=3, E=4, nhead=2, F=6,
         grad_output=True, tokens=["the", "cat", "sat"]),
    dict(name="pre-relu-l4-e4-h2-f8-grad-output", L=4, E=4, nhead=2, F=8,
         norm_first=True, grad_output=True),
    dict(name="post-gelu-l4-e4-h2-f8-causal-grad-output", L=4, E=4, nhead=2,
         F=8, activation="gelu", causal=True, grad_output=True),
    dict(name="pre-gelu-l3-e4-h2-f6-causal-grad-output", L=3, E=4, nhead=2,
         F=6, activation="gelu", norm_first=True, causal=True,
         grad_output=True),
    dict(name="post-relu-l5-e8-h4-f8-grad-output", L=5, E=8, nhead=4, F=8,
         weight_scale=0.5, grad_output=True),
    dict(name="post-relu-l3-e4-h2-f6-no-bias-default-norms-grad-output",
         L=3, E=4, nhead=2, F=6, omit=("bias", "norm"), grad_output=True),
    dict(name="pre-gelu-l4-e4-h2-f6-no-bias-default-norms", L=4, E=4,
         nhead=2, F=6, activation="gelu", norm_first=True,
         omit=("bias", "norm")),
    dict(name="post-gelu-l3-e4-h1-f6-eps0.1-defaults-given", L=3, E=4,
         nhead=1, F=6, activation="gelu", norm_first=False, causal=False,
         layer_norm_eps=0.1),
    dict(name="pre-relu-l1-e2-h2-f3-causal-grad-output", L=1, E=2, nhead=2,
         F=3, norm_first=True, causal=True, grad_output=True),
]

DECODER_BLOCK = [
    dict(name="post-relu-t1-s1-e2-h1-f2", T=1, S=1, E=2, nhead=1, F=2),
    dict(name="post-relu-t3-s4-e4-h2-f6-grad-output", T=3, S=4, E=4,
         nhead=2, F=6, grad_output=True, tokens=["<s>", "le", "chat"],
         memory_tokens=["the", "black", "cat", "."]),
    dict(name="pre-relu-t4-s2-e4-h2-f8-grad-output", T=4, S=2, E=4,
         nhead=2, F=8, norm_first=True, grad_output=True),
    dict(name="post-gelu-t3-s3-e4-h2-f6-grad-output", T=3, S=3, E=4,
         nhead=2, F=6, activation="gelu", grad_output=True),
    dict(name="pre-gelu-t2-s3-e4-h2-f6-grad-output", T=2, S=3, E=4,
         nhead=2, F=6, activation="gelu", norm_first=True, grad_output=True),
    dict(name="post-relu-t3-s2-e4-h2-f6-not-causal-grad-output", T=3, S=2,
         E=4, nhead=2, F=6, tgt_causal=False, grad_output=True),
    dict(name="pre-relu-t3-s5-e8-h4-f8-no-bias-default-norms-grad-output",
         T=3, S=5, E=8, nhead=4, F=8, norm_first=True, weight_scale=0.5,
         omit=("bias", "norm"), grad_output=True),
    dict(name="post-gelu-t2-s4-e4-h2-f6-causal-given", T=2, S=4, E=4,
         nhead=2, F=6, activation="gelu", tgt_causal=True,
         layer_norm_eps=0.01),
]


def block_main(decoder):
    lesson = "decoder-block" if decoder else "transformer-block"
    specs = DECODER_BLOCK if decoder else TRANSFORMER_BLOCK
    cases = []
    for k, spec in enumerate(specs):
        spec = dict(spec)
        spec.setdefault("seed", (10100 if decoder else 10000) + k)
        cases.append(block_case(spec, decoder))
    names = [c["name"] for c in cases]
    assert len(set(names)) == len(names)
    write_cases(lesson, cases, torch=torch.__version__)
    report_lesson(lesson, names)


# ------------------------------------------------------------ norms
#
# One B x T x D tensor normalized four ways (norms.json); biased variance,
# eps inside the root, no affine.  Input fields: input (B x T x D, an array
# of B matrices of T rows), groups (G dividing D; default 2 when D is even,
# else 1), eps (1e-5), grad_output (B x T x D).  Named values, in this
# order: batch.mean (D), batch.var (D), batch.output (per feature over B and
# T), layer.mean (B x T), layer.var, layer.output (per token over D),
# instance.mean (B x D), instance.var, instance.output (per sequence and
# feature over T), group.mean (B x G), group.var, group.output (per
# sequence over T and the D/G features of group g, features (g-1) D/G + 1
# .. g D/G); every output B x T x D.  L = sum over the four outputs of
# sum(output * grad_output), one grad_output for all four.  "grads": every
# value in the reverse order, then input.grad.  Checked to 1e-12: the
# outputs against nn.BatchNorm1d(D, affine=False, track_running_stats=False
# and True, training mode), nn.InstanceNorm1d(D) and nn.GroupNorm(G, D,
# affine=False) on the (B, D, T) layout and nn.LayerNorm(D,
# elementwise_affine=False) -- or, where a module refuses its input (one
# value per feature or per group in training mode: "Expected more than 1
# value per channel"), the ATen kernel it calls (torch.batch_norm,
# torch.instance_norm, torch.group_norm), which computes it (variance 0,
# output 0); the means and variances against torch.var_mean; input.grad
# against the modules' (kernels') backward; every gradient's largest entry
# against a central difference.

NORM_KINDS = ("batch", "layer", "instance", "group")


def norms_reference(x, G, eps):
    """The four outputs from torch.nn (ATen's kernel where the module
    refuses the shape); and which ran."""
    xp = x.permute(0, 2, 1)                                   # B x D x T
    B, D, T = xp.shape
    back = lambda y: y.permute(0, 2, 1)                       # noqa: E731
    outs, runs = {}, {}
    try:
        outs["batch"] = back(torch.nn.BatchNorm1d(
            D, eps=eps, affine=False, track_running_stats=False,
            dtype=DTYPE).train()(xp))
        tracked = back(torch.nn.BatchNorm1d(D, eps=eps, affine=False,
                                            dtype=DTYPE).train()(xp))
        assert torch.equal(tracked, outs["batch"])
        runs["batch"] = "module"
    except ValueError:
        outs["batch"] = back(torch.batch_norm(xp, None, None, None, None,
                                              True, 0.1, eps, False))
        runs["batch"] = "aten"
    outs["layer"] = torch.nn.LayerNorm(D, eps=eps, elementwise_affine=False,
                                       dtype=DTYPE)(x)
    runs["layer"] = "module"
    try:
        outs["instance"] = back(torch.nn.InstanceNorm1d(D, eps=eps,
                                                        dtype=DTYPE)(xp))
        runs["instance"] = "module"
    except ValueError:
        outs["instance"] = back(torch.instance_norm(
            xp, None, None, None, None, True, 0.1, eps, False))
        runs["instance"] = "aten"
    try:
        outs["group"] = back(torch.nn.GroupNorm(G, D, eps=eps, affine=False,
                                                dtype=DTYPE)(xp))
        runs["group"] = "module"
    except ValueError:
        outs["group"] = back(torch.group_norm(xp, G, None, None, eps, False))
        runs["group"] = "aten"
    return outs, runs


def norms_case(spec):
    lesson = "norms"
    B, T, D = spec["B"], spec["T"], spec["D"]
    G = spec.get("groups", 2 if D % 2 == 0 else 1)
    assert D % G == 0, spec["name"]
    eps = spec.get("eps", 1e-5)
    gen = torch.Generator().manual_seed(spec["seed"])
    p = {"input": draw(gen, (B, T, D), spec.get("input_scale", 1.0), 2)}
    obj = {"input": plain(p["input"])}
    if "groups" in spec:
        obj["groups"] = G
    if "eps" in spec:
        obj["eps"] = eps

    def forward(P, tap, cut=None):
        x = P["input"]
        # batch: per feature over B and T.
        mean = tap("batch.mean", x.mean(dim=(0, 1)))
        var = tap("batch.var", ((x - mean) ** 2).mean(dim=(0, 1)))
        total = tap("batch.output", (x - mean) / torch.sqrt(var + eps))
        # layer: per token over D.
        mean = tap("layer.mean", x.mean(dim=2))
        c = x - mean.unsqueeze(2)
        var = tap("layer.var", (c ** 2).mean(dim=2))
        total = total + tap("layer.output",
                            c / torch.sqrt(var + eps).unsqueeze(2))
        # instance: per sequence and feature over T.
        mean = tap("instance.mean", x.mean(dim=1))
        c = x - mean.unsqueeze(1)
        var = tap("instance.var", (c ** 2).mean(dim=1))
        total = total + tap("instance.output",
                            c / torch.sqrt(var + eps).unsqueeze(1))
        # group: per sequence over T and the D/G features of each group.
        xg = x.reshape(B, T, G, D // G)
        mean = tap("group.mean", xg.mean(dim=(1, 3)))
        c = xg - mean[:, None, :, None]
        var = tap("group.var", (c ** 2).mean(dim=(1, 3)))
        total = total + tap("group.output", (
            c / torch.sqrt(var + eps)[:, None, :, None]).reshape(B, T, D))
        # sum(grad_output * total) is the sum over the four outputs.
        return total

    tap = Tap()
    with torch.no_grad():
        forward(p, tap)
        refs, runs = norms_reference(p["input"], G, eps)
    values = {k: plain(v) for k, v in tap.named.items()}
    case = {"name": spec["name"], "input": obj, "values": values}
    for kind in NORM_KINDS:
        note_diff(lesson, tap.named[kind + ".output"], refs[kind],
                  f"{spec['name']} {kind}.output", run=runs[kind])
    # Means and variances against torch.var_mean over the same entries.
    x = p["input"]
    checks = {"batch": torch.var_mean(x, dim=(0, 1), unbiased=False),
              "layer": torch.var_mean(x, dim=2, unbiased=False),
              "instance": torch.var_mean(x, dim=1, unbiased=False),
              "group": torch.var_mean(x.reshape(B, T, G, D // G),
                                      dim=(1, 3), unbiased=False)}
    for kind, (tv, tm) in checks.items():
        note_diff(lesson, tap.named[kind + ".mean"], tm,
                  f"{spec['name']} {kind}.mean", run="var_mean")
        note_diff(lesson, tap.named[kind + ".var"], tv,
                  f"{spec['name']} {kind}.var", run="var_mean")

    P, _, go = backward_pass(lesson, spec, case, forward, p, (B, T, D),
                             fields=("input",))
    leaf = p["input"].clone().requires_grad_(True)
    refs, runs = norms_reference(leaf, G, eps)
    sum(refs.values()).backward(go)
    run = ("backward module" if set(runs.values()) == {"module"}
           else "backward aten")
    note_diff(lesson, P["input"].grad, leaf.grad,
              f"{spec['name']} input.grad", run=run)
    return case


RUNS.update({
    "aten": "the module's ATen kernel (torch.batch_norm, instance_norm, "
            "group_norm: shapes the module refuses in training mode)",
    "backward aten": "the modules' backward, ATen kernels' where a module "
                     "refuses the shape (gradients)",
})

NORMS = [
    # One value per feature and per group: batch and instance variances 0,
    # outputs 0 (eps keeps them finite).
    dict(name="b1-t1-d2", B=1, T=1, D=2),
    dict(name="b2-t3-d4-grad-output", B=2, T=3, D=4, grad_output=True),
    # B = 1: batch norm and instance norm agree.
    dict(name="b1-t4-d3-grad-output", B=1, T=4, D=3, grad_output=True),
    # G = D: group norm is instance norm.
    dict(name="b2-t3-d4-groups4-grad-output", B=2, T=3, D=4, groups=4,
         grad_output=True),
    dict(name="b3-t2-d6-groups3-eps0.1-grad-output", B=3, T=2, D=6,
         groups=3, eps=0.1, grad_output=True),
    # D odd: G = 1 by default (the whole sequence, as one group).
    dict(name="b2-t3-d5", B=2, T=3, D=5),
    # G = 1 given: one group of all D features.
    dict(name="b2-t4-d2-groups1-grad-output", B=2, T=4, D=2, groups=1,
         grad_output=True),
    # T = 1: instance norm over one value, 0; the module refuses it.
    dict(name="b3-t1-d4-grad-output", B=3, T=1, D=4, grad_output=True),
]


def norms_main():
    cases = []
    for k, spec in enumerate(NORMS):
        spec = dict(spec)
        spec.setdefault("seed", 10200 + k)
        cases.append(norms_case(spec))
    names = [c["name"] for c in cases]
    assert len(set(names)) == len(names)
    write_cases("norms", cases, torch=torch.__version__)
    report_lesson("norms", names)


# ------------------------------------------------------------ vit-patches
#
# ViT's input (vit-patches.json; torchvision's VisionTransformer: conv_proj,
# class token, position embedding).  Input fields: image (C x H x W, or
# H x W for one channel), patch_size P (dividing H and W), conv_proj.weight
# (E x C x P x P; E x 1 x P x P for an H x W image), conv_proj.bias (E),
# class_token (E), pos_embedding ((N+1) x E), grad_output ((N+1) x E); the
# bias, class token and position embedding may be left out (zeros; then
# no .grad).  N = (H/P)(W/P) patches in row-major order.  Named values, in
# this order: patches (N x C P P: patch n flattened in (channel, row,
# column) order, the order of conv_proj.weight[e].flatten()), embeddings
# (N x E, patches W^T + b with W the weight reshaped E x C P P), tokens
# ((N+1) x E, the class token then the embeddings), output (tokens +
# pos_embedding).  "grads": the values in the reverse order, then image
# (the image's shape), conv_proj.weight (E x C x P x P), conv_proj.bias,
# class_token, pos_embedding (those given).  Checked to 1e-12: patches
# against F.unfold(image, P, stride=P) transposed; embeddings against
# nn.Conv2d(C, E, P, stride=P) (load_state_dict) on the image, flattened
# and transposed; every input field's gradient against the backward of
# that module followed by the class token and the position embedding;
# every gradient's largest entry against a central difference.

VIT_FIELDS = ("image", "conv_proj.weight", "conv_proj.bias", "class_token",
              "pos_embedding")


def vit_case(spec):
    lesson = "vit-patches"
    C, H, W, P, E = spec["C"], spec["H"], spec["W"], spec["P"], spec["E"]
    gray = spec.get("gray", False)            # an H x W image (C = 1)
    assert not gray or C == 1
    assert H % P == 0 and W % P == 0
    h, w = H // P, W // P
    N = h * w
    gen = torch.Generator().manual_seed(spec["seed"])
    p = {"image": draw(gen, (H, W) if gray else (C, H, W), 1.0, 2),
         "conv_proj.weight": draw(gen, (E, C, P, P), 1.0, 2),
         "conv_proj.bias": draw(gen, (E,), 1.0, 2),
         "class_token": draw(gen, (E,), 1.0, 2),
         "pos_embedding": draw(gen, (N + 1, E), 1.0, 2)}
    omit = spec.get("omit", ())
    assert set(omit) <= {"conv_proj.bias", "class_token", "pos_embedding"}
    for f in omit:
        p[f] = torch.zeros_like(p[f])
    obj = {"image": plain(p["image"]), "patch_size": P}
    for f in VIT_FIELDS[1:]:
        if f not in omit:
            obj[f] = plain(p[f])

    def forward(Pm, tap, cut=None):
        img = Pm["image"].reshape(C, H, W)
        # Patch (i, j) is entry i w + j; within it (channel, row, column).
        patches = tap("patches", img.reshape(C, h, P, w, P)
                      .permute(1, 3, 0, 2, 4).reshape(N, C * P * P))
        Wm = Pm["conv_proj.weight"].reshape(E, C * P * P)
        embeddings = tap("embeddings", torch.addmm(Pm["conv_proj.bias"],
                                                   patches, Wm.T))
        tokens = tap("tokens", torch.cat([Pm["class_token"].unsqueeze(0),
                                          embeddings]))
        return tap("output", tokens + Pm["pos_embedding"])

    tap = Tap()
    with torch.no_grad():
        forward(p, tap)
    values = {k: plain(v) for k, v in tap.named.items()}
    case = {"name": spec["name"], "input": obj, "values": values}

    def module_path(leaves):
        conv = torch.nn.Conv2d(C, E, P, stride=P, dtype=DTYPE)
        conv.load_state_dict({"weight": leaves["conv_proj.weight"].detach(),
                              "bias": leaves["conv_proj.bias"].detach()},
                             strict=True)
        x = leaves["image"].reshape(1, C, H, W)
        emb = conv(x).flatten(2).transpose(1, 2)[0]
        out = torch.cat([leaves["class_token"].unsqueeze(0), emb]) \
            + leaves["pos_embedding"]
        return conv, emb, out

    with torch.no_grad():
        unfold = torch.nn.functional.unfold(p["image"].reshape(1, C, H, W),
                                            P, stride=P)[0].T
        _, emb, out = module_path(p)
    note_diff(lesson, tap.named["patches"], unfold,
              f"{spec['name']} patches", run="unfold")
    note_diff(lesson, tap.named["embeddings"], emb,
              f"{spec['name']} embeddings", run="module")
    note_diff(lesson, tap.named["output"], out, f"{spec['name']} output",
              run="module")

    Pg, _, go = backward_pass(lesson, spec, case, forward, p, (N + 1, E),
                              fields=VIT_FIELDS)
    leaves = {f: p[f].clone().requires_grad_(True) for f in VIT_FIELDS}
    conv, _, out = module_path(leaves)
    out.backward(go)
    theirs = {"image": leaves["image"].grad,
              "conv_proj.weight": conv.weight.grad,
              "conv_proj.bias": conv.bias.grad,
              "class_token": leaves["class_token"].grad,
              "pos_embedding": leaves["pos_embedding"].grad}
    for f in VIT_FIELDS:
        note_diff(lesson, Pg[f].grad, theirs[f], f"{spec['name']} {f}.grad",
                  run="backward module")
    return case


RUNS.update({"unfold": "F.unfold(image, P, stride=P), transposed"})

VIT = [
    # One channel given as H x W (conv_proj.weight E x 1 x P x P).
    dict(name="gray-h4-w4-p2-e3-grad-output", C=1, H=4, W=4, P=2, E=3,
         gray=True, grad_output=True),
    dict(name="c3-h4-w4-p2-e4-grad-output", C=3, H=4, W=4, P=2, E=4,
         grad_output=True),
    # Not square: 2 x 3 patches, numbered along the rows.
    dict(name="c2-h4-w6-p2-e3-no-bias-grad-output", C=2, H=4, W=6, P=2, E=3,
         omit=("conv_proj.bias",), grad_output=True),
    # P = the image's side: one patch.
    dict(name="c1-h3-w3-p3-n1-e2", C=1, H=3, W=3, P=3, E=2,
         omit=("class_token", "pos_embedding")),
    # P = 1: every pixel a patch.
    dict(name="c2-h2-w3-p1-e2-grad-output", C=2, H=2, W=3, P=1, E=2,
         grad_output=True),
    dict(name="c3-h2-w2-p2-n1-e5-no-class-token-grad-output", C=3, H=2, W=2,
         P=2, E=5, omit=("class_token",), grad_output=True),
    dict(name="gray-h2-w4-p2-e2-pos-only", C=1, H=2, W=4, P=2, E=2,
         gray=True, omit=("conv_proj.bias", "class_token")),
]


def vit_main():
    cases = []
    for k, spec in enumerate(VIT):
        spec = dict(spec)
        spec.setdefault("seed", 10300 + k)
        cases.append(vit_case(spec))
    names = [c["name"] for c in cases]
    assert len(set(names)) == len(names)
    write_cases("vit-patches", cases, torch=torch.__version__)
    report_lesson("vit-patches", names)


# ------------------------------------------------------------ lr-warmup
#
# The Transformer's learning-rate schedule (lr-warmup.json; Vaswani et al.
# 2017, section 5.3), no gradients (no "grads" member, as bleu's).  Input
# fields: d_model (512), warmup_steps (4000), factor (1), steps (integers >=
# 1, in the order given).  Values: lr (one per step, factor d_model^-0.5
# min(step^-0.5, step warmup_steps^-1.5)), peak_step (= warmup_steps),
# peak_lr (the formula at warmup_steps).  Checked: every lr against
# torch.optim.lr_scheduler.LambdaLR with that function (of max(epoch, 1), as
# The Annotated Transformer's rate) on an SGD optimizer of lr 1, stepped
# once per step, to 1e-15 relative; peak_lr the largest of the formula over
# steps 1 .. 2 warmup_steps.

def warmup_lr(step, d_model, warmup, factor):
    return factor * d_model ** -0.5 * min(step ** -0.5, step * warmup ** -1.5)


def lr_case(spec):
    lesson = "lr-warmup"
    d_model = spec.get("d_model", 512)
    warmup = spec.get("warmup_steps", 4000)
    factor = spec.get("factor", 1)
    steps = list(spec["steps"])
    assert steps and all(isinstance(s, int) and s >= 1 for s in steps)
    obj = {}
    for key in ("d_model", "warmup_steps", "factor"):
        if key in spec:
            obj[key] = spec[key]
    obj["steps"] = steps
    lr = [warmup_lr(s, d_model, warmup, factor) for s in steps]
    peak_lr = warmup_lr(warmup, d_model, warmup, factor)
    assert peak_lr == max(warmup_lr(s, d_model, warmup, factor)
                          for s in range(1, 2 * warmup + 1)), spec["name"]

    param = torch.zeros(1, dtype=DTYPE, requires_grad=True)
    opt = torch.optim.SGD([param], lr=1.0)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda e: warmup_lr(max(e, 1), d_model, warmup, factor))
    by_step = {}
    for s in range(1, max(steps) + 1):
        opt.step()
        sched.step()
        by_step[s] = sched.get_last_lr()[0]
    for s, mine in zip(steps, lr):
        rel = abs(mine - by_step[s]) / abs(by_step[s])
        assert rel <= 1e-15, (spec["name"], s, mine, by_step[s])
        key = (lesson, "LambdaLR")
        MAX_DIFF[key] = max(MAX_DIFF.get(key, 0.0), rel)
        EXACT[key] = EXACT.get(key, 0) + (mine == by_step[s])
        COMPARED[key] = COMPARED.get(key, 0) + 1
    values = {"lr": lr, "peak_step": warmup, "peak_lr": peak_lr}
    return {"name": spec["name"], "input": obj, "values": values}


RUNS.update({"LambdaLR": "LambdaLR on SGD(lr=1), relative (per step)"})

LR_WARMUP = [
    dict(name="default-steps5", steps=[1, 100, 4000, 8000, 20000]),
    # warmup 1: at step 1 both branches are 1.
    dict(name="warmup1-steps4", warmup_steps=1, steps=[1, 2, 3, 10]),
    dict(name="dmodel4-factor2-warmup10-steps6", d_model=4, factor=2,
         warmup_steps=10, steps=[1, 5, 10, 11, 20, 100]),
    dict(name="unsorted-steps7", steps=[8000, 1, 4000, 50, 20000, 3999,
                                        4001]),
    dict(name="steps-1", steps=[1]),
    dict(name="defaults-given-around-peak", d_model=512, warmup_steps=4000,
         factor=1, steps=[3999, 4000, 4001]),
]


def lr_main():
    cases = [lr_case(dict(spec)) for spec in LR_WARMUP]
    names = [c["name"] for c in cases]
    assert len(set(names)) == len(names)
    write_cases("lr-warmup", cases, torch=torch.__version__)
    report_lesson("lr-warmup", names)


if __name__ == "__main__":
    import sys
    # "char-lm", "bleu", "birnn", "seq2seq-attention", "transformer-block",
    # "decoder-block", "norms", "vit-patches" or "lr-warmup" alone
    # regenerates that lesson's file only.
    if sys.argv[1:] == ["char-lm"]:
        charlm_main()
    elif sys.argv[1:] == ["bleu"]:
        bleu_main()
    elif sys.argv[1:] == ["birnn"]:
        birnn_main()
    elif sys.argv[1:] == ["seq2seq-attention"]:
        s2s_main()
    elif sys.argv[1:] == ["transformer-block"]:
        block_main(decoder=False)
    elif sys.argv[1:] == ["decoder-block"]:
        block_main(decoder=True)
    elif sys.argv[1:] == ["norms"]:
        norms_main()
    elif sys.argv[1:] == ["vit-patches"]:
        vit_main()
    elif sys.argv[1:] == ["lr-warmup"]:
        lr_main()
    else:
        main()
        charlm_main()
        bleu_main()
        birnn_main()
        s2s_main()
        block_main(decoder=False)
        block_main(decoder=True)
        norms_main()
        vit_main()
        lr_main()
