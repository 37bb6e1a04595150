#!/usr/bin/env python3
"""Instructions per call of every benchmark in benches/render.rs and benches/parse.rs, counted
by valgrind's callgrind, ours beside the hand-written code, so that a change can be compared
with an earlier commit row by row whatever the machine's load.

    python3 benches/instructions.py                          # this checkout, its target/
    python3 benches/instructions.py --repo /work/baseline --target-dir /work/baseline-target \\
        --json /tmp/baseline.json                            # another checkout (git worktree)
    python3 benches/instructions.py --compare /tmp/baseline.json   # a change against it
    python3 benches/instructions.py --only '^render::aws_json::'   # some benches (a regex)

A baseline of a commit: `git worktree add --detach /tmp/base <commit>`, then the second
command with `--repo /tmp/base` and a target directory of its own; the script itself can live
in another checkout. A full run is 72 benches x 4 runs under valgrind: about 10 minutes on
one core after the build (`--jobs 2` runs two at once; counts do not depend on that).

What it does: `cargo bench --no-run --message-format=json` builds the two bench binaries (the
bench profile, optimised) and names them; `<binary> --list` (in the terse form divan gives
cargo-nextest) lists every bench by its full path, e.g. `render::aws_query::body_ours::static`.
Each is then run under `valgrind --tool=callgrind` with `--bench --exact <that path>
--sample-count 1 --sample-size N` (without `--bench` divan runs in test mode, one call):
divan calls the bench function once and its timed closure exactly N times. The check that a
run measured only the intended bench: divan's output must show exactly one timed row, with
that name and N iterations.

Why the difference of two N: a run's total also counts the process start-up, valgrind's own,
`main`'s check that ours and the hand-written code agree, divan's timer calibration and the
bench's setup outside the closure, none of which depends on N. So instructions per call =
(I(N2) - I(N1)) / (N2 - N1): everything done once cancels, and what is left is one call of
the closure, with divan's loop around it (a few instructions, the same for every bench) and
the drop of the closure's output. Divan keeps the N outputs and drops them after the sample,
so each call's allocations come from a growing heap rather than from a chunk just freed (for
ours and the hand-written side alike); this makes a count a little higher than in a loop that
drops each output at once, by roughly 150-200 instructions per output allocation.

Why the malloc settings: with glibc's defaults the count of some benches is not a straight
line in N. The heap grows and shrinks in small steps (brk, trimming, a buffer of N outputs
moving between mmap and the heap as the mmap threshold adapts), and each step shifts when
malloc consolidates free chunks, so one N of a run can sit 300,000 to 3,000,000 instructions
off the line through the others: 2-10% of a call between two N 4,000 apart, in the response
benches, which allocate most. Each run therefore has GLIBC_TUNABLES (see TUNABLES below): the
heap is grown 64 MiB at a time, never trimmed, and nothing under 32 MiB is mmapped; tcache,
fastbins and everything a call does are as by default. With these the slopes between N agree
to within an instruction for every bench measured.

Why a fixed environment: the parse benches' counts depend on the stack's alignment (by 12
instructions a call for `from_fault_ours`, 36 for some `parse_ours`: a 32-byte period), and the
stack starts below the process's arguments and environment, so a longer `PWD`, another
variable or a longer path to the binary would change them. Each run therefore gets the same
environment (only GLIBC_TUNABLES and a padding variable that brings argv and environment to
the same total length) and runs the binary through a symlink whose path has the same length
in every run. A change to the code can still move a frame's alignment; a change of a few
instructions in a parse row is within that.

Why four N and a median: the count of a bench is the median of the slopes between
consecutive N (default 2000, 6000, 10000, 14000), so that one N off the line, which moves two
slopes in opposite directions, is outvoted; the slopes are printed beside each count and their
spread is in the JSON, and when they agree the count is exact to a fraction of an instruction.
`--n 2000,12000` gives the plain two-N difference. Callgrind counts instructions executed,
which do not depend on the load, so one run per N is enough, and the same build gives the
same totals to a few hundred instructions; counts do depend on the compiler and the C library,
so compare builds made by the same toolchain on the same system (the toolchain is printed).

Output: a table (family, variant, what, ours, hand-written, ratio; for `copy` the second
column is the floor, `body_copy`), then the count of every bench with its slopes, and with
`--json FILE` all of it as JSON. With `--compare OLD.json` each row also shows the old counts
and how much ours changed. Python 3 standard library only.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCHES = ("render", "parse")
# glibc malloc: grow the heap 64 MiB at a time, never trim it, mmap nothing under 32 MiB.
TUNABLES = ("glibc.malloc.top_pad=67108864:glibc.malloc.trim_threshold=4294967295:"
            "glibc.malloc.mmap_threshold=33554432")
# The length of the client's argv and environment strings, padded to (see `count`).
STACK_STRINGS = 1024
VALGRIND = shutil.which("valgrind") or "valgrind"
VARIANTS = ("interpolated", "static")


def run(cmd, **kw):
    return subprocess.run(cmd, check=False, text=True, **kw)


def build(repo, target_dir):
    """{bench name: executable}, building them in the bench profile."""
    cmd = ["cargo", "bench", "--no-run", "--message-format=json"]
    for b in BENCHES:
        cmd += ["--bench", b]
    if target_dir:
        cmd += ["--target-dir", target_dir]
    p = run(cmd, cwd=repo, stdout=subprocess.PIPE)  # cargo's progress goes to our stderr
    if p.returncode != 0:
        sys.exit(f"build failed: {' '.join(cmd)} (exit {p.returncode})")
    exes = {}
    for line in p.stdout.splitlines():
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        target = msg.get("target") or {}
        if (
            msg.get("reason") == "compiler-artifact"
            and "bench" in target.get("kind", [])
            and target.get("name") in BENCHES
            and msg.get("executable")
        ):
            exes[target["name"]] = msg["executable"]
    missing = [b for b in BENCHES if b not in exes]
    if missing:
        sys.exit(f"cargo named no executable for {missing}")
    return exes


def list_benches(exe):
    """Every bench's full path, with its argument: `render::aws_query::body_ours::static`."""
    env = dict(os.environ, NEXTEST="1")  # divan's `--list --format terse` is for nextest
    p = run([exe, "--list", "--format", "terse"], env=env, capture_output=True)
    paths = [
        line[: -len(": benchmark")]
        for line in p.stdout.splitlines()
        if line.endswith(": benchmark")
    ]
    if p.returncode != 0 or not paths:
        sys.exit(f"{exe} --list failed (exit {p.returncode}):\n{p.stderr}")
    return paths


def count(exe, path, n):
    """Instructions callgrind counts for the whole process, with `path` called `n` times."""
    argv = [exe, "--bench", "--exact", path, "--sample-count", "1", "--sample-size", str(n),
            "--color", "never"]
    # The same environment for every run, and argv + environment of the same total length:
    # they sit at the top of the stack, so the stack's alignment does not change with them.
    pad = STACK_STRINGS - sum(len(x) + 1 for x in argv)
    env = {"GLIBC_TUNABLES": TUNABLES, "INSTRUCTIONS_PAD": "x" * pad}
    with tempfile.NamedTemporaryFile(prefix="callgrind-", suffix=".log") as log:
        cmd = [VALGRIND, "--tool=callgrind", "--callgrind-out-file=/dev/null",
               f"--log-file={log.name}", *argv]
        p = run(cmd, capture_output=True, env=env)
        with open(log.name, encoding="utf-8", errors="replace") as f:
            log_text = f.read()
    if p.returncode != 0:
        raise RuntimeError(f"{path}, N={n}: exit {p.returncode}\n{p.stderr}\n{log_text}")
    m = re.search(r"Collected\s*:\s*(\d+)", log_text)
    if not m:
        raise RuntimeError(f"{path}, N={n}: no 'Collected' line in callgrind's log\n{log_text}")
    # Divan prints one row per timed bench: its name, the times, the samples and the
    # iterations (last column). Exactly one row, this bench's, with n iterations.
    name = path.rsplit("::", 1)[-1]
    timed = []
    for line in p.stdout.splitlines():
        cells = line.split("│")
        if len(cells) >= 5 and cells[-1].strip().isdigit():
            words = cells[0].replace("├─", " ").replace("╰─", " ").replace("│", " ").split()
            timed.append((words[0] if words else "", int(cells[-1])))
    if timed != [(name, n)]:
        raise RuntimeError(f"{path}, N={n}: expected one timed row {(name, n)}, got {timed}")
    return int(m.group(1))


def measure(exe, path, ns):
    """The median of the slopes between consecutive call counts, with the slopes and totals."""
    totals = [count(exe, path, n) for n in ns]
    slopes = [(t2 - t1) / (n2 - n1) for n1, n2, t1, t2 in zip(ns, ns[1:], totals, totals[1:])]
    return {"per_call": statistics.median(slopes), "spread": max(slopes) - min(slopes),
            "slopes": slopes, "totals": totals}


def rows(per_call):
    """The table's rows: (family, variant, what, ours' bench, hand-written bench)."""
    out = []
    for f in dict.fromkeys(k.split("::")[1] for k in per_call):
        r, p = f"render::{f}", f"parse::{f}"
        for v in VARIANTS:
            out.append((f, v, "response", f"{r}::response_ours::{v}", f"{r}::response_hand::{v}"))
            out.append((f, v, "body", f"{r}::body_ours::{v}", f"{r}::body_hand::{v}"))
            if v == "static":
                out.append((f, v, "copy", f"{r}::body_ours::{v}", f"{r}::body_copy"))
        out.append((f, "", "parse", f"{p}::parse_ours", f"{p}::hand"))
        out.append((f, "", "parse+from_fault", f"{p}::from_fault_ours", f"{p}::hand"))
    return [row for row in out if row[3] in per_call and row[4] in per_call]


def git(repo, *args):
    p = run(["git", "-C", repo, *args], capture_output=True)
    return p.stdout.strip() if p.returncode == 0 else None


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repo", default=here, help="checkout to measure (default: %(default)s)")
    ap.add_argument("--target-dir", help="cargo's target directory (default: the repo's)")
    ap.add_argument("--n", default="2000,6000,10000,14000",
                    help="the call counts, two or more (default: %(default)s)")
    ap.add_argument("--only", help="measure only benches whose full path "
                    "(e.g. render::aws_json::body_ours::static) matches this regex")
    ap.add_argument("--jobs", type=int, default=1, help="valgrind runs at once (default: 1)")
    ap.add_argument("--json", help="also write the results to this file")
    ap.add_argument("--compare", help="a JSON file of an earlier run to show beside this one")
    a = ap.parse_args()
    ns = sorted(set(int(x) for x in a.n.split(",")))
    if len(ns) < 2:
        sys.exit("--n needs two different counts or more")
    repo = os.path.abspath(a.repo)
    start = time.monotonic()

    exes = build(repo, a.target_dir and os.path.abspath(a.target_dir))
    build_secs = time.monotonic() - start
    # Each binary is run through a link of the same length whichever checkout and target
    # directory it is in (its name is on the stack too).
    links = tempfile.mkdtemp(prefix="instructions-", dir="/tmp")
    for b in BENCHES:
        os.symlink(exes[b], os.path.join(links, b))
    todo = [
        (os.path.join(links, b), path)
        for b in BENCHES
        for path in list_benches(exes[b])
        if not a.only or re.search(a.only, path)
    ]
    per_call, failed = {}, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        futures = {pool.submit(measure, exe, path, ns): path for exe, path in todo}
        for done, fut in enumerate(concurrent.futures.as_completed(futures), 1):
            key = futures[fut]
            try:
                per_call[key] = fut.result()
                print(f"[{done}/{len(todo)}] {key}: {per_call[key]['per_call']:.1f}",
                      file=sys.stderr)
            except RuntimeError as e:
                failed.append(key)
                print(f"[{done}/{len(todo)}] {key}: FAILED\n{e}", file=sys.stderr)
    shutil.rmtree(links)
    per_call = {k: per_call[k] for _, k in todo if k in per_call}

    old = {}
    if a.compare:
        with open(a.compare, encoding="utf-8") as f:
            old = {k: v["per_call"] for k, v in json.load(f)["benches"].items()}

    commit = git(repo, "rev-parse", "--short", "HEAD")
    dirty = bool(git(repo, "status", "--porcelain", "--untracked-files=no"))
    rustc = run(["rustc", "-V"], cwd=repo, capture_output=True).stdout.strip()
    print(f"Instructions per call (callgrind; median over N = {', '.join(map(str, ns))} of "
          f"(I(next N) - I(N)) / (next N - N)): "
          f"{repo} at {commit}{' with uncommitted changes' if dirty else ''}, {rustc}")
    print()
    ic = lambda key: per_call[key]["per_call"]
    head = "| family | variant | what | ours | hand-written | ratio |"
    if old:
        head += " old ours | old hand-written | old ratio | ours: change |"
    print(head)
    print("|" + " --- |" * (head.count("|") - 1))
    table = []
    for family, variant, what, ours, hand in rows(per_call):
        row = {"family": family, "variant": variant, "what": what, "ours_bench": ours,
               "hand_bench": hand, "ours": ic(ours), "hand": ic(hand),
               "ratio": ic(ours) / ic(hand)}
        table.append(row)
        line = (f"| {family} | {variant or '–'} | {what} | {row['ours']:,.0f} | "
                f"{row['hand']:,.0f} | {row['ratio']:.3f} |")
        if old:
            if ours in old and hand in old:
                o, h = old[ours], old[hand]
                line += f" {o:,.0f} | {h:,.0f} | {o / h:.3f} | {row['ours'] / o - 1:+.1%} |"
            else:
                line += " – | – | – | – |"
        print(line)
    print()
    print("Every bench: instructions per call (the slopes between consecutive N)")
    print()
    for key, v in per_call.items():
        change = f"  {v['per_call'] / old[key] - 1:+.2%} against old" if key in old else ""
        slopes = " ".join(f"{x:,.1f}" for x in v["slopes"])
        print(f"  {key:<48} {v['per_call']:>9,.1f}  ({slopes}){change}")
    secs = time.monotonic() - start
    print()
    if per_call:
        worst = max(per_call, key=lambda k: per_call[k]["spread"] / per_call[k]["per_call"])
        print(f"Largest spread of the slopes: {per_call[worst]['spread']:,.1f} instructions "
              f"({per_call[worst]['spread'] / per_call[worst]['per_call']:.2%}), {worst}")
    print(f"{len(per_call)} benches, {len(failed)} failed; {secs:.0f} s "
          f"({build_secs:.0f} s of it cargo)")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"repo": repo, "commit": git(repo, "rev-parse", "HEAD"), "dirty": dirty,
                       "rustc": rustc, "n": ns, "glibc_tunables": TUNABLES, "executables": exes,
                       "benches": per_call, "rows": table, "failed": failed,
                       "seconds": round(secs, 1)}, f, indent=1)
            f.write("\n")
    if failed:
        sys.exit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
