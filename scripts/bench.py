#!/usr/bin/env python3
"""Throughput and peak-memory benchmark of the presslens release binary.

Standard library only. Builds a deterministic corpus from fixtures/**/*.txt
(paragraphs shuffled with a fixed seed, names and numbers varied), then runs
the binary on it, output to /dev/null, in three shapes:

  big     one file of --mb MB                 (--format json and jsonl)
  many    the same text as files of 2-20 KB   (--format jsonl, 1 and 2 threads)
  jsonl   the same text as {"id","text"} lines on stdin (--jsonl-in)

Each run is pinned with `taskset` (one core: -c 0; two: -c 0,1) and
RAYON_NUM_THREADS. Times are CPU time (user+sys of the child, from
os.wait4's rusage), because the machine may be shared and wall time then
says little; wall time is printed too. Peak memory is the child's ru_maxrss.

    cargo build --release
    python3 scripts/bench.py                    # 50 MB corpus in /tmp/presslens-bench
    python3 scripts/bench.py --mb 500 --only jsonl   # the 500 MB stream memory check

Prints one line per shape: MB/s (of CPU time), sentences/s, peak RSS, of
the run with the median CPU time of --runs runs (default 3).
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Names swapped in, deterministically, for capitalised words of the fixtures
# (made-up names, so the corpus is not the fixtures verbatim).
NAMES = [
    "Adebayo", "Brennan", "Castillo", "Dorsey", "Eklund", "Farouk", "Galvez",
    "Hartmann", "Ibarra", "Jansen", "Kowalski", "Lindqvist", "Moreau",
    "Nakamura", "Okafor", "Petrov", "Quinlan", "Rasmussen", "Sato", "Tanaka",
    "Underwood", "Varga", "Whitcombe", "Xiong", "Yilmaz", "Zapata",
]
NAME_RE = re.compile(r"\b(?:Mr\.|Ms\.|Mrs\.|Dr\.) ([A-Z][a-z]+)")
DIGITS_RE = re.compile(r"\d+")


def paragraphs():
    paras = []
    for dirpath, _dirs, files in sorted(os.walk(os.path.join(ROOT, "fixtures"))):
        for f in sorted(files):
            if f.endswith(".txt"):
                with open(os.path.join(dirpath, f), encoding="utf-8") as fh:
                    for p in fh.read().split("\n\n"):
                        if p.strip():
                            paras.append(p.strip())
    if not paras:
        sys.exit("no fixtures/**/*.txt found")
    return paras


def vary(p, rng):
    """Changes titled names and every number, deterministically from rng."""
    name = rng.choice(NAMES)
    p = NAME_RE.sub(lambda m: m.group(0).replace(m.group(1), name), p)
    shift = rng.randrange(1, 9)

    def num(m):
        # rotate every digit; keep the length (years stay 4 digits) and
        # no leading zero
        d = "".join(str((int(c) + shift) % 10) for c in m.group(0))
        return "1" + d[1:] if len(d) > 1 and d[0] == "0" else d

    return DIGITS_RE.sub(num, p)


def articles(total_bytes, seed=20261125):
    """Yields article texts (5-30 paragraphs each) until total_bytes."""
    rng = random.Random(seed)
    paras = paragraphs()
    done = 0
    while done < total_bytes:
        n = rng.randrange(5, 31)
        body = "\n\n".join(vary(rng.choice(paras), rng) for _ in range(n)) + "\n"
        done += len(body.encode("utf-8"))
        yield body


def build(out, mb, only):
    total = mb * 1_000_000
    os.makedirs(out, exist_ok=True)
    stamp = os.path.join(out, f"corpus-{mb}MB.done")
    if os.path.exists(stamp):
        return
    many = os.path.join(out, "many")
    shutil.rmtree(many, ignore_errors=True)
    os.makedirs(many)
    with open(os.path.join(out, "big.txt"), "w", encoding="utf-8") as big, \
            open(os.path.join(out, "stream.jsonl"), "w", encoding="utf-8") as js:
        for i, art in enumerate(articles(total)):
            if only in (None, "big"):
                big.write(art)
                big.write("\n")
            if only in (None, "many"):
                with open(os.path.join(many, f"a{i:06d}.txt"), "w", encoding="utf-8") as f:
                    f.write(art)
            if only in (None, "jsonl"):
                js.write(json.dumps({"id": i, "text": art}))
                js.write("\n")
    if only is None:
        open(stamp, "w").close()


def run(cmd, threads, stdin=None, runs=1):
    """CPU s, wall s and peak RSS of `cmd`: the run of median CPU time of
    `runs` runs (the VM's CPU time varies by 5% or more from run to run)."""
    results = sorted((run_once(cmd, threads, stdin) for _ in range(runs)), key=lambda r: r[0])
    return results[(len(results) - 1) // 2]


def run_once(cmd, threads, stdin=None):
    cores = "0" if threads == 1 else ",".join(str(c) for c in range(threads))
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    full = (["taskset", "-c", cores] if shutil.which("taskset") else []) + cmd
    t0 = time.monotonic()
    with open(os.devnull, "wb") as null:
        inp = open(stdin, "rb") if stdin else subprocess.DEVNULL
        p = subprocess.Popen(full, stdout=null, stdin=inp, env=env)
        _pid, status, ru = os.wait4(p.pid, 0)
        if stdin:
            inp.close()
    wall = time.monotonic() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(full)} exited {code}")
    return ru.ru_utime + ru.ru_stime, wall, ru.ru_maxrss * 1024  # maxrss in KiB on Linux


def sentence_count(cmd, stdin=None):
    """Sentences in the corpus, from --summary, read line by line so that
    this process stays small (a child's ru_maxrss starts from the size of
    the process that forked it)."""
    n = 0
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as inp:
        p = subprocess.Popen(cmd + ["--summary", "--quiet"], stdin=inp, stdout=subprocess.PIPE)
        for line in p.stdout:
            n += json.loads(line)["summary"]["sentences"]
        p.wait()
    return n


def size(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path))
    return os.path.getsize(path)


# Writes the first N bytes of a file, cut back to a paragraph break.
SLICE = """
import sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
head = open(src, "rb").read(n)
open(dst, "wb").write(head[:head.rfind(b"\\n\\n")])
"""


def report(label, nbytes, sents, cpu, wall, rss):
    print(f"{label:28} {nbytes / 1e6:7.1f} MB  cpu {cpu:6.2f} s  wall {wall:6.2f} s  "
          f"{nbytes / 1e6 / cpu:6.1f} MB/s  {sents / cpu:9.0f} sentences/s  "
          f"peak RSS {rss / 1e6:6.1f} MB", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "target/release/presslens"))
    ap.add_argument("--mb", type=int, default=50, help="corpus size in MB (default 50)")
    ap.add_argument("--dir", default="/tmp/presslens-bench")
    ap.add_argument("--only", choices=["big", "many", "jsonl"])
    ap.add_argument("--runs", type=int, default=3,
                    help="timed runs of each shape; the median is printed (default 3)")
    args = ap.parse_args()
    out = os.path.join(args.dir, f"{args.mb}MB")
    build(out, args.mb, args.only)
    b = args.binary
    big = os.path.join(out, "big.txt")
    many = os.path.join(out, "many")
    stream = os.path.join(out, "stream.jsonl")
    print(f"binary {b}; corpus {out}; CPU time = user+sys of the child, "
          f"median of {args.runs} run(s)", flush=True)
    floor = run(["true"], 1)[2]
    print(f"peak RSS of `true` started the same way (the floor): {floor / 1e6:.1f} MB", flush=True)

    if args.only in (None, "big"):
        n = sentence_count([b, "--format", "jsonl", "--max-bytes", str(10 * size(big) + 1), big])
        # the default --max-bytes is 64 MiB; lift it for big corpora
        base = [b, "--quiet", "--max-bytes", str(10 * size(big) + 1)]
        for fmt in ("json", "jsonl"):
            cpu, wall, rss = run(base + ["--format", fmt, big], 1, runs=args.runs)
            report(f"big file --format {fmt}", size(big), n, cpu, wall, rss)
            if fmt == "json":
                rate = size(big) / 1e6 / cpu
                print(f"{'':28} full analysis target 50 MB/s: {'met' if rate >= 50 else 'NOT met'}",
                      flush=True)
        # Peak memory of one document against the target 3 x size + 20 MB,
        # for the whole file and slices of it cut at a paragraph break.
        for mb in (1, 5, 20, None):
            path = big
            if mb is not None:
                if mb * 1_000_000 >= size(big):
                    continue
                path = os.path.join(out, f"slice-{mb}MB.txt")
                # Cut in a child process: a child's peak RSS counts from
                # ours, so this one must not grow by reading the slice.
                subprocess.run([sys.executable, "-c", SLICE, big, path, str(mb * 1_000_000)],
                               check=True)
            rss = run(base + ["--format", "json", path], 1)[2]
            limit = 3 * size(path) + 20e6
            print(f"one document {size(path) / 1e6:6.1f} MB: peak RSS {rss / 1e6:6.1f} MB, "
                  f"target {limit / 1e6:6.1f} MB: {'met' if rss <= limit else 'NOT met'}",
                  flush=True)
    if args.only in (None, "many"):
        n = sentence_count([b, "--format", "jsonl", many])
        files = len(os.listdir(many))
        for t in (1, 2):
            cpu, wall, rss = run([b, "--quiet", "--format", "jsonl", many], t, runs=args.runs)
            report(f"{files} files, {t} thread(s)", size(many), n, cpu, wall, rss)
            print(f"{'':28} wall-clock {size(many) / 1e6 / wall:6.1f} MB/s "
                  f"(scaling: compare the two wall figures on an idle machine)")
    if args.only in (None, "jsonl"):
        n = sentence_count([b, "--jsonl-in"], stdin=stream)
        for t in (1, 2):
            report(f"--jsonl-in, {t} thread(s)", size(stream), n,
                   *run([b, "--quiet", "--jsonl-in"], t, stdin=stream, runs=args.runs))


if __name__ == "__main__":
    main()
