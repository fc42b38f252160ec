"""Benchmark of the release build (run by .ci/bench): times every lesson's default example and the
large inputs of issue 5, and compares the default lstm-gates lesson with .ci/lstm_numpy.py.

Runs are interleaved (lesson, numpy, lesson, numpy, ...) so that both see the same machine load;
the figures are medians. Deterministic inputs (seeded), written to a temporary folder.
"""
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LESSON = sys.argv[1] if len(sys.argv) > 1 else ".build/release/lesson"
RUNS = 21


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


def main():
    folder = Path(tempfile.mkdtemp(prefix="lesson-bench-"))
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


if __name__ == "__main__":
    main()
