"""Benchmark of the release build (run by .ci/bench): times every lesson's default example and the
large inputs of issue 5, the backward pass against its forward run, compares the default lstm-gates lesson with .ci/lstm_numpy.py, and runs
the worst input under each documented limit (README "Limits") with its time and peak memory.

Runs are interleaved (lesson, numpy, lesson, numpy, ...) so that both see the same machine load;
the figures are medians. Deterministic inputs (seeded), written to a temporary folder.

    python3 .ci/bench.py .build/release/lesson            # everything
    python3 .ci/bench.py .build/release/lesson --limits   # only the worst inputs under the limits
"""
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
LESSON = ARGS[0] if ARGS else ".build/release/lesson"
ONLY_LIMITS = "--limits" in sys.argv
RUNS = 21

# The documented limits (README "Limits"), as the code has them: Recurrent.swift, Attention.swift,
# PositionalEncoding.swift, LayerNorm.swift, Norms.swift, InputReader.swift, ClaimSet+JSON.swift, JSON.swift
# (JSONLimits.standard) and LessonCLI's Files.swift.
LIMITS = {
    "steps": 2_048, "size": 1_024,                       # rnn-unroll, lstm-gates, gru
    "tokens": 960, "width": 1_024,                       # attention-qkv, multi-head-attention
    "positions": 10_000, "d_model": 4_096,               # positional-encoding
    "rows": 4_096, "columns": 4_096,                     # layer-norm
    "entries": 65_536, "norms_tokens": 16_384,           # norms (B·T·D, B·T)
    "channels": 64, "side": 1_024, "embed": 1_024,       # vit-patches
    "multiply_adds": 2e8, "trace_numbers": 5e6,          # every lesson
    "gradient_terms": 2e7,                               # with --backward
    "file_bytes": 24 << 20, "claims": 1_000,
    "layers": 64, "layer_steps": 8_192, "checked_layer_steps": 70_000,  # stacked recurrent layers
    "checked_numbers": 2e7, "checked_cell_steps": 30_000,  # birnn, seq2seq-attention and the blocks --backward: the check's reruns
    "checked_multiply_adds": 1e8,                        # vit-patches --backward: the check's reruns
    "string": 1_000, "array": 100_000, "members": 1_000, "values": 6_000_000, "depth": 256,
}
WORST_SECONDS, WORST_BYTES = 2.0, 1 << 30


def run(args, stdin=None):
    start = time.perf_counter()
    out = subprocess.run(args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if out.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed ({out.returncode}): {out.stderr.decode()}")
    return elapsed, len(out.stdout)


def median_time(args, runs=RUNS):
    times = [run(args)[0] for _ in range(runs)]
    return statistics.median(times)


def matrix(rng, rows, cols):
    return [[round(rng.uniform(-1, 1), 3) for _ in range(cols)] for _ in range(rows)]


def everyday(folder):
    lessons = subprocess.run([LESSON, "list"], stdout=subprocess.PIPE, check=True).stdout.decode().split("\n")
    ids = [line.split()[0] for line in lessons if line.strip()]

    print(f"release build: {LESSON}; median of {RUNS} runs each\n")
    print("| lesson, default example | Markdown | JSON |")
    print("|---|---:|---:|")
    for lesson_id in ids:
        markdown = median_time([LESSON, lesson_id])
        as_json = median_time([LESSON, lesson_id, "--format", "json"])
        print(f"| {lesson_id} | {markdown * 1000:.1f} ms | {as_json * 1000:.1f} ms |")

    rng = random.Random(5)
    large = {
        "lstm-gates, 1000 steps, input 8, hidden 32": ("lstm-gates", {
            "input": matrix(rng, 1000, 8), "weight_ih_l0": matrix(rng, 128, 8), "weight_hh_l0": matrix(rng, 128, 32)}),
        "attention-qkv, 256 tokens × 64": ("attention-qkv", {
            "x": matrix(rng, 256, 64), "w_q": matrix(rng, 64, 64), "w_k": matrix(rng, 64, 64), "w_v": matrix(rng, 64, 64)}),
    }
    print("\n| large input | Markdown | size | JSON | size |")
    print("|---|---:|---:|---:|---:|")
    for title, (lesson_id, data) in large.items():
        path = folder / f"{lesson_id}.json"
        path.write_text(json.dumps(data))
        markdown = median_time([LESSON, lesson_id, "--input", str(path)], runs=7)
        as_json = median_time([LESSON, lesson_id, "--input", str(path), "--format", "json"], runs=7)
        md_size = run([LESSON, lesson_id, "--input", str(path)])[1]
        json_size = run([LESSON, lesson_id, "--input", str(path), "--format", "json"])[1]
        print(f"| {title} | {markdown * 1000:.0f} ms | {md_size / 1024:.0f} KB | {as_json * 1000:.0f} ms | {json_size / 1024:.0f} KB |")

    # The backward pass against the forward run it follows (issue 11: lstm-gates within 2×, the
    # 1000-step LSTM within 4× and under 600 KB of Markdown).
    print("\n| --backward | forward | backward | ratio | Markdown |")
    print("|---|---:|---:|---:|---:|")
    for title, args in [("lstm-gates, default example", ["lstm-gates"]),
                        ("rnn-unroll --example vanishing", ["rnn-unroll", "--example", "vanishing"]),
                        ("lstm-gates, 1000 steps, input 8, hidden 32", ["lstm-gates", "--input", str(folder / "lstm-gates.json")])]:
        runs = 7 if "--input" in args else RUNS
        forward = median_time([LESSON] + args, runs=runs)
        backward = median_time([LESSON] + args + ["--backward"], runs=runs)
        size = run([LESSON] + args + ["--backward"])[1]
        print(f"| {title} | {forward * 1000:.0f} ms | {backward * 1000:.0f} ms | {backward / forward:.1f}× | {size / 1024:.0f} KB |")

    example = folder / "lstm.json"
    example.write_bytes(subprocess.run([LESSON, "lstm-gates", "--print-input"], stdout=subprocess.PIPE, check=True).stdout)
    numpy_script = str(Path(__file__).with_name("lstm_numpy.py"))
    lesson_times, numpy_times = [], []
    for _ in range(RUNS):
        lesson_times.append(run([LESSON, "lstm-gates"])[0])
        numpy_times.append(run([sys.executable, numpy_script, str(example)])[0])
    ratio = statistics.median(lesson_times) / statistics.median(numpy_times)
    print(f"\nlstm-gates default example: lesson {statistics.median(lesson_times) * 1000:.1f} ms, "
          f"python3 + numpy {statistics.median(numpy_times) * 1000:.1f} ms (interleaved medians); ratio {ratio:.3f}")


# MARK: The worst input under each limit

# The work each lesson states before computing (its `expectWork` line), in the same terms.
def recurrent_work(blocks, steps, inputs, hidden, cell=False):
    stack = blocks * hidden
    numbers = steps * inputs + stack * inputs + stack * hidden + 2 * stack + hidden * (2 if cell else 1)
    numbers += steps * (2 * hidden if blocks == 1 else 10 * hidden)
    return steps * stack * (inputs + hidden), numbers


def attention_work(n, d, k, v, causal):
    return (n * d * (2 * k + v) + n * n * (k + v),
            n * d + d * (2 * k + v) + n * (2 * k + 2 * v + 2) + (5 if causal else 4) * n * n + 1)


def multi_head_work(l, s, e, heads, causal):
    inputs = l * e + 4 * e * e + 4 * e + 2
    return ((l + 2 * s) * e * e + 2 * l * s * e + l * e * e + heads * l * s,
            inputs + 2 * (l + 2 * s) * e + 3 * l * e + (3 * heads + (2 if causal else 1)) * l * s)


def positional_work(n, d, with_x):
    return 4 * n * d, n + 2 + 2 * d + (4 if with_x else 2) * n * d


def layer_norm_work(n, d):
    return 6 * n * d, 4 * n * d + 2 * d + 3 * n + 1


def norms_work(b, t, d, groups, backward=False):
    """norms' stated work (NormsInput's expectWork): four normalizations of B·T·D entries."""
    n = b * t * d
    madds, numbers = 24 * n, 9 * n + 3 * (d + b * t + b * d + b * groups) + 2
    return (3 * madds, 2 * numbers) if backward else (madds, numbers)


def norms_case(numbers, backward=False, tokens=False):
    """The most entries norms takes, as 64 sequences of 32 steps of 32 features (G = 2), with grad_output;
    or (tokens) the most tokens, 512 sequences of 32 steps of 4 features: a row each, the JSON trace's slowest shape."""
    b, t = (LIMITS["norms_tokens"] // 32, 32) if tokens else (64, 32)
    d = LIMITS["entries"] // (b * t)
    tensor = lambda: "[" + ",".join(numbers.matrix(t, d) for _ in range(b)) + "]"
    members = {"input": tensor()} | ({"grad_output": tensor()} if backward else {})
    return f"B {b}, T {t}, D {d}", norms_work(b, t, d, 2, backward), fields(members)
def vit_work(c, h, w, p, e, backward=False):
    """vit-patches' stated work (VitPatchesInput's expectWork): C × H × W pixels, P × P patches of E numbers."""
    n, cpp = (h // p) * (w // p), c * p * p
    madds, numbers = n * e * cpp + 2 * (n + 1) * e, 2 * c * h * w + 1 + e * cpp + 2 * e + n * e + 3 * (n + 1) * e
    return (3 * madds, 2 * numbers) if backward else (madds, numbers)


def vit_case(fixed, numbers, backward=False, every=False):
    """fixed: 'side' (one channel of 1,024 × 1,024 pixels, 16 × 16 patches), 'channels' (64, 8 × 8 patches)
    or 'embed' (E = 1,024, 3 channels, 16 × 16 patches); the other sizes as large as the work limits allow,
    with backward the check's reruns too (twice per array: the image and the weight, or every array)."""
    arrays = 5 if every else 2
    def shape(k):
        if fixed == "side":
            return 1, LIMITS["side"], LIMITS["side"], 16, min(k, LIMITS["embed"])
        if fixed == "channels":
            return LIMITS["channels"], 8 * k, 8 * k, 8, 64
        return 3, 16 * k, 16 * k, 16, LIMITS["embed"]

    high = LIMITS["embed"] if fixed == "side" else LIMITS["side"] // (8 if fixed == "channels" else 16)
    checked = lambda sh: not backward or 2 * arrays * vit_work(*sh)[0] <= LIMITS["checked_multiply_adds"]
    k = largest(lambda k: fits(vit_work(*shape(k), backward=backward)) and checked(shape(k)), high)
    c, h, w, p, e = shape(max(k, 1))
    image = "[" + ",".join(numbers.matrix(h, w) for _ in range(c)) + "]"
    weight = "[" + ",".join("[" + ",".join(numbers.matrix(p, p) for _ in range(c)) + "]" for _ in range(e)) + "]"
    members = {"image": image, "patch_size": str(p), "conv_proj.weight": weight}
    if every:
        n = (h // p) * (w // p)
        members |= {"conv_proj.bias": numbers.row(e), "class_token": numbers.row(e), "pos_embedding": numbers.matrix(n + 1, e),
                    "grad_output": numbers.matrix(n + 1, e)}
    return f"C {c}, H = W {h}, P {p}, E {e}", vit_work(c, h, w, p, e, backward), fields(members)


def char_lm_work(blocks, steps, vocab, hidden, generated=0, lstm=False, sampled=False):
    """char-lm's stated work (CharLMInput's expectWork), one-hot inputs."""
    stack = blocks * hidden
    cell_values = 2 * hidden if blocks == 1 else 10 * hidden
    inputs = steps * vocab + stack * (vocab + hidden + 2) + hidden * (2 if lstm else 1) + vocab * hidden + vocab
    numbers = inputs + steps * (cell_values + 2 * vocab + 1) + 2 + generated * (cell_values + 2 * vocab + 1 + (vocab + 1 if sampled else 0))
    return (steps + generated) * (stack * (vocab + hidden) + vocab * hidden), numbers


def char_lm_case(fixed, numbers):
    """fixed: 'text' (2,049 characters), 'vocab' (1,024 characters), 'hidden' (1,024) or 'generated'
    (2,048 characters sampled); an LSTM, the other sizes as large as the work limits allow."""
    chars = [chr(0x4E00 + j) for j in range(LIMITS["size"])]

    def shape(k):
        steps = LIMITS["string"] - 1 if fixed == "text" else min(k, LIMITS["string"] - 1)
        vocab = LIMITS["size"] if fixed == "vocab" else max(2, min(k, LIMITS["size"]))
        hidden = LIMITS["size"] if fixed == "hidden" else min(k, LIMITS["size"])
        generated = LIMITS["string"] if fixed == "generated" else 0
        return steps, vocab, hidden, generated

    work = lambda sh: char_lm_work(4, sh[0], sh[1], sh[2], sh[3], lstm=True, sampled=sh[3] > 0)
    k = largest(lambda k: fits(work(shape(k))), LIMITS["size"])
    steps, vocab, hidden, generated = shape(max(k, 1))
    text = "".join(chars[t % vocab] for t in range(steps + 1))
    members = {"text": json.dumps(text), "cell": '"lstm"', "rnn.weight_ih_l0": numbers.matrix(4 * hidden, vocab),
               "rnn.weight_hh_l0": numbers.matrix(4 * hidden, hidden), "fc.weight": numbers.matrix(vocab, hidden)}
    if vocab > len(set(text)):
        members["vocab"] = json.dumps(chars[:vocab])
    if generated:
        members["generate"] = json.dumps({"length": generated, "mode": "sample"})
    return f"T {steps}, V {vocab}, H {hidden}, {generated} generated", work((steps, vocab, hidden, generated)), fields(members)


def seq2seq_work(blocks, s, t, i, i2, h, v=0, score="dot", combine=False, targets=False):
    """seq2seq-attention's stated work (Seq2SeqInput's expectWork)."""
    general, concat, out = score == "general", score == "concat", v > 0
    inputs = s * i + t * i2 + blocks * h * (i + i2 + 2 * h + 4) + (h * h if general else 0) + (2 * h * h + h if concat else 0) \
        + (2 * h * h + h if combine else 0) + (v * h + v if out else 0)
    per_step = t * (2 * s + h + (h + s * h if concat else 0) + (3 * h if combine else 0) + (2 * v if out else 0) + (1 if targets else 0))
    numbers = inputs + (s + t) * (2 if blocks == 1 else 10) * h + s * h + (s * h if general or concat else 0) + per_step + (1 if targets else 0)
    madds = blocks * h * (h + i) * s + blocks * h * (h + i2) * t + t * s * h * (3 if concat else 2) \
        + (s * h * h if general or concat else 0) + t * ((2 * h * h if combine else 0) + v * h)
    return madds, numbers


def seq2seq_case(fixed, numbers, backward=False):
    """fixed: 'source' or 'target' (2,048 rows, the other as long as the work allows), 'hidden' (1,024);
    an LSTM with the concat score, the combine and output layers and targets (the most values a step)."""
    scale = 3 if backward else 1                 # --backward triples the multiply-adds and doubles the numbers

    def shape(k):
        if fixed == "hidden":
            return 1, 1, min(k, LIMITS["size"])
        if fixed == "balanced":
            return k, k, max(1, min(k // 64, LIMITS["size"]))
        s = LIMITS["steps"] if fixed == "source" else min(k, LIMITS["steps"])
        t = LIMITS["steps"] if fixed == "target" else min(k, LIMITS["steps"])
        return s, t, max(1, min(k // 64, LIMITS["size"]))

    def work(sh):
        s, t, h = sh
        madds, count = seq2seq_work(4, s, t, 2, 2, h, 4, "concat", True, True)
        return madds * scale, count * (2 if backward else 1)

    def fitting(k):
        # With --backward the check reruns the forward pass twice for each of the 10 arrays given.
        forward = seq2seq_work(4, *shape(k)[:2], 2, 2, shape(k)[2], 4, "concat", True, True)[1]
        s, t, _ = shape(k)
        return fits(work(shape(k))) and (not backward or (20 * forward <= LIMITS["checked_numbers"]
                                                            and 20 * (s + t + 6) <= LIMITS["checked_cell_steps"]))
    k = largest(fitting, LIMITS["steps"] if fixed != "hidden" else LIMITS["size"])
    s, t, h = shape(max(k, 1))
    members = {"cell": '"lstm"', "source": numbers.matrix(s, 2), "target": numbers.matrix(t, 2),
               "encoder.weight_ih_l0": numbers.matrix(4 * h, 2), "encoder.weight_hh_l0": numbers.matrix(4 * h, h),
               "decoder.weight_ih_l0": numbers.matrix(4 * h, 2), "decoder.weight_hh_l0": numbers.matrix(4 * h, h),
               "score": '"concat"', "attn.weight": numbers.matrix(h, 2 * h), "attn.v": json.dumps([0.1] * h),
               "combine.weight": numbers.matrix(h, 2 * h), "out.weight": numbers.matrix(4, h),
               "targets": json.dumps([1 + j % 4 for j in range(t)])}
    return f"S {s}, T {t}, H {h}, V 4", work((s, t, h)), fields(members)


def block_work(l, s, e, f, heads, causal, decoder):
    """transformer-block's and decoder-block's stated work (BlockInput's expectWork)."""
    norms = 3 if decoder else 2

    def attention_madds(nk):
        return (l + 2 * nk) * e * e + 2 * l * nk * e + l * e * e + heads * l * nk

    def attention_numbers(nk, masked):
        return 4 * e * e + 4 * e + 1 + (l + 2 * nk) * e + 3 * l * e + (3 * heads + 1) * l * nk + (l * nk if masked else 0)
    madds = attention_madds(l) + (attention_madds(s) if decoder else 0) + 2 * l * e * f + norms * 7 * l * e
    inputs = l * e + (s * e if decoder else 0) + 2 + 2 * f * e + f + e + norms * 2 * e
    numbers = (inputs + attention_numbers(l, causal) + (attention_numbers(s, False) if decoder else 0)
               + norms * (3 * l + 3 * l * e) + norms * l * e + 2 * l * f + l * e)
    return madds, numbers


def block_case(fixed, numbers, decoder=False, backward=False):
    """fixed: 'issue' (issue 16's block of L = 128, E = 64, F = 256, 8 heads), 'tokens' (L at the limit,
    E and F = 4E as large as the work allows, one head; the decoder's memory as long as allowed), 'width'
    (E at the limit, L as large as allowed, 8 heads); with backward, 'checked': the longest the check's reruns
    allow at the issue's widths (every array given: 2·13 reruns, 2·20 for the decoder; memory as long as the target)."""
    scale = (3, 2) if backward else (1, 1)
    arrays = 20 if decoder else 13

    def shape(k):
        k = max(k, 1)
        if fixed == "issue":
            return 128, 128, 64, 256, 8
        if fixed == "tokens":
            # The decoder's two attentions cannot both be 960 × 960: its memory is as long as the work allows.
            return (LIMITS["tokens"], k, 8, 32, 1) if decoder else (LIMITS["tokens"], LIMITS["tokens"], k, 4 * k, 1)
        if fixed == "checked":
            return k, k, 64, 256, 8
        # Two attentions' weights (8E²) keep the decoder below E = 1,024: it is as wide as the work allows.
        return (8, 8, k, 4, 1) if decoder else (k, k, LIMITS["width"], 4, 8)

    def work(sh):
        l, s, e, f, h = sh
        madds, count = block_work(l, s, e, f, h, True, decoder)
        return madds * scale[0], count * scale[1]

    def fitting(k):
        sh = shape(k)
        fine = fits(work(sh))
        if backward:
            fine = fine and 2 * arrays * block_work(*sh, True, decoder)[1] <= LIMITS["checked_numbers"]
        return fine
    # What k grows: E for the encoder's 'tokens' and the decoder's 'width', else the rows.
    grows_width = (fixed == "tokens" and not decoder) or (fixed == "width" and decoder)
    k = 0 if fixed == "issue" else largest(fitting, LIMITS["width"] if grows_width else LIMITS["tokens"])
    l, s, e, f, h = shape(k)
    x, mem = ("tgt", "multihead_attn.") if decoder else ("src", None)
    members = {x: numbers.matrix(l, e), "nhead": str(h), "linear1.weight": numbers.matrix(f, e), "linear2.weight": numbers.matrix(e, f),
               ("tgt_causal" if decoder else "causal"): "true"}
    for prefix in ["self_attn."] + ([mem] if decoder else []):
        members[prefix + "in_proj_weight"] = numbers.matrix(3 * e, e)
        members[prefix + "out_proj.weight"] = numbers.matrix(e, e)
        if backward:
            members[prefix + "in_proj_bias"] = numbers.row(3 * e)
            members[prefix + "out_proj.bias"] = numbers.row(e)
    if decoder:
        members["memory"] = numbers.matrix(s, e)
    if backward:
        members["linear1.bias"] = numbers.row(f)
        members["linear2.bias"] = numbers.row(e)
        for n in range(1, (3 if decoder else 2) + 1):
            members[f"norm{n}.weight"] = numbers.row(e)
            members[f"norm{n}.bias"] = numbers.row(e)
    rows = f"T {l}, S {s}" if decoder else f"L {l}"
    return f"{rows}, E {e}, F {f}, {h} heads, causal", work((l, s, e, f, h)), fields(members)


def bleu_case(fixed):
    """fixed: 'words' (a candidate of 10,000 words against 10 references of as many, every order to 16) or
    'references' (1,000 references of 100 words, the longest candidate the counts limit allows, order 4).
    Words are drawn from a small vocabulary, so that n-grams repeat and match."""
    rng = random.Random(3)
    vocab = [f"w{j}" for j in range(40)]
    sentence = lambda n: [rng.choice(vocab) for _ in range(n)]
    if fixed == "words":
        words, refs, ref_words, orders = 10_000, 10, 10_000, 16
    else:
        refs, ref_words, orders = 1_000, 100, 4
        words = largest(lambda w: sum(max(0, w - n + 1) for n in range(1, orders + 1)) * (refs + 3) <= 2_500_000, 10_000)
    grams = sum(max(0, words - n + 1) for n in range(1, orders + 1))
    counts = grams * (refs + 3) + 9 * orders + refs + 4
    madds = (words + refs * ref_words) * orders * (orders + 1) / 2 + grams * refs
    text = json.dumps({"candidate": sentence(words), "references": [sentence(ref_words) for _ in range(refs)], "max_n": orders})
    return f"{words} words, {refs} references of {ref_words}, max_n {orders}", (madds, counts), text


def fits(work):
    madds, numbers = work
    return madds <= LIMITS["multiply_adds"] and numbers <= LIMITS["trace_numbers"]


def largest(fitting, high):
    """The largest k in 1 … high with fitting(k) (which holds up to some k and not after), or 0."""
    low = 0
    while low < high:
        middle = (low + high + 1) // 2
        if fitting(middle):
            low = middle
        else:
            high = middle - 1
    return low


class Numbers:
    """Short random numbers as JSON text, quickly: rows are drawn from a fixed pool."""

    def __init__(self, seed, digits=3):
        rng = random.Random(seed)
        self.rng = rng
        self.pool = [f"{rng.uniform(-1, 1):.{digits}f}" for _ in range(4096)]

    def row(self, cols):
        return "[" + ",".join(self.rng.choices(self.pool, k=cols)) + "]"

    def matrix(self, rows, cols):
        return "[" + ",".join(self.row(cols) for _ in range(rows)) + "]"


def fields(members):
    """A JSON object from its keys and their values, already written as JSON text."""
    return "{" + ",".join(f"{json.dumps(key)}:{value}" for key, value in members.items()) + "}"


def recurrent_shape(fixed, k):
    """(steps, inputs, hidden) with `fixed` ('steps', 'inputs', 'hidden') at its limit and the others k, within theirs."""
    steps = LIMITS["steps"] if fixed == "steps" else min(k, LIMITS["steps"])
    inputs = LIMITS["size"] if fixed == "inputs" else min(k, LIMITS["size"])
    hidden = LIMITS["size"] if fixed == "hidden" else min(k, LIMITS["size"])
    return steps, inputs, hidden


def recurrent_case(lesson, blocks, fixed, numbers, tokens=None):
    """fixed: which dimension is at its limit ('steps', 'inputs', 'hidden'); the others grow together."""
    cell = lesson == "lstm-gates"
    k = largest(lambda k: fits(recurrent_work(blocks, *recurrent_shape(fixed, k), cell)), LIMITS["steps"])
    steps, inputs, hidden = recurrent_shape(fixed, max(k, 1))
    stack = blocks * hidden
    members = {"input": numbers.matrix(steps, inputs), "weight_ih_l0": numbers.matrix(stack, inputs),
               "weight_hh_l0": numbers.matrix(stack, hidden)}
    if tokens:
        members["tokens"] = json.dumps([tokens(t) for t in range(steps)])
    text = fields(members)
    return f"T {steps}, I {inputs}, H {hidden}", recurrent_work(blocks, steps, inputs, hidden, cell), text


def birnn_work(blocks, steps, inputs, hidden, cell=False):
    """birnn's stated work (BiRNNInput's expectWork): two directions, h0 (and c0) 2 × H, the output T × 2H."""
    stack = blocks * hidden
    weights = stack * inputs + stack * hidden + 2 * stack
    numbers = steps * inputs + 2 * weights + 2 * hidden * (2 if cell else 1)
    numbers += 2 * steps * (2 * hidden if blocks == 1 else 10 * hidden) + steps * 2 * hidden
    return 2 * steps * stack * (inputs + hidden), numbers


def birnn_case(cell, blocks, fixed, numbers):
    """fixed: which dimension is at its limit ('steps', 'inputs', 'hidden'); the others grow together."""
    lstm = cell == "lstm"
    k = largest(lambda k: fits(birnn_work(blocks, *recurrent_shape(fixed, k), lstm)), LIMITS["steps"])
    steps, inputs, hidden = recurrent_shape(fixed, max(k, 1))
    stack = blocks * hidden
    members = {"cell": json.dumps(cell), "input": numbers.matrix(steps, inputs)}
    for suffix in ["", "_reverse"]:
        members["weight_ih_l0" + suffix] = numbers.matrix(stack, inputs)
        members["weight_hh_l0" + suffix] = numbers.matrix(stack, hidden)
    return f"{cell}, T {steps}, I {inputs}, H {hidden}", birnn_work(blocks, steps, inputs, hidden, lstm), fields(members)


def birnn_all_case(steps, inputs, hidden, numbers):
    """An LSTM birnn with every array given (biases, h0, c0): the most the gradient check reruns."""
    stack = 4 * hidden
    members = {"cell": '"lstm"', "input": numbers.matrix(steps, inputs), "h0": numbers.matrix(2, hidden), "c0": numbers.matrix(2, hidden)}
    for suffix in ["", "_reverse"]:
        members["weight_ih_l0" + suffix] = numbers.matrix(stack, inputs)
        members["weight_hh_l0" + suffix] = numbers.matrix(stack, hidden)
        members["bias_ih_l0" + suffix] = numbers.matrix(1, stack)[1:-1]
        members["bias_hh_l0" + suffix] = numbers.matrix(1, stack)[1:-1]
    madds, count = birnn_work(4, steps, inputs, hidden, True)
    return f"lstm, T {steps}, I {inputs}, H {hidden}, every array", (madds, count), fields(members)


def attention_case(fixed, numbers):
    def shape(k):
        return (LIMITS["tokens"], min(k, LIMITS["width"])) if fixed == "tokens" else (min(k, LIMITS["tokens"]), LIMITS["width"])

    k = largest(lambda k: fits(attention_work(*shape(k)[:1], *[shape(k)[1]] * 3, True)), max(LIMITS["tokens"], LIMITS["width"]))
    n, w = shape(max(k, 1))
    text = fields({"x": numbers.matrix(n, w), "w_q": numbers.matrix(w, w), "w_k": numbers.matrix(w, w),
                   "w_v": numbers.matrix(w, w), "causal": "true"})
    return f"n {n}, d_model = d_k = d_v {w}, causal", attention_work(n, w, w, w, True), text


def multi_head_case(fixed, numbers):
    """tokens: L = S at the limit, one head; width: E at the limit with E heads of one column."""
    def shape(k):
        if fixed == "tokens":
            return LIMITS["tokens"], min(k, LIMITS["width"]), 1
        return min(k, LIMITS["tokens"]), LIMITS["width"], LIMITS["width"]

    k = largest(lambda k: fits(multi_head_work(shape(k)[0], shape(k)[0], shape(k)[1], shape(k)[2], True)),
                max(LIMITS["tokens"], LIMITS["width"]))
    l, e, heads = shape(max(k, 1))
    text = fields({"query": numbers.matrix(l, e), "num_heads": str(heads), "in_proj_weight": numbers.matrix(3 * e, e),
                   "out_proj.weight": numbers.matrix(e, e), "causal": "true"})
    return f"L = S {l}, E {e}, {heads} heads, causal", multi_head_work(l, l, e, heads, True), text


def positional_case(fixed, numbers):
    def shape(k):
        return (LIMITS["positions"], min(k, LIMITS["d_model"])) if fixed == "positions" else (min(k, LIMITS["positions"]), LIMITS["d_model"])

    k = largest(lambda k: fits(positional_work(*shape(k), True)), max(LIMITS["positions"], LIMITS["d_model"]))
    n, d = shape(max(k, 1))
    return f"n {n}, d_model {d}, with x", positional_work(n, d, True), fields({"positions": str(n), "d_model": str(d), "x": numbers.matrix(n, d)})


def layer_norm_case(fixed, numbers):
    def shape(k):
        return (LIMITS["rows"], min(k, LIMITS["columns"])) if fixed == "rows" else (min(k, LIMITS["rows"]), LIMITS["columns"])

    k = largest(lambda k: fits(layer_norm_work(*shape(k))), max(LIMITS["rows"], LIMITS["columns"]))
    n, d = shape(max(k, 1))
    return f"N {n}, D {d}", layer_norm_work(n, d), fields({"input": numbers.matrix(n, d)})


def largest_file_case():
    """A layer-norm input as large as the file limit allows within the numbers limit: long numbers."""
    n = LIMITS["rows"]
    d = largest(lambda d: fits(layer_norm_work(n, d)), LIMITS["columns"])
    digits = max(1, (LIMITS["file_bytes"] - 64) // (n * d) - 5)
    rng = random.Random(11)
    pool = ["-0." + "".join(rng.choice("0123456789") for _ in range(digits)) for _ in range(1024)]
    text = "{\"input\":[" + ",".join("[" + ",".join(rng.choices(pool, k=d)) + "]" for _ in range(n)) + "]}"
    return f"N {n}, D {d}, {digits}-digit numbers", layer_norm_work(n, d), text


def claims_case(folder, numbers):
    """The most claims, every one failing, on attention at the token limit: each gets its reason."""
    title, work, text = attention_case("tokens", numbers)
    n = LIMITS["tokens"]
    rng = random.Random(3)
    claims = [{"value": rng.choice(["scores", "weights", "exp", "scaled"]), "at": [rng.randint(1, n), rng.randint(1, n)],
               "expected": f"{rng.uniform(2, 3):.3f}"} for _ in range(LIMITS["claims"])]
    path = folder / "claims.json"
    path.write_text(json.dumps({"source": "bench", "claims": claims}))
    return f"{LIMITS['claims']} failing claims; {title}", work, text, ["--expect", str(path)]


def stacked_case(layers, steps, hidden, inputs):
    """An LSTM stack: `layers` layers of `hidden` units over `steps` steps of `inputs` numbers."""
    numbers = Numbers(5, digits=2)
    members = {"input": numbers.matrix(steps, inputs)}
    for l in range(layers):
        members[f"weight_ih_l{l}"] = numbers.matrix(4 * hidden, inputs if l == 0 else hidden)
        members[f"weight_hh_l{l}"] = numbers.matrix(4 * hidden, hidden)
        members[f"bias_ih_l{l}"] = "[" + ",".join(["0.1"] * (4 * hidden)) + "]"
    madds = steps * 4 * hidden * (inputs + hidden) + (layers - 1) * steps * 4 * hidden * 2 * hidden
    count = layers * steps * 10 * hidden
    return f"{layers} layers, T {steps}, I {inputs}, H {hidden}", (madds, count), fields(members)


def stacked_cases():
    """A stack at the limit of its cells, and, with --backward, at the limit of the gradient check's reruns."""
    cells = LIMITS["layer_steps"]
    yield ("lstm-gates: a stack of layers × steps at the limit", "lstm-gates", []) + stacked_case(LIMITS["layers"], cells // LIMITS["layers"], 8, 8)
    # The check reruns 2·(4L + 3) times L·(T + 6) layer-steps.
    steps = LIMITS["checked_layer_steps"] // (2 * 11 * 2) - 6
    yield ("lstm-gates --backward: 2 layers at the check's limit", "lstm-gates", ["--backward"]) + stacked_case(2, min(steps, LIMITS["steps"]), 2, 2)
    layers = max(l for l in range(2, LIMITS["layers"] + 1) if 2 * (4 * l + 3) * l * 7 <= LIMITS["checked_layer_steps"])
    yield (f"lstm-gates --backward: {layers} layers of one step", "lstm-gates", ["--backward"]) + stacked_case(layers, 1, 4, 4)


def slide_claims_case(folder):
    """A thousand failing claims on a trace small enough for every likely reason to be tried."""
    title, work, text = stacked_case(2, 1000, 8, 4)
    rng = random.Random(5)
    claims = [{"value": f"{rng.choice(['', 'l0.'])}h[{rng.randint(1, 1000)}]", "at": [rng.randint(1, 8)],
               "expected": f"{rng.uniform(2, 3):.3f}"} for _ in range(LIMITS["claims"])]
    path = folder / "slide-claims.json"
    path.write_text(json.dumps({"source": "bench", "claims": claims}))
    return f"{LIMITS['claims']} failing claims; {title}", work, text, ["--expect", str(path)]


def refused_cases():
    """Inputs the reader or the lesson refuses: each must be refused quickly, in little memory."""
    size = LIMITS["file_bytes"] - 16
    yield "24 MiB of [0,0,0,…]", lambda: "[" + "0," * (size // 2) + "0]"
    yield "24 MiB of one string", lambda: '"' + "a" * size + '"'
    yield "24 MiB of [[[[…", lambda: "[" * size
    yield "24 MiB of {\"a\":1,\"a\":1,…}", lambda: "{" + '"a":1,' * (size // 6) + '"a":1}'
    yield "24 MiB of {\"0000001\":0,…}", lambda: "{" + ",".join(f'"{i:07d}":0' for i in range(size // 12)) + "}"
    row = "[" + ",".join(["0"] * (LIMITS["array"] - 1)) + "]"
    yield "24 MiB of rows of zeros (the values limit)", lambda: '{"input":[' + ",".join([row] * (size // (2 * LIMITS["array"]))) + "]}"
    d = largest(lambda d: fits(layer_norm_work(LIMITS["rows"], d)), LIMITS["columns"]) + 1
    yield "layer-norm one column over the numbers limit", lambda: fields({"input": Numbers(9).matrix(LIMITS["rows"], d)})
    yield f"an unknown field of {LIMITS['string']} characters", lambda: fields({"input": "[[1,2]]", "x" * LIMITS["string"]: "1"})


def measure(args, runs):
    """Median wall time and largest peak resident memory (bytes) of `args`, and its exit status.
    The memory is GNU time's (%M) where there is one: a child forked from this process would
    count the bench's own memory too."""
    gnu_time = sys.platform.startswith("linux") and Path("/usr/bin/time").exists()
    times, peaks, status = [], [], 0
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile() as report:
        for _ in range(runs):
            out.seek(0)
            out.truncate()
            prefix = ["/usr/bin/time", "-f", "%M", "-o", report.name] if gnu_time else []
            start = time.perf_counter()
            process = subprocess.Popen(prefix + args, stdout=out, stderr=subprocess.DEVNULL)
            _, wait_status, usage = os.wait4(process.pid, 0)
            times.append(time.perf_counter() - start)
            process.returncode = status = os.waitstatus_to_exitcode(wait_status)
            if gnu_time:
                peaks.append(int(Path(report.name).read_text().split()[-1]) * 1024)
            else:
                # ru_maxrss is in KiB on Linux and in bytes on macOS.
                peaks.append(usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024))
    return statistics.median(times), max(peaks), status


def cell(seconds, peak, status):
    mark = " ⚠" if seconds > WORST_SECONDS or peak > WORST_BYTES else ""
    return f"{seconds:.2f} s, {peak / (1 << 20):.0f} MiB{'' if status in (0, 1) else f', exit {status}'}{mark}"


def worst_cases(folder):
    """(limit, lesson, input, work, flags, text): each text is made only when its case runs."""
    # One decimal, so that the widest inputs (an LSTM of hidden size 1,024) fit in the file limit.
    numbers = Numbers(7, digits=1)
    for lesson, blocks in [("rnn-unroll", 1), ("lstm-gates", 4), ("gru", 3)]:
        for fixed in ["steps", "inputs", "hidden"]:
            yield (f"{lesson}: {fixed} at the limit", lesson, []) + recurrent_case(lesson, blocks, fixed, numbers)
    for fixed in ["tokens", "width"]:
        yield (f"attention-qkv: {fixed} at the limit", "attention-qkv", []) + attention_case(fixed, numbers)
        yield (f"multi-head-attention: {fixed} at the limit", "multi-head-attention", []) + multi_head_case(fixed, numbers)
    for fixed in ["positions", "d_model"]:
        yield (f"positional-encoding: {fixed} at the limit", "positional-encoding", []) + positional_case(fixed, numbers)
    for fixed in ["rows", "columns"]:
        yield (f"layer-norm: {fixed} at the limit", "layer-norm", []) + layer_norm_case(fixed, numbers)
    yield ("norms: entries at the limit", "norms", []) + norms_case(numbers)
    yield ("norms --backward: entries at the limit", "norms", ["--backward"]) + norms_case(numbers, backward=True)
    yield ("norms --backward: tokens at the limit", "norms", ["--backward"]) + norms_case(numbers, backward=True, tokens=True)
    for fixed in ["text", "vocab", "hidden", "generated"]:
        yield (f"char-lm: {fixed} at the limit", "char-lm", []) + char_lm_case(fixed, numbers)
    for fixed in ["side", "channels", "embed"]:
        yield (f"vit-patches: {fixed} at the limit", "vit-patches", []) + vit_case(fixed, numbers)
    yield ("vit-patches --backward: side at the limit", "vit-patches", ["--backward"]) + vit_case("side", numbers, backward=True)
    # The breaker's case of issue 16: 64 channels of 128 × 128 (8 × 8 patches), every array given, as wide as the check allows.
    yield ("vit-patches --backward: channels, every array at the check's limit", "vit-patches", ["--backward"]) \
        + vit_case("channels", numbers, backward=True, every=True)
    # Two directions' weights: an LSTM of hidden size 1,024 is past the trace limit, a tanh RNN's is not.
    for cell, blocks, sizes in [("rnn", 1, ["steps", "inputs", "hidden"]), ("lstm", 4, ["steps", "inputs"])]:
        for fixed in sizes:
            yield (f"birnn ({cell}): {fixed} at the limit", "birnn", []) + birnn_case(cell, blocks, fixed, numbers)
    # With --backward, every array of an LSTM given (11), at the limit of the check's reruns: 2·11 times 2·(T + 6) direction-steps.
    # The widest cells the terms of the gradients' sums allow at those steps.
    steps = LIMITS["checked_cell_steps"] // (2 * 11 * 2) - 6
    width = largest(lambda k: birnn_work(4, steps, k, k, True)[0] <= LIMITS["gradient_terms"], LIMITS["size"])
    yield ("birnn --backward: every array at the check's limit", "birnn", ["--backward"]) + birnn_all_case(steps, width, width, numbers)
    for fixed in ["words", "references"]:
        yield (f"bleu: {fixed} at the limit", "bleu", []) + bleu_case(fixed)
    for fixed in ["source", "target", "hidden"]:
        yield (f"seq2seq-attention: {fixed} at the limit", "seq2seq-attention", []) + seq2seq_case(fixed, numbers)
    yield ("seq2seq-attention --backward: at the check's limit", "seq2seq-attention", ["--backward"]) + seq2seq_case("balanced", numbers, backward=True)
    for lesson, decoder in [("transformer-block", False), ("decoder-block", True)]:
        for fixed in ["issue", "tokens", "width"]:
            yield (f"{lesson}: {fixed}", lesson, []) + block_case(fixed, numbers, decoder)
        # The decoder's 17 arrays at L = 128 are past the check's limit: only the longest it allows.
        for fixed in (["checked"] if decoder else ["issue", "checked"]):
            yield (f"{lesson} --backward: {fixed}", lesson, ["--backward"]) + block_case(fixed, numbers, decoder, backward=True)
    # The schedule at its 10,000 steps: four numbers per step.
    steps = list(range(1, 10_001))
    yield ("lr-warmup: steps at the limit", "lr-warmup", [], "10,000 steps, w 1", (4 * len(steps), 4 * len(steps) + 6),
           json.dumps({"warmup_steps": 1, "steps": steps}))
    yield ("largest input file", "layer-norm", []) + largest_file_case()
    title, work, text, flags = claims_case(folder, numbers)
    yield "most claims", "attention-qkv", flags, title, work, text
    title, work, text, flags = slide_claims_case(folder)
    yield "most claims, every reason tried", "lstm-gates", flags, title, work, text
    yield from stacked_cases()
    label = lambda t: "w" * (LIMITS["string"] - len(str(t))) + str(t)
    yield (f"longest names: labels of {LIMITS['string']} characters", "lstm-gates", []) \
        + recurrent_case("lstm-gates", 4, "steps", numbers, tokens=label)


def limits(folder, runs=3):
    print(f"\nWorst input under each limit ({LESSON}; Markdown and JSON: median of {runs} runs, to a file as stdout; "
          f"-o writes the note and its figures, one run; ⚠ over {WORST_SECONDS:.0f} s or {WORST_BYTES >> 30} GiB).\n")
    print("| limit | input | multiply-adds | trace numbers | file | Markdown | JSON | -o note.md |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    path, out = folder / "input.json", folder / "out"
    for name, lesson, flags, title, (madds, count), text in worst_cases(folder):
        path.write_text(text)
        del text
        base = [LESSON, lesson, "--input", str(path)] + flags
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        results = [measure(base, runs), measure(base + ["--format", "json"], runs), measure(base + ["-o", str(out / "note.md")], 1)]
        print(f"| {name} | {title} | {madds:.2g} | {count:.2g} | {path.stat().st_size / (1 << 20):.1f} MiB | "
              + " | ".join(cell(*r) for r in results) + " |", flush=True)

    print("\n| refused input | file | time, memory | error |")
    print("|---|---:|---:|---|")
    for name, make in refused_cases():
        path.write_text(make())
        seconds, peak, status = measure([LESSON, "layer-norm", "--input", str(path)], runs)
        error = subprocess.run([LESSON, "layer-norm", "--input", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).stderr.decode()
        error = error.strip().replace(str(path), "input.json").replace("|", "\\|")
        print(f"| {name} | {path.stat().st_size / (1 << 20):.1f} MiB | {cell(seconds, peak, status)} | {error[:160]} |", flush=True)


def main():
    folder = Path(tempfile.mkdtemp(prefix="lesson-bench-"))
    try:
        if not ONLY_LIMITS:
            everyday(folder)
        limits(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
